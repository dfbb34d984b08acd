/** The Spreadsheet service behind the Workbook and TrackerSheet ports: one batched read, batched writes. */
import type { CellValue } from '../core/cells';
import {
  COLUMN_HEADERS,
  COLUMN_KEYS,
  columnLetter,
  isTrackerHeader,
  MANAGED_HEADERS,
  MANAGED_KEYS,
  type ManagedKey,
} from '../core/columns';
import { MANAGED_MARK, type TrackerSheet, type Workbook } from '../ports';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DATE_FORMAT = 'yyyy-mm-dd';
/** The headers of the user columns that recording writes into (docs/RULES.md §5), normalised by headerText. */
const RECORDED_HEADERS = new Set(
  (['thankYou', 'lastFollowUp', 'followUps', 'heardBack'] as const).flatMap((k) => COLUMN_HEADERS[k].map(headerText)),
);

function headerText(cell: CellValue | undefined): string {
  return String(cell ?? '')
    .trim()
    .toLowerCase();
}
const STATUS_RULE = /^=LEFT\(\$[A-Z]+2,\s*(7|9)\)="(Overdue|Due today)"$/;

class SheetTracker implements TrackerSheet {
  private lastColumn: number;
  private readonly initialColumns: number;
  private cachedName: string | undefined;
  private cachedMaxRows: number | undefined;
  private readonly formulas = new Map<number, string[]>();
  private marks: Partial<Record<ManagedKey, number>> | undefined;

  /** @param identity names the sheet for layoutKey without a call: its tab position, or the name in settings. */
  constructor(
    private readonly sheet: Sheet,
    readonly values: CellValue[][],
    private readonly identity: string,
  ) {
    this.lastColumn = values[0]?.length ?? 0;
    this.initialColumns = this.lastColumn;
  }

  /** Rows of the sheet (read once: the date format, the colour rules and the column marks all cover them). */
  private get maxRows(): number {
    this.cachedMaxRows ??= this.sheet.getMaxRows();
    return this.cachedMaxRows;
  }

  /** Read only when needed: every Spreadsheet call costs, and most runs never show the name. */
  get name(): string {
    this.cachedName ??= this.sheet.getName();
    return this.cachedName;
  }

  managedMarks(): Partial<Record<ManagedKey, number>> {
    if (this.marks) return this.marks;
    const marks: Partial<Record<ManagedKey, number>> = {};
    for (const metadata of this.sheet.createDeveloperMetadataFinder().withKey(MANAGED_MARK).find()) {
      const key = metadata.getValue() as ManagedKey;
      const column = metadata.getLocation().getColumn()?.getColumn();
      if (!column || !(MANAGED_KEYS as string[]).includes(key)) continue;
      if (marks[key] === undefined || column - 1 < marks[key]!) marks[key] = column - 1;
    }
    this.marks = marks;
    return marks;
  }

  markColumn(column: number, key: ManagedKey): void {
    markColumn(this.sheet, column, key, this.maxRows);
    this.marks = { ...this.managedMarks(), [key]: column };
  }

  addColumns(headers: readonly string[]): void {
    if (headers.length === 0) return;
    const first = this.lastColumn + 1;
    const missing = first + headers.length - 1 - this.sheet.getMaxColumns();
    if (missing > 0) this.sheet.insertColumnsAfter(this.sheet.getMaxColumns(), missing);
    const range = this.sheet.getRange(1, first, 1, headers.length);
    range.setValues([[...headers]]);
    range.setFontWeight('bold');
    this.lastColumn += headers.length;
  }

  /**
   * One setValues; the notes, when given, over the columns from the first to the last with a note in any row (the
   * columns around them without one are left as they are: every cell of a note write is paid for), or over the whole
   * range when there is no note at all.
   */
  writeColumns(firstColumn: number, rows: CellValue[][], notes?: string[][], firstRow = 2): void {
    if (rows.length === 0 || rows[0]!.length === 0) return;
    this.sheet.getRange(firstRow, firstColumn + 1, rows.length, rows[0]!.length).setValues(rows);
    if (!notes) return;
    const width = rows[0]!.length;
    const used = (c: number) => notes.some((r) => (r[c] ?? '') !== '');
    let first = 0;
    let last = width - 1;
    // With no note at all the whole range is cleared: a stale note may sit in any of its columns.
    if (notes.some((r) => r.some((n) => n !== ''))) {
      while (!used(first)) first++;
      while (!used(last)) last--;
    }
    const span = notes.map((r) => r.slice(first, last + 1));
    this.sheet.getRange(firstRow, firstColumn + 1 + first, rows.length, last - first + 1).setNotes(span);
  }

  /**
   * The formulas of a column (one string per data row, '' for none). A column the run appended has none. The columns
   * next to it that recording also writes into (Thank-you sent, Last follow-up…) are read in the same getFormulas.
   */
  columnFormulas(column: number): string[] {
    const rows = this.values.length - 1;
    if (rows <= 0 || column >= this.initialColumns) return [];
    const cached = this.formulas.get(column);
    if (cached) return cached;
    const recordable = (c: number) =>
      c >= 0 &&
      c < this.initialColumns &&
      !this.formulas.has(c) &&
      RECORDED_HEADERS.has(headerText(this.values[0]?.[c]));
    let first = column;
    let last = column;
    while (recordable(first - 1)) first--;
    while (recordable(last + 1)) last++;
    const grid = this.sheet.getRange(2, first + 1, rows, last - first + 1).getFormulas();
    for (let c = first; c <= last; c++)
      this.formulas.set(
        c,
        grid.map((r) => r[c - first] ?? ''),
      );
    return this.formulas.get(column)!;
  }

  allowedValues(sheetRow: number, column: number): string[] | null {
    const rule = this.sheet.getRange(sheetRow, column + 1).getDataValidation();
    if (!rule) return null;
    const type = rule.getCriteriaType();
    const [first] = rule.getCriteriaValues();
    const Criteria = SpreadsheetApp.DataValidationCriteria;
    let values: unknown[];
    if (type === Criteria.VALUE_IN_LIST) values = Array.isArray(first) ? first : [];
    else if (type === Criteria.VALUE_IN_RANGE)
      values = (first as GoogleAppsScript.Spreadsheet.Range).getValues().flat();
    else return null;
    return values.map((v) => String(v ?? '').trim()).filter((v) => v !== '');
  }

  formatColumn(column: number, numberFormat: string): void {
    const rows = this.maxRows - 1;
    if (rows > 0) this.sheet.getRange(2, column + 1, rows, 1).setNumberFormat(numberFormat);
  }

  showDateOnly(sheetRow: number, column: number): void {
    const cell = this.sheet.getRange(sheetRow, column + 1);
    const format = cell.getNumberFormat();
    // Automatic (General): Sheets shows a script's Date with its time unless that time is midnight.
    if (format === '' || format.toLowerCase() === 'general') cell.setNumberFormat(DATE_FORMAT);
  }

  layoutKey(statusColumn: number): string {
    return `${this.identity}:${statusColumn}:${this.lastColumn}`;
  }

  colourRows(statusColumn: number, colours: { overdue: string; dueToday: string }): void {
    const letter = columnLetter(statusColumn);
    const rows = Math.max(1, this.maxRows - 1);
    const range = this.sheet.getRange(2, 1, rows, Math.max(this.lastColumn, statusColumn + 1));
    const ours = (rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean => {
      const condition = rule.getBooleanCondition();
      const formula = condition?.getCriteriaValues()[0];
      return typeof formula === 'string' && STATUS_RULE.test(formula);
    };
    const kept = this.sheet.getConditionalFormatRules().filter((rule) => !ours(rule));
    const rule = (formula: string, colour: string) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(formula)
        .setBackground(colour)
        .setRanges([range])
        .build();
    // Ours go first so that an overdue row shows even where the user has conditional colours of their own.
    this.sheet.setConditionalFormatRules([
      rule(`=LEFT($${letter}2,7)="Overdue"`, colours.overdue),
      rule(`=LEFT($${letter}2,9)="Due today"`, colours.dueToday),
      ...kept,
    ]);
  }
}

/** Marks a whole column (rows 1..maxRows: Apps Script takes metadata on whole columns only). */
function markColumn(sheet: Sheet, column: number, key: ManagedKey, maxRows: number): void {
  sheet
    .getRange(1, column + 1, maxRows, 1)
    .addDeveloperMetadata(MANAGED_MARK, key, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

function readTracker(sheet: Sheet, identity: string): SheetTracker {
  return new SheetTracker(sheet, sheet.getDataRange().getValues() as CellValue[][], identity);
}

const SETUP_STATUSES = ['Applied', 'Interviewing', 'Waiting', 'Offer', 'Accepted', 'Rejected', 'Withdrawn', 'Archived'];

export class SpreadsheetWorkbook implements Workbook {
  readonly timeZone: string;
  readonly locale: string;

  constructor(readonly spreadsheet: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {
    this.timeZone = spreadsheet.getSpreadsheetTimeZone();
    this.locale = spreadsheet.getSpreadsheetLocale();
  }

  findTracker(preferredName: string): TrackerSheet | null {
    if (preferredName) {
      const sheet = this.spreadsheet.getSheetByName(preferredName);
      return sheet ? readTracker(sheet, `name ${preferredName}`) : null;
    }
    const sheets = this.spreadsheet.getSheets();
    for (const [index, sheet] of sheets.entries()) {
      // The first sheet is read whole straight away: it is nearly always the tracker, so that read is the only one.
      if (index === 0) {
        const tracker = readTracker(sheet, 'tab 1');
        if (isTrackerHeader(tracker.values[0] ?? [])) return tracker;
        continue;
      }
      const width = sheet.getLastColumn();
      if (width > 0 && isTrackerHeader(sheet.getRange(1, 1, 1, width).getValues()[0] ?? [])) {
        return readTracker(sheet, `tab ${index + 1}`);
      }
    }
    return null;
  }

  private sheetNames(): string[] {
    return this.spreadsheet.getSheets().map((s) => s.getName());
  }

  createTrackerSheet(): string {
    const taken = new Set(this.sheetNames());
    let name = 'Applications';
    for (let n = 2; taken.has(name); n++) name = `Applications ${n}`;
    const sheet = this.spreadsheet.insertSheet(name);
    const headers = [...COLUMN_KEYS.map((k) => COLUMN_HEADERS[k][0]!), ...MANAGED_KEYS.map((k) => MANAGED_HEADERS[k])];
    const example = setupExampleRow(this.timeZone);
    if (sheet.getMaxColumns() < headers.length) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
    }
    const column = (key: string): number => headers.indexOf(key) + 1;
    const dataRows = sheet.getMaxRows() - 1;
    for (const header of ['Applied', 'Interview date', 'Last follow-up', 'Heard back', 'Due']) {
      sheet.getRange(2, column(header), dataRows, 1).setNumberFormat('yyyy-mm-dd');
    }
    sheet
      .getRange(2, column('Status'), dataRows, 1)
      .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(SETUP_STATUSES, true).build());
    sheet.getRange(2, column('Thank-you sent'), dataRows, 1).insertCheckboxes();
    const headerRange = sheet.getRange(1, 1, 1, headers.length);
    headerRange.setValues([headers]);
    headerRange.setFontWeight('bold');
    sheet.getRange(2, 1, 1, example.length).setValues([example]);
    const maxRows = dataRows + 1;
    MANAGED_KEYS.forEach((key, i) => {
      markColumn(sheet, COLUMN_KEYS.length + i, key, maxRows);
    });
    sheet.setFrozenRows(1);
    sheet.activate();
    return name;
  }

  selectRow(sheetName: string, row: number): void {
    const sheet = this.spreadsheet.getSheetByName(sheetName);
    if (!sheet) throw new Error(`There is no sheet named "${sheetName}" any more.`);
    sheet.getRange(row, 1, 1, Math.max(1, sheet.getLastColumn())).activate();
  }
}

/** The example row of a new tracker: interviewed yesterday, thanked, waiting to hear by the end of next week. */
function setupExampleRow(timeZone: string): CellValue[] {
  const now = new Date();
  const dayOffset = (days: number) =>
    Utilities.formatDate(new Date(now.getTime() + days * 86_400_000), timeZone, 'yyyy-MM-dd');
  const byKey: Record<string, CellValue> = {
    company: 'Example Co (replace me)',
    role: 'Product Designer',
    status: 'Interviewing',
    applied: dayOffset(-14),
    interview: dayOffset(-1),
    expected: 'end of next week',
    recruiter: 'Sam Lee',
    recruiterEmail: 'sam@example.com',
    interviewer: 'Kim Park',
    interviewerEmail: 'kim@example.com',
    thankYou: true,
    personalNote: 'I enjoyed hearing how your design system helped the team move to weekly releases.',
    notes: 'Private, never in a draft: salary not discussed yet',
  };
  return COLUMN_KEYS.map((key) => byKey[key] ?? '');
}
