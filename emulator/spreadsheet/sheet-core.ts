/** The Sheet fake's plain parts: names, sizes, ranges, frozen rows, column widths, conditional formats. */
import { ConditionalFormatRuleFake, checkRuleFormula, type RuleDraft } from './conditional-format';
import type { Ctx } from './context';
import { checkRange } from './range-core';
import { type GridRange, lastColumn, lastRow, parseA1, type SheetState, type SpreadsheetState } from './state';

type S = GoogleAppsScript.Spreadsheet.Sheet;
type R = GoogleAppsScript.Spreadsheet.Range;
type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export function isCount(n: unknown): n is number {
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

export class SheetCore {
  readonly self: S;

  constructor(
    protected readonly ctx: Ctx,
    readonly sheetState: SheetState,
  ) {
    this.self = ctx.wrap('Sheet', this);
  }

  protected get state(): SpreadsheetState {
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
    this.ctx.assertSheetEditable(this.sheetState);
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

  setFrozenRows(rows: number): void {
    this.ctx.charge('Sheet.setFrozenRows');
    if (!isCount(rows) || rows < 0) throw this.ctx.signatureError('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    this.ctx.assertSheetEditable(this.sheetState);
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
    this.ctx.assertSheetEditable(this.sheetState);
    this.sheetState.columnWidths[String(Math.trunc(columnPosition))] = Math.trunc(width);
    return this.self;
  }

  getColumnWidth(columnPosition: number): number {
    this.ctx.charge('Sheet.getColumnWidth');
    // Sheets' default column width is 100 pixels.
    return this.sheetState.columnWidths[String(Math.trunc(columnPosition))] ?? 100;
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
    this.ctx.assertSheetEditable(this.sheetState);
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
