/**
 * Inserting, deleting and moving columns and rows: every layer of every cell, column widths, formula references,
 * conditional format ranges, merges, protections and column developer metadata follow the change, as in Sheets.
 */
import { type AxisOp, mapIndex, mapSpan, permute, sizeChange } from './axis';
import { type RefLocation, rewriteReferences } from './formula';
import {
  a1OfRange,
  type CellLayers,
  findSheet,
  type GridRange,
  layerNames,
  MAX_CELLS,
  parseA1,
  type SheetState,
  type SpreadsheetState,
} from './state';

/** Layers an inserted column or row copies from its neighbour (Sheets carries formatting, not content). */
const FORMAT_LAYERS: (keyof CellLayers)[] = ['formats', 'backgrounds', 'fontWeights'];

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

/** A rectangle after a change along one axis, or null when none of it is left. */
export function mapRect(r: GridRange, axis: 'row' | 'col', op: AxisOp): GridRange | null {
  const start = axis === 'row' ? r.row : r.col;
  const span = mapSpan(op, start, start + (axis === 'row' ? r.numRows : r.numCols) - 1);
  if (!span) return null;
  const length = span[1] - span[0] + 1;
  return axis === 'row' ? { ...r, row: span[0], numRows: length } : { ...r, col: span[0], numCols: length };
}

/** Conditional format ranges, merges and protections of the sheet follow the change (before the size changes). */
function remapRectangles(sheet: SheetState, axis: 'row' | 'col', op: AxisOp): void {
  for (const rule of sheet.conditionalFormatRules) {
    rule.ranges = rule.ranges.flatMap((a1) => {
      const parsed = parseA1(a1, sheet.maxRows, sheet.maxColumns);
      const moved = parsed ? mapRect(parsed.range, axis, op) : null;
      return moved ? [a1OfRange(moved)] : [];
    });
  }
  sheet.conditionalFormatRules = sheet.conditionalFormatRules.filter((r) => r.ranges.length > 0);
  sheet.merges = sheet.merges.flatMap((m) => {
    const moved = mapRect(m, axis, op);
    return moved && moved.numRows * moved.numCols > 1 ? [moved] : [];
  });
  sheet.protections = sheet.protections.flatMap((p) => {
    const range = p.range === null ? null : mapRect(p.range, axis, op);
    if (p.range !== null && range === null) return [];
    const unprotected = p.unprotected.flatMap((u) => mapRect(u, axis, op) ?? []);
    return [{ ...p, range, unprotected }];
  });
}

/**
 * Applies a column operation to a sheet. Inserted columns take the formats (number format, background, weight)
 * of column `inheritFrom` (1-based, old numbering) when given, as Sheets does; references into deleted columns
 * become #REF!; column developer metadata moves with its columns and is deleted with them.
 */
export function applyColumnOp(
  state: SpreadsheetState,
  sheet: SheetState,
  op: AxisOp,
  inheritFrom: number | null = null,
): void {
  remapRectangles(sheet, 'col', op);
  state.developerMetadata = state.developerMetadata.flatMap((m) => {
    const loc = m.location;
    if (loc.type !== 'COLUMN' || loc.sheetId !== sheet.sheetId) return [m];
    const span = mapSpan(op, loc.column, loc.column + loc.count - 1);
    return span ? [{ ...m, location: { ...loc, column: span[0], count: span[1] - span[0] + 1 } }] : [];
  });
  for (const name of layerNames()) {
    const inherit = op.kind === 'insert' && inheritFrom !== null && FORMAT_LAYERS.includes(name);
    for (const row of sheet.cells[name] as (unknown[] | null)[]) {
      if (!row) continue;
      const source = inherit ? (row[inheritFrom - 1] ?? null) : null;
      permute(row, op, () => source);
    }
  }
  const widths: Record<string, number> = {};
  for (const [key, width] of Object.entries(sheet.columnWidths)) {
    const to = mapIndex(op, Number(key));
    if (to !== null) widths[String(to)] = width;
  }
  sheet.columnWidths = widths;
  rewriteAll(state, sheet, (row, col) => {
    const to = mapIndex(op, col);
    return to === null ? null : { row, col: to };
  });
  sheet.maxColumns += sizeChange(op);
}

/** Applies a row operation to a sheet; inserted rows take the formats of row `inheritFrom` when given. */
export function applyRowOp(
  state: SpreadsheetState,
  sheet: SheetState,
  op: AxisOp,
  inheritFrom: number | null = null,
): void {
  remapRectangles(sheet, 'row', op);
  for (const name of layerNames()) {
    const grid = sheet.cells[name] as (unknown[] | null)[];
    const inherit = op.kind === 'insert' && inheritFrom !== null && FORMAT_LAYERS.includes(name);
    const source = inherit ? (grid[inheritFrom - 1] ?? null) : null;
    permute(grid, op, () => (source ? [...source] : null));
  }
  if (op.kind === 'insert' && sheet.frozenRows >= op.at) sheet.frozenRows += op.count;
  if (op.kind === 'delete' && sheet.frozenRows >= op.start) {
    sheet.frozenRows = Math.max(op.start - 1, sheet.frozenRows - op.count);
  }
  rewriteAll(state, sheet, (row, col) => {
    const to = mapIndex(op, row);
    return to === null ? null : { row: to, col };
  });
  sheet.maxRows += sizeChange(op);
}

/** Inserts `howMany` columns before 1-based column `before`, taking the formats of column `inheritFrom`. */
export function insertColumns(
  state: SpreadsheetState,
  sheet: SheetState,
  before: number,
  howMany: number,
  inheritFrom: number | null,
): void {
  applyColumnOp(state, sheet, { kind: 'insert', at: before, count: howMany }, inheritFrom);
}

/** Inserts `howMany` rows before 1-based row `before`, taking the formats of row `inheritFrom` when given. */
export function insertRows(
  state: SpreadsheetState,
  sheet: SheetState,
  before: number,
  howMany: number,
  inheritFrom: number | null,
): void {
  applyRowOp(state, sheet, { kind: 'insert', at: before, count: howMany }, inheritFrom);
}

/** Deletes `howMany` rows from 1-based row `start`; references to them become #REF!. */
export function deleteRows(state: SpreadsheetState, sheet: SheetState, start: number, howMany: number): void {
  applyRowOp(state, sheet, { kind: 'delete', start, count: howMany });
}
