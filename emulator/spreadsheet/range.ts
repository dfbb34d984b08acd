/**
 * The Range fake, whose parts build on each other: range-core (rectangle, layers), range-values (values, formulas),
 * range-formats (formatting, validation, clearing), range-geometry; here merges, protection, developer metadata
 * and sorting. It reads and writes straight into the dense grids of the sheet's state.
 */

import { sortProblem } from './edits';
import { breakApartIn, cutsMerge, mergeBlocks, mergesTouching, PARTIAL_MERGE_MESSAGE } from './merge';
import { ARBITRARY_RANGE_MESSAGE, addMetadata, columnLocationOf, isWholeRows, metadataAt } from './metadata';
import { DeveloperMetadataFinderFake, metadataArgs, metadataFakes } from './metadata-fakes';
import { newProtection, ProtectionFake } from './protection-fake';
import { RangeGeometry } from './range-geometry';
import { type SortKey, sortArea } from './sort';
import { a1OfRange, type GridRange } from './state';

type R = GoogleAppsScript.Spreadsheet.Range;

type RangeMethods =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'breakApart'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'createDeveloperMetadataFinder'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDeveloperMetadata'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMergedRanges'
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
  | 'isPartOfMerge'
  | 'merge'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'offset'
  | 'protect'
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
  | 'setValues'
  | 'sort';

export class RangeFake extends RangeGeometry implements Pick<R, RangeMethods> {
  // --- merged cells -------------------------------------------------------------------------------------

  /** Merges blocks of the range (all of it, each row, or each column); refused when it cuts through a merge. */
  private mergeInto(method: string, blocks: GridRange[]): R {
    this.ctx.charge(`Range.${method}`, this.size);
    this.editable();
    if (cutsMerge(this.sheetState, this.area)) throw this.ctx.error(PARTIAL_MERGE_MESSAGE);
    mergeBlocks(this.sheetState, blocks);
    return this.self;
  }

  merge(): R {
    return this.mergeInto('merge', [this.area]);
  }

  mergeAcross(): R {
    const { row, col, numRows, numCols } = this.area;
    return this.mergeInto(
      'mergeAcross',
      Array.from({ length: numRows }, (_, i) => ({ row: row + i, col, numRows: 1, numCols })),
    );
  }

  mergeVertically(): R {
    const { row, col, numRows, numCols } = this.area;
    return this.mergeInto(
      'mergeVertically',
      Array.from({ length: numCols }, (_, j) => ({ row, col: col + j, numRows, numCols: 1 })),
    );
  }

  breakApart(): R {
    this.ctx.charge('Range.breakApart', this.size);
    this.editable();
    if (cutsMerge(this.sheetState, this.area)) throw this.ctx.error(PARTIAL_MERGE_MESSAGE);
    breakApartIn(this.sheetState, this.area);
    return this.self;
  }

  /** True when the range overlaps any merged cells. */
  isPartOfMerge(): boolean {
    this.ctx.charge('Range.isPartOfMerge');
    return mergesTouching(this.sheetState, this.area).length > 0;
  }

  /** Merges inside the range or holding at least one of its cells. */
  getMergedRanges(): R[] {
    this.ctx.charge('Range.getMergedRanges');
    const merges = mergesTouching(this.sheetState, this.area);
    return this.ctx.rt.toRealm(merges.map((m) => this.ctx.makeRange(this.sheetState, m)));
  }

  // --- protection ---------------------------------------------------------------------------------------

  /** A new range protection the script's user can edit (Apps Script keeps the current user as an editor). */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.ctx.charge('Range.protect');
    const { state } = this.ctx;
    const p = newProtection(this.sheetState, state.nextObjectId, this.area);
    state.nextObjectId += 1;
    return new ProtectionFake(this.ctx, this.sheetState, p.id).self;
  }

  // --- developer metadata -------------------------------------------------------------------------------

  /**
   * Adds metadata to the whole column(s) the range spans (`F:F`, `F1:F`, or every row by numbers); whole rows are
   * not emulated; any other range throws Apps Script's error.
   */
  addDeveloperMetadata(...args: unknown[]): R {
    this.ctx.charge('Range.addDeveloperMetadata');
    const entry = metadataArgs(this.ctx, 'SpreadsheetApp.Range.addDeveloperMetadata', args);
    const location = columnLocationOf(this.sheetState, this.area);
    if (!location) {
      if (isWholeRows(this.sheetState, this.area)) {
        throw new Error('not implemented in the emulator: developer metadata on rows (Range.addDeveloperMetadata)');
      }
      throw this.ctx.error(ARBITRARY_RANGE_MESSAGE);
    }
    addMetadata(this.ctx.state, entry, location);
    return this.self;
  }

  /** The metadata located exactly at this range (a cell of a column does not see the column's metadata). */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.ctx.charge('Range.getDeveloperMetadata');
    const location = columnLocationOf(this.sheetState, this.area);
    return metadataFakes(this.ctx, location ? metadataAt(this.ctx.state, location) : []);
  }

  /** A finder over metadata whose location lies wholly within this range (or intersects it, when asked). */
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.ctx.charge('Range.createDeveloperMetadataFinder');
    return new DeveloperMetadataFinderFake(this.ctx, { kind: 'range', sheet: this.sheetState, area: { ...this.area } })
      .self;
  }

  // --- sorting ------------------------------------------------------------------------------------------

  /**
   * sort(column), sort({column, ascending}) or an array of those: sorts the range's rows by those columns
   * (absolute column numbers, inside the range), moving only the range's cells. Refused on protected cells and
   * on merged cells.
   */
  sort(sortSpecObj: unknown): R {
    this.ctx.charge('Range.sort', this.size);
    const keys = this.sortKeys(sortSpecObj);
    const problem = sortProblem(this.sheetState, this.area);
    if (problem !== null) throw this.ctx.error(problem);
    sortArea(this.ctx.state, this.sheetState, this.area, keys);
    return this.self;
  }

  private sortKeys(spec: unknown): SortKey[] {
    const specs = Array.isArray(spec) ? spec : [spec];
    const { col, numCols } = this.area;
    return specs.map((s) => {
      let key: SortKey | null = null;
      if (typeof s === 'number') key = { column: Math.trunc(s), ascending: true };
      else if (typeof s === 'object' && s !== null && typeof (s as SortKey).column === 'number') {
        const ascending = (s as { ascending?: unknown }).ascending;
        if (ascending === undefined || typeof ascending === 'boolean') {
          key = { column: Math.trunc((s as SortKey).column), ascending: ascending ?? true };
        }
      }
      if (key === null) throw this.ctx.signatureError('SpreadsheetApp.Range.sort', [spec]);
      // A sort column outside the range is refused (undocumented wording; the emulator's).
      if (key.column < col || key.column >= col + numCols) {
        throw this.ctx.error(`The sort column ${key.column} is outside the range ${a1OfRange(this.area)}.`);
      }
      return key;
    });
  }
}
