/**
 * Deciding, per row, whether to draft, and what to record in the user's columns when Gmail shows a reply or a
 * sent draft (docs/RULES.md §4–§5). Pure: the app layer applies the decisions.
 */
import { type CellValue, isBlank, readCount } from './cells';
import type { ColumnKey, HeaderMap } from './columns';
import { type CalendarDate, fromIso, instantToDate, isDateObject, toIso } from './dates';
import type { DraftRecord } from './draftcell';
import type { Application, Evaluation } from './rules';
import type { Action } from './templates';

export type DraftPlan =
  /** Nothing to draft: not due, blocked, or no action. */
  | { kind: 'none' }
  /** A live or sent draft already covers this follow-up; the record may move to the new due date. */
  | { kind: 'keep'; record: DraftRecord }
  | { kind: 'create' };

/**
 * Whether a due row needs a new draft. A live draft for the same action is kept even when the due date moved,
 * because the user may have edited it; only its record follows the new date.
 */
export function planDraft(app: Application, evaluation: Evaluation, isLive: (draftId: string) => boolean): DraftPlan {
  const { action, due, status } = evaluation;
  if (action === null || due === null || (status !== 'overdue' && status !== 'due-today')) return { kind: 'none' };
  if (evaluation.problems.some((p) => p.blocking)) return { kind: 'none' };
  const record = app.draft;
  if (record?.kind === 'sent' && record.action === action && record.due === due) return { kind: 'keep', record };
  if (record?.kind === 'draft' && record.action === action && isLive(record.draftId)) {
    return { kind: 'keep', record: { ...record, due } };
  }
  return { kind: 'create' };
}

/** A row whose recorded draft is gone from Gmail: it was sent, or the user deleted it. */
export function awaitsSentCheck(app: Application, isLive: (draftId: string) => boolean): boolean {
  return app.draft?.kind === 'draft' && !isLive(app.draft.draftId);
}

/** A value to write into a user cell: a calendar date (written as a Date cell) or a plain value. */
export type CellUpdate = { kind: 'date'; date: CalendarDate } | { kind: 'value'; value: boolean | number };

/**
 * A cell value as a short comparable token, for the journal of recording writes: `date:2026-11-25` (a Date cell's
 * calendar date in the spreadsheet's zone), `bool:true`, `num:2`, `text:…`, or '' for a blank cell.
 */
export function cellToken(value: CellValue, timeZone: string): string {
  if (isBlank(value)) return '';
  if (isDateObject(value)) {
    try {
      return `date:${toIso(instantToDate(value.getTime(), timeZone))}`;
    } catch {
      return 'text:an invalid date';
    }
  }
  if (typeof value === 'boolean') return `bool:${value}`;
  if (typeof value === 'number') return `num:${value}`;
  return `text:${String(value)}`;
}

/** The token a cell holds once `update` is written. */
export function updateToken(update: CellUpdate): string {
  if (update.kind === 'date') return `date:${toIso(update.date)}`;
  return typeof update.value === 'boolean' ? `bool:${update.value}` : `num:${update.value}`;
}

/** The update that writes a token back; null for a token no recording write makes. */
export function tokenUpdate(token: string): CellUpdate | null {
  const date = /^date:(\d{4}-\d{2}-\d{2})$/.exec(token);
  if (date) {
    const day = fromIso(date[1]!);
    return day === null ? null : { kind: 'date', date: day };
  }
  if (token === 'bool:true' || token === 'bool:false') return { kind: 'value', value: token === 'bool:true' };
  const n = /^num:(\d{1,3})$/.exec(token);
  return n ? { kind: 'value', value: Number(n[1]) } : null;
}

export interface CellWrite {
  /** 1-based sheet row. */
  row: number;
  column: ColumnKey;
  update: CellUpdate;
}

interface RowCells {
  app: Application;
  cells: readonly CellValue[];
  headers: HeaderMap;
}

function cellOf(row: RowCells, key: ColumnKey): CellValue {
  const index = row.headers.columns[key];
  return index === undefined ? '' : row.cells[index];
}

type MarkKey = 'thankYou' | 'heardBack' | 'lastFollowUp';

/**
 * Fills a blank (or unticked) cell with `date`, or moves an older date forward to it; never overwrites text
 * or a newer date. Returns null when the cell already says as much or more. What the cell says is the row's reading
 * of it (with this run's earlier recordings applied by withRecorded), so nothing is parsed back out of the grid.
 */
function fillOrMoveForward(row: RowCells, key: MarkKey, date: CalendarDate, olderThan: CalendarDate): CellWrite | null {
  const value = cellOf(row, key);
  const at = row.app.row;
  if (isBlank(value)) return { row: at, column: key, update: { kind: 'date', date } };
  if (value === false) return { row: at, column: key, update: { kind: 'value', value: true } };
  const read = row.app[key];
  if (read.date !== undefined && read.date < olderThan) return { row: at, column: key, update: { kind: 'date', date } };
  return null;
}

/**
 * The application once this run's recording writes are in its cells: the same facts a fresh read of those cells
 * would give (a date cell is a dated yes, TRUE a yes, a number the follow-up count).
 */
export function withRecorded(app: Application, writes: readonly CellWrite[]): Application {
  const next: Application = { ...app };
  for (const { column, update } of writes) {
    if (column === 'followUps') {
      if (update.kind === 'value' && typeof update.value === 'number') next.followUps = update.value;
    } else if (column === 'thankYou' || column === 'heardBack' || column === 'lastFollowUp') {
      next[column] =
        update.kind === 'date'
          ? { yes: true, date: update.date }
          : update.value === true
            ? { yes: true }
            : { yes: false };
    }
  }
  return next;
}

/** A reply arrived on `replied`: fill a blank Heard back cell (or move an older date forward). */
export function recordReply(row: RowCells, replied: CalendarDate, lastOutreach: CalendarDate): CellWrite[] {
  const write = fillOrMoveForward(row, 'heardBack', replied, lastOutreach);
  return write ? [write] : [];
}

/**
 * A draft for `action` was sent on `sent`. A thank-you fills Thank-you sent; other actions set Last follow-up and
 * count one more in Follow-ups sent. The count restarts at 1 after a new interview (Last follow-up before it),
 * because docs/RULES.md §3 counts follow-ups since the latest interview. Nothing is written when the user already
 * recorded this send.
 */
export function recordSent(row: RowCells, action: Action, sent: CalendarDate): CellWrite[] {
  const { app } = row;
  if (action === 'thank-you') {
    const write = fillOrMoveForward(row, 'thankYou', sent, app.interview ?? sent);
    return write ? [write] : [];
  }
  const lastWrite = fillOrMoveForward(row, 'lastFollowUp', sent, sent);
  if (lastWrite === null) return [];
  const writes = [lastWrite];
  const count = readCount(cellOf(row, 'followUps'));
  if (count.kind === 'count') {
    const previous = app.lastFollowUp.date;
    const newStage = app.interview !== null && previous !== undefined && previous < app.interview;
    writes.push({
      row: app.row,
      column: 'followUps',
      update: { kind: 'value', value: newStage ? 1 : count.count + 1 },
    });
  }
  return writes;
}

/** The contacts of a row: the addresses a reply could come from. */
export function contactsOf(app: Application): string[] {
  return [app.recruiterEmail, app.interviewerEmail]
    .filter((a): a is string => a !== null)
    .map((a) => a.toLowerCase())
    .filter((a, i, all) => all.indexOf(a) === i);
}

/**
 * A key that finds a row again after the user sorts the sheet (used by the crash journal and the sidebar). A long
 * key keeps its start and a hash of the whole, so two rows differing only past 200 characters still differ.
 */
export function rowKey(app: Application): string {
  const key = [app.company, app.role, ...contactsOf(app)].map((s) => s.trim().toLowerCase()).join('|');
  return key.length <= 200 ? key : `${key.slice(0, 180)}…${fnv1a(key)}`;
}

/** FNV-1a, 32 bits, in base 36: a short fingerprint of a string (not for security). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * What setValues must be given to leave a cell as it is, or null when writing it back could change it: Sheets reads
 * a written string as if typed, so "00123" would become a number and "1/2" a date. A formula is written back as its
 * formula; plain numbers, booleans, dates and blanks are safe, and so is text with no digits that cannot be read
 * as a formula, a boolean or an error value.
 */
export function rewritable(value: CellValue, formula: string | undefined): { value: CellValue } | null {
  if (formula) return { value: formula };
  if (value === '' || value === null || value === undefined) return { value: '' };
  if (typeof value === 'number' || typeof value === 'boolean' || isDateObject(value)) return { value };
  if (typeof value !== 'string') return null;
  const inert = /^[\p{L}\p{M}\s.,!?✓✔☑✗]*$/u.test(value) && !/^\s*(?:true|false)\s*$/i.test(value);
  return inert ? { value } : null;
}

export interface Stretch {
  /** 1-based sheet row of the first cell. */
  startRow: number;
  values: CellValue[];
}

/**
 * The batched writes for one column: from the first to the last cell written, every other cell written back as it
 * is (see rewritable); a cell that writing back could change splits the stretch, and a stretch with nothing new in
 * it is dropped. So the number of writes depends on the column's contents, not on how many cells change.
 * @param written new values by 1-based sheet row
 * @param current the cell now at a sheet row, and its formula
 */
export function columnStretches(
  written: ReadonlyMap<number, CellValue>,
  current: (row: number) => { value: CellValue; formula: string | undefined },
): Stretch[] {
  const rows = [...written.keys()].sort((a, b) => a - b);
  const stretches: Stretch[] = [];
  let open: (Stretch & { changed: boolean }) | null = null;
  const close = () => {
    if (open?.changed) stretches.push({ startRow: open.startRow, values: open.values });
    open = null;
  };
  for (let row = rows[0] ?? 1; row <= (rows[rows.length - 1] ?? 0); row++) {
    const value = written.has(row) ? { value: written.get(row) } : rewritable(current(row).value, current(row).formula);
    if (value === null) {
      close();
      continue;
    }
    open ??= { startRow: row, values: [], changed: false };
    open.values.push(value.value);
    open.changed ||= written.has(row);
  }
  close();
  return stretches;
}
