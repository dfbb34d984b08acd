/**
 * Reading a Status cell by its words (docs/RULES.md §2): whether the process ended, an interview stage is under way,
 * the application has not gone in yet, or none of these.
 */
import { type CellValue, cellText } from './cells';
import { withoutEmoji } from './text';

export type StatusKind = 'closed' | 'interviewing' | 'not-applied' | 'open';

export interface ApplicationStatus {
  kind: StatusKind;
  /** The cell as the user wrote it, for messages ("Status says Phone screen but …"). */
  text: string;
}

/** Phrases that carry their own negation, read before any other word. */
const NEGATED: readonly [string, StatusKind][] = [
  ['not moving forward', 'closed'],
  ['not selected', 'closed'],
  ['no offer', 'closed'],
  ['no longer interested', 'closed'],
  ['not applied', 'not-applied'],
  ['not yet applied', 'not-applied'],
  ['yet to apply', 'not-applied'],
  ['haven t applied', 'not-applied'],
];

const CLOSED = [
  'offer',
  'accepted',
  'hired',
  'rejected',
  'rejection',
  'declined',
  'withdrawn',
  'withdrew',
  'closed',
  'archived',
  'position filled',
  'ghosted',
  'turned down',
];
const INTERVIEWING = [
  'interview',
  'interviews',
  'interviewing',
  'interviewed',
  'phone screen',
  'screening',
  'onsite',
  'on site',
  'technical',
  'final round',
  'panel',
  'assessment',
  'take home',
  'case study',
  'second round',
];
const NOT_APPLIED = ['wishlist', 'wish list', 'saved', 'bookmarked', 'researching', 'to apply', 'preparing'];

/** A word that turns the next two round ("no interview yet", "not rejected"). */
const NEGATORS = new Set(['no', 'not', 'never', 'without', 'haven', 'hasn', 'didn', 'isn', 'wasn']);

/** The status as padded words: lower case, no emoji, no leading numbering ("5 - Technical round" → " technical round "). */
function statusWords(text: string): string {
  const words = withoutEmoji(text.normalize('NFKC'))
    .toLowerCase()

    .replace(/^[\s#(]*\d+[\s.):\-–—]*/u, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  return ` ${words.join(' ')} `;
}

function says(words: string, phrases: readonly string[]): boolean {
  return phrases.some((phrase) => words.includes(` ${phrase} `));
}

/** Drops each negator and the two words after it, so that "no interview yet" does not name an interview stage. */
function withoutNegations(words: string): string {
  const list = words.trim().split(' ');
  const kept: string[] = [];
  for (let i = 0; i < list.length; i++) {
    if (NEGATORS.has(list[i]!)) i += 2;
    else kept.push(list[i]!);
  }
  return ` ${kept.join(' ')} `;
}

/**
 * Reads a Status (or a heard-back text) by its words, case-insensitive, anywhere in the text: closed first, then an
 * interview stage, then not applied (docs/RULES.md §2).
 * @example readStatus('📞 Phone Screen').kind // 'interviewing'
 * @example readStatus('Not moving forward').kind // 'closed'
 */
export function readStatus(value: CellValue): ApplicationStatus {
  const text = cellText(value);
  const all = statusWords(text);
  const negated = NEGATED.find(([phrase]) => all.includes(` ${phrase} `));
  if (negated) return { kind: negated[1], text };
  const words = withoutNegations(all);
  if (says(words, CLOSED)) return { kind: 'closed', text };
  if (says(words, INTERVIEWING)) return { kind: 'interviewing', text };
  if (says(words, NOT_APPLIED)) return { kind: 'not-applied', text };
  return { kind: 'open', text };
}

/** Words of a Status value that say the employer turned the application down, best first. */
const REJECTION = [
  'rejected',
  'rejection',
  'not selected',
  'not moving forward',
  'declined',
  'turned down',
  'no offer',
];
/** Closed words that take no side: the second choice when no allowed value says rejected. */
const NEUTRAL_CLOSED = ['closed', 'archived', 'position filled'];
/** Closed words that say the user won or withdrew: a value with one of them is never written ("Offer declined"). */
const USER_SIDE = ['offer', 'accepted', 'hired', 'withdrawn', 'withdrew'];

/**
 * The value "Mark as rejected" writes into a Status cell (docs/DECISIONS.md "Mark as rejected"): `Rejected` when the
 * cell takes any text (`allowed` null: no list validation), else the first allowed value that readStatus reads as
 * closed and that says a rejection ("Rejected", "Not selected", "Declined"…), else one that reads closed without
 * taking a side ("Closed", "Archived"), else null — never a value that says the user won or withdrew (Offer,
 * Withdrawn). The allowed values are kept as the user spelt them ("❌ Rejected").
 * @param allowed the list validation's values, in order, or null when the cell has no list validation
 * @example rejectedChoice(['Applied', 'Interview', 'Not selected']) // 'Not selected'
 * @example rejectedChoice(['Applied', 'Offer']) // null
 */
export function rejectedChoice(allowed: readonly string[] | null): string | null {
  if (allowed === null) return 'Rejected';
  const closed = allowed.filter(
    (v) => readStatus(v).kind === 'closed' && !says(withoutNegations(statusWords(v)), USER_SIDE),
  );
  const saying = (phrases: readonly string[]) => closed.find((v) => says(statusWords(v), phrases));
  return saying(['rejected']) ?? saying(REJECTION) ?? saying(NEUTRAL_CLOSED) ?? null;
}
