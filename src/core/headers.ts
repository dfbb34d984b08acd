/**
 * Reading one header by its words (docs/RULES.md §1): a header is normalised to words, then matched against the
 * words that mean each column, so "Date Applied", "applied_date" and "✉️ Applied on?" all read as the applied date
 * while "Days since applied" or "Application deadline" do not.
 */
import type { ColumnKey, ManagedKey } from './columns';
import { withoutEmoji } from './text';

/** How strongly a header reads as a key; among columns that read as the same key, the strongest wins. */
export const STRENGTH = {
  /** The key's own words ("Applied", "Interview date"). */
  firm: 4,
  /** A header that means the key only when no firmer one does ("Date added" for the applied date). */
  weak: 2,
  /** "Date": the applied date only when no other date column is read (resolved in columns.ts). */
  fallback: 1,
} as const;

interface WordRule {
  /** Every one of these words must be in the header. */
  words: readonly string[];
  strength: number;
}

interface KeyWords {
  rules: readonly WordRule[];
  /** Other words the header may hold and still mean this key ("name" in "Company name"). */
  also: ReadonlySet<string>;
}

/** Words any header may hold. */
const FILLER = new Set(['the', 'a', 'an', 'of']);

/** Keys whose cells hold dates: a header that names a date ("Interview date") beats one that does not ("Interview"). */
const DATED_KEYS = new Set<ColumnKey>([
  'applied',
  'interview',
  'expected',
  'plannedFollowUp',
  'lastFollowUp',
  'heardBack',
  'thankYou',
]);
const DATE_WORDS = new Set(['date', 'dates']);

function key(firm: string, also: string, weak = '', fallback = ''): KeyWords {
  const rules = (list: string, strength: number): WordRule[] =>
    list
      .split('|')
      .map((phrase) => phrase.trim())
      .filter((phrase) => phrase !== '')
      .map((phrase) => ({ words: phrase.split(' '), strength }));
  return {
    rules: [...rules(firm, STRENGTH.firm), ...rules(weak, STRENGTH.weak), ...rules(fallback, STRENGTH.fallback)],
    also: new Set(also.split(' ').filter((w) => w !== '')),
  };
}

/**
 * The words of each key. A header reads as a key when it holds all the words of one of its phrases and nothing but
 * those, the key's `also` words and filler. Sources: the table of docs/RULES.md §1 and the real header rows of the
 * project's layouts fixture (see docs/DECISIONS.md › Headers).
 */
export const KEY_WORDS: Readonly<Record<ColumnKey, KeyWords>> = {
  company: key('company | employer | organization | organisation | firm', 'name'),
  role: key('role | position | title | job | opening', 'title role position job name applied for opening'),
  status: key('status | stage', 'application current job overall latest interview process hiring'),
  applied: key(
    'applied | application date | application time | submitted | application sent | date of application',
    'date dates on time day app application when',
    'added',
    'date',
  ),
  interview: key(
    'interview | interviewed | interview date',
    'date dates on last latest most recent day when scheduled next upcoming',
  ),
  expected: key(
    'expected response | response expected | hear back by | decision by | next steps | next step | decision date | ' +
      'expected decision | expected reply | expected answer | expect to hear | reply by | respond by | ' +
      'expected feedback | feedback expected | decision expected',
    'date dates on by back when',
  ),
  plannedFollowUp: key(
    'follow up date | next follow up | next step due | next action date | follow up on | reminder | follow up by | ' +
      'next action due | planned follow up | follow up planned | remind me',
    'date dates on by due when next planned scheduled',
  ),
  recruiter: key(
    'recruiter | contact | hiring contact',
    'name person title hr full main primary point recruiting company key',
  ),
  recruiterEmail: key('email | emails', 'recruiter contact hr address info phone person id main primary company work'),
  interviewer: key(
    'interviewer | interviewers | hiring manager | interviewed by',
    'name names title person panel main lead',
  ),
  interviewerEmail: key('interviewer email | interviewers email | hiring manager email', 'address contact'),
  thankYou: key(
    'thank you sent | thank you note sent | thanked | thank you | sent thank you | thank you email',
    'sent email mail on date done card',
  ),
  lastFollowUp: key(
    'last follow up | last followed up | last contacted | followed up | follow up sent | last contact | ' +
      'last outreach | contacted',
    'date dates on sent when latest most recent last',
  ),
  followUps: key(
    'follow ups | follow ups sent | number of follow ups | follow up count',
    'sent number count total no how many done nr num',
  ),
  heardBack: key(
    'heard back | response | replied | reply received | reply | outcome | response received | response date',
    'date on received and feedback from them company when back',
  ),
  personalNote: key(
    'personal note | personal reference | talking point | talking points | thank you note | thank you notes | ' +
      'something to mention | personal touch',
    'for thank you in to mention use',
  ),
  update: key(
    'update | updates | achievements | work samples | work sample | portfolio | extra info | news',
    'recent new latest to share link links info additional for second follow up',
  ),
  notes: key(
    'notes | note | comments | comment | remarks | interview notes | conversation notes | private notes',
    'interview conversation private general other additional call meeting misc internal',
  ),
};

/** Headers whose words mean two keys equally: they are read as neither, and Check setup names them. */
const AMBIGUOUS: readonly { words: string; keys: readonly ColumnKey[] }[] = [
  // Done or planned? A follow-up column without "last", "sent" or "date" could be either.
  { words: 'follow up', keys: ['plannedFollowUp', 'lastFollowUp'] },
  // Private notes or the sentence for the thank-you: never guess, the notes are never put into a draft.
  { words: 'personal notes', keys: ['personalNote', 'notes'] },
];

/** The add-on's own headers (normalised): never read as a user column. */
const MANAGED_WORDS: Readonly<Record<string, ManagedKey>> = {
  'next follow up': 'nextFollowUp',
  due: 'due',
  'follow up status': 'followUpStatus',
  priority: 'priority',
  draft: 'draft',
};

// A trailing hint that says how to fill the column, not what it means: "(optional)", "(if known)", "(yyyy/mm/dd)".
const HINT =
  /\([\s_-]*(?:optional|if[\s_-]+(?:known|any|applicable)|required|[dmy]{1,4}(?:[\s_-]*[/.\s_-][\s_-]*[dmy]{1,4}){1,2}|y(?:es)?[\s_-]*\/[\s_-]*no?|date|count|number|#)[\s_-]*\)$/i;
const COMPOUNDS: Readonly<Record<string, string>> = {
  followup: 'follow up',
  followups: 'follow ups',
  thankyou: 'thank you',
  emailaddress: 'email address',
};

/** Strips what decorates a header without changing its meaning, before it is cut into parts and words. */
function undecorate(header: unknown): string {
  let text = withoutEmoji(String(header ?? '').normalize('NFKC')).trim();
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text
      .replace(/^#+\s*/, '')
      .replace(/[?:!*.\s]+$/, '')
      .replace(HINT, '')
      .trim();
  }
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .replace(/(?<![\p{L}\p{N}])e[\s_.-]?mail/gu, 'email')
    .replace(/['’]s\b/g, '');
}

function wordsOf(text: string): string[] {
  return text
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .flatMap((w) => (COMPOUNDS[w] ?? w).split(' '));
}

/** The words of each part of a header: "Position / Role" has the parts ["position"] and ["role"]. */
export function headerParts(header: unknown): string[][] {
  return undecorate(header)
    .split(/[/|\\]/)
    .map(wordsOf)
    .filter((words) => words.length > 0);
}

/**
 * A header as the words it is matched by: case, spaces, punctuation, `_`/`-`, camelCase, emoji, a trailing `?`, a
 * leading `#`, a trailing hint such as `(optional)` and the spelling `e-mail` do not matter (docs/RULES.md §1).
 * @example normaliseHeader('# Thank-you sent (optional)') // 'thank you sent'
 * @example normaliseHeader('appliedDate') // 'applied date'
 */
export function normaliseHeader(header: unknown): string {
  return headerParts(header).flat().join(' ');
}

export type HeaderReading =
  | { kind: 'column'; key: ColumnKey; strength: number }
  | { kind: 'ambiguous'; keys: ColumnKey[] }
  | { kind: 'managed'; key: ManagedKey }
  | { kind: 'none' };

function strengthFor(key: ColumnKey, words: readonly string[]): number {
  const { rules, also } = KEY_WORDS[key];
  let best = 0;
  for (const rule of rules) {
    if (!rule.words.every((w) => words.includes(w))) continue;
    if (!words.every((w) => rule.words.includes(w) || also.has(w) || FILLER.has(w))) continue;
    // The fallback reads only the header that is exactly its word ("Date", not "Date generated").
    if (rule.strength === STRENGTH.fallback && words.length !== rule.words.length) continue;
    best = Math.max(best, rule.strength);
  }
  // The fallback stays the weakest reading: "Date" itself names a date.
  if (best > STRENGTH.fallback && DATED_KEYS.has(key) && words.some((w) => DATE_WORDS.has(w))) best += 1;
  return best;
}

function readWords(words: readonly string[]): HeaderReading {
  const phrase = words.join(' ');
  const managed = MANAGED_WORDS[phrase];
  if (managed) return { kind: 'managed', key: managed };
  const ambiguous = AMBIGUOUS.find((a) => a.words === phrase);
  if (ambiguous) return { kind: 'ambiguous', keys: [...ambiguous.keys] };
  let best: { key: ColumnKey; strength: number }[] = [];
  for (const k of Object.keys(KEY_WORDS) as ColumnKey[]) {
    const strength = strengthFor(k, words);
    if (strength === 0 || (best.length > 0 && strength < best[0]!.strength)) continue;
    if (best.length > 0 && strength > best[0]!.strength) best = [];
    best.push({ key: k, strength });
  }
  if (best.length === 1) return { kind: 'column', ...best[0]! };
  if (best.length > 1) return { kind: 'ambiguous', keys: best.map((b) => b.key) };
  return { kind: 'none' };
}

/**
 * What one header means: a user column's key (and how strongly), two or more keys at once (ambiguous), one of the
 * add-on's own headers, or nothing (the user's own column). A header of several parts ("HR Contact Email / Linkedin
 * ID") reads as its parts do when the whole does not: as the one key they name, or as ambiguous when they name more.
 * @example readHeader('Follow-Up / Interview Date') // ambiguous: planned follow-up, last follow-up or interview
 */
export function readHeader(header: unknown): HeaderReading {
  const parts = headerParts(header);
  const whole = readWords(parts.flat());
  if (whole.kind !== 'none' || parts.length < 2) return whole;
  const keys = new Set<ColumnKey>();
  let strength = 0;
  for (const part of parts) {
    const reading = readWords(part);
    if (reading.kind === 'column') {
      keys.add(reading.key);
      strength = Math.max(strength, reading.strength);
    } else if (reading.kind === 'ambiguous') {
      for (const k of reading.keys) keys.add(k);
    }
  }
  if (keys.size === 1 && strength > 0) return { kind: 'column', key: [...keys][0]!, strength };
  return keys.size > 0 ? { kind: 'ambiguous', keys: [...keys] } : { kind: 'none' };
}

/** Words that give a header another meaning than any key's ("Contact phone number", "Response rate", "No reply"). */
const OTHER_MEANING = new Set(
  (
    'phone mobile number url link website site type rate salary location deadline source round rounds stack referral ' +
    'resume cv linkedin language form id message messages version benefits generated timestamp priority total since ' +
    'days no not'
  ).split(' '),
);
const GENERIC = new Set([...FILLER, ...DATE_WORDS, 'on', 'by', 'day', 'time', 'name', 'sent', 'to', 'for', 'up']);

/**
 * The phrases that say a header is about `key`, without their generic words ("interview" for "interview date"), and
 * the words that rule a header out as that key: what naming the closest header of a missing column needs.
 */
export function keyVocabulary(k: ColumnKey): { phrases: string[][]; also: ReadonlySet<string>; excludes: Set<string> } {
  const { rules, also } = KEY_WORDS[k];
  const phrases = rules.map((rule) => {
    const own = rule.words.filter((w) => !GENERIC.has(w));
    return own.length > 0 ? own : [...rule.words];
  });
  const vocabulary = new Set([...rules.flatMap((r) => r.words), ...also]);
  return { phrases, also, excludes: new Set([...OTHER_MEANING].filter((w) => !vocabulary.has(w))) };
}
