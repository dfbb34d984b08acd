/** The Range fake's geometry: its rectangle, cells and offsets within it, blankness, activation. */
import { checkRange } from './range-core';
import { RangeFormats } from './range-formats';
import { a1OfRange, type GridRange, hasContent } from './state';

type R = GoogleAppsScript.Spreadsheet.Range;

export class RangeGeometry extends RangeFormats {
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

  activate(): R {
    this.ctx.charge('Range.activate');
    const index = this.ctx.state.sheets.indexOf(this.sheetState);
    if (index >= 0) this.ctx.state.activeSheetIndex = index;
    return this.self;
  }
}
