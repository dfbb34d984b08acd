/**
 * The draft journal, a write-ahead log in document properties, one property per batch of drafts. Before a batch is
 * made its intents are noted in one call (row, action, due date, recipient, subject, thread, and the Message-ID each
 * draft will carry); once Gmail has made them, the note is rewritten in one call with the drafts' ids; once the Draft
 * cells record them, the note is cleared in one call. If a run dies in between (the time limit, a failed sheet write),
 * the next run finds the note and records each draft instead of making it again — by its ids, or, when the run died
 * before it learnt them, by finding it in Gmail: by its Message-ID, or by its subject, thread or recipient and day
 * when Gmail gave it another. A note of an earlier version (one property per draft) is read the same way.
 */
import { COLUMN_KEYS, type ColumnKey } from '../core/columns';
import { type CalendarDate, fromIso, toIso } from '../core/dates';
import { ACTIONS, type Action } from '../core/templates';
import type { KeyValueStore } from '../ports';

const PREFIX = 'journal.';
const CELLS_PREFIX = 'journal.cells.';
const TRACE_PREFIX = 'trace.';

export interface JournalEntry {
  /** The property the entry is in (its batch's), cleared with the batch. */
  key: string;
  rowKey: string;
  action: Action;
  due: CalendarDate;
  /** Null while the draft is only intended: Gmail may or may not have made it. */
  draftId: string | null;
  messageId: string;
  /** The RFC 5322 Message-ID the draft was created with (one way an intended draft is found again). */
  rfcMessageId: string;
  made: CalendarDate;
  /**
   * The recipient, subject and thread the draft was made with ('' and null in a note of an earlier version): how an
   * intended draft is found again when Gmail gave it another Message-ID (docs/RULES.md §5).
   */
  to: string;
  subject: string;
  threadId: string | null;
}

/** The journal property of a run's `n`th batch (`started`: the run's start, epoch ms). */
export function batchKey(started: number, n: number): string {
  return `${PREFIX}batch.${started.toString(36)}.${n}`;
}

function entryOf(key: string, e: Record<string, unknown>): JournalEntry | null {
  const due = fromIso(String(e.due));
  const made = fromIso(String(e.made));
  const action = ACTIONS.find((a) => a === e.action);
  const draftId = typeof e.draftId === 'string' && e.draftId !== '' ? e.draftId : null;
  const rfcMessageId = typeof e.rfcMessageId === 'string' ? e.rfcMessageId : '';
  const subject = typeof e.subject === 'string' ? e.subject : '';
  if (due === null || made === null || !action || (draftId === null && rfcMessageId === '' && subject === '')) {
    return null;
  }
  return {
    key,
    rowKey: String(e.rowKey),
    action,
    due,
    draftId,
    messageId: String(e.messageId ?? ''),
    rfcMessageId,
    made,
    to: typeof e.to === 'string' ? e.to : '',
    subject,
    threadId: typeof e.threadId === 'string' && e.threadId !== '' ? e.threadId : null,
  };
}

export function readJournal(all: Record<string, string>): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX) || key.startsWith(CELLS_PREFIX)) continue;
    try {
      const parsed = JSON.parse(value) as unknown;
      const list = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
      for (const e of list) {
        const entry = typeof e === 'object' && e !== null ? entryOf(key, e) : null;
        if (entry) entries.push(entry);
      }
    } catch {
      // A damaged note cannot be matched to a row; it is left for a person to see in the properties.
    }
  }
  return entries;
}

/** A batch's journal note, as the property to set: its intents before Gmail makes them, their ids after. */
export function journalBatch(key: string, entries: readonly Omit<JournalEntry, 'key'>[]): Record<string, string> {
  const notes = entries.map((entry) => ({
    rowKey: entry.rowKey,
    action: entry.action,
    due: toIso(entry.due),
    ...(entry.draftId ? { draftId: entry.draftId, messageId: entry.messageId } : {}),
    rfcMessageId: entry.rfcMessageId,
    made: toIso(entry.made),
    to: entry.to,
    subject: entry.subject,
    ...(entry.threadId ? { threadId: entry.threadId } : {}),
  }));
  return { [key]: JSON.stringify(notes) };
}

/**
 * How a draft the add-on made is found once it has left Drafts (docs/RULES.md §5): its thread and subject as Gmail
 * made them, since a Draft cell holds neither and the user may change the To line or Gmail the Message-ID. One
 * property per batch of drafts, written in the same call as the batch's ids, cleared in one call once no row records
 * any of its drafts (each sent, replaced or gone).
 */
export interface DraftTraceEntry {
  /** The property the trace is in (its batch's). */
  key: string;
  rowKey: string;
  action: Action;
  draftId: string;
  threadId: string;
  subject: string;
}

/** The trace property of the batch whose journal note is `journalKey`. */
export function traceKeyOf(journalKey: string): string {
  return `${TRACE_PREFIX}${journalKey.slice(PREFIX.length)}`;
}

export function readTraces(all: Record<string, string>): DraftTraceEntry[] {
  const entries: DraftTraceEntry[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(TRACE_PREFIX)) continue;
    try {
      for (const e of JSON.parse(value) as Record<string, unknown>[]) {
        const action = ACTIONS.find((a) => a === e.action);
        const { rowKey, draftId, threadId, subject } = e;
        if (!action || typeof rowKey !== 'string' || typeof draftId !== 'string') continue;
        if (typeof threadId !== 'string' || typeof subject !== 'string') continue;
        entries.push({ key, rowKey, action, draftId, threadId, subject });
      }
    } catch {
      // A damaged trace identifies no draft: the recipient alone then does (see findSent).
    }
  }
  return entries;
}

/** A batch's traces, as the property to set (none when the batch made no draft). */
export function traceBatch(key: string, traces: readonly Omit<DraftTraceEntry, 'key'>[]): Record<string, string> {
  if (traces.length === 0) return {};
  const list = traces.map(({ rowKey, action, draftId, threadId, subject }) => ({
    rowKey,
    action,
    draftId,
    threadId,
    subject,
  }));
  return { [key]: JSON.stringify(list) };
}

/**
 * A recording write (docs/RULES.md §5) a run is about to make in a user cell: the cell's token before and after (see
 * cellToken). Noted before the writes, cleared after them: the next run finishes writes an interrupted run left
 * half done — exactly once, since a cell already holding `to` is done and one holding neither was changed by the
 * user — so a sent follow-up never gets its date without its count, or its count twice.
 */
export interface CellNote {
  column: ColumnKey;
  from: string;
  to: string;
}

export interface CellJournalEntry {
  key: string;
  rowKey: string;
  notes: CellNote[];
}

export function readCellJournal(all: Record<string, string>): CellJournalEntry[] {
  const entries: CellJournalEntry[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(CELLS_PREFIX)) continue;
    try {
      const parsed = JSON.parse(value) as unknown;
      for (const e of (Array.isArray(parsed) ? parsed : [parsed]) as { rowKey?: unknown; notes?: unknown }[]) {
        if (typeof e.rowKey !== 'string' || !Array.isArray(e.notes)) continue;
        const notes = (e.notes as Record<string, unknown>[]).filter(
          (n): n is Record<string, unknown> & CellNote =>
            COLUMN_KEYS.includes(n.column as ColumnKey) && typeof n.from === 'string' && typeof n.to === 'string',
        );
        const kept = notes.map((n) => ({ column: n.column, from: n.from, to: n.to }));
        entries.push({ key, rowKey: e.rowKey, notes: kept });
      }
    } catch {
      // A damaged note is left for a person to see in the properties.
    }
  }
  return entries;
}

/** Apps Script keeps 9 kB a property value: a note stays under this. */
export const NOTE_BYTES = 8000;

/** UTF-8 bytes of a text, as Apps Script counts a property's size. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Notes the recording writes of several rows in as few properties as fit (one Properties call for all, one removal
 * each after: docs/DECISIONS.md "Sent, scheduled and recovery"); returns their keys. A note of an earlier version
 * (one property per row) is read the same way.
 */
export function writeCellJournal(store: KeyValueStore, rows: ReadonlyMap<string, readonly CellNote[]>): string[] {
  const chunks: string[][] = [];
  let size = Number.POSITIVE_INFINITY;
  for (const [rowKey, notes] of rows) {
    const one = JSON.stringify({ rowKey, notes });
    const bytes = utf8Bytes(one) + 1;
    if (size + bytes > NOTE_BYTES) {
      chunks.push([]);
      size = 2;
    }
    chunks.at(-1)!.push(one);
    size += bytes;
  }
  const values: Record<string, string> = {};
  chunks.forEach((chunk, i) => {
    values[`${CELLS_PREFIX}${i + 1}`] = `[${chunk.join(',')}]`;
  });
  if (chunks.length > 0) store.set(values);
  return Object.keys(values);
}
