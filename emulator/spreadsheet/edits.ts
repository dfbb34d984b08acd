/**
 * What Sheets refuses before a structural change or a sort, in its words, shared by the fakes (which throw them
 * as Apps Script exceptions) and the host helpers acting as the user: bounds, the cell limit, protected cells,
 * merged cells.
 */
import type { AxisOp } from './axis';
import { MOVE_MERGE_MESSAGE, mergesTouching, moveCutsMerge, SORT_MERGE_MESSAGE } from './merge';
import { areaProtected, PROTECTED_MESSAGE, structureProtected } from './protection';
import type { GridRange, SheetState, SpreadsheetState } from './state';
import { CELL_LIMIT_MESSAGE, wouldExceedCellLimit } from './structure';

function outOfBounds(op: AxisOp, size: number): boolean {
  if (op.count < 1) return true;
  if (op.kind === 'insert') return op.at < 1 || op.at > size + 1;
  const end = op.start + op.count - 1;
  if (op.start < 1 || end > size) return true;
  return op.kind === 'move' && (op.dest < 1 || op.dest > size + 1);
}

/** Why Sheets would refuse this column change, or null when it may go ahead. */
export function columnOpProblem(state: SpreadsheetState, sheet: SheetState, op: AxisOp): string | null {
  if (outOfBounds(op, sheet.maxColumns)) return 'Those columns are out of bounds.';
  if (op.kind === 'delete' && op.count >= sheet.maxColumns) {
    return 'Sorry, it is not possible to delete all non-frozen columns.';
  }
  if (op.kind === 'insert' && wouldExceedCellLimit(state, op.count * sheet.maxRows)) return CELL_LIMIT_MESSAGE;
  if (structureProtected(sheet, 'col', op)) return PROTECTED_MESSAGE;
  if (op.kind === 'move' && moveCutsMerge(sheet, op)) return MOVE_MERGE_MESSAGE;
  return null;
}

/** Why Sheets would refuse inserting or deleting these rows, or null. */
export function rowOpProblem(
  state: SpreadsheetState,
  sheet: SheetState,
  op: Exclude<AxisOp, { kind: 'move' }>,
): string | null {
  if (outOfBounds(op, sheet.maxRows)) return 'Those rows are out of bounds.';
  if (op.kind === 'delete') {
    const end = op.start + op.count - 1;
    const frozenLeft = Math.min(sheet.frozenRows, op.start - 1) + Math.max(0, sheet.frozenRows - end);
    if (sheet.maxRows - op.count <= frozenLeft) return 'Sorry, it is not possible to delete all non-frozen rows.';
  }
  if (op.kind === 'insert' && wouldExceedCellLimit(state, op.count * sheet.maxColumns)) return CELL_LIMIT_MESSAGE;
  if (structureProtected(sheet, 'row', op)) return PROTECTED_MESSAGE;
  return null;
}

/** Why Sheets would refuse sorting these cells (protected or merged ones among them), or null. */
export function sortProblem(sheet: SheetState, area: GridRange): string | null {
  if (areaProtected(sheet, area)) return PROTECTED_MESSAGE;
  if (mergesTouching(sheet, area).length > 0) return SORT_MERGE_MESSAGE;
  return null;
}
