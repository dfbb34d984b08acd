/** The Range fake's formatting: backgrounds, number formats, notes, font weights, data validation, clearing. */

import { internValidation } from './model';
import { WHITE } from './range-core';
import { RangeValues } from './range-values';
import { type CellLayers, type DataValidationState, gridGet, type StoredValue } from './state';
import { DataValidationFake } from './validation-builders';

type R = GoogleAppsScript.Spreadsheet.Range;
type DV = GoogleAppsScript.Spreadsheet.DataValidation;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

export class RangeFormats extends RangeValues {
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
    this.editable();
    this.writeLayer(this.sheetState.cells.backgrounds, () => value);
    return this.self;
  }

  setBackgrounds(color: (string | null)[][]): R {
    this.ctx.charge('Range.setBackgrounds', this.size);
    const me = this.raw;
    const data = me.checkShape('setBackgrounds', color);
    const colours = data.map((line) => line.map((c) => me.colour('setBackgrounds', c)));
    me.editable();
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
    this.editable();
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
    this.editable();
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
    this.editable();
    // A note on a cell a merge hides is discarded, like its content.
    this.writeLayer(this.sheetState.cells.notes, () => value, this.hidden());
    return this.self;
  }

  setNotes(notes: (string | null)[][]): R {
    this.ctx.charge('Range.setNotes', this.size);
    const data = this.checkShape('setNotes', notes);
    this.editable();
    const write = (i: number, j: number) => {
      const n = data[i]![j];
      return n === null || n === undefined || n === '' ? null : String(n);
    };
    this.writeLayer(this.sheetState.cells.notes, write, this.hidden());
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
    this.editable();
    this.writeLayer(this.sheetState.cells.fontWeights, () => value);
    return this.self;
  }

  setFontWeights(fontWeights: (FontWeight | null)[][]): R {
    this.ctx.charge('Range.setFontWeights', this.size);
    const me = this.raw;
    const data = me.checkShape('setFontWeights', fontWeights);
    const weights = data.map((line) => line.map((w) => me.fontWeight('setFontWeights', w)));
    me.editable();
    me.writeLayer(this.sheetState.cells.fontWeights, (i, j) => weights[i]![j]!);
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
    const fake = rule === null || rule === undefined ? null : this.ctx.unwrap(rule, DataValidationFake);
    if (rule !== null && rule !== undefined && !fake) {
      throw this.ctx.signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    }
    this.editable();
    if (fake) {
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
    this.editable();
    const index = internValidation(this.sheetState, rule);
    this.writeLayer(this.sheetState.cells.validations, () => index);
    // Docs: no argument sets every cell to FALSE; a custom checked value only sets "", with both the unchecked value.
    const initial: StoredValue = values.length === 0 ? false : values.length === 2 ? values[1]! : null;
    const { values: grid, formulas } = this.sheetState.cells;
    const hidden = this.hidden();
    this.writeLayer(grid, () => initial, hidden);
    this.writeLayer(formulas, () => null, hidden);
    return this.self;
  }

  // --- clearing -----------------------------------------------------------------------------------------

  clearContent(): R {
    this.ctx.charge('Range.clearContent', this.size);
    this.editable();
    this.clearLayers(['values', 'formulas']);
    return this.self;
  }

  clearFormat(): R {
    this.ctx.charge('Range.clearFormat', this.size);
    this.editable();
    this.clearLayers(['formats', 'backgrounds', 'fontWeights']);
    return this.self;
  }

  clearNote(): R {
    this.ctx.charge('Range.clearNote', this.size);
    this.editable();
    this.clearLayers(['notes']);
    return this.self;
  }

  clearDataValidations(): R {
    this.ctx.charge('Range.clearDataValidations', this.size);
    this.editable();
    this.clearLayers(['validations']);
    return this.self;
  }

  /**
   * clear() empties content and formats (its documented effect: notes and validations stay);
   * clear({contentsOnly, formatOnly, validationsOnly, commentsOnly}) empties what the options name (comments: notes).
   */
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): R {
    this.ctx.charge('Range.clear', this.size);
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw this.ctx.signatureError('SpreadsheetApp.Range.clear', [options]);
    }
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    const layers: (keyof CellLayers)[] = [];
    if (!any || o.contentsOnly) layers.push('values', 'formulas');
    if (!any || o.formatOnly) layers.push('formats', 'backgrounds', 'fontWeights');
    if (o.validationsOnly) layers.push('validations');
    if (o.commentsOnly) layers.push('notes');
    this.editable();
    this.clearLayers(layers);
    return this.self;
  }

  private clearLayers(layers: (keyof CellLayers)[]): void {
    for (const name of layers) this.writeLayer(this.sheetState.cells[name] as (unknown[] | null)[], () => null);
  }
}
