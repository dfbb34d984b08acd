/** The Sheet and Spreadsheet fakes. */
import { ConditionalFormatRuleFake, checkRuleFormula, type RuleDraft } from './builders';
import type { Ctx } from './context';
import {
  CELL_LIMIT_MESSAGE,
  deleteRows,
  insertColumns,
  insertRows,
  sortSheetRows,
  wouldExceedCellLimit,
} from './model';
import { checkRange } from './range';
import {
  type GridRange,
  lastColumn,
  lastRow,
  newSheetState,
  parseA1,
  type SheetState,
  type SpreadsheetState,
} from './state';

type S = GoogleAppsScript.Spreadsheet.Sheet;
type R = GoogleAppsScript.Spreadsheet.Range;
type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

type SheetMethods =
  | 'activate'
  | 'deleteRow'
  | 'deleteRows'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getRange'
  | 'getSheetId'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'setColumnWidth'
  | 'setConditionalFormatRules'
  | 'setFrozenRows'
  | 'setName'
  | 'sort';

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Resolves A1 notation (optionally with a sheet name) against a default sheet, or throws "Range not found". */
export function rangeByA1(ctx: Ctx, defaultSheet: SheetState, a1: string): { sheet: SheetState; range: GridRange } {
  const head = parseA1(a1, defaultSheet.maxRows, defaultSheet.maxColumns);
  if (!head) throw ctx.error('Range not found');
  let sheet = defaultSheet;
  if (head.sheetName !== null && head.sheetName !== defaultSheet.name) {
    const other = ctx.state.sheets.find((s) => s.name === head.sheetName);
    if (!other) throw ctx.error('Range not found');
    sheet = other;
  }
  const parsed = sheet === defaultSheet ? head : parseA1(a1, sheet.maxRows, sheet.maxColumns)!;
  checkRange(ctx, sheet, parsed.range);
  return { sheet, range: parsed.range };
}

export class SheetFake implements Pick<S, SheetMethods> {
  readonly self: S;

  constructor(
    private readonly ctx: Ctx,
    readonly sheetState: SheetState,
  ) {
    this.self = ctx.wrap('Sheet', this);
  }

  private get state(): SpreadsheetState {
    return this.ctx.state;
  }

  getName(): string {
    this.ctx.charge('Sheet.getName');
    return this.sheetState.name;
  }

  setName(name: string): S {
    this.ctx.charge('Sheet.setName');
    if (typeof name !== 'string' || name.trim() === '')
      throw this.ctx.signatureError('SpreadsheetApp.Sheet.setName', [name]);
    const taken = this.state.sheets.some((s) => s !== this.sheetState && s.name.toLowerCase() === name.toLowerCase());
    if (taken) throw this.ctx.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.sheetState.name = name;
    return this.self;
  }

  getSheetId(): number {
    this.ctx.charge('Sheet.getSheetId');
    return this.sheetState.sheetId;
  }

  getIndex(): number {
    this.ctx.charge('Sheet.getIndex');
    return this.state.sheets.indexOf(this.sheetState) + 1;
  }

  getLastRow(): number {
    this.ctx.charge('Sheet.getLastRow');
    return lastRow(this.sheetState);
  }

  getLastColumn(): number {
    this.ctx.charge('Sheet.getLastColumn');
    return lastColumn(this.sheetState);
  }

  getMaxRows(): number {
    this.ctx.charge('Sheet.getMaxRows');
    return this.sheetState.maxRows;
  }

  getMaxColumns(): number {
    this.ctx.charge('Sheet.getMaxColumns');
    return this.sheetState.maxColumns;
  }

  getDataRange(): R {
    this.ctx.charge('Sheet.getDataRange');
    const rows = lastRow(this.sheetState);
    const cols = lastColumn(this.sheetState);
    return this.ctx.makeRange(this.sheetState, {
      row: 1,
      col: 1,
      numRows: Math.max(rows, 1),
      numCols: Math.max(cols, 1),
    });
  }

  getRange(...args: unknown[]): R {
    this.ctx.charge('Sheet.getRange');
    const [a, column, numRows, numColumns] = args;
    if (args.length === 1 && typeof a === 'string') {
      const found = rangeByA1(this.ctx, this.sheetState, a);
      return this.ctx.makeRange(found.sheet, found.range);
    }
    if (args.length < 2 || args.length > 4 || !args.every(isCount)) {
      throw this.ctx.signatureError('SpreadsheetApp.Sheet.getRange', args);
    }
    const area: GridRange = {
      row: Math.trunc(a as number),
      col: Math.trunc(column as number),
      numRows: numRows === undefined ? 1 : Math.trunc(numRows as number),
      numCols: numColumns === undefined ? 1 : Math.trunc(numColumns as number),
    };
    checkRange(this.ctx, this.sheetState, area);
    return this.ctx.makeRange(this.sheetState, area);
  }

  // --- structure ----------------------------------------------------------------------------------------

  private insertCols(method: string, position: number, howMany: number, before: boolean): S {
    this.ctx.charge(`Sheet.${method}`);
    if (!isCount(position) || !isCount(howMany)) {
      throw this.ctx.signatureError(`SpreadsheetApp.Sheet.${method}`, [position, howMany]);
    }
    const sheet = this.sheetState;
    if (position < 1 || position > sheet.maxColumns || howMany < 1) {
      throw this.ctx.error('Those columns are out of bounds.');
    }
    if (wouldExceedCellLimit(this.state, howMany * sheet.maxRows)) throw this.ctx.error(CELL_LIMIT_MESSAGE);
    // Inserted columns take the formatting of the column they are inserted next to, as in Sheets.
    insertColumns(this.state, sheet, before ? position : position + 1, Math.trunc(howMany), position);
    return this.self;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): S {
    return this.insertCols('insertColumnsAfter', afterPosition, howMany, false);
  }

  insertColumnAfter(afterPosition: number): S {
    return this.insertCols('insertColumnAfter', afterPosition, 1, false);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): S {
    return this.insertCols('insertColumnsBefore', beforePosition, howMany, true);
  }

  insertColumnBefore(beforePosition: number): S {
    return this.insertCols('insertColumnBefore', beforePosition, 1, true);
  }

  private insertRowsAt(method: string, position: number, howMany: number, before: boolean): S {
    this.ctx.charge(`Sheet.${method}`);
    if (!isCount(position) || !isCount(howMany)) {
      throw this.ctx.signatureError(`SpreadsheetApp.Sheet.${method}`, [position, howMany]);
    }
    const sheet = this.sheetState;
    if (position < 1 || position > sheet.maxRows || howMany < 1) throw this.ctx.error('Those rows are out of bounds.');
    if (wouldExceedCellLimit(this.state, howMany * sheet.maxColumns)) throw this.ctx.error(CELL_LIMIT_MESSAGE);
    insertRows(this.state, sheet, before ? position : position + 1, Math.trunc(howMany), position);
    return this.self;
  }

  insertRowsAfter(afterPosition: number, howMany: number): S {
    return this.insertRowsAt('insertRowsAfter', afterPosition, howMany, false);
  }

  insertRowAfter(afterPosition: number): S {
    return this.insertRowsAt('insertRowAfter', afterPosition, 1, false);
  }

  insertRowsBefore(beforePosition: number, howMany: number): S {
    return this.insertRowsAt('insertRowsBefore', beforePosition, howMany, true);
  }

  insertRowBefore(beforePosition: number): S {
    return this.insertRowsAt('insertRowBefore', beforePosition, 1, true);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.ctx.charge('Sheet.deleteRows');
    this.removeRows('deleteRows', rowPosition, howMany);
  }

  deleteRow(rowPosition: number): S {
    this.ctx.charge('Sheet.deleteRow');
    this.removeRows('deleteRow', rowPosition, 1);
    return this.self;
  }

  private removeRows(method: string, rowPosition: number, howMany: number): void {
    if (!isCount(rowPosition) || !isCount(howMany)) {
      throw this.ctx.signatureError(`SpreadsheetApp.Sheet.${method}`, [rowPosition, howMany]);
    }
    const sheet = this.sheetState;
    const end = rowPosition + howMany - 1;
    if (rowPosition < 1 || howMany < 1 || end > sheet.maxRows) throw this.ctx.error('Those rows are out of bounds.');
    const frozenLeft = Math.min(sheet.frozenRows, rowPosition - 1) + Math.max(0, sheet.frozenRows - end);
    if (sheet.maxRows - howMany <= frozenLeft) {
      throw this.ctx.error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    deleteRows(this.state, sheet, rowPosition, howMany);
  }

  setFrozenRows(rows: number): void {
    this.ctx.charge('Sheet.setFrozenRows');
    if (!isCount(rows) || rows < 0) throw this.ctx.signatureError('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    this.sheetState.frozenRows = Math.trunc(rows);
  }

  getFrozenRows(): number {
    this.ctx.charge('Sheet.getFrozenRows');
    return this.sheetState.frozenRows;
  }

  setColumnWidth(columnPosition: number, width: number): S {
    this.ctx.charge('Sheet.setColumnWidth');
    if (!isCount(columnPosition) || !isCount(width)) {
      throw this.ctx.signatureError('SpreadsheetApp.Sheet.setColumnWidth', [columnPosition, width]);
    }
    if (columnPosition < 1 || columnPosition > this.sheetState.maxColumns) {
      throw this.ctx.error('Those columns are out of bounds.');
    }
    this.sheetState.columnWidths[String(Math.trunc(columnPosition))] = Math.trunc(width);
    return this.self;
  }

  getColumnWidth(columnPosition: number): number {
    this.ctx.charge('Sheet.getColumnWidth');
    // Sheets' default column width is 100 pixels.
    return this.sheetState.columnWidths[String(Math.trunc(columnPosition))] ?? 100;
  }

  /** Sorts the rows below the frozen rows, as "Sort sheet" does. */
  sort(columnPosition: number, ascending?: boolean): S {
    this.ctx.charge('Sheet.sort');
    if (!isCount(columnPosition) || (ascending !== undefined && typeof ascending !== 'boolean')) {
      throw this.ctx.signatureError('SpreadsheetApp.Sheet.sort', [columnPosition, ascending]);
    }
    if (columnPosition < 1 || columnPosition > this.sheetState.maxColumns) {
      throw this.ctx.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    sortSheetRows(this.state, this.sheetState, columnPosition, ascending ?? true, this.sheetState.frozenRows + 1);
    return this.self;
  }

  // --- conditional formats ------------------------------------------------------------------------------

  getConditionalFormatRules(): Rule[] {
    this.ctx.charge('Sheet.getConditionalFormatRules');
    const sheet = this.sheetState;
    const rules = sheet.conditionalFormatRules.map((rule) => {
      const draft: RuleDraft = {
        formula: rule.formula,
        background: rule.background,
        fontColor: rule.fontColor,
        bold: rule.bold,
        ranges: rule.ranges
          .map((a1) => parseA1(a1, sheet.maxRows, sheet.maxColumns))
          .filter((p) => p !== null)
          .map((p) => ({ sheet, range: p.range })),
      };
      return new ConditionalFormatRuleFake(this.ctx, draft).self;
    });
    return this.ctx.rt.toRealm(rules);
  }

  setConditionalFormatRules(rules: Rule[]): void {
    this.ctx.charge('Sheet.setConditionalFormatRules');
    if (!Array.isArray(rules)) throw this.ctx.signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    const fakes = rules.map((r) => {
      const fake = this.ctx.unwrap(r, ConditionalFormatRuleFake);
      if (!fake) throw this.ctx.signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
      return fake;
    });
    for (const fake of fakes) {
      if (fake.draft.ranges.some((r) => r.sheet !== this.sheetState)) {
        throw this.ctx.error('Conditional format rule cannot reference a different sheet.');
      }
      checkRuleFormula(fake.draft.formula ?? '');
    }
    this.sheetState.conditionalFormatRules = fakes.map((f) => f.toState());
  }

  // --- navigation ---------------------------------------------------------------------------------------

  activate(): S {
    this.ctx.charge('Sheet.activate');
    const index = this.state.sheets.indexOf(this.sheetState);
    if (index >= 0) this.state.activeSheetIndex = index;
    return this.self;
  }

  getParent(): SS {
    this.ctx.charge('Sheet.getParent');
    return this.ctx.makeSpreadsheet();
  }
}

type SpreadsheetMethods =
  | 'getActiveSheet'
  | 'getId'
  | 'getName'
  | 'getRange'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'setActiveSheet'
  | 'toast';

export class SpreadsheetFake implements Pick<SS, SpreadsheetMethods> {
  readonly self: SS;

  constructor(private readonly ctx: Ctx) {
    this.self = ctx.wrap('Spreadsheet', this);
  }

  private get state(): SpreadsheetState {
    return this.ctx.state;
  }

  private activeSheetState(): SheetState {
    const { sheets, activeSheetIndex } = this.state;
    return sheets[activeSheetIndex] ?? sheets[0]!;
  }

  getId(): string {
    this.ctx.charge('Spreadsheet.getId');
    return this.state.id;
  }

  getName(): string {
    this.ctx.charge('Spreadsheet.getName');
    return this.state.name;
  }

  getUrl(): string {
    this.ctx.charge('Spreadsheet.getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.state.id}/edit`;
  }

  getSheets(): S[] {
    this.ctx.charge('Spreadsheet.getSheets');
    return this.ctx.rt.toRealm(this.state.sheets.map((s) => this.ctx.makeSheet(s)));
  }

  /** Exact name match (null when there is none). */
  getSheetByName(name: string): S | null {
    this.ctx.charge('Spreadsheet.getSheetByName');
    if (typeof name !== 'string') throw this.ctx.signatureError('SpreadsheetApp.Spreadsheet.getSheetByName', [name]);
    const sheet = this.state.sheets.find((s) => s.name === name);
    return sheet ? this.ctx.makeSheet(sheet) : null;
  }

  /**
   * insertSheet(name?, index?): the new sheet goes after the active sheet unless an index (0-based) is given,
   * and becomes the active sheet. Sheet names are unique regardless of case, as in Sheets.
   */
  insertSheet(...args: unknown[]): S {
    this.ctx.charge('Spreadsheet.insertSheet');
    let name: string | null = null;
    let index: number | null = null;
    for (const arg of args) {
      if (typeof arg === 'string' && name === null && index === null) name = arg;
      else if (typeof arg === 'number' && index === null) index = Math.trunc(arg);
      else if (typeof arg === 'object' && arg !== null)
        throw new Error('not implemented in the emulator: Spreadsheet.insertSheet with options');
      else throw this.ctx.signatureError('SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    const { state } = this;
    if (name === null) {
      let n = state.sheets.length + 1;
      while (state.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const wanted = name;
    if (state.sheets.some((s) => s.name.toLowerCase() === wanted.toLowerCase())) {
      throw this.ctx.error(`A sheet with the name "${wanted}" already exists. Please enter another name.`);
    }
    if (wouldExceedCellLimit(state, 1000 * 26)) throw this.ctx.error(CELL_LIMIT_MESSAGE);
    const at = index === null ? state.activeSheetIndex + 1 : Math.max(0, Math.min(index, state.sheets.length));
    const sheet = newSheetState(state.nextSheetId, wanted);
    // Sheets gives new tabs large random ids; a counter keeps the emulator deterministic.
    state.nextSheetId += 1;
    state.sheets.splice(at, 0, sheet);
    state.activeSheetIndex = at;
    return this.ctx.makeSheet(sheet);
  }

  getActiveSheet(): S {
    this.ctx.charge('Spreadsheet.getActiveSheet');
    return this.ctx.makeSheet(this.activeSheetState());
  }

  setActiveSheet(sheet: S, _restoreSelection?: boolean): S {
    this.ctx.charge('Spreadsheet.setActiveSheet');
    const fake = this.ctx.unwrap(sheet, SheetFake);
    if (!fake) throw this.ctx.signatureError('SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    const index = this.state.sheets.indexOf(fake.sheetState);
    if (index >= 0) this.state.activeSheetIndex = index;
    return fake.self;
  }

  getSpreadsheetTimeZone(): string {
    this.ctx.charge('Spreadsheet.getSpreadsheetTimeZone');
    return this.state.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.ctx.charge('Spreadsheet.getSpreadsheetLocale');
    return this.state.locale;
  }

  /** Spreadsheet-level A1 notation: `Sheet!A1:B2`, or the active sheet when no sheet is named. */
  getRange(a1Notation: string): R {
    this.ctx.charge('Spreadsheet.getRange');
    if (typeof a1Notation !== 'string')
      throw this.ctx.signatureError('SpreadsheetApp.Spreadsheet.getRange', [a1Notation]);
    const found = rangeByA1(this.ctx, this.activeSheetState(), a1Notation);
    return this.ctx.makeRange(found.sheet, found.range);
  }

  /** Recorded in uiLog.toasts; works in every execution mode (the timeout defaults to 5 seconds). */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.charge('Spreadsheet.toast');
    this.ctx.uiLog.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined || timeoutSeconds === null ? 5 : Number(timeoutSeconds),
      at: this.ctx.rt.now,
    });
  }
}
