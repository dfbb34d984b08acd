/**
 * The mail high-water mark (docs/DECISIONS.md, Performance levers): one document property saying up to when the
 * last complete read knew the mail of which rows, so the next run asks Gmail only for newer mail for those rows.
 */
import { contactsOf } from '../core/plan';
import { fingerprint } from './fingerprint';
import type { TrackedRow } from './tracker-model';

/** The document property that holds the mark. */
export const MAIL_MARK_KEY = 'mail.mark';

/**
 * How far before the run's start the mark is set, in ms. Gmail's `after:` compares internalDate, for SMTP mail the
 * time Google accepted it, but a message may reach the search index later than that; Google does not say how much
 * later, so the harsher reading is a whole day of overlap (mail of the last day is read again each run).
 */
export const MARK_OVERLAP_MS = 86_400_000;

/** A property value holds at most 9 KB (Apps Script quotas); a mark longer than this is not stored. */
const MAX_MARK_CHARS = 8_500;
/** Characters of a row's fingerprint (base 36): 36⁵ ≈ 60 million values. */
const FINGERPRINT_CHARS = 5;

/** A read mark: mail up to `afterMs` (epoch ms) is known for every row whose fingerprint is in `rows`. */
export interface MailMark {
  afterMs: number;
  rows: ReadonlySet<string>;
}

function short(text: string): string {
  return fingerprint(text, FINGERPRINT_CHARS);
}

/**
 * What a row's mail reading depends on: its key, contacts, the dates that bound its query and its Draft record. Any
 * change (a new contact, an earlier outreach, another draft) changes the fingerprint, and the row is read in full.
 */
export function rowFingerprint(row: TrackedRow, owner: string): string {
  const { app, evaluation } = row;
  const record = app.draft;
  const draft =
    record === null
      ? ''
      : record.kind === 'draft'
        ? `d:${record.draftId}:${record.made}`
        : `s:${record.action}:${record.due}`;
  const parts = [owner.toLowerCase(), row.key, contactsOf(app).join(','), evaluation.lastOutreach, app.applied];
  return short([...parts, app.interview, draft].join('|'));
}

/** The mark stored in `stored` for this mailbox's owner, or null when there is none or it cannot be read. */
export function readMark(stored: Record<string, string>, owner: string): MailMark | null {
  const text = stored[MAIL_MARK_KEY];
  if (!text) return null;
  const [at, who, rows] = text.split(';');
  const afterMs = Number(at);
  if (!Number.isFinite(afterMs) || who !== short(owner.toLowerCase()) || rows === undefined) return null;
  const set = new Set<string>();
  for (let i = 0; i + FINGERPRINT_CHARS <= rows.length; i += FINGERPRINT_CHARS) {
    set.add(rows.slice(i, i + FINGERPRINT_CHARS));
  }
  return { afterMs, rows: set };
}

/**
 * The mark to store after a complete read that started at `startedMs`: `afterMs;owner;fingerprints`. Null when it
 * would not fit in one property value (the next run then reads in full those rows the old mark does not cover).
 */
export function markValue(startedMs: number, owner: string, rows: readonly TrackedRow[]): string | null {
  const prints = [...new Set(rows.map((r) => rowFingerprint(r, owner)))].join('');
  const text = `${startedMs - MARK_OVERLAP_MS};${short(owner.toLowerCase())};${prints}`;
  return text.length <= MAX_MARK_CHARS ? text : null;
}
