/**
 * Protected ranges and sheets: which writes the script's user may make, and the rule that a write into a protected
 * cell throws Apps Script's message and writes nothing of that call.
 */
import type { AxisOp } from './axis';
import {
  type GridRange,
  type ProtectionState,
  rangeContains,
  rangesIntersect,
  rangeWithin,
  type SheetState,
} from './state';

/** Apps Script's message for a write into a cell (or an object) protected against the script's user. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** True when the protection stops the script's user (warning-only protections only warn in Sheets' UI). */
export function blocksUser(p: ProtectionState): boolean {
  return !p.userCanEdit && !p.warningOnly;
}

function coveredBy(area: GridRange, pieces: GridRange[]): boolean {
  if (pieces.some((u) => rangeWithin(area, u))) return true;
  if (!pieces.some((u) => rangesIntersect(area, u))) return false;
  for (let r = area.row; r < area.row + area.numRows; r++) {
    for (let c = area.col; c < area.col + area.numCols; c++) {
      if (!pieces.some((u) => rangeContains(u, r, c))) return false;
    }
  }
  return true;
}

/**
 * True when some cell of `area` is protected against the script's user: inside a protected range, or on a
 * protected sheet outside its unprotected ranges.
 */
export function areaProtected(sheet: SheetState, area: GridRange): boolean {
  for (const p of sheet.protections) {
    if (!blocksUser(p)) continue;
    if (p.range !== null ? rangesIntersect(p.range, area) : !coveredBy(area, p.unprotected)) return true;
  }
  return false;
}

/** True when the whole sheet is protected against the script's user (its frozen rows, widths, rules, name). */
export function sheetProtected(sheet: SheetState): boolean {
  return sheet.protections.some((p) => p.type === 'SHEET' && blocksUser(p));
}

/**
 * True when inserting, deleting or moving columns or rows changes cells protected against the script's user: any
 * change on a protected sheet; for a protected range, inserting inside it (not at its edges), deleting any of it,
 * or moving any of it or into the middle of it. A range that only shifts is not changed.
 */
export function structureProtected(sheet: SheetState, axis: 'row' | 'col', op: AxisOp): boolean {
  return sheet.protections.some((p) => {
    if (!blocksUser(p)) return false;
    if (p.range === null) return true;
    const s = axis === 'row' ? p.range.row : p.range.col;
    const e = s + (axis === 'row' ? p.range.numRows : p.range.numCols) - 1;
    if (op.kind === 'insert') return op.at > s && op.at <= e;
    const end = op.start + op.count - 1;
    const overlaps = op.start <= e && end >= s;
    return op.kind === 'delete' ? overlaps : overlaps || (op.dest > s && op.dest <= e);
  });
}
