/**
 * Header matching (docs/RULES.md §1): which of the user's columns holds what, decided across the whole header row,
 * and where the add-on's own columns are.
 */
import { headerParts, keyVocabulary, normaliseHeader, readHeader, STRENGTH } from './headers';

export { normaliseHeader } from './headers';

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

/**
 * Spellings that must read as each key, from the table of docs/RULES.md §1; the first is the header the add-on
 * writes when it adds the column. ("Date added" and "Date" read as the applied date only when no other column
 * does, so they are not listed.)
 */
export const COLUMN_HEADERS: Readonly<Record<ColumnKey, readonly string[]>> = {
  company: ['Company', 'Company name', 'Employer', 'Organization', 'Organisation'],
  role: ['Role', 'Position', 'Job title', 'Title', 'Job', 'Role/Title', 'Position / Role'],
  status: ['Status', 'Stage', 'Application status', 'Current status'],
  applied: [
    'Applied',
    'Date applied',
    'Applied on',
    'Application date',
    'Applied date',
    'applied_date',
    'Application time',
    'App submitted date',
  ],
  interview: ['Interview date', 'Interview', 'Interviewed', 'Interviewed on', 'Last interview', 'Interview dates'],
  expected: [
    'Expected response',
    'Hear back by',
    'Response expected',
    'Decision by',
    'Next steps',
    'Next step',
    'Decision date',
  ],
  plannedFollowUp: [
    'Follow-up date',
    'Next follow-up date',
    'Next step due',
    'Next action date',
    'Follow up on',
    'Reminder',
  ],
  recruiter: [
    'Recruiter',
    'Recruiter name',
    'Contact',
    'Contact name',
    'Contact person',
    'HR contact name',
    'Name of the contact person',
    'Contact name/title',
  ],
  recruiterEmail: [
    'Recruiter email',
    'Contact email',
    'Email',
    'Contact e-mail address',
    'HR contact email',
    'Contact info phone/e-mail',
  ],
  interviewer: ['Interviewer', 'Interviewer name', 'Hiring manager'],
  interviewerEmail: ['Interviewer email', 'Hiring manager email'],
  thankYou: ['Thank-you sent', 'Thank you sent', 'Thank-you note sent', 'Thanked'],
  lastFollowUp: ['Last follow-up', 'Last followed up', 'Last contacted', 'Followed up', 'Follow-up sent on'],
  followUps: ['Follow-ups sent', 'Follow-ups', 'Number of follow-ups'],
  heardBack: [
    'Heard back',
    'Response date',
    'Replied',
    'Reply received',
    'Response',
    'Outcome',
    'Response and feedback',
  ],
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

/** What each column holds, as a sentence names it ("Column "Interview" also reads as the interview date"). */
export const KEY_LABELS: Readonly<Record<ColumnKey, string>> = {
  company: 'the company',
  role: 'the role',
  status: 'the status',
  applied: 'the applied date',
  interview: 'the interview date',
  expected: 'the expected response',
  plannedFollowUp: 'your planned follow-up date',
  recruiter: "the recruiter's name",
  recruiterEmail: "the recruiter's email",
  interviewer: "the interviewer's name",
  interviewerEmail: "the interviewer's email",
  thankYou: 'the thank-you sent',
  lastFollowUp: 'the last follow-up',
  followUps: 'the follow-ups sent',
  heardBack: 'heard back',
  personalNote: 'the personal note for the thank-you',
  update: 'the update to share',
  notes: 'your private notes',
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

/** Keys whose cells are dates: "Date" is the applied date only when none of these is read from another column. */
const DATE_KEYS: readonly ColumnKey[] = ['applied', 'interview', 'expected', 'plannedFollowUp'];

export interface MatchOptions {
  /** Zero-based columns the add-on marked as its own (developer metadata): never read as a user column. */
  marked?: Iterable<number>;
  /** The `columns` setting: the header to read for a key ('' for none), matched normalised (docs/RULES.md §1). */
  overrides?: Readonly<Partial<Record<ColumnKey, string>>>;
}

export interface HeaderEntry {
  index: number;
  header: string;
}

export interface HeaderMap {
  /** The header row as the sheet shows it, one text per column (for Check setup's closest header). */
  row: string[];
  /** Zero-based column index of each user column read. */
  columns: Partial<Record<ColumnKey, number>>;
  /** Each read column's header as the sheet shows it, for messages that name the cell. */
  labels: Partial<Record<ColumnKey, string>>;
  /**
   * The first column, marked or not, whose header is each managed header. Kept until the app finds its columns by
   * their marks; `managedHeaders` lists the unmarked ones.
   */
  managed: Partial<Record<ManagedKey, number>>;
  /** Unmarked columns whose header is a managed one ("Priority" of the user's own, or a column of an old version). */
  managedHeaders: (HeaderEntry & { key: ManagedKey })[];
  /** Headers that read as a key as strongly as the column read for it; those columns are left as the user's own. */
  duplicates: (HeaderEntry & { key: ColumnKey | ManagedKey })[];
  /** Headers that read as a key more weakly than the column read for it ("Interview" beside "Interview date"). */
  outranked: (HeaderEntry & { key: ColumnKey })[];
  /** Headers that mean two keys at once; read as neither. */
  ambiguous: (HeaderEntry & { keys: ColumnKey[] })[];
  /** Keys the `columns` setting maps to a header the sheet does not have. */
  missingOverrides: { key: ColumnKey; header: string }[];
}

interface Candidate {
  index: number;
  key: ColumnKey;
  strength: number;
}

/**
 * Reads a header row (docs/RULES.md §1). Each column is read as at most one key and each key from at most one column:
 * the `columns` setting first, then the strongest reading (a header that names a date beats one that does not, for
 * the date columns), then the first column. Marked columns are never read; unknown headers are the user's own.
 * @example matchHeaders(['Company', 'Date Applied', 'Contact E-mail Address']).columns // { company: 0, applied: 1, recruiterEmail: 2 }
 */
export function matchHeaders(headerRow: readonly unknown[], options: MatchOptions = {}): HeaderMap {
  const map: HeaderMap = {
    row: headerRow.map((h) => (h === null || h === undefined ? '' : String(h))),
    columns: {},
    labels: {},
    managed: {},
    managedHeaders: [],
    duplicates: [],
    outranked: [],
    ambiguous: [],
    missingOverrides: [],
  };
  const marked = new Set(options.marked ?? []);
  const taken = new Set<number>();
  const assign = (key: ColumnKey, index: number) => {
    map.columns[key] = index;
    map.labels[key] = String(headerRow[index] ?? '');
    taken.add(index);
  };
  const overridden = new Set<ColumnKey>();
  for (const key of COLUMN_KEYS) {
    const wanted = options.overrides?.[key];
    if (wanted === undefined) continue;
    overridden.add(key);
    if (wanted.trim() === '') continue;
    const target = normaliseHeader(wanted);
    const index = headerRow.findIndex((h, i) => !marked.has(i) && !taken.has(i) && normaliseHeader(h) === target);
    if (index === -1) map.missingOverrides.push({ key, header: wanted });
    else assign(key, index);
  }

  const candidates: Candidate[] = [];
  headerRow.forEach((header, index) => {
    if (taken.has(index)) return;
    const reading = readHeader(header);
    if (reading.kind === 'managed') {
      if (map.managed[reading.key] === undefined) map.managed[reading.key] = index;
      else map.duplicates.push({ index, header: String(header), key: reading.key });
      if (!marked.has(index)) map.managedHeaders.push({ index, header: String(header), key: reading.key });
      return;
    }
    if (marked.has(index)) return;
    if (reading.kind === 'ambiguous') map.ambiguous.push({ index, header: String(header), keys: reading.keys });
    else if (reading.kind === 'column' && !overridden.has(reading.key)) candidates.push({ index, ...reading });
  });

  const fallbacks = candidates.filter((c) => c.strength === STRENGTH.fallback);
  for (const key of COLUMN_KEYS) {
    const ranked = candidates
      .filter((c) => c.key === key && c.strength > STRENGTH.fallback)
      .sort((a, b) => b.strength - a.strength || a.index - b.index);
    const [best, ...rest] = ranked;
    if (!best) continue;
    assign(key, best.index);
    for (const other of rest) {
      const entry = { index: other.index, header: String(headerRow[other.index]), key };
      if (other.strength === best.strength) map.duplicates.push(entry);
      else map.outranked.push(entry);
    }
  }
  const [fallback] = fallbacks;
  if (fallback && DATE_KEYS.every((k) => map.columns[k] === undefined)) assign(fallback.key, fallback.index);
  return map;
}

/** True when this header row makes a sheet a tracker: a column reads as the company. */
export function isTrackerHeader(headerRow: readonly unknown[], options: MatchOptions = {}): boolean {
  return matchHeaders(headerRow, options).columns.company !== undefined;
}

/**
 * True when two words are at most `limit` typos apart (a letter missing, extra, wrong, or two letters swapped:
 * "Intervew", "Compnay").
 */
function withinTypos(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]! <= limit;
}

/**
 * For a key the sheet does not read, the existing header that looks most like it (for Check setup's "rename it, or
 * map it in Settings"): one that shares the key's words or is one typo away from them. Never a managed header, a
 * marked column or a column already read as another key. Null when nothing looks close.
 * @example closestHeader('status', ['Company', 'Detailed Status'], matchHeaders(['Company', 'Detailed Status'])) // { index: 1, header: 'Detailed Status' }
 */
export function closestHeader(
  key: ColumnKey,
  headerRow: readonly unknown[],
  map: HeaderMap,
  options: Pick<MatchOptions, 'marked'> = {},
): HeaderEntry | null {
  if (map.columns[key] !== undefined) return null;
  const excluded = new Set<number>([
    ...Object.values(map.columns),
    ...Object.values(map.managed),
    ...map.managedHeaders.map((m) => m.index),
    ...(options.marked ?? []),
  ]);
  const { phrases, also, excludes } = keyVocabulary(key);
  // Words of five letters or more may carry one typo; shorter ones must be spelled as the key's.
  const same = (word: string, wanted: string) =>
    word === wanted || (word.length >= 5 && wanted.length >= 5 && withinTypos(word, wanted, 1));
  let best: (HeaderEntry & { score: number }) | null = null;
  headerRow.forEach((header, index) => {
    if (excluded.has(index)) return;
    const words = headerParts(header).flat();
    if (words.some((w) => excludes.has(w))) return;
    const phrase = phrases.find((p) => p.every((wanted) => words.some((w) => same(w, wanted))));
    if (!phrase) return;
    const known = words.filter((w) => phrase.some((wanted) => same(w, wanted)) || also.has(w)).length;
    // Words the key does not use make a header less likely to be the one meant.
    const score = phrase.length * 3 + known - (words.length - known);
    if (best === null || score > best.score) best = { index, header: String(header), score };
  });
  if (best === null) return null;
  const { index, header } = best;
  return { index, header };
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
