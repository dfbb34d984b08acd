/**
 * The run's own copy of the tracker: the grid as read in one batch, one scored row per application with its one draft
 * record, the coordinates between the grid and the sheet, and the facts recorded this run (applied through the core,
 * kept for write-back and the cell journal).
 */
import type { CellValue, ReadContext } from '../core/cells';
import { COLUMN_HEADERS, type HeaderMap, matchHeaders } from '../core/columns';
import { type CalendarDate, dateToInstant } from '../core/dates';
import type { DraftRecord } from '../core/draftcell';
import type { MailVerdict } from '../core/mail-replies';
import { type CellWrite, cellToken, rowKey, tokenUpdate, updateToken, withRecorded } from '../core/plan';
import { afterMail } from '../core/reply-verdict';
import { type Application, type Evaluation, evaluate } from '../core/rules';
import type { Settings } from '../core/settings';
import { readStatus } from '../core/status';
import { scoreTracker } from '../core/tracker';
import type { TrackerSheet } from '../ports';
import type { CellJournalEntry, CellNote } from './journal';
import { layoutColumns, locateManaged, type ManagedLayout } from './managed-columns';
import { formulaNotWritten } from './messages';

/** One application row of this run. Its draft record is `app.draft`, the only copy. */
export interface TrackedRow {
  /** 1-based sheet row (the grid index plus one). */
  readonly sheetRow: number;
  /** Finds the row again after sorting (journal, sidebar); rows that read the same get `#2`, `#3`. */
  key: string;
  app: Application;
  evaluation: Evaluation;
  /** The record the Draft cell showed when the run read it. */
  readonly shown: DraftRecord | null;
  /** Gmail's message id of the row's live draft, for the Draft cell's link. */
  messageId?: string | undefined;
  /** What Gmail's mail says about the row (docs/RULES.md §5): it stays the verdict whatever else is recorded. */
  mail?: MailVerdict;
  /** True when the mail was read while the row's draft was still in Gmail. */
  mailWithLiveDraft?: boolean;
  /** The "Re:" subject a check-in gets in its thread (when the run looked the thread up). */
  replySubject?: string;
}

export class TrackerModel {
  headers: HeaderMap;
  readonly rows: TrackedRow[];
  /** The recording writes into user columns, in order. */
  readonly writes: CellWrite[] = [];
  /** The same writes by row key, each cell before and after, for the cell journal. */
  readonly cellNotes = new Map<string, CellNote[]>();
  /** Headers of the columns this run appends to the right of the sheet. */
  readonly newHeaders: string[] = [];
  /** The add-on's own columns, found by their marks (see managed-columns.ts). */
  readonly managed: ManagedLayout;

  /** @param notes where what is worth telling the user goes, as it comes up (duplicate headers, formulas left alone) */
  constructor(
    readonly tracker: TrackerSheet,
    private readonly settings: Settings,
    readonly ctx: ReadContext,
    private readonly notes: string[],
  ) {
    this.managed = locateManaged(tracker.values, tracker.managedMarks(), settings.columns);
    const scored = scoreTracker(tracker.values, settings, ctx, this.matchOptions());
    this.headers = scored.headers;
    notes.push(...scored.sheetProblems);
    this.rows = scored.rows.map(({ application, evaluation }) => ({
      sheetRow: application.row,
      key: rowKey(application),
      app: application,
      evaluation,
      shown: application.draft,
    }));
    // Rows that read the same (the same application entered twice) are told apart by their order, so that each has
    // its own journal notes; sorting can only swap rows that are the same application.
    const seen = new Map<string, number>();
    for (const row of this.rows) {
      const n = (seen.get(row.key) ?? 0) + 1;
      seen.set(row.key, n);
      if (n > 1) row.key = `${row.key}#${n}`;
    }
  }

  get values(): CellValue[][] {
    return this.tracker.values;
  }

  /** Data rows in the grid (header excluded), applications or not. */
  get dataRows(): number {
    return this.tracker.values.length - 1;
  }

  /** The grid row of a sheet row. */
  cells(sheetRow: number): CellValue[] {
    return this.tracker.values[sheetRow - 1] ?? [];
  }

  /** A cell's formula, by 0-based column and 1-based sheet row ('' when none). */
  formula(column: number, sheetRow: number): string {
    return this.tracker.columnFormulas(column)[sheetRow - 2] ?? '';
  }

  byKey(key: string): TrackedRow | undefined {
    return this.rows.find((r) => r.key === key);
  }

  /** The rows by sheet row, for walking every data row of the grid. */
  bySheetRow(): Map<number, TrackedRow> {
    return new Map(this.rows.map((r) => [r.sheetRow, r]));
  }

  /** Sets the row's draft record (kept, made, sent, recovered); a skip changes the verdict, so it is scored again. */
  setRecord(row: TrackedRow, record: DraftRecord | null, messageId?: string): void {
    row.app = { ...row.app, draft: record };
    row.messageId = messageId;
    if (record?.kind === 'skipped') this.rescore(row);
  }

  /** Records a skip: the row's current follow-up waits until the chosen day (docs/RULES.md §3 reads the record). */
  skip(row: TrackedRow, until: CalendarDate): void {
    const { action, due } = row.evaluation;
    if (action === null || due === null) return;
    const record = row.app.draft;
    const previous = record?.kind === 'skipped' && record.action === action ? record.due : due;
    this.setRecord(row, { kind: 'skipped', action, due: previous, until });
  }

  /**
   * The Status cell now holds `value` (the sidebar's "Mark as rejected" wrote it): the grid and the row's facts follow,
   * and the row is scored again (a closed row has no follow-up, whatever its mail said).
   */
  statusWritten(row: TrackedRow, column: number, value: string): void {
    this.cells(row.sheetRow)[column] = value;
    row.app = { ...row.app, status: readStatus(value) };
    this.rescore(row);
  }

  /** Gmail's mail says something about the row: the verdict follows it (see afterMail) and stays so for the run. */
  noteMail(row: TrackedRow, verdict: MailVerdict, draftLive: boolean): void {
    row.mail = verdict;
    row.mailWithLiveDraft = draftLive;
    this.rescore(row);
  }

  /**
   * Applies recording writes (docs/RULES.md §5): each goes into the grid for write-back (never into a formula,
   * adding the column when missing) and is noted for the journal; the row's facts follow through the core.
   * @param draft the row's new draft record (a send found), set together with the writes or not at all
   */
  record(row: TrackedRow, writes: readonly CellWrite[], draft?: DraftRecord): void {
    // Every read first: a formula check is a Spreadsheet call that can fail, and a failure must leave the row as it
    // was (no "sent" record without its recording writes), so the next run finds the same facts and records them.
    const inFormula = writes.map((w) => {
      const column = this.headers.columns[w.column];
      return column !== undefined && this.formula(column, row.sheetRow) !== '';
    });
    if (draft) this.setRecord(row, draft);
    const applied: CellWrite[] = [];
    for (const [i, write] of writes.entries()) {
      if (this.headers.columns[write.column] === undefined) this.extend([COLUMN_HEADERS[write.column][0]!]);
      const column = this.headers.columns[write.column]!;
      if (inFormula[i]) {
        this.notes.push(formulaNotWritten(COLUMN_HEADERS[write.column][0]!, row.sheetRow));
        continue;
      }
      const cells = this.cells(row.sheetRow);
      const notes = this.cellNotes.get(row.key) ?? [];
      notes.push({
        column: write.column,
        from: cellToken(cells[column], this.ctx.timeZone),
        to: updateToken(write.update),
      });
      this.cellNotes.set(row.key, notes);
      cells[column] = this.cellValue(write);
      this.writes.push(write);
      applied.push(write);
    }
    row.app = withRecorded(row.app, applied);
    this.rescore(row);
  }

  /** Finishes the recording writes an interrupted run noted but may not have made (see journal.ts). */
  recoverCells(entries: readonly CellJournalEntry[]): void {
    for (const entry of entries) {
      const row = this.byKey(entry.rowKey);
      if (!row) continue;
      const writes: CellWrite[] = [];
      for (const note of entry.notes) {
        const column = this.headers.columns[note.column];
        const now = column === undefined ? '' : cellToken(this.cells(row.sheetRow)[column], this.ctx.timeZone);
        const update = tokenUpdate(note.to);
        if (now === note.from && update) writes.push({ row: row.sheetRow, column: note.column, update });
      }
      if (writes.length > 0) this.record(row, writes);
    }
  }

  /** What a recording write puts in its cell: a Date at the day's start in the spreadsheet's zone, or the value. */
  cellValue(write: CellWrite): CellValue {
    return write.update.kind === 'date'
      ? new Date(dateToInstant(write.update.date, this.ctx.timeZone))
      : write.update.value;
  }

  /** Appends columns to the grid; write-back adds them to the sheet. */
  extend(headers: readonly string[]): void {
    if (headers.length === 0) return;
    this.tracker.values.forEach((row, i) => {
      row.push(...(i === 0 ? headers : headers.map(() => '')));
    });
    this.newHeaders.push(...headers);
    this.headers = matchHeaders(this.tracker.values[0]!, { ...this.matchOptions(), overrides: this.settings.columns });
  }

  /** Appends the missing managed columns to the grid, at the columns the layout then records for them. */
  extendManaged(): void {
    const width = this.tracker.values[0]?.length ?? 0;
    this.managed.missing.forEach((m, i) => {
      this.managed.columns[m.key] = width + i;
    });
    this.extend(this.managed.missing.map((m) => m.header));
  }

  private matchOptions() {
    return { marked: layoutColumns(this.managed), managed: this.managed.columns };
  }

  private rescore(row: TrackedRow): void {
    const evaluation = evaluate(row.app, this.settings, this.ctx.today);
    row.evaluation =
      row.mail === undefined ? evaluation : afterMail(evaluation, row.mail, row.mailWithLiveDraft === true);
  }
}
