/**
 * Reading a Status cell by its words (docs/RULES.md §2): whether the process ended, an interview stage is under way,
 * the application has not gone in yet, or none of these.
 */
import { type CellValue, cellText } from './cells';
import { TextMemo } from './memo';
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
  return { kind: statusKinds.get('', 0, text, statusKindOf), text };
}

/** Status kinds by text: a tracker's Status column repeats a handful of words down every row. */
const statusKinds = new TextMemo<StatusKind>();

function statusKindOf(text: string): StatusKind {
  const all = statusWords(text);
  const negated = NEGATED.find(([phrase]) => all.includes(` ${phrase} `));
  if (negated) return negated[1];
  const words = withoutNegations(all);
  if (says(words, CLOSED)) return 'closed';
  if (says(words, INTERVIEWING)) return 'interviewing';
  if (says(words, NOT_APPLIED)) return 'not-applied';
  return 'open';
}
