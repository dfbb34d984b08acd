/**
 * Reading the spreadsheet state as the fakes and the harness need it: computed values, what a person sees (display
 * values with merged cells read empty, colours with conditional formats applied), and data validation.
 */
import { displayValue } from './format';
import { compileFormula, FormulaError, type FVal } from './formula';
import { type EvalContext, evaluate, isSatisfied } from './formula-eval';
import { hiddenCells } from './merge';
import {
  type DataValidationState,
  findSheet,
  type GridRange,
  gridGet,
  isDateCell,
  lastColumn,
  lastRow,
  parseA1,
  rangeContains,
  requireSheet,
  type SheetState,
  type SpreadsheetState,
  type StoredValue,
} from './state';

export const WHITE = '#ffffff';

// ---------------------------------------------------------------------------------------------------------
// Computed values

const evaluating = new Set<string>();

function contextFor(state: SpreadsheetState, sheet: SheetState, dRow: number, dCol: number): EvalContext {
  return {
    timeZone: state.timeZone,
    locale: state.locale,
    dRow,
    dCol,
    cell(sheetName, row, col) {
      const target = sheetName === null ? sheet : findSheet(state, sheetName);
      if (!target || row > target.maxRows || col > target.maxColumns) return new FormulaError('#REF!');
      return cellFVal(state, target, row - 1, col - 1);
    },
  };
}

function cellFVal(state: SpreadsheetState, sheet: SheetState, r: number, c: number): FVal {
  const formula = gridGet(sheet.cells.formulas, r, c);
  if (formula !== null) return formulaFVal(state, sheet, r, c, formula);
  const v = gridGet(sheet.cells.values, r, c);
  return v === '' ? null : v;
}

function formulaFVal(state: SpreadsheetState, sheet: SheetState, r: number, c: number, formula: string): FVal {
  const key = `${sheet.sheetId}:${r}:${c}`;
  // Sheets shows #REF! ("Circular dependency detected") for a formula that depends on itself.
  if (evaluating.has(key)) return new FormulaError('#REF!');
  const compiled = compileFormula(formula);
  if (compiled.ast === null) return new FormulaError('#ERROR!');
  evaluating.add(key);
  try {
    return evaluate(compiled.ast, contextFor(state, sheet, 0, 0));
  } finally {
    evaluating.delete(key);
  }
}

/** A cell's value as Sheets holds it (a formula's result computed; errors as their `#...` text), 0-based. */
export function cellValue(state: SpreadsheetState, sheet: SheetState, r: number, c: number): StoredValue {
  const formula = gridGet(sheet.cells.formulas, r, c);
  if (formula === null) {
    const v = gridGet(sheet.cells.values, r, c);
    return v === '' ? null : v;
  }
  const v = formulaFVal(state, sheet, r, c, formula);
  return v instanceof FormulaError ? v.code : v;
}

/** The text a person sees in a cell, 0-based. */
export function cellDisplay(state: SpreadsheetState, sheet: SheetState, r: number, c: number): string {
  return displayValue(cellValue(state, sheet, r, c), gridGet(sheet.cells.formats, r, c), state.locale, state.timeZone);
}

/** The used range: rows 1..lastRow and columns 1..lastColumn (0×0 for an empty sheet). */
export function usedSize(sheet: SheetState): { rows: number; cols: number } {
  const rows = lastRow(sheet);
  return rows === 0 ? { rows: 0, cols: 0 } : { rows, cols: lastColumn(sheet) };
}

/** Display values of the used range, header row included; cells a merge hides read empty, as in getDisplayValues. */
export function displayGrid(state: SpreadsheetState, sheetName: string): string[][] {
  const sheet = requireSheet(state, sheetName);
  const { rows, cols } = usedSize(sheet);
  const hidden = rows === 0 ? null : hiddenCells(sheet, { row: 1, col: 1, numRows: rows, numCols: cols });
  const out: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = hidden?.has(r * cols + c) ? '' : cellDisplay(state, sheet, r, c);
    out.push(line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Colours and conditional formats

const NAMED_COLOURS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  olive: '#808000',
  aqua: '#00ffff',
  cyan: '#00ffff',
  fuchsia: '#ff00ff',
  magenta: '#ff00ff',
  pink: '#ffc0cb',
  brown: '#a52a2a',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
};

const colourCache = new Map<string, string | null>();

/** `#ABC`, `#AABBCC` or a CSS colour name as lowercase `#rrggbb`; null when it is none of those. */
export function normalizeColour(input: string): string | null {
  let c = colourCache.get(input);
  if (c === undefined) {
    const s = input.trim().toLowerCase();
    if (/^#[0-9a-f]{6}$/.test(s)) c = s;
    else if (/^#[0-9a-f]{3}$/.test(s)) c = `#${s[1]}${s[1]}${s[2]}${s[2]}${s[3]}${s[3]}`;
    else c = NAMED_COLOURS[s] ?? null;
    if (colourCache.size > 10_000) colourCache.clear();
    colourCache.set(input, c);
  }
  return c;
}

interface CompiledRule {
  ranges: GridRange[];
  anchorRow: number;
  anchorCol: number;
  ast: ReturnType<typeof compileFormula>['ast'];
  columnInvariant: boolean;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  rowCache: Map<number, boolean>;
}

function compileRules(sheet: SheetState): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const rule of sheet.conditionalFormatRules) {
    const ranges = rule.ranges
      .map((a1) => parseA1(a1, sheet.maxRows, sheet.maxColumns)?.range)
      .filter((r): r is GridRange => r !== undefined);
    const compiled = compileFormula(rule.formula);
    if (ranges.length === 0) continue;
    out.push({
      ranges,
      anchorRow: ranges[0]!.row,
      anchorCol: ranges[0]!.col,
      ast: compiled.unknownFunctions.length > 0 ? null : compiled.ast,
      columnInvariant: compiled.columnInvariant,
      background: rule.background,
      fontColor: rule.fontColor,
      bold: rule.bold,
      rowCache: new Map(),
    });
  }
  return out;
}

/** The first conditional rule whose formula holds at a cell (1-based), or null. Sheets applies only that rule. */
function matchingRule(
  state: SpreadsheetState,
  sheet: SheetState,
  rules: CompiledRule[],
  row: number,
  col: number,
): CompiledRule | null {
  for (const rule of rules) {
    if (!rule.ranges.some((r) => rangeContains(r, row, col))) continue;
    if (rule.ast === null) continue;
    let ok = rule.columnInvariant ? rule.rowCache.get(row) : undefined;
    if (ok === undefined) {
      ok = isSatisfied(evaluate(rule.ast, contextFor(state, sheet, row - rule.anchorRow, col - rule.anchorCol)));
      if (rule.columnInvariant) rule.rowCache.set(row, ok);
    }
    if (ok) return rule;
  }
  return null;
}

export interface VisibleStyle {
  backgrounds: string[][];
  fontColors: (string | null)[][];
  bold: boolean[][];
}

/** Background, font colour and boldness a person sees across the used range (conditional formats applied). */
export function visibleStyles(state: SpreadsheetState, sheet: SheetState): VisibleStyle {
  const { rows, cols } = usedSize(sheet);
  const rules = compileRules(sheet);
  const { backgrounds, fontWeights } = sheet.cells;
  const out: VisibleStyle = { backgrounds: [], fontColors: [], bold: [] };
  for (let r = 0; r < rows; r++) {
    const bgRow: string[] = new Array(cols);
    const fcRow: (string | null)[] = new Array(cols);
    const boldRow: boolean[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const rule = rules.length > 0 ? matchingRule(state, sheet, rules, r + 1, c + 1) : null;
      bgRow[c] = rule?.background ?? gridGet(backgrounds, r, c) ?? WHITE;
      fcRow[c] = rule?.fontColor ?? null;
      boldRow[c] = rule?.bold ?? gridGet(fontWeights, r, c) === 'bold';
    }
    out.backgrounds.push(bgRow);
    out.fontColors.push(fcRow);
    out.bold.push(boldRow);
  }
  return out;
}

/**
 * The colour a person sees in each cell of the used range: the first matching conditional rule's background,
 * else the cell's own background, else white; lowercase `#rrggbb`.
 */
export function visibleBackgrounds(state: SpreadsheetState, sheetName: string): string[][] {
  return visibleStyles(state, requireSheet(state, sheetName)).backgrounds;
}

// ---------------------------------------------------------------------------------------------------------
// Data validation

/** True when a value passes a validation rule (a blank cell always does). */
export function passesValidation(rule: DataValidationState, value: StoredValue): boolean {
  if (value === null || value === '') return true;
  switch (rule.criteria) {
    case 'CHECKBOX':
      if (rule.values.length === 0) return typeof value === 'boolean';
      return rule.values.some((v) => v === value || (typeof value !== 'object' && String(v) === String(value)));
    case 'VALUE_IN_LIST':
      return typeof value !== 'object' && rule.values.some((v) => String(v) === String(value));
    case 'DATE_IS_VALID_DATE':
      return isDateCell(value);
    default:
      return true;
  }
}

/** True when a rule refuses invalid values. Checkboxes always refuse non-checkbox values (see the service). */
export function rejectsInvalid(rule: DataValidationState): boolean {
  return rule.criteria === 'CHECKBOX' || !rule.allowInvalid;
}

/** Index of a rule in the sheet's rule table, added when new (equal rules share an entry). */
export function internValidation(sheet: SheetState, rule: DataValidationState): number {
  const json = JSON.stringify(rule);
  const found = sheet.dataValidations.findIndex((r) => JSON.stringify(r) === json);
  if (found >= 0) return found;
  sheet.dataValidations.push(rule);
  return sheet.dataValidations.length - 1;
}
