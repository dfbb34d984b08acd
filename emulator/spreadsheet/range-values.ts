/** The Range fake's values, display values and formulas: reads mask merged cells, writes go through typed entry. */
import { displayValue } from './format';
import { cellValue, passesValidation, rejectsInvalid } from './model';
import { RangeCore, shiftFormula } from './range-core';
import { a1Of, gridGet, gridRow, type StoredValue } from './state';
import { isPlainTextEntry, type TypedEntry, typedEntry } from './typed';

type R = GoogleAppsScript.Spreadsheet.Range;

/** Google Sheets' limit on one cell's text. */
const MAX_CELL_CHARS = 50_000;
const EMPTY: TypedEntry = { value: null, formula: null, format: null };

/** Writes over a range, row-major; formulas and formats only when some cell has one. */
interface Batch {
  values: StoredValue[];
  formulas: (string | null)[] | null;
  formats: (string | null)[] | null;
}

function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export class RangeValues extends RangeCore {
  /** An empty batch of writes over the whole range. */
  private batch(): Batch {
    return { values: new Array<StoredValue>(this.size).fill(null), formulas: null, formats: null };
  }

  protected put(b: Batch, k: number, e: TypedEntry): void {
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

  private typed(text: string): TypedEntry {
    const { state, rt } = this.ctx;
    return typedEntry(text, { locale: state.locale, timeZone: state.timeZone, now: rt.now });
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
        if (format === '@' || isPlainTextEntry(value, this.ctx.state.locale)) b.values[k] = value === '' ? null : value;
        else this.put(b, k, this.typed(value));
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
  private checkValidations(b: Batch, hidden: Set<number> | null): void {
    const sheet = this.sheetState;
    if (sheet.dataValidations.length === 0) return;
    const { row, col, numRows, numCols } = this.area;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        const index = gridGet(sheet.cells.validations, row - 1 + i, col - 1 + j);
        const k = i * numCols + j;
        if (index === null || hidden?.has(k)) continue;
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

  /**
   * Writes a batch, all or nothing: protected cells throw before anything is written; values replace formulas and
   * formulas values; a typed format applies to General cells. What lands on a cell a merge hides is discarded
   * (Sheets keeps only the top-left cell's content; undocumented for scripts, so the harsher reading).
   */
  private writeBatch(b: Batch): void {
    this.editable();
    const hidden = this.hidden();
    this.checkValidations(b, hidden);
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
        if (hidden?.has(k)) continue;
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

  // --- values -------------------------------------------------------------------------------------------

  getValues(): unknown[][] {
    this.ctx.charge('Range.getValues', this.size);
    const { state } = this.ctx;
    const sheet = this.sheetState;
    const { values, formulas } = sheet.cells;
    const RealmDate = this.ctx.rt.realm.Date;
    return this.raw.maskedGrid<unknown>('', (r, c) => {
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
    if (v === null || this.hidden()?.has(0)) return '';
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
    return this.raw.maskedGrid('', (r, c) =>
      displayValue(cellValue(state, sheet, r, c), gridGet(sheet.cells.formats, r, c), state.locale, state.timeZone),
    );
  }

  getDisplayValue(): string {
    this.ctx.charge('Range.getDisplayValue');
    const { state } = this.ctx;
    const { r, c } = this.topLeft();
    const sheet = this.sheetState;
    if (this.hidden()?.has(0)) return '';
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
    return this.raw.maskedGrid('', (r, c) => gridGet(formulas, r, c) ?? '');
  }

  getFormula(): string {
    this.ctx.charge('Range.getFormula');
    const { r, c } = this.topLeft();
    if (this.hidden()?.has(0)) return '';
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
    return this.typed(formula);
  }
}
