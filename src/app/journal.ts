/**
 * The draft journal, a write-ahead log in document properties. Before a draft is created its intent is noted (row,
 * action, due date, and the Message-ID the draft will carry); once Gmail has made it, the note gains the draft's
 * ids; once the Draft cell records it, the note is cleared. If a run dies in between (the time limit, a failed sheet
 * write), the next run finds the note and records the draft instead of making it again — by its ids, or, when the
 * run died before it learnt them, by finding it in Gmail: by its Message-ID, or by its thread, recipient, subject and
 * day when Gmail gave it another.
 */
import { COLUMN_KEYS, type ColumnKey } from '../core/columns';
import { type CalendarDate, fromIso, toIso } from '../core/dates';
import { ACTIONS, type Action } from '../core/templates';
import type { KeyValueStore } from '../ports';

const PREFIX = 'journal.';
const CELLS_PREFIX = 'journal.cells.';

export interface JournalEntry {
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

export function journalKey(rowKey: string, action: Action): string {
  return `${PREFIX}${action}.${rowKey}`;
}

export function readJournal(all: Record<string, string>): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX) || key.startsWith(CELLS_PREFIX)) continue;
    try {
      const e = JSON.parse(value) as Record<string, unknown>;
      const due = fromIso(String(e.due));
      const made = fromIso(String(e.made));
      const action = ACTIONS.find((a) => a === e.action);
      const draftId = typeof e.draftId === 'string' && e.draftId !== '' ? e.draftId : null;
      const rfcMessageId = typeof e.rfcMessageId === 'string' ? e.rfcMessageId : '';
      if (due === null || made === null || !action || (draftId === null && rfcMessageId === '')) continue;
      entries.push({
        key,
        rowKey: String(e.rowKey),
        action,
        due,
        draftId,
        messageId: String(e.messageId ?? ''),
        rfcMessageId,
        made,
        to: typeof e.to === 'string' ? e.to : '',
        subject: typeof e.subject === 'string' ? e.subject : '',
        threadId: typeof e.threadId === 'string' && e.threadId !== '' ? e.threadId : null,
      });
    } catch {
      // A damaged note cannot be matched to a row; it is left for a person to see in the properties.
    }
  }
  return entries;
}

export function writeJournal(store: KeyValueStore, entry: Omit<JournalEntry, 'key'>): string {
  const values = journalValues(entry);
  store.set(values);
  return Object.keys(values)[0]!;
}

/** The journal note of one draft, as the property to set (see writeJournal). */
export function journalValues(entry: Omit<JournalEntry, 'key'>): Record<string, string> {
  const key = journalKey(entry.rowKey, entry.action);
  return {
    [key]: JSON.stringify({
      rowKey: entry.rowKey,
      action: entry.action,
      due: toIso(entry.due),
      ...(entry.draftId ? { draftId: entry.draftId, messageId: entry.messageId } : {}),
      rfcMessageId: entry.rfcMessageId,
      made: toIso(entry.made),
      to: entry.to,
      subject: entry.subject,
      ...(entry.threadId ? { threadId: entry.threadId } : {}),
    }),
  };
}

const TRACE_PREFIX = 'trace.';

/**
 * How a draft the add-on made is found once it has left Drafts (docs/RULES.md §5): its thread and subject as Gmail
 * made them, kept in document properties (one per row and action) from the run that made the draft until its send is
 * recorded, since a Draft cell holds neither and the user may change the To line or Gmail the Message-ID.
 */
export interface DraftTraceEntry {
  key: string;
  rowKey: string;
  action: Action;
  draftId: string;
  threadId: string;
  subject: string;
}

export function traceKey(rowKey: string, action: Action): string {
  return `${TRACE_PREFIX}${action}.${rowKey}`;
}

export function readTraces(all: Record<string, string>): DraftTraceEntry[] {
  const entries: DraftTraceEntry[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(TRACE_PREFIX)) continue;
    try {
      const e = JSON.parse(value) as Record<string, unknown>;
      const action = ACTIONS.find((a) => a === e.action);
      const { rowKey, draftId, threadId, subject } = e;
      if (!action || typeof rowKey !== 'string' || typeof draftId !== 'string') continue;
      if (typeof threadId !== 'string' || typeof subject !== 'string') continue;
      entries.push({ key, rowKey, action, draftId, threadId, subject });
    } catch {
      // A damaged trace identifies no draft: the recipient alone then does (see findSent).
    }
  }
  return entries;
}

/** The trace of one draft, as the property to set: written in the same call as the journal's ids. */
export function traceValues(entry: Omit<DraftTraceEntry, 'key'>): Record<string, string> {
  const { rowKey, action, draftId, threadId, subject } = entry;
  return { [traceKey(rowKey, action)]: JSON.stringify({ rowKey, action, draftId, threadId, subject }) };
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
      const e = JSON.parse(value) as { rowKey?: unknown; notes?: unknown };
      if (typeof e.rowKey !== 'string' || !Array.isArray(e.notes)) continue;
      const notes = (e.notes as Record<string, unknown>[]).filter(
        (n): n is Record<string, unknown> & CellNote =>
          COLUMN_KEYS.includes(n.column as ColumnKey) && typeof n.from === 'string' && typeof n.to === 'string',
      );
      entries.push({ key, rowKey: e.rowKey, notes: notes.map((n) => ({ column: n.column, from: n.from, to: n.to })) });
    } catch {
      // A damaged note is left for a person to see in the properties.
    }
  }
  return entries;
}

/** Notes the recording writes of several rows in one call; returns their keys. */
export function writeCellJournal(store: KeyValueStore, rows: ReadonlyMap<string, readonly CellNote[]>): string[] {
  const values: Record<string, string> = {};
  for (const [rowKey, notes] of rows) values[`${CELLS_PREFIX}${rowKey}`] = JSON.stringify({ rowKey, notes });
  if (Object.keys(values).length > 0) store.set(values);
  return Object.keys(values);
}
