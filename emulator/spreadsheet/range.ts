/** The Range fake: reads and writes straight into the dense grids of the sheet's state. */
import { DataValidationBuilderFake, DataValidationFake } from './builders';
import type { Ctx } from './context';
import { displayValue } from './format';
import { rewriteReferences } from './formula';
import { cellValue, internValidation, normalizeColour, passesValidation, rejectsInvalid } from './model';
import {
  a1Of,
  a1OfRange,
  type DataValidationState,
  type GridRange,
  gridGet,
  gridRow,
  hasContent,
  type SheetState,
  type StoredValue,
} from './state';
import { isPlainTextEntry, parseTypedEntry, type TypedEntry } from './typed';

type R = GoogleAppsScript.Spreadsheet.Range;
type DV = GoogleAppsScript.Spreadsheet.DataValidation;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

type RangeMethods =
  | 'activate'
  | 'clearContent'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'offset'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues';

/** Google Sheets' limit on one cell's text. */
const MAX_CELL_CHARS = 50_000;
const WHITE = '#ffffff';
const EMPTY: TypedEntry = { value: null, formula: null, format: null };

/** Apps Script's checks on a rectangle (getRange, offset), in its words. */
export function checkRange(ctx: Ctx, sheet: SheetState, range: GridRange): void {
  if (range.row < 1) throw ctx.error('The starting row of the range is too small.');
  if (range.col < 1) throw ctx.error('The starting column of the range is too small.');
  if (range.numRows < 1) throw ctx.error('The number of rows in the range must be at least 1.');
  if (range.numCols < 1) throw ctx.error('The number of columns in the range must be at least 1.');
  if (range.row + range.numRows - 1 > sheet.maxRows || range.col + range.numCols - 1 > sheet.maxColumns) {
    throw ctx.error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** Writes over a range, row-major; formulas and formats only when some cell has one. */
interface Batch {
  values: StoredValue[];
  formulas: (string | null)[] | null;
  formats: (string | null)[] | null;
}

function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export class RangeFake implements Pick<R, RangeMethods> {
  readonly self: R;
  /** The fake itself: methods are called on the guard proxy, so hot loops go through this to skip its trap. */
  private readonly raw: RangeFake;

  constructor(
    private readonly ctx: Ctx,
    readonly sheetState: SheetState,
    readonly area: GridRange,
  ) {
    this.raw = this;
    this.self = ctx.wrap('Range', this);
  }

  private get size(): number {
    return this.area.numRows * this.area.numCols;
  }

  /** A 2-D array in the script's realm, `cell(r, c)` given 0-based sheet coordinates. */
  private grid<T>(cell: (r: number, c: number) => T): T[][] {
    const { row, col, numRows, numCols } = this.area;
    const A = this.ctx.rt.realm.Array;
    const out = new A(numRows) as T[][];
    for (let i = 0; i < numRows; i++) {
      const line = new A(numCols) as T[];
      const r = row - 1 + i;
      for (let j = 0; j < numCols; j++) line[j] = cell(r, col - 1 + j);
      out[i] = line;
    }
    return out;
  }

  /** Apps Script's size checks for the batch setters, in its words. */
  private checkShape(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || data.some((row) => !Array.isArray(row))) {
      throw this.ctx.signatureError(`SpreadsheetApp.Range.${method}`, [data]);
    }
    const { numRows, numCols } = this.area;
    if (data.length !== numRows) {
      throw this.ctx.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
      );
    }
    for (const line of data as unknown[][]) {
      if (line.length !== numCols) {
        throw this.ctx.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numCols}.`,
        );
      }
    }
    return data as unknown[][];
  }

  /** An empty batch of writes over the whole range. */
  private batch(): Batch {
    return { values: new Array<StoredValue>(this.size).fill(null), formulas: null, formats: null };
  }

  private put(b: Batch, k: number, e: TypedEntry): void {
    b.values[k] = e.value;
    if (e.formula !== null) {
      b.formulas ??= new Array<string | null>(this.size).fill(null);
      b.formulas[k] = e.formula;
    }
    if (e.format !== null) {
      b.formats ??= new Array<string | null>(this.size).fill(null);
      b.formats[k] = e.format;
    }
  }

  /** Puts what a value written by the script becomes in a cell with this number format. */
  private putValue(b: Batch, k: number, value: unknown, format: string | null | undefined): void {
    switch (typeof value) {
      case 'number':
        b.values[k] = Number.isFinite(value) ? value : '#NUM!';
        return;
      case 'boolean':
        b.values[k] = value;
        return;
      case 'string':
        if (value.length > MAX_CELL_CHARS) {
          throw this.ctx.error(
            `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
          );
        }
        // A plain-text (@) cell keeps strings as they are; otherwise Sheets reads them as typed entry.
        if (format === '@' || isPlainTextEntry(value)) b.values[k] = value === '' ? null : value;
        else this.put(b, k, parseTypedEntry(value, this.ctx.state.locale, this.ctx.state.timeZone));
        return;
      default:
        if (value === null || value === undefined) b.values[k] = null;
        else if (isDateObject(value)) {
          const ms = value.getTime();
          b.values[k] = Number.isFinite(ms) ? { d: ms } : null;
        } else this.putValue(b, k, String(value), format);
    }
  }

  /** Rejects the write when a cell's validation refuses its value, naming the cell as Apps Script does. */
  private checkValidations(b: Batch): void {
    const sheet = this.sheetState;
    if (sheet.dataValidations.length === 0) return;
    const { row, col, numRows, numCols } = this.area;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        const index = gridGet(sheet.cells.validations, row - 1 + i, col - 1 + j);
        if (index === null) continue;
        const k = i * numCols + j;
        const rule = sheet.dataValidations[index];
        if (!rule || (b.formulas !== null && b.formulas[k] !== null) || !rejectsInvalid(rule)) continue;
        if (!passesValidation(rule, b.values[k] ?? null)) {
          throw this.ctx.error(
            `The data you entered in cell ${a1Of(row + i, col + j)} violates the data validation rules set on this cell.`,
          );
        }
      }
    }
  }

  /** Writes a batch: values replace formulas and formulas values; a typed format applies to General cells. */
  private writeBatch(b: Batch): void {
    this.checkValidations(b);
    const { values, formulas, formats } = this.sheetState.cells;
    const { row, col, numRows, numCols } = this.area;
    const bf = b.formulas;
    const bfmt = b.formats;
    for (let i = 0; i < numRows; i++) {
      const r = row - 1 + i;
      let vRow = values[r] ?? null;
      let fRow = formulas[r] ?? null;
      const base = i * numCols;
      for (let j = 0; j < numCols; j++) {
        const c = col - 1 + j;
        const k = base + j;
        const formula = bf === null ? null : bf[k]!;
        if (formula !== null) {
          if (!fRow) fRow = gridRow(formulas, r);
          fRow[c] = formula;
          if (vRow && c < vRow.length) vRow[c] = null;
        } else {
          const v = b.values[k]!;
          if (v !== null) {
            if (!vRow) vRow = gridRow(values, r);
            vRow[c] = v;
          } else if (vRow && c < vRow.length) vRow[c] = null;
          if (fRow && c < fRow.length) fRow[c] = null;
        }
        const format = bfmt === null ? null : bfmt[k]!;
        if (format !== null) {
          const current = gridGet(formats, r, c);
          if (current === null || current.toLowerCase() === 'general') gridRow(formats, r)[c] = format;
        }
      }
    }
  }

  /** Sets one attribute grid over the whole range from per-cell values. */
  private writeLayer<T>(grid: (T[] | null)[], cell: (i: number, j: number) => T | null): void {
    const { row, col, numRows, numCols } = this.area;
    for (let i = 0; i < numRows; i++) {
      const r = row - 1 + i;
      let line = grid[r] ?? null;
      for (let j = 0; j < numCols; j++) {
        const v = cell(i, j);
        const c = col - 1 + j;
        if (v === null) {
          if (line && c < line.length) (line as (T | null)[])[c] = null;
        } else {
          if (!line) line = gridRow(grid, r);
          line[c] = v;
        }
      }
    }
  }

  private colour(method: string, color: unknown): string | null {
    if (color === null || color === undefined) return null;
    if (typeof color !== 'string') throw this.ctx.signatureError(`SpreadsheetApp.Range.${method}`, [color]);
    const c = normalizeColour(color);
    if (c === null) throw new Error(`not implemented in the emulator: the colour "${color}" (use #rrggbb)`);
    return c === WHITE ? null : c;
  }

  private fontWeight(method: string, weight: unknown): string | null {
    if (weight === null || weight === undefined || weight === 'normal') return null;
    if (weight === 'bold') return 'bold';
    throw this.ctx.signatureError(`SpreadsheetApp.Range.${method}`, [weight]);
  }

  private topLeft(): { r: number; c: number } {
    return { r: this.area.row - 1, c: this.area.col - 1 };
  }

  // --- values -------------------------------------------------------------------------------------------

  getValues(): unknown[][] {
    this.ctx.charge('Range.getValues', this.size);
    const { state } = this.ctx;
    const sheet = this.sheetState;
    const { values, formulas } = sheet.cells;
    const RealmDate = this.ctx.rt.realm.Date;
    return this.grid((r, c) => {
      const fRow = formulas[r];
      let v: StoredValue;
      if (fRow && fRow[c] !== null && fRow[c] !== undefined) v = cellValue(state, sheet, r, c);
      else {
        const vRow = values[r];
        v = vRow ? (vRow[c] ?? null) : null;
      }
      if (v === null) return '';
      return typeof v === 'object' ? new RealmDate(v.d) : v;
    });
  }

  getValue(): unknown {
    this.ctx.charge('Range.getValue');
    const { r, c } = this.topLeft();
    const v = cellValue(this.ctx.state, this.sheetState, r, c);
    if (v === null) return '';
    return typeof v === 'object' ? new this.ctx.rt.realm.Date(v.d) : v;
  }

  setValues(values: unknown[][]): R {
    this.ctx.charge('Range.setValues', this.size);
    const me = this.raw;
    const data = me.checkShape('setValues', values);
    const { formats } = me.sheetState.cells;
    const { row, col, numCols } = me.area;
    const b = me.batch();
    for (let i = 0; i < data.length; i++) {
      const line = data[i]!;
      const fmtRow = formats[row - 1 + i];
      for (let j = 0; j < numCols; j++) me.putValue(b, i * numCols + j, line[j], fmtRow?.[col - 1 + j]);
    }
    me.writeBatch(b);
    return this.self;
  }

  setValue(value: unknown): R {
    this.ctx.charge('Range.setValue', this.size);
    const { formats } = this.sheetState.cells;
    const { row, col, numRows, numCols } = this.area;
    const b = this.batch();
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        const k = i * numCols + j;
        this.putValue(b, k, value, gridGet(formats, row - 1 + i, col - 1 + j));
        // Over a larger range, relative references move with each cell, as when a formula is filled.
        if (b.formulas?.[k]) b.formulas[k] = shiftFormula(b.formulas[k]!, i, j);
      }
    }
    this.writeBatch(b);
    return this.self;
  }

  getDisplayValues(): string[][] {
    this.ctx.charge('Range.getDisplayValues', this.size);
    const { state } = this.ctx;
    const sheet = this.sheetState;
    return this.grid((r, c) =>
      displayValue(cellValue(state, sheet, r, c), gridGet(sheet.cells.formats, r, c), state.locale, state.timeZone),
    );
  }

  getDisplayValue(): string {
    this.ctx.charge('Range.getDisplayValue');
    const { state } = this.ctx;
    const { r, c } = this.topLeft();
    const sheet = this.sheetState;
    return displayValue(
      cellValue(state, sheet, r, c),
      gridGet(sheet.cells.formats, r, c),
      state.locale,
      state.timeZone,
    );
  }

  // --- formulas -----------------------------------------------------------------------------------------

  getFormulas(): string[][] {
    this.ctx.charge('Range.getFormulas', this.size);
    const { formulas } = this.sheetState.cells;
    return this.grid((r, c) => gridGet(formulas, r, c) ?? '');
  }

  getFormula(): string {
    this.ctx.charge('Range.getFormula');
    const { r, c } = this.topLeft();
    return gridGet(this.sheetState.cells.formulas, r, c) ?? '';
  }

  setFormula(formula: string): R {
    this.ctx.charge('Range.setFormula', this.size);
    if (typeof formula !== 'string') throw this.ctx.signatureError('SpreadsheetApp.Range.setFormula', [formula]);
    const { numRows, numCols } = this.area;
    const b = this.batch();
    for (let i = 0; i < numRows; i++) {
      // Over a larger range, relative references move with each cell, as when a formula is filled.
      for (let j = 0; j < numCols; j++) this.put(b, i * numCols + j, this.formulaEntry(shiftFormula(formula, i, j)));
    }
    this.writeBatch(b);
    return this.self;
  }

  setFormulas(formulas: string[][]): R {
    this.ctx.charge('Range.setFormulas', this.size);
    const data = this.checkShape('setFormulas', formulas);
    const { numCols } = this.area;
    const b = this.batch();
    data.forEach((line, i) => {
      line.forEach((f, j) => {
        if (f !== null && f !== undefined && typeof f !== 'string') {
          throw this.ctx.signatureError('SpreadsheetApp.Range.setFormulas', [formulas]);
        }
        this.put(b, i * numCols + j, this.formulaEntry(f ?? ''));
      });
    });
    this.writeBatch(b);
    return this.self;
  }

  private formulaEntry(formula: string): TypedEntry {
    if (formula === '') return EMPTY;
    if (formula.startsWith('=')) return { value: null, formula, format: null };
    return parseTypedEntry(formula, this.ctx.state.locale, this.ctx.state.timeZone);
  }

  // --- backgrounds, number formats, notes, fonts --------------------------------------------------------

  getBackgrounds(): string[][] {
    this.ctx.charge('Range.getBackgrounds', this.size);
    const { backgrounds } = this.sheetState.cells;
    return this.grid((r, c) => gridGet(backgrounds, r, c) ?? WHITE);
  }

  getBackground(): string {
    this.ctx.charge('Range.getBackground');
    const { r, c } = this.topLeft();
    return gridGet(this.sheetState.cells.backgrounds, r, c) ?? WHITE;
  }

  setBackground(color: string | null): R {
    this.ctx.charge('Range.setBackground', this.size);
    const value = this.colour('setBackground', color);
    this.writeLayer(this.sheetState.cells.backgrounds, () => value);
    return this.self;
  }

  setBackgrounds(color: (string | null)[][]): R {
    this.ctx.charge('Range.setBackgrounds', this.size);
    const me = this.raw;
    const data = me.checkShape('setBackgrounds', color);
    const colours = data.map((line) => line.map((c) => me.colour('setBackgrounds', c)));
    me.writeLayer(me.sheetState.cells.backgrounds, (i, j) => colours[i]![j]!);
    return this.self;
  }

  getNumberFormats(): string[][] {
    this.ctx.charge('Range.getNumberFormats', this.size);
    const { formats } = this.sheetState.cells;
    return this.grid((r, c) => gridGet(formats, r, c) ?? 'General');
  }

  getNumberFormat(): string {
    this.ctx.charge('Range.getNumberFormat');
    const { r, c } = this.topLeft();
    return gridGet(this.sheetState.cells.formats, r, c) ?? 'General';
  }

  setNumberFormat(numberFormat: string): R {
    this.ctx.charge('Range.setNumberFormat', this.size);
    if (typeof numberFormat !== 'string')
      throw this.ctx.signatureError('SpreadsheetApp.Range.setNumberFormat', [numberFormat]);
    const value = numberFormat === '' ? null : numberFormat;
    this.writeLayer(this.sheetState.cells.formats, () => value);
    return this.self;
  }

  setNumberFormats(numberFormats: string[][]): R {
    this.ctx.charge('Range.setNumberFormats', this.size);
    const data = this.checkShape('setNumberFormats', numberFormats);
    for (const line of data) {
      for (const f of line) {
        if (typeof f !== 'string')
          throw this.ctx.signatureError('SpreadsheetApp.Range.setNumberFormats', [numberFormats]);
      }
    }
    this.writeLayer(this.sheetState.cells.formats, (i, j) => (data[i]![j] as string) || null);
    return this.self;
  }

  getNotes(): string[][] {
    this.ctx.charge('Range.getNotes', this.size);
    const { notes } = this.sheetState.cells;
    return this.grid((r, c) => gridGet(notes, r, c) ?? '');
  }

  getNote(): string {
    this.ctx.charge('Range.getNote');
    const { r, c } = this.topLeft();
    return gridGet(this.sheetState.cells.notes, r, c) ?? '';
  }

  setNote(note: string | null): R {
    this.ctx.charge('Range.setNote', this.size);
    const value = note === null || note === undefined || note === '' ? null : String(note);
    this.writeLayer(this.sheetState.cells.notes, () => value);
    return this.self;
  }

  setNotes(notes: (string | null)[][]): R {
    this.ctx.charge('Range.setNotes', this.size);
    const data = this.checkShape('setNotes', notes);
    this.writeLayer(this.sheetState.cells.notes, (i, j) => {
      const n = data[i]![j];
      return n === null || n === undefined || n === '' ? null : String(n);
    });
    return this.self;
  }

  getFontWeights(): FontWeight[][] {
    this.ctx.charge('Range.getFontWeights', this.size);
    const { fontWeights } = this.sheetState.cells;
    return this.grid((r, c) => (gridGet(fontWeights, r, c) === 'bold' ? 'bold' : 'normal'));
  }

  getFontWeight(): FontWeight {
    this.ctx.charge('Range.getFontWeight');
    const { r, c } = this.topLeft();
    return gridGet(this.sheetState.cells.fontWeights, r, c) === 'bold' ? 'bold' : 'normal';
  }

  setFontWeight(fontWeight: FontWeight | null): R {
    this.ctx.charge('Range.setFontWeight', this.size);
    const value = this.fontWeight('setFontWeight', fontWeight);
    this.writeLayer(this.sheetState.cells.fontWeights, () => value);
    return this.self;
  }

  setFontWeights(fontWeights: (FontWeight | null)[][]): R {
    this.ctx.charge('Range.setFontWeights', this.size);
    const me = this.raw;
    const data = me.checkShape('setFontWeights', fontWeights);
    const weights = data.map((line) => line.map((w) => me.fontWeight('setFontWeights', w)));
    this.writeLayer(this.sheetState.cells.fontWeights, (i, j) => weights[i]![j]!);
    return this.self;
  }

  // --- data validation ----------------------------------------------------------------------------------

  private validationAt(r: number, c: number): DV | null {
    const index = gridGet(this.sheetState.cells.validations, r, c);
    const rule = index === null ? undefined : this.sheetState.dataValidations[index];
    return rule ? new DataValidationFake(this.ctx, rule).self : null;
  }

  getDataValidation(): DV | null {
    this.ctx.charge('Range.getDataValidation');
    const { r, c } = this.topLeft();
    return this.validationAt(r, c);
  }

  getDataValidations(): (DV | null)[][] {
    this.ctx.charge('Range.getDataValidations', this.size);
    const me = this.raw;
    return me.grid((r, c) => me.validationAt(r, c));
  }

  setDataValidation(rule: DV | null): R {
    this.ctx.charge('Range.setDataValidation', this.size);
    let index: number | null = null;
    if (rule !== null && rule !== undefined) {
      const fake = this.ctx.unwrap(rule, DataValidationFake);
      if (!fake) throw this.ctx.signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
      index = internValidation(this.sheetState, { ...fake.rule, values: [...fake.rule.values] });
    }
    this.writeLayer(this.sheetState.cells.validations, () => index);
    return this.self;
  }

  insertCheckboxes(...args: unknown[]): R {
    this.ctx.charge('Range.insertCheckboxes', this.size);
    const values: (string | number | boolean)[] = [];
    for (const v of args) {
      if (args.length > 2 || (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) {
        throw this.ctx.signatureError('SpreadsheetApp.Range.insertCheckboxes', args);
      }
      values.push(v);
    }
    const rule: DataValidationState = {
      criteria: 'CHECKBOX',
      values,
      showDropdown: false,
      allowInvalid: false,
      helpText: null,
    };
    const index = internValidation(this.sheetState, rule);
    this.writeLayer(this.sheetState.cells.validations, () => index);
    // Docs: no argument sets every cell to FALSE; a custom checked value only sets "", with both the unchecked value.
    const initial: StoredValue = values.length === 0 ? false : values.length === 2 ? values[1]! : null;
    const { values: grid, formulas } = this.sheetState.cells;
    this.writeLayer(grid, () => initial);
    this.writeLayer(formulas, () => null);
    return this.self;
  }

  // --- geometry -----------------------------------------------------------------------------------------

  getRow(): number {
    this.ctx.charge('Range.getRow');
    return this.area.row;
  }

  getColumn(): number {
    this.ctx.charge('Range.getColumn');
    return this.area.col;
  }

  getLastRow(): number {
    this.ctx.charge('Range.getLastRow');
    return this.area.row + this.area.numRows - 1;
  }

  getLastColumn(): number {
    this.ctx.charge('Range.getLastColumn');
    return this.area.col + this.area.numCols - 1;
  }

  getNumRows(): number {
    this.ctx.charge('Range.getNumRows');
    return this.area.numRows;
  }

  getNumColumns(): number {
    this.ctx.charge('Range.getNumColumns');
    return this.area.numCols;
  }

  getA1Notation(): string {
    this.ctx.charge('Range.getA1Notation');
    return a1OfRange(this.area);
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.ctx.charge('Range.getSheet');
    return this.ctx.makeSheet(this.sheetState);
  }

  getCell(row: number, column: number): R {
    this.ctx.charge('Range.getCell');
    if (typeof row !== 'number' || typeof column !== 'number') {
      throw this.ctx.signatureError('SpreadsheetApp.Range.getCell', [row, column]);
    }
    if (row < 1 || column < 1 || row > this.area.numRows || column > this.area.numCols) {
      throw this.ctx.error('Cell reference out of range');
    }
    return this.ctx.makeRange(this.sheetState, {
      row: this.area.row + Math.trunc(row) - 1,
      col: this.area.col + Math.trunc(column) - 1,
      numRows: 1,
      numCols: 1,
    });
  }

  offset(...args: number[]): R {
    this.ctx.charge('Range.offset');
    const [rowOffset = 0, columnOffset = 0, numRows, numColumns] = args;
    if (args.length < 2 || args.length > 4 || args.some((a) => typeof a !== 'number')) {
      throw this.ctx.signatureError('SpreadsheetApp.Range.offset', args);
    }
    const area: GridRange = {
      row: this.area.row + Math.trunc(rowOffset),
      col: this.area.col + Math.trunc(columnOffset),
      numRows: numRows === undefined ? this.area.numRows : Math.trunc(numRows),
      numCols: numColumns === undefined ? this.area.numCols : Math.trunc(numColumns),
    };
    checkRange(this.ctx, this.sheetState, area);
    return this.ctx.makeRange(this.sheetState, area);
  }

  isBlank(): boolean {
    this.ctx.charge('Range.isBlank', this.size);
    const { row, col, numRows, numCols } = this.area;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) if (hasContent(this.sheetState, row - 1 + i, col - 1 + j)) return false;
    }
    return true;
  }

  clearContent(): R {
    this.ctx.charge('Range.clearContent', this.size);
    const { values, formulas } = this.sheetState.cells;
    this.writeLayer(values, () => null);
    this.writeLayer(formulas, () => null);
    return this.self;
  }

  activate(): R {
    this.ctx.charge('Range.activate');
    const index = this.ctx.state.sheets.indexOf(this.sheetState);
    if (index >= 0) this.ctx.state.activeSheetIndex = index;
    return this.self;
  }
}

/** A formula as it reads `rows` and `cols` further on (relative references move, `$` ones stay). */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return rewriteReferences(formula, (ref) => {
    const row = ref.rowAbs ? ref.row : ref.row + rows;
    const col = ref.colAbs ? ref.col : ref.col + cols;
    return row < 1 || col < 1 ? null : { row, col };
  });
}

/** A fresh data validation builder (SpreadsheetApp.newDataValidation). */
export function newDataValidationBuilder(ctx: Ctx): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
  return new DataValidationBuilderFake(ctx).self;
}
