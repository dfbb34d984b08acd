/** What every part of the Range fake shares: its rectangle, 2-D arrays in the script's realm, size checks, layers. */
import type { Ctx } from './context';
import { rewriteReferences } from './formula';
import { hiddenCells } from './merge';
import { normalizeColour } from './model';
import { type GridRange, gridRow, type SheetState } from './state';

type R = GoogleAppsScript.Spreadsheet.Range;

export const WHITE = '#ffffff';

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

/** A formula as it reads `rows` and `cols` further on (relative references move, `$` ones stay). */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return rewriteReferences(formula, (ref) => {
    const row = ref.rowAbs ? ref.row : ref.row + rows;
    const col = ref.colAbs ? ref.col : ref.col + cols;
    return row < 1 || col < 1 ? null : { row, col };
  });
}

export class RangeCore {
  readonly self: R;
  /** The fake itself: methods are called on the guard proxy, so hot loops go through this to skip its trap. */
  protected readonly raw: this;

  constructor(
    protected readonly ctx: Ctx,
    readonly sheetState: SheetState,
    readonly area: GridRange,
  ) {
    this.raw = this;
    this.self = ctx.wrap('Range', this);
  }

  protected get size(): number {
    return this.area.numRows * this.area.numCols;
  }

  /** Throws Apps Script's protection error, before anything is written, when a cell is protected. */
  protected editable(): void {
    this.ctx.assertEditable(this.sheetState, this.area);
  }

  /** Cells of the range a merge hides (relative indices), or null. */
  protected hidden(): Set<number> | null {
    return hiddenCells(this.sheetState, this.area);
  }

  /** A 2-D array in the script's realm, `cell(r, c)` given 0-based sheet coordinates. */
  protected grid<T>(cell: (r: number, c: number) => T): T[][] {
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

  /** As grid, with `blank` in the cells a merge hides (Sheets reads them empty). */
  protected maskedGrid<T>(blank: T, cell: (r: number, c: number) => T): T[][] {
    const hidden = this.hidden();
    if (hidden === null) return this.grid(cell);
    const { row, col, numCols } = this.area;
    return this.grid((r, c) => (hidden.has((r - row + 1) * numCols + (c - col + 1)) ? blank : cell(r, c)));
  }

  /** Apps Script's size checks for the batch setters, in its words. */
  protected checkShape(method: string, data: unknown): unknown[][] {
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

  /** Sets one attribute grid over the whole range from per-cell values (`skip`: relative indices left alone). */
  protected writeLayer<T>(
    grid: (T[] | null)[],
    cell: (i: number, j: number) => T | null,
    skip: Set<number> | null = null,
  ): void {
    const { row, col, numRows, numCols } = this.area;
    for (let i = 0; i < numRows; i++) {
      const r = row - 1 + i;
      let line = grid[r] ?? null;
      for (let j = 0; j < numCols; j++) {
        if (skip?.has(i * numCols + j)) continue;
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

  protected colour(method: string, color: unknown): string | null {
    if (color === null || color === undefined) return null;
    if (typeof color !== 'string') throw this.ctx.signatureError(`SpreadsheetApp.Range.${method}`, [color]);
    const c = normalizeColour(color);
    if (c === null) throw new Error(`not implemented in the emulator: the colour "${color}" (use #rrggbb)`);
    return c === WHITE ? null : c;
  }

  protected fontWeight(method: string, weight: unknown): string | null {
    if (weight === null || weight === undefined || weight === 'normal') return null;
    if (weight === 'bold') return 'bold';
    throw this.ctx.signatureError(`SpreadsheetApp.Range.${method}`, [weight]);
  }

  protected topLeft(): { r: number; c: number } {
    return { r: this.area.row - 1, c: this.area.col - 1 };
  }
}
