/**
 * Merged cells as Sheets keeps them: the top-left cell of a merge holds its content and the others read empty;
 * merging keeps only the top-left content; a range that cuts through a merge cannot merge or unmerge.
 */
import type { AxisOp } from './axis';
import { type GridRange, gridSet, rangesIntersect, rangeWithin, type SheetState } from './state';

/** Sheets' message when a merge or unmerge would cut through an existing merge. */
export const PARTIAL_MERGE_MESSAGE = 'You must select all cells in a merged range to merge or unmerge them.';
/**
 * Sorting or moving across merged cells: Sheets refuses it in its UI; the wording here is the emulator's
 * (undocumented for Apps Script, so the harsher reading: the call throws).
 */
export const SORT_MERGE_MESSAGE = 'Sorry, you cannot sort a range that contains merged cells. Unmerge them first.';
export const MOVE_MERGE_MESSAGE = 'Sorry, you cannot move columns that would break apart merged cells.';

/** The merges that share at least one cell with `area`. */
export function mergesTouching(sheet: SheetState, area: GridRange): GridRange[] {
  return sheet.merges.filter((m) => rangesIntersect(m, area));
}

/**
 * The cells of `area` a merge hides (every merged cell but its top-left), as indices `i * numCols + j` relative
 * to the area; null when there are none (the common case, kept cheap).
 */
export function hiddenCells(sheet: SheetState, area: GridRange): Set<number> | null {
  if (sheet.merges.length === 0) return null;
  let hidden: Set<number> | null = null;
  for (const m of sheet.merges) {
    if (!rangesIntersect(m, area)) continue;
    for (let r = Math.max(m.row, area.row); r < Math.min(m.row + m.numRows, area.row + area.numRows); r++) {
      for (let c = Math.max(m.col, area.col); c < Math.min(m.col + m.numCols, area.col + area.numCols); c++) {
        if (r === m.row && c === m.col) continue;
        hidden ??= new Set();
        hidden.add((r - area.row) * area.numCols + (c - area.col));
      }
    }
  }
  return hidden;
}

/** True when a 1-based cell sits under a merge without being its top-left cell. */
export function isHidden(sheet: SheetState, row: number, col: number): boolean {
  return hiddenCells(sheet, { row, col, numRows: 1, numCols: 1 }) !== null;
}

/** True when `area` holds part of a merge but not all of it. */
export function cutsMerge(sheet: SheetState, area: GridRange): boolean {
  return sheet.merges.some((m) => rangesIntersect(m, area) && !rangeWithin(m, area));
}

/**
 * Merges each block (a rectangle of at least two cells) into one cell: merges already inside it are replaced,
 * and every cell but the top-left loses its value, formula and note, as when a person merges in Sheets.
 */
export function mergeBlocks(sheet: SheetState, blocks: GridRange[]): void {
  for (const block of blocks) {
    if (block.numRows * block.numCols < 2) continue;
    sheet.merges = sheet.merges.filter((m) => !rangeWithin(m, block));
    sheet.merges.push({ ...block });
    const { values, formulas, notes } = sheet.cells;
    for (let r = block.row - 1; r < block.row - 1 + block.numRows; r++) {
      for (let c = block.col - 1; c < block.col - 1 + block.numCols; c++) {
        if (r === block.row - 1 && c === block.col - 1) continue;
        gridSet(values, r, c, null);
        gridSet(formulas, r, c, null);
        gridSet(notes, r, c, null);
      }
    }
  }
}

/** Unmerges every merge inside `area`. */
export function breakApartIn(sheet: SheetState, area: GridRange): void {
  sheet.merges = sheet.merges.filter((m) => !rangeWithin(m, area));
}

/** True when moving columns would split a merge or drop columns into the middle of one. */
export function moveCutsMerge(sheet: SheetState, op: AxisOp & { kind: 'move' }): boolean {
  const end = op.start + op.count - 1;
  return sheet.merges.some((m) => {
    const last = m.col + m.numCols - 1;
    const overlaps = m.col <= end && last >= op.start;
    const inside = m.col >= op.start && last <= end;
    return (overlaps && !inside) || (op.dest > m.col && op.dest <= last);
  });
}
