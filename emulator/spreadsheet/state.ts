/**
 * The spreadsheet's state: plain JSON-serialisable data (save = `JSON.stringify(state)`), with every cell
 * attribute kept in its own dense grid (rows of columns, 0-based) so batch reads and writes are array walks.
 */
import type { GridRange } from './a1';

export {
  a1Of,
  a1OfRange,
  columnLetters,
  columnNumber,
  type GridRange,
  parseA1,
  quoteSheetName,
  rangeContains,
  rangesIntersect,
  rangeWithin,
} from './a1';

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

/**
 * Where a developer metadata entry lives (`SpreadsheetApp.DeveloperMetadataLocationType`). A column location is
 * a span of 1-based columns that follows its columns when columns are inserted, deleted or moved.
 */
export type MetadataLocationState =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheetId: number }
  | { type: 'COLUMN'; sheetId: number; column: number; count: number };

/** One `DeveloperMetadata` entry. */
export interface DeveloperMetadataState {
  /** Unique in the spreadsheet, positive. */
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  /** The script project that made it: PROJECT metadata is visible to that project only. */
  project: string;
  location: MetadataLocationState;
}

/** One `Protection`: a protected range, or the whole sheet with optional unprotected ranges. */
export interface ProtectionState {
  /** Unique in the spreadsheet. */
  id: number;
  type: 'RANGE' | 'SHEET';
  /** RANGE: the protected rectangle; SHEET: null. */
  range: GridRange | null;
  description: string;
  /** Email addresses allowed to edit besides the script's user (lowercase). */
  editors: string[];
  /**
   * Whether the script's user may edit the protected cells. A protection the script makes always lets its user
   * edit (Apps Script never removes the current user from the editors); one the owner set up may not.
   */
  userCanEdit: boolean;
  /** A warning-only protection lets everyone edit (Sheets only warns in its UI). */
  warningOnly: boolean;
  domainEdit: boolean;
  /** SHEET only: rectangles anyone may edit. */
  unprotected: GridRange[];
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
  /** Merged rectangles (each at least 2 cells, none overlapping); the top-left cell holds the content. */
  merges: GridRange[];
  protections: ProtectionState[];
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
  developerMetadata: DeveloperMetadataState[];
  /** The next developer metadata or protection id (Sheets makes random ones; a counter keeps runs deterministic). */
  nextObjectId: number;
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
    merges: [],
    protections: [],
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
    developerMetadata: [],
    nextObjectId: 1,
  };
}

/**
 * Fills in what a state saved by an earlier emulator lacks (merges, protections, developer metadata), in place,
 * and returns it: saved states keep loading after the state grows.
 */
export function completeSpreadsheetState(state: SpreadsheetState): SpreadsheetState {
  const partial = state as Partial<SpreadsheetState>;
  partial.developerMetadata ??= [];
  partial.nextObjectId ??= 1;
  for (const sheet of state.sheets as Partial<SheetState>[]) {
    sheet.merges ??= [];
    sheet.protections ??= [];
  }
  return state;
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
