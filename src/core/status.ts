/**
 * Reading a Status cell by its words (docs/RULES.md §2): whether the process ended, an interview stage is under way,
 * the application has not gone in yet, or none of these.
 */
import { type CellValue, cellText } from './cells';
import { TextMemo } from './memo';
import {
  CLOSED,
  INTERVIEWING,
  NEGATED,
  NEGATORS,
  NEUTRAL_CLOSED,
  NOT_APPLIED,
  REJECTED_WORD,
  REJECTION,
  USER_SIDE,
} from './status-words';
import type { Language } from './templates/language';
import { withoutEmoji } from './text';

export type StatusKind = 'closed' | 'interviewing' | 'not-applied' | 'open';

export interface ApplicationStatus {
  kind: StatusKind;
  /** The cell as the user wrote it, for messages ("Status says Phone screen but …"). */
  text: string;
}

/** The status as padded words: lower case, no emoji, no leading numbering ("5 - Technical round" → " technical round "). */
function statusWords(text: string): string {
  // Accents folded (refusé → refuse, zurückgezogen → zuruckgezogen): the word lists are written without them.
  const words = withoutEmoji(text.normalize('NFKC'))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
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

/**
 * The value "Mark as rejected" writes into a Status cell (docs/DECISIONS.md "Mark as rejected"): the sheet
 * language's word (Rejected, Refusé, Abgelehnt, Rechazado) when the cell takes any text (`allowed` null: no list
 * validation), else the first allowed value that readStatus reads as closed and that says a rejection ("Rejected", "Not selected", "Declined"…), else one that reads closed without
 * taking a side ("Closed", "Archived"), else null — never a value that says the user won or withdrew (Offer,
 * Withdrawn). The allowed values are kept as the user spelt them ("❌ Rejected").
 * @param allowed the list validation's values, in order, or null when the cell has no list validation
 * @param language the spreadsheet locale's built-in language (templates `languageOfLocale`)
 * @example rejectedChoice(['Applied', 'Interview', 'Not selected']) // 'Not selected'
 * @example rejectedChoice(['Applied', 'Offer']) // null
 */
export function rejectedChoice(allowed: readonly string[] | null, language: Language = 'en'): string | null {
  if (allowed === null) return REJECTED_WORD[language];
  const closed = allowed.filter(
    (v) => readStatus(v).kind === 'closed' && !says(withoutNegations(statusWords(v)), USER_SIDE),
  );
  const saying = (phrases: readonly string[]) => closed.find((v) => says(statusWords(v), phrases));
  return (
    saying(['rejected', 'refuse', 'abgelehnt', 'rechazado']) ?? saying(REJECTION) ?? saying(NEUTRAL_CLOSED) ?? null
  );
}
