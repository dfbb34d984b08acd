/** Header matching (docs/RULES.md §1): which of the user's columns hold what, and where the managed columns are. */

export type ColumnKey =
  | 'company'
  | 'role'
  | 'status'
  | 'applied'
  | 'interview'
  | 'expected'
  | 'plannedFollowUp'
  | 'recruiter'
  | 'recruiterEmail'
  | 'interviewer'
  | 'interviewerEmail'
  | 'thankYou'
  | 'lastFollowUp'
  | 'followUps'
  | 'heardBack'
  | 'personalNote'
  | 'update'
  | 'notes';

export type ManagedKey = 'nextFollowUp' | 'due' | 'followUpStatus' | 'priority' | 'draft';

/** Accepted headers per column, in docs/RULES.md order; the first is the header the add-on writes when it adds one. */
export const COLUMN_HEADERS: Readonly<Record<ColumnKey, readonly string[]>> = {
  company: ['Company', 'Company name', 'Employer', 'Organization', 'Organisation'],
  role: ['Role', 'Position', 'Job title', 'Title', 'Job'],
  status: ['Status', 'Stage', 'Application status'],
  applied: ['Applied', 'Date applied', 'Applied on', 'Application date'],
  interview: ['Interview date', 'Interview', 'Interviewed', 'Interviewed on', 'Last interview'],
  expected: ['Expected response', 'Hear back by', 'Response expected', 'Decision by', 'Next steps'],
  plannedFollowUp: ['Follow-up date', 'Next follow-up date'],
  recruiter: ['Recruiter', 'Recruiter name', 'Contact', 'Contact name'],
  recruiterEmail: ['Recruiter email', 'Contact email', 'Email'],
  interviewer: ['Interviewer', 'Interviewer name', 'Hiring manager'],
  interviewerEmail: ['Interviewer email', 'Hiring manager email'],
  thankYou: ['Thank-you sent', 'Thank you sent', 'Thank-you note sent', 'Thanked'],
  lastFollowUp: ['Last follow-up', 'Last followed up', 'Last contacted', 'Followed up'],
  followUps: ['Follow-ups sent', 'Follow-ups', 'Number of follow-ups'],
  heardBack: ['Heard back', 'Response date', 'Replied', 'Reply received'],
  personalNote: [
    'Personal note',
    'Personal reference',
    'Talking point',
    'Talking points',
    'Thank-you note',
    'Something to mention',
  ],
  update: ['Update', 'Achievements', 'Work samples', 'Portfolio', 'Extra info'],
  notes: ['Notes', 'Interview notes', 'Conversation notes', 'Comments'],
};

/** The add-on's own columns, in the order it appends them. */
export const MANAGED_HEADERS: Readonly<Record<ManagedKey, string>> = {
  nextFollowUp: 'Next follow-up',
  due: 'Due',
  followUpStatus: 'Follow-up status',
  priority: 'Priority',
  draft: 'Draft',
};

export const MANAGED_KEYS = Object.keys(MANAGED_HEADERS) as ManagedKey[];
export const COLUMN_KEYS = Object.keys(COLUMN_HEADERS) as ColumnKey[];

/**
 * Lower-cases and drops spaces, punctuation, a leading `#` and a trailing `(optional)`.
 * @example normaliseHeader('# Thank-you sent (optional)') // 'thankyousent'
 */
export function normaliseHeader(header: unknown): string {
  return String(header ?? '')
    .trim()
    .toLowerCase()
    .replace(/^#\s*/, '')
    .replace(/\(\s*optional\s*\)\s*$/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const LOOKUP = new Map<string, { kind: 'column'; key: ColumnKey } | { kind: 'managed'; key: ManagedKey }>();
for (const key of COLUMN_KEYS) {
  for (const header of COLUMN_HEADERS[key]) LOOKUP.set(normaliseHeader(header), { kind: 'column', key });
}
for (const key of MANAGED_KEYS) LOOKUP.set(normaliseHeader(MANAGED_HEADERS[key]), { kind: 'managed', key });

export interface HeaderMap {
  /** Zero-based column index of each recognised user column (the first match wins). */
  columns: Partial<Record<ColumnKey, number>>;
  /** Zero-based column index of each managed column found (wherever the user moved it). */
  managed: Partial<Record<ManagedKey, number>>;
  /** Headers that repeat a column already matched; those columns are left as the user's own. */
  duplicates: { index: number; header: string; key: ColumnKey | ManagedKey }[];
}

/** Matches a header row. Unknown headers are the user's own and are absent from the map. */
export function matchHeaders(headerRow: readonly unknown[]): HeaderMap {
  const map: HeaderMap = { columns: {}, managed: {}, duplicates: [] };
  headerRow.forEach((header, index) => {
    const match = LOOKUP.get(normaliseHeader(header));
    if (!match) return;
    const target: Partial<Record<string, number>> = match.kind === 'column' ? map.columns : map.managed;
    if (target[match.key] === undefined) target[match.key] = index;
    else map.duplicates.push({ index, header: String(header), key: match.key });
  });
  return map;
}

/** True when this header row makes a sheet a tracker (it has a Company column). */
export function isTrackerHeader(headerRow: readonly unknown[]): boolean {
  return headerRow.some((header) => LOOKUP.get(normaliseHeader(header))?.key === 'company');
}

/** Column letters for a zero-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
