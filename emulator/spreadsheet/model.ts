/**
 * Operations on the spreadsheet state shared by the fakes and the harness: computed values, what a person sees
 * (display values and colours, conditional formats applied), data validation, sorting, inserting and deleting.
 */
import { displayValue } from './format';
import {
  compileFormula,
  type EvalContext,
  evaluate,
  FormulaError,
  type FVal,
  isSatisfied,
  type RefLocation,
  rewriteReferences,
} from './formula';
import {
  a1OfRange,
  type CellLayers,
  type DataValidationState,
  findSheet,
  type GridRange,
  gridGet,
  isDateCell,
  lastColumn,
  lastRow,
  layerNames,
  MAX_CELLS,
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

/** Display values of the used range, header row included. */
export function displayGrid(state: SpreadsheetState, sheetName: string): string[][] {
  const sheet = requireSheet(state, sheetName);
  const { rows, cols } = usedSize(sheet);
  const out: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = cellDisplay(state, sheet, r, c);
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

// ---------------------------------------------------------------------------------------------------------
// Structure: sort, insert, delete

function totalCells(state: SpreadsheetState): number {
  return state.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
}

/** Sheets' message when a spreadsheet would outgrow its cell limit. */
export const CELL_LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;

export function wouldExceedCellLimit(state: SpreadsheetState, extraCells: number): boolean {
  return totalCells(state) + extraCells > MAX_CELLS;
}

/** Rewrites references to `sheet` in every formula of the spreadsheet (cells and conditional formats). */
function rewriteAll(
  state: SpreadsheetState,
  sheet: SheetState,
  move: (row: number, col: number) => { row: number; col: number } | null,
): void {
  const mover = (holder: SheetState) => (ref: RefLocation) => {
    const target = ref.sheet === null ? holder : findSheet(state, ref.sheet);
    return target === sheet ? move(ref.row, ref.col) : { row: ref.row, col: ref.col };
  };
  for (const s of state.sheets) {
    const fn = mover(s);
    for (const row of s.cells.formulas) {
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const f = row[c];
        if (f !== null && f !== undefined) row[c] = rewriteReferences(f, fn);
      }
    }
    for (const rule of s.conditionalFormatRules) rule.formula = rewriteReferences(rule.formula, fn);
  }
}

/** Updates conditional-format ranges: `map` turns a 1-based span [start, end] into a new one, or null when gone. */
function remapRuleRanges(
  sheet: SheetState,
  axis: 'row' | 'col',
  map: (start: number, end: number) => [number, number] | null,
): void {
  for (const rule of sheet.conditionalFormatRules) {
    const next: string[] = [];
    for (const a1 of rule.ranges) {
      const parsed = parseA1(a1, sheet.maxRows, sheet.maxColumns);
      if (!parsed) continue;
      const r = parsed.range;
      const start = axis === 'row' ? r.row : r.col;
      const end = start + (axis === 'row' ? r.numRows : r.numCols) - 1;
      const span = map(start, end);
      if (!span) continue;
      const moved =
        axis === 'row'
          ? { ...r, row: span[0], numRows: span[1] - span[0] + 1 }
          : { ...r, col: span[0], numCols: span[1] - span[0] + 1 };
      next.push(a1OfRange(moved));
    }
    rule.ranges = next;
  }
  sheet.conditionalFormatRules = sheet.conditionalFormatRules.filter((r) => r.ranges.length > 0);
}

const FORMAT_LAYERS: (keyof CellLayers)[] = ['formats', 'backgrounds', 'fontWeights'];

/**
 * Inserts `howMany` columns before 1-based column `before`. The new columns take the formats (number format,
 * background, weight) of column `inheritFrom` (1-based, in the old numbering) when given, as Sheets does.
 */
export function insertColumns(
  state: SpreadsheetState,
  sheet: SheetState,
  before: number,
  howMany: number,
  inheritFrom: number | null,
): void {
  const at = before - 1;
  for (const name of layerNames()) {
    const inherit = inheritFrom !== null && FORMAT_LAYERS.includes(name);
    for (const row of sheet.cells[name] as unknown[][]) {
      if (!row) continue;
      const source = inherit ? row[inheritFrom - 1] : undefined;
      const fill = source === undefined ? null : source;
      if (row.length > at) row.splice(at, 0, ...new Array(howMany).fill(fill));
      else if (fill !== null) for (let k = 0; k < howMany; k++) row[at + k] = fill;
    }
  }
  sheet.maxColumns += howMany;
  for (const key of Object.keys(sheet.columnWidths)
    .map(Number)
    .sort((a, b) => b - a)) {
    if (key >= before) {
      sheet.columnWidths[String(key + howMany)] = sheet.columnWidths[String(key)]!;
      delete sheet.columnWidths[String(key)];
    }
  }
  rewriteAll(state, sheet, (row, col) => ({ row, col: col >= before ? col + howMany : col }));
  remapRuleRanges(sheet, 'col', (s, e) =>
    s >= before ? [s + howMany, e + howMany] : e >= before ? [s, e + howMany] : [s, e],
  );
}

/** Inserts `howMany` rows before 1-based row `before`, taking the formats of row `inheritFrom` when given. */
export function insertRows(
  state: SpreadsheetState,
  sheet: SheetState,
  before: number,
  howMany: number,
  inheritFrom: number | null,
): void {
  const at = before - 1;
  for (const name of layerNames()) {
    const grid = sheet.cells[name] as (unknown[] | null)[];
    const source = inheritFrom !== null && FORMAT_LAYERS.includes(name) ? grid[inheritFrom - 1] : null;
    const fresh = () => (source ? [...source] : null);
    if (grid.length > at) grid.splice(at, 0, ...Array.from({ length: howMany }, fresh));
    else if (source) for (let k = 0; k < howMany; k++) grid[at + k] = fresh();
  }
  sheet.maxRows += howMany;
  if (sheet.frozenRows >= before) sheet.frozenRows += howMany;
  rewriteAll(state, sheet, (row, col) => ({ row: row >= before ? row + howMany : row, col }));
  remapRuleRanges(sheet, 'row', (s, e) =>
    s >= before ? [s + howMany, e + howMany] : e >= before ? [s, e + howMany] : [s, e],
  );
}

/** Deletes `howMany` rows from 1-based row `start`; references to them become #REF!. */
export function deleteRows(state: SpreadsheetState, sheet: SheetState, start: number, howMany: number): void {
  const end = start + howMany - 1;
  for (const name of layerNames()) {
    const grid = sheet.cells[name] as (unknown[] | null)[];
    if (grid.length >= start) grid.splice(start - 1, howMany);
  }
  sheet.maxRows -= howMany;
  if (sheet.frozenRows >= start) sheet.frozenRows = Math.max(start - 1, sheet.frozenRows - howMany);
  rewriteAll(state, sheet, (row, col) => (row < start ? { row, col } : row > end ? { row: row - howMany, col } : null));
  remapRuleRanges(sheet, 'row', (s, e) => {
    const overlap = Math.max(0, Math.min(e, end) - Math.max(s, start) + 1);
    const kept = e - s + 1 - overlap;
    if (kept <= 0) return null;
    const first = s < start ? s : s > end ? s - howMany : start;
    return [first, first + kept - 1];
  });
}

function sortRank(v: StoredValue): number {
  if (v === null) return 4;
  if (typeof v === 'number' || isDateCell(v)) return 0;
  if (typeof v === 'string')
    return v.startsWith('#') && /^#(REF!|NAME\?|VALUE!|N\/A|DIV\/0!|NUM!|ERROR!)$/.test(v) ? 3 : 1;
  return 2;
}

/**
 * Sorts rows `firstRow`..lastRow (1-based) by a column, moving every cell with its value, formula, formats,
 * note and validation, as a person sorting the range (or `Sheet.sort`) does. Numbers and dates come before
 * text (case-insensitive), then booleans; blanks always last. Relative row references of moved formulas
 * follow their row.
 */
export function sortRows(
  state: SpreadsheetState,
  sheetName: string,
  column: number,
  ascending = true,
  firstRow = 2,
): void {
  const sheet = requireSheet(state, sheetName);
  sortSheetRows(state, sheet, column, ascending, firstRow);
}

export function sortSheetRows(
  state: SpreadsheetState,
  sheet: SheetState,
  column: number,
  ascending: boolean,
  firstRow: number,
): void {
  const last = lastRow(sheet);
  const from = firstRow - 1;
  if (last - from < 2) return;
  const keys: { index: number; value: StoredValue; rank: number }[] = [];
  for (let r = from; r < last; r++) {
    const value = cellValue(state, sheet, r, column - 1);
    keys.push({ index: r, value, rank: sortRank(value) });
  }
  const dir = ascending ? 1 : -1;
  keys.sort((a, b) => {
    if (a.rank === 4 || b.rank === 4) return a.rank === b.rank ? 0 : a.rank === 4 ? 1 : -1;
    if (a.rank !== b.rank) return (a.rank - b.rank) * dir;
    const x = a.value;
    const y = b.value;
    if (typeof x === 'string' && typeof y === 'string') {
      const lx = x.toLowerCase();
      const ly = y.toLowerCase();
      return (lx < ly ? -1 : lx > ly ? 1 : 0) * dir;
    }
    const nx = isDateCell(x) ? x.d / 86_400_000 + 25_569 : Number(x);
    const ny = isDateCell(y) ? y.d / 86_400_000 + 25_569 : Number(y);
    return (nx - ny) * dir;
  });
  for (const name of layerNames()) {
    const grid = sheet.cells[name] as (unknown[] | null)[];
    const old = grid.slice(from, last);
    for (let i = 0; i < keys.length; i++) {
      const src = old[keys[i]!.index - from];
      grid[from + i] = src === undefined ? null : src;
    }
  }
  const formulas = sheet.cells.formulas;
  for (let i = 0; i < keys.length; i++) {
    const delta = from + i - keys[i]!.index;
    const row = formulas[from + i];
    if (!row || delta === 0) continue;
    for (let c = 0; c < row.length; c++) {
      const f = row[c];
      if (f === null || f === undefined) continue;
      row[c] = rewriteReferences(f, (ref) => {
        const moved = ref.rowAbs ? ref.row : ref.row + delta;
        return moved < 1 ? null : { row: moved, col: ref.col };
      });
    }
  }
}
