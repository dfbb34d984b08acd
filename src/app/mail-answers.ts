/**
 * What recent answers said (docs/DECISIONS.md "Replies and the classifier"): one document property keeps, for 30
 * days, the rows whose answer was a rejection or an invitation, so the row keeps saying so (and the preview keeps its
 * "Mark as rejected") after Heard back is recorded and its mail is no longer read. No Gmail call is needed for that.
 */
import type { CalendarDate } from '../core/dates';
import type { MailVerdict } from '../core/mail-replies';
import { fingerprint } from './fingerprint';
import type { TrackedRow } from './tracker-model';

/** The document property that holds the answers. */
export const MAIL_ANSWERS_KEY = 'mail.answers';

/** How many days after it came an answer is still shown from the store. */
export const ANSWER_SHOWN_DAYS = 30;

/** A property value holds at most 9 KB (Apps Script quotas): the oldest answers go first past this. */
const MAX_CHARS = 8_500;
const PRINT_CHARS = 6;

export interface StoredAnswer {
  kind: 'rejection' | 'invitation';
  /** The day the answer came. */
  day: CalendarDate;
  /** The day of the first answer (Heard back). */
  first: CalendarDate;
}

/**
 * What a stored answer depends on: the mailbox, the row's key and its last outreach. A new outreach (a later
 * interview, a follow-up recorded) makes the answer old news, and it is no longer shown.
 */
export function answerPrint(row: TrackedRow, owner: string): string {
  return fingerprint([owner.toLowerCase(), row.key, row.evaluation.lastOutreach].join('|'), PRINT_CHARS);
}

/** The answers stored in `stored` that are still shown on `today`, by row print. Unreadable entries are skipped. */
export function readAnswers(stored: Record<string, string>, today: CalendarDate): Map<string, StoredAnswer> {
  const answers = new Map<string, StoredAnswer>();
  for (const entry of (stored[MAIL_ANSWERS_KEY] ?? '').split(';')) {
    const [print, kind, day, first] = entry.split(':');
    const answer = { kind: kind === 'r' ? 'rejection' : 'invitation', day: Number(day), first: Number(first) } as const;
    if (!print || (kind !== 'r' && kind !== 'i') || !Number.isInteger(answer.day) || !Number.isInteger(answer.first)) {
      continue;
    }
    if (today - answer.day <= ANSWER_SHOWN_DAYS) answers.set(print, answer);
  }
  return answers;
}

/** The answer of a verdict worth keeping (a rejection or an invitation), or null. */
export function keptAnswer(verdict: MailVerdict): StoredAnswer | null {
  const reply = verdict.reply;
  if (reply === null || reply.kind === 'other') return null;
  return { kind: reply.kind, day: reply.day, first: reply.first };
}

/** The verdict a stored answer gives a row whose mail was not read this run. */
export function verdictOf(answer: StoredAnswer): MailVerdict {
  return { reply: { ...answer }, acknowledged: null, autoReply: null };
}

/** The property value for `answers`, newest first, cut to fit one property value ('' when there are none). */
export function answersValue(answers: ReadonlyMap<string, StoredAnswer>): string {
  const entries = [...answers]
    .sort((a, b) => b[1].day - a[1].day)
    .map(([print, a]) => `${print}:${a.kind === 'rejection' ? 'r' : 'i'}:${a.day}:${a.first}`);
  let text = '';
  for (const entry of entries) {
    const next = text === '' ? entry : `${text};${entry}`;
    if (next.length > MAX_CHARS) break;
    text = next;
  }
  return text;
}
