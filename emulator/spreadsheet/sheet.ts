/**
 * The Sheet fake: on top of sheet-core, the structural changes (insert, delete, move), sorting, protection and
 * developer metadata, each refused in Sheets' words when it would break a protection or a merge.
 */
import type { AxisOp } from './axis';
import { columnOpProblem, rowOpProblem, sortProblem } from './edits';
import { memberName, PROTECTION_TYPE } from './enums';
import { addMetadata, metadataAt } from './metadata';
import { DeveloperMetadataFinderFake, metadataArgs, metadataFakes } from './metadata-fakes';
import { newProtection, ProtectionFake, protectionFakes } from './protection-fake';
import { isCount, SheetCore } from './sheet-core';
import { sortArea } from './sort';
import { lastRow } from './state';
import { applyColumnOp, applyRowOp } from './structure';

type S = GoogleAppsScript.Spreadsheet.Sheet;

type SheetMethods =
  | 'activate'
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getColumnWidth'
  | 'getConditionalFormatRules'
  | 'getDataRange'
  | 'getDeveloperMetadata'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
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
  | 'moveColumns'
  | 'protect'
  | 'setColumnWidth'
  | 'setConditionalFormatRules'
  | 'setFrozenRows'
  | 'setName'
  | 'sort';

export class SheetFake extends SheetCore implements Pick<S, SheetMethods> {
  // --- structure ----------------------------------------------------------------------------------------

  private counts(method: string, a: unknown, b: unknown): [number, number] {
    if (!isCount(a) || !isCount(b)) throw this.ctx.signatureError(`SpreadsheetApp.Sheet.${method}`, [a, b]);
    return [Math.trunc(a), Math.trunc(b)];
  }

  private columnOp(op: AxisOp, inheritFrom: number | null): void {
    const problem = columnOpProblem(this.state, this.sheetState, op);
    if (problem !== null) throw this.ctx.error(problem);
    applyColumnOp(this.state, this.sheetState, op, inheritFrom);
  }

  private rowOp(op: Exclude<AxisOp, { kind: 'move' }>, inheritFrom: number | null): void {
    const problem = rowOpProblem(this.state, this.sheetState, op);
    if (problem !== null) throw this.ctx.error(problem);
    applyRowOp(this.state, this.sheetState, op, inheritFrom);
  }

  private insertCols(method: string, position: number, howMany: number, before: boolean): S {
    this.ctx.charge(`Sheet.${method}`);
    const [at, count] = this.counts(method, position, howMany);
    if (at < 1 || at > this.sheetState.maxColumns || count < 1)
      throw this.ctx.error('Those columns are out of bounds.');
    // Inserted columns take the formatting of the column they are inserted next to, as in Sheets.
    this.columnOp({ kind: 'insert', at: before ? at : at + 1, count }, at);
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

  deleteColumns(columnPosition: number, howMany: number): void {
    this.ctx.charge('Sheet.deleteColumns');
    const [start, count] = this.counts('deleteColumns', columnPosition, howMany);
    this.columnOp({ kind: 'delete', start, count }, null);
  }

  deleteColumn(columnPosition: number): S {
    this.ctx.charge('Sheet.deleteColumn');
    const [start] = this.counts('deleteColumn', columnPosition, 1);
    this.columnOp({ kind: 'delete', start, count: 1 }, null);
    return this.self;
  }

  /**
   * Moves the columns the range spans to before column `destinationIndex` (counted before the move, so moving
   * A:B to 5 makes them C:D); values, formats, notes, formulas and column metadata go with them.
   */
  moveColumns(columnSpec: GoogleAppsScript.Spreadsheet.Range, destinationIndex: number): void {
    this.ctx.charge('Sheet.moveColumns');
    const info = this.ctx.rangeInfo(columnSpec);
    if (!info || !isCount(destinationIndex)) {
      throw this.ctx.signatureError('SpreadsheetApp.Sheet.moveColumns', [columnSpec, destinationIndex]);
    }
    // A range of another sheet cannot be moved here (undocumented; refused in the emulator's words).
    if (info.sheet !== this.sheetState) throw this.ctx.error('The columns to move must be on this sheet.');
    const op: AxisOp = {
      kind: 'move',
      start: info.range.col,
      count: info.range.numCols,
      dest: Math.trunc(destinationIndex),
    };
    this.columnOp(op, null);
  }

  private insertRowsAt(method: string, position: number, howMany: number, before: boolean): S {
    this.ctx.charge(`Sheet.${method}`);
    const [at, count] = this.counts(method, position, howMany);
    if (at < 1 || at > this.sheetState.maxRows || count < 1) throw this.ctx.error('Those rows are out of bounds.');
    this.rowOp({ kind: 'insert', at: before ? at : at + 1, count }, at);
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
    const [start, count] = this.counts('deleteRows', rowPosition, howMany);
    this.rowOp({ kind: 'delete', start, count }, null);
  }

  deleteRow(rowPosition: number): S {
    this.ctx.charge('Sheet.deleteRow');
    const [start] = this.counts('deleteRow', rowPosition, 1);
    this.rowOp({ kind: 'delete', start, count: 1 }, null);
    return this.self;
  }

  /** Sorts the rows below the frozen rows, as "Sort sheet" does; refused on protected or merged cells. */
  sort(columnPosition: number, ascending?: boolean): S {
    this.ctx.charge('Sheet.sort');
    if (!isCount(columnPosition) || (ascending !== undefined && typeof ascending !== 'boolean')) {
      throw this.ctx.signatureError('SpreadsheetApp.Sheet.sort', [columnPosition, ascending]);
    }
    const sheet = this.sheetState;
    if (columnPosition < 1 || columnPosition > sheet.maxColumns) {
      throw this.ctx.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    const first = sheet.frozenRows + 1;
    const rows = lastRow(sheet) - first + 1;
    if (rows < 2) return this.self;
    const area = { row: first, col: 1, numRows: rows, numCols: sheet.maxColumns };
    const problem = sortProblem(sheet, area);
    if (problem !== null) throw this.ctx.error(problem);
    sortArea(this.state, sheet, area, [{ column: Math.trunc(columnPosition), ascending: ascending ?? true }]);
    return this.self;
  }

  // --- protection ---------------------------------------------------------------------------------------

  /** The sheet's protection: the existing one when the sheet is already protected, else a new one. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.ctx.charge('Sheet.protect');
    const sheet = this.sheetState;
    let p = sheet.protections.find((x) => x.type === 'SHEET');
    if (!p) {
      p = newProtection(sheet, this.state.nextObjectId, null);
      this.state.nextObjectId += 1;
    }
    return new ProtectionFake(this.ctx, sheet, p.id).self;
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.ctx.charge('Sheet.getProtections');
    const name = memberName<'RANGE' | 'SHEET'>(PROTECTION_TYPE, type);
    if (name === null) throw this.ctx.signatureError('SpreadsheetApp.Sheet.getProtections', [type]);
    return protectionFakes(this.ctx, this.sheetState, name);
  }

  // --- developer metadata -------------------------------------------------------------------------------

  addDeveloperMetadata(...args: unknown[]): S {
    this.ctx.charge('Sheet.addDeveloperMetadata');
    const entry = metadataArgs(this.ctx, 'SpreadsheetApp.Sheet.addDeveloperMetadata', args);
    addMetadata(this.state, entry, { type: 'SHEET', sheetId: this.sheetState.sheetId });
    return this.self;
  }

  /** The metadata on the sheet itself (not on its columns). */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.ctx.charge('Sheet.getDeveloperMetadata');
    return metadataFakes(this.ctx, metadataAt(this.state, { type: 'SHEET', sheetId: this.sheetState.sheetId }));
  }

  /** A finder over the sheet's metadata and that of its columns. */
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.ctx.charge('Sheet.createDeveloperMetadataFinder');
    return new DeveloperMetadataFinderFake(this.ctx, { kind: 'sheet', sheet: this.sheetState }).self;
  }
}
