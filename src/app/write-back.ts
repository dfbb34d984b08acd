/**
 * Write-back, the run's last stage: the columns it adds, the recording writes into user columns (noted in the cell
 * journal first), the managed columns and their notes in batches, the colour rules, and clearing the journal notes
 * the run has dealt with.
 */
import { type CellValue, isBlank } from '../core/cells';
import { COLUMN_HEADERS, MANAGED_KEYS, type ManagedKey } from '../core/columns';
import { dateToInstant, dayStartsAtMidnight } from '../core/dates';
import { draftCellValue } from '../core/draftcell';
import { columnStretches, rewritable } from '../core/plan';
import { ACTION_LABELS } from '../core/templates';
import type { KeyValueStore } from '../ports';
import { fingerprint } from './fingerprint';
import { writeCellJournal } from './journal';
import { MAIL_ANSWERS_KEY } from './mail-answers';
import { MAIL_MARK_KEY } from './mail-mark';
import { columnsAdded, protectedWrite, userColumnsLeft } from './messages';
import type { TrackedRow, TrackerModel } from './tracker-model';

export const COLOURS = { overdue: '#f4c7c3', dueToday: '#fce8b2' } as const;
/** The document property holding the fingerprint of the Follow-up status notes last written. */
const NOTES_KEY = 'notes';
const NOTES_KEY_CHARS = 7;

export interface WriteBackOptions {
  store: KeyValueStore;
  /** The document properties as the run read them (the colour rules' layout key). */
  stored: Record<string, string>;
  /** True when the run read Gmail's current drafts, so the Draft cells' links can be rewritten. */
  linksKnown: boolean;
  /** Rebuild the colour rules and rewrite the notes even when they look unchanged (Score rows does). */
  refreshColours: boolean;
  /** Journal notes dealt with by this run: cleared once everything is written. */
  journalKeys: readonly string[];
  /** The mail mark to store once everything is written (mail-mark.ts); undefined keeps the stored one. */
  mailMark?: string | undefined;
  /** The recent answers to store (mail-answers.ts); undefined keeps the stored ones. */
  mailAnswers?: string | undefined;
}

/** Writes everything the run decided; returns what is worth telling the user (columns added). */
export function writeBack(model: TrackerModel, options: WriteBackOptions): string[] {
  const notes = addColumns(model);
  // The facts first (the recording writes in user cells, noted beforehand), then the Draft cells that rely on
  // them: a run stopped in between leaves a Draft cell that still asks for the sent check, never a "sent" record
  // whose Last follow-up or Follow-ups sent was not written.
  const cellKeys = model.writes.length > 0 ? writeCellJournal(options.store, model.cellNotes) : [];
  writeRecorded(model);
  const notesKey = writeManaged(model, options);
  // The colour rules' layout key, the notes' fingerprint, the mail mark and the recent answers go in one Properties
  // call, when they change.
  const properties = {
    ...notesKey,
    ...colour(model, options),
    ...(options.mailMark ? { [MAIL_MARK_KEY]: options.mailMark } : {}),
    ...(options.mailAnswers !== undefined && options.mailAnswers !== (options.stored[MAIL_ANSWERS_KEY] ?? '')
      ? { [MAIL_ANSWERS_KEY]: options.mailAnswers }
      : {}),
  };
  if (Object.entries(properties).some(([k, v]) => options.stored[k] !== v)) options.store.set(properties);
  for (const key of new Set([...options.journalKeys, ...cellKeys])) options.store.remove(key);
  return notes;
}

/**
 * Adds the managed columns the sheet lacks (marked as they are added) and the user columns recording needed, with
 * their date format; marks the earlier version's columns it adopted. Says once which of the user's columns it left.
 */
function addColumns(model: TrackerModel): string[] {
  const recorded = new Set(model.writes.map((w) => w.column));
  const dateColumns = [...recorded].filter(
    (k) => k !== 'followUps' && model.newHeaders.includes(COLUMN_HEADERS[k][0]!),
  );
  const layout = model.managed;
  model.extendManaged();
  for (const key of layout.adopted) model.tracker.markColumn(layout.columns[key]!, key);
  const said = layout.userColumns.length > 0 ? [userColumnsLeft(layout)] : [];
  if (model.newHeaders.length === 0) return said;
  model.tracker.addColumns(model.newHeaders);
  for (const { key } of layout.missing) model.tracker.markColumn(layout.columns[key]!, key);
  const formats = [
    ...(layout.missing.some((m) => m.key === 'due') ? [layout.columns.due!] : []),
    ...dateColumns.map((k) => model.headers.columns[k]!),
  ];
  for (const column of formats) model.tracker.formatColumn(column, 'yyyy-mm-dd');
  return [columnsAdded(model.newHeaders), ...said];
}

/**
 * The recording writes, one batch per column: the stretch of rows from the first to the last cell written, with
 * every other cell in it written back as it is — except a cell that writing back could change (see rewritable),
 * which splits the stretch. So the cost does not grow with the number of replies or sends.
 */
function writeRecorded(model: TrackerModel): void {
  const byColumn = new Map<number, Map<number, CellValue>>();
  for (const write of model.writes) {
    const column = model.headers.columns[write.column]!;
    const cells = byColumn.get(column) ?? new Map<number, CellValue>();
    cells.set(write.row, model.cellValue(write));
    byColumn.set(column, cells);
  }
  const current = (column: number, sheetRow: number) => ({
    value: model.cells(sheetRow)[column],
    formula: model.formula(column, sheetRow) || undefined,
  });
  for (const group of adjacentColumns(byColumn)) {
    const rectangle = group.length > 1 ? recordedRectangle(group, current) : null;
    if (rectangle) {
      writeColumns(model, group[0]!.column, rectangle.values, undefined, rectangle.startRow);
      continue;
    }
    for (const { column, cells } of group) {
      for (const stretch of columnStretches(cells, (row) => current(column, row))) {
        writeColumns(
          model,
          column,
          stretch.values.map((v) => [v]),
          undefined,
          stretch.startRow,
        );
      }
    }
  }
  // A day that begins after midnight (a zone whose clocks jump then): its Date would show a time of day.
  const { timeZone } = model.ctx;
  for (const write of model.writes) {
    if (write.update.kind === 'date' && !dayStartsAtMidnight(write.update.date, timeZone))
      model.tracker.showDateOnly(write.row, model.headers.columns[write.column]!);
  }
}

type RecordedColumn = { column: number; cells: ReadonlyMap<number, CellValue> };

/** The recorded columns in runs of adjacent columns (left to right). */
function adjacentColumns(byColumn: ReadonlyMap<number, ReadonlyMap<number, CellValue>>): RecordedColumn[][] {
  const runs: RecordedColumn[][] = [];
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    const entry = { column, cells: byColumn.get(column)! };
    if (last && last[last.length - 1]!.column === column - 1) last.push(entry);
    else runs.push([entry]);
  }
  return runs;
}

/**
 * Adjacent recorded columns as one rectangle, from the first to the last row written in any of them, every other
 * cell written back as it is; null when a cell in it could change by being written back (see rewritable), and the
 * columns are then written one by one, in stretches.
 */
function recordedRectangle(
  group: readonly RecordedColumn[],
  current: (column: number, sheetRow: number) => { value: CellValue; formula: string | undefined },
): { startRow: number; values: CellValue[][] } | null {
  const rows = group.flatMap((g) => [...g.cells.keys()]);
  const startRow = Math.min(...rows);
  const values: CellValue[][] = [];
  for (let row = startRow; row <= Math.max(...rows); row++) {
    const line: CellValue[] = [];
    for (const { column, cells } of group) {
      const kept = cells.has(row)
        ? { value: cells.get(row) }
        : rewritable(current(column, row).value, current(column, row).formula);
      if (kept === null) return null;
      line.push(kept.value);
    }
    values.push(line);
  }
  return { startRow, values };
}

function managedCell(model: TrackerModel, row: TrackedRow | undefined, key: ManagedKey): CellValue {
  if (!row) return '';
  const e = row.evaluation;
  switch (key) {
    case 'nextFollowUp':
      return e.action ? ACTION_LABELS[e.action] : '';
    case 'due':
      return e.due === null ? '' : new Date(dateToInstant(e.due, model.ctx.timeZone));
    case 'followUpStatus':
      return e.statusText;
    case 'priority':
      return e.priority;
    case 'draft': {
      const record = row.app.draft;
      if (record === null) return '';
      return draftCellValue(record, record.kind === 'draft' ? row.messageId : undefined);
    }
  }
}

/** The Follow-up status cell's note: the row's problems, then its tips. */
function noteFor(row: TrackedRow | undefined): string {
  if (!row) return '';
  return [
    ...row.evaluation.problems.map((p) => `${p.blocking ? 'To fix before drafting' : 'Check'}: ${p.message}`),
    ...row.evaluation.hints.map((h) => `Tip: ${h}`),
  ].join('\n');
}

/**
 * Sheet rows whose Draft cell is left as it is. A Draft cell the add-on has no record for (a row that is not an
 * application, or text it cannot read) keeps what is in it, untouched: written back, its text would be read again as
 * typed ("=1+1" would become a formula, "1/2" a date), and a record in a row whose Company is blank for now must
 * survive to stop a redraft. Without Gmail's current draft ids (a run that did not list the drafts) a cell whose
 * record did not change is left alone too, so that its link to the draft survives.
 */
function keptDraftCells(model: TrackerModel, linksKnown: boolean): Set<number> {
  const rows = model.bySheetRow();
  const draftColumn = model.headers.managed.draft!;
  const kept = new Set<number>();
  for (let sheetRow = 2; sheetRow <= model.dataRows + 1; sheetRow++) {
    const row = rows.get(sheetRow);
    const record = row?.app.draft ?? null;
    if (row && record) {
      if (!linksKnown && JSON.stringify(record) === JSON.stringify(row.shown)) kept.add(sheetRow);
      continue;
    }
    if (!isBlank(model.cells(sheetRow)[draftColumn]) || !linksKnown) kept.add(sheetRow);
  }
  return kept;
}

/** Consecutive managed columns, each run written in one batch; a column the user moved away is a run of its own. */
function columnRuns(model: TrackerModel, withDraft: boolean): { key: ManagedKey; column: number }[][] {
  const columns = MANAGED_KEYS.filter((key) => withDraft || key !== 'draft')
    .map((key) => ({ key, column: model.headers.managed[key]! }))
    .sort((a, b) => a.column - b.column);
  const runs: (typeof columns)[] = [];
  for (const c of columns) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.column === c.column - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/**
 * The managed columns, each run of adjacent ones in one write. The Follow-up status notes go with their run only when
 * they changed since the last run wrote them (NOTES_KEY fingerprints them with the row order and the layout) or when
 * `refresh` asks; returns the fingerprint to store when they were written.
 */
function writeManaged(model: TrackerModel, options: WriteBackOptions): Record<string, string> {
  if (model.dataRows <= 0) return {};
  const rows = model.bySheetRow();
  const kept = keptDraftCells(model, options.linksKnown);
  let stored: Record<string, string> = {};
  for (const run of columnRuns(model, kept.size === 0)) {
    const values: CellValue[][] = [];
    const notes: string[][] = [];
    const hasStatus = run.some((c) => c.key === 'followUpStatus');
    const seen: string[] = [`${run[0]!.column}:${run.length}:${model.dataRows}`];
    for (let sheetRow = 2; sheetRow <= model.dataRows + 1; sheetRow++) {
      const row = rows.get(sheetRow);
      values.push(run.map((c) => managedCell(model, row, c.key)));
      if (!hasStatus) continue;
      const note = noteFor(row);
      notes.push(run.map((c) => (c.key === 'followUpStatus' ? note : '')));
      seen.push(row?.key ?? '', note);
    }
    const key = hasStatus ? fingerprint(seen.join('\u0001'), NOTES_KEY_CHARS) : '';
    // Columns added this run have no notes yet, whatever the fingerprint of the ones that were there says.
    const fresh = options.refreshColours || model.newHeaders.length > 0;
    const writeNotes = hasStatus && (fresh || options.stored[NOTES_KEY] !== key);
    writeColumns(model, run[0]!.column, values, writeNotes ? notes : undefined);
    if (writeNotes) stored = { [NOTES_KEY]: key };
  }
  writeDraftStretches(model, rows, kept);
  return stored;
}

/** The Draft column in stretches of rows between the kept cells (see keptDraftCells). */
function writeDraftStretches(
  model: TrackerModel,
  rows: ReadonlyMap<number, TrackedRow>,
  kept: ReadonlySet<number>,
): void {
  if (kept.size === 0) return;
  // The Draft column in stretches of rows between the kept cells.
  const draftColumn = model.headers.managed.draft!;
  let start = 2;
  for (let sheetRow = 2; sheetRow <= model.dataRows + 2; sheetRow++) {
    if (sheetRow <= model.dataRows + 1 && !kept.has(sheetRow)) continue;
    if (sheetRow > start) {
      const values: CellValue[][] = [];
      for (let r = start; r < sheetRow; r++) values.push([managedCell(model, rows.get(r), 'draft')]);
      writeColumns(model, draftColumn, values, undefined, start);
    }
    start = sheetRow + 1;
  }
}

/** Apps Script's words for a write into a cell protected against the user (docs/DECISIONS.md). */
export const PROTECTED = /protected cell/i;

/**
 * One batched write; a write a protected range refuses (Apps Script writes nothing of that call) stops write-back
 * with a message naming the columns and rows, so the journal keeps what is not written for the next run.
 */
function writeColumns(
  model: TrackerModel,
  firstColumn: number,
  rows: CellValue[][],
  notes?: string[][],
  firstRow = 2,
): void {
  try {
    model.tracker.writeColumns(firstColumn, rows, notes, firstRow);
  } catch (error) {
    if (!(error instanceof Error) || !PROTECTED.test(error.message)) throw error;
    const width = rows[0]?.length ?? 1;
    const headers = model.values[0]!.slice(firstColumn, firstColumn + width).map((h) => String(h));
    throw new Error(protectedWrite(headers, firstRow, firstRow + rows.length - 1));
  }
}

/** Rebuilds the colour rules when the layout changed; returns the layout key to store when it did. */
function colour(model: TrackerModel, options: WriteBackOptions): Record<string, string> {
  const status = model.headers.managed.followUpStatus!;
  const key = model.tracker.layoutKey(status);
  if (!options.refreshColours && options.stored.colours === key) return {};
  model.tracker.colourRows(status, COLOURS);
  return { colours: key };
}
