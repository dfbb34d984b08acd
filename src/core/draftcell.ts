/**
 * The Draft cell: what the add-on did for a row, written in words a person can read and parsed back on the
 * next run, so that reruns, sorted rows and inserted rows never draft twice.
 */
import { type CalendarDate, fromIso, toIso } from './dates';
import { ACTION_LABELS, ACTIONS, type Action } from './templates';

export type DraftRecord =
  | {
      kind: 'draft';
      action: Action;
      due: CalendarDate;
      draftId: string;
      made: CalendarDate;
      /** True this run when Gmail shows the draft scheduled (read from Gmail each run, never written in the cell). */
      scheduled?: boolean;
    }
  | { kind: 'sent'; action: Action; due: CalendarDate; sent: CalendarDate }
  | { kind: 'skipped'; action: Action; due: CalendarDate; until: CalendarDate };

const LABEL_TO_ACTION = new Map<string, Action>(ACTIONS.map((a) => [ACTION_LABELS[a].toLowerCase(), a]));
const ID = /^[A-Za-z0-9_-]{1,100}$/;
const RECORD =
  /^(.+?) · due (\d{4}-\d{2}-\d{2}) · (?:draft ([A-Za-z0-9_-]{1,100}) made (\d{4}-\d{2}-\d{2})|sent (\d{4}-\d{2}-\d{2})|skipped until (\d{4}-\d{2}-\d{2}))$/;

/** @example formatDraftRecord({kind: 'sent', action: 'check-in', due, sent}) // 'Check-in · due 2026-11-27 · sent 2026-11-28' */
export function formatDraftRecord(record: DraftRecord): string {
  const head = `${ACTION_LABELS[record.action]} · due ${toIso(record.due)}`;
  switch (record.kind) {
    case 'draft':
      return `${head} · draft ${record.draftId} made ${toIso(record.made)}`;
    case 'sent':
      return `${head} · sent ${toIso(record.sent)}`;
    case 'skipped':
      return `${head} · skipped until ${toIso(record.until)}`;
  }
}

/** Reads a Draft cell back; anything else (blank, edited by hand) is null. */
export function parseDraftRecord(text: unknown): DraftRecord | null {
  if (typeof text !== 'string') return null;
  const m = RECORD.exec(text.trim());
  if (!m) return null;
  const action = LABEL_TO_ACTION.get(m[1]!.toLowerCase());
  const due = fromIso(m[2]!);
  if (!action || due === null) return null;
  if (m[3] !== undefined) {
    const made = fromIso(m[4]!);
    return made === null ? null : { kind: 'draft', action, due, draftId: m[3], made };
  }
  if (m[5] !== undefined) {
    const sent = fromIso(m[5]);
    return sent === null ? null : { kind: 'sent', action, due, sent };
  }
  const until = fromIso(m[6]!);
  return until === null ? null : { kind: 'skipped', action, due, until };
}

/** The Gmail address that opens a draft, from the draft message's id. */
export function draftLink(messageId: string): string {
  if (!ID.test(messageId)) throw new Error(`not a Gmail message id: ${messageId}`);
  return `https://mail.google.com/mail/#drafts?compose=${messageId}`;
}

/**
 * The Draft cell's content: a HYPERLINK formula that opens a live draft, or the plain record.
 * Only the add-on's own label and Gmail's ids go into the formula, never a value typed by the user.
 */
export function draftCellValue(record: DraftRecord, messageId?: string): string {
  const label = formatDraftRecord(record);
  if (record.kind !== 'draft' || !messageId || !ID.test(messageId)) return label;
  return `=HYPERLINK("${draftLink(messageId)}", "${label}")`;
}
