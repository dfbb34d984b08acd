/**
 * The spreadsheet's state: plain JSON-serialisable data (save = `JSON.stringify(state)`), with every cell
 * attribute kept in its own dense grid (rows of columns, 0-based) so batch reads and writes are array walks.
 */

/** A date cell: an instant, epoch milliseconds (Sheets keeps a serial number; its calendar date is read in the spreadsheet's zone). */
export interface DateCell {
  d: number;
}

/** What a cell holds: text, number, boolean, a date, or nothing. */
export type StoredValue = string | number | boolean | DateCell | null;

/** Rows of columns, 0-based; a missing row or column (or `null`, what JSON makes of holes) is an empty cell. */
export type Grid<T> = (T[] | null)[];

export interface CellLayers {
  /** Entered values; a formula cell's value is computed when read. */
  values: Grid<StoredValue>;
  /** Formulas, with their leading `=`. */
  formulas: Grid<string | null>;
  /** Number formats (`yyyy-mm-dd`, `0.00`, `@`, ...); empty means the default (General). */
  formats: Grid<string | null>;
  /** The cell's own background, lowercase `#rrggbb`; empty means white. */
  backgrounds: Grid<string | null>;
  notes: Grid<string | null>;
  /** `bold`; empty means normal. */
  fontWeights: Grid<string | null>;
  /** Index into `SheetState.dataValidations`. */
  validations: Grid<number | null>;
}

/** Criteria names are those of `SpreadsheetApp.DataValidationCriteria`. */
export interface DataValidationState {
  criteria: 'VALUE_IN_LIST' | 'CHECKBOX' | 'DATE_IS_VALID_DATE';
  /** VALUE_IN_LIST: the allowed strings; CHECKBOX: [] or [checked] or [checked, unchecked]. */
  values: (string | number | boolean)[];
  showDropdown: boolean;
  allowInvalid: boolean;
  helpText: string | null;
}

/** A `whenFormulaSatisfied` rule. Ranges are A1 notation on the rule's sheet, without the sheet name. */
export interface ConditionalFormatRuleState {
  ranges: string[];
  formula: string;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

export interface SheetState {
  sheetId: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  cells: CellLayers;
  dataValidations: DataValidationState[];
  conditionalFormatRules: ConditionalFormatRuleState[];
  /** Column widths in pixels set by the script, by 1-based column number (recorded only). */
  columnWidths: Record<string, number>;
}

export interface SpreadsheetState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  /** In tab order. */
  sheets: SheetState[];
  activeSheetIndex: number;
  nextSheetId: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
/** Google Sheets' cell limit for a whole spreadsheet. */
export const MAX_CELLS = 10_000_000;

export function emptyLayers(): CellLayers {
  return { values: [], formulas: [], formats: [], backgrounds: [], notes: [], fontWeights: [], validations: [] };
}

export function newSheetState(sheetId: number, name: string): SheetState {
  return {
    sheetId,
    name,
    maxRows: DEFAULT_ROWS,
    maxColumns: DEFAULT_COLUMNS,
    frozenRows: 0,
    cells: emptyLayers(),
    dataValidations: [],
    conditionalFormatRules: [],
    columnWidths: {},
  };
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function createSpreadsheetState(options: {
  timeZone: string;
  locale: string;
  sheetName?: string;
  name?: string;
  id?: string;
}): SpreadsheetState {
  if (!isValidTimeZone(options.timeZone)) throw new Error(`Unknown time zone: ${options.timeZone}`);
  if (!/^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?$/.test(options.locale)) throw new Error(`Unknown locale: ${options.locale}`);
  return {
    id: options.id ?? '1EmuLatedSpreadsheetId0000000000000000000000',
    name: options.name ?? 'Job applications',
    timeZone: options.timeZone,
    locale: options.locale,
    sheets: [newSheetState(0, options.sheetName ?? 'Sheet1')],
    activeSheetIndex: 0,
    nextSheetId: 1,
  };
}

export function findSheet(state: SpreadsheetState, name: string): SheetState | undefined {
  return state.sheets.find((s) => s.name === name);
}

export function requireSheet(state: SpreadsheetState, name: string): SheetState {
  const sheet = findSheet(state, name);
  if (!sheet) throw new Error(`No sheet named "${name}" in the emulated spreadsheet`);
  return sheet;
}

export function isDateCell(value: unknown): value is DateCell {
  return typeof value === 'object' && value !== null && typeof (value as DateCell).d === 'number';
}

export function gridGet<T>(grid: Grid<T>, r: number, c: number): T | null {
  const row = grid[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

export function gridSet<T>(grid: Grid<T>, r: number, c: number, value: T | null): void {
  let row = grid[r];
  if (!row) {
    if (value === null) return;
    row = [];
    grid[r] = row;
  }
  if (value === null) {
    if (c < row.length) (row as (T | null)[])[c] = null;
    return;
  }
  row[c] = value;
}

/** The row array for writing, created when missing. */
export function gridRow<T>(grid: Grid<T>, r: number): T[] {
  let row = grid[r];
  if (!row) {
    row = [];
    grid[r] = row;
  }
  return row;
}

export function layerNames(): (keyof CellLayers)[] {
  return ['values', 'formulas', 'formats', 'backgrounds', 'notes', 'fontWeights', 'validations'];
}

/** True when the cell holds a value or a formula (what getLastRow/getLastColumn count). */
export function hasContent(sheet: SheetState, r: number, c: number): boolean {
  const v = gridGet(sheet.cells.values, r, c);
  if (v !== null && v !== '') return true;
  return gridGet(sheet.cells.formulas, r, c) !== null;
}

function rowHasContent(row: unknown[] | null | undefined): boolean {
  if (!row) return false;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v !== null && v !== undefined && v !== '') return true;
  }
  return false;
}

/** The last row (1-based) holding a value or formula; 0 for an empty sheet. */
export function lastRow(sheet: SheetState): number {
  const { values, formulas } = sheet.cells;
  for (let r = Math.max(values.length, formulas.length) - 1; r >= 0; r--) {
    if (rowHasContent(values[r]) || rowHasContent(formulas[r])) return r + 1;
  }
  return 0;
}

/** The last column (1-based) holding a value or formula; 0 for an empty sheet. */
export function lastColumn(sheet: SheetState): number {
  let last = 0;
  for (const grid of [sheet.cells.values, sheet.cells.formulas] as unknown[][][]) {
    for (const row of grid) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        const v = row[c];
        if (v !== null && v !== undefined && v !== '') {
          last = c + 1;
          break;
        }
      }
    }
  }
  return last;
}

// ---------------------------------------------------------------------------------------------------------
// A1 notation

/** A 1-based rectangle. */
export interface GridRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Column letters for a 1-based column: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 1-based column number of letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Of(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function a1OfRange(range: GridRange): string {
  const start = a1Of(range.row, range.col);
  if (range.numRows === 1 && range.numCols === 1) return start;
  return `${start}:${a1Of(range.row + range.numRows - 1, range.col + range.numCols - 1)}`;
}

/** Quotes a sheet name for A1 notation when it needs it (`'My sheet'!A1`). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL_PART = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/;

/**
 * Parses A1 notation (`A1`, `A1:C3`, `A:C`, `2:5`, `A2:C`, optionally `Sheet!` or `'My sheet'!` first) into the
 * sheet name (null when absent) and a rectangle within the given sheet size; null when it is not A1 notation.
 */
export function parseA1(
  text: string,
  maxRows: number,
  maxCols: number,
): { sheetName: string | null; range: GridRange } | null {
  let rest = text.trim();
  let sheetName: string | null = null;
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(rest);
  if (quoted) {
    sheetName = quoted[1]!.replace(/''/g, "'");
    rest = quoted[2]!;
  } else {
    const bang = rest.lastIndexOf('!');
    if (bang >= 0) {
      sheetName = rest.slice(0, bang);
      rest = rest.slice(bang + 1);
      if (sheetName === '') return null;
    }
  }
  const parts = rest.split(':');
  if (parts.length > 2 || parts[0] === '') return null;
  const ends = parts.map((p) => {
    const m = CELL_PART.exec(p);
    if (!m || (m[2] === '' && m[4] === '')) return null;
    return { col: m[2] === '' ? null : columnNumber(m[2]!), row: m[4] === '' ? null : Number(m[4]) };
  });
  if (ends.some((e) => e === null)) return null;
  const a = ends[0]!;
  const b = ends[1] ?? a;
  if (parts.length === 1 && (a.col === null || a.row === null)) return null;
  if (a.row === 0 || b.row === 0) return null;
  const r1 = a.row ?? 1;
  const c1 = a.col ?? 1;
  const r2 = b.row ?? maxRows;
  const c2 = b.col ?? maxCols;
  const rowStart = Math.min(r1, r2);
  const colStart = Math.min(c1, c2);
  return {
    sheetName,
    range: {
      row: rowStart,
      col: colStart,
      numRows: Math.max(r1, r2) - rowStart + 1,
      numCols: Math.max(c1, c2) - colStart + 1,
    },
  };
}

export function rangeContains(range: GridRange, row: number, col: number): boolean {
  return row >= range.row && row < range.row + range.numRows && col >= range.col && col < range.col + range.numCols;
}
