/**
 * Host helpers that act on the sheet as the person using it would in the Sheets UI (for tests and the hardening
 * model): move, insert and delete columns, sort rows, merge cells, plus the sheet owner's protections and metadata
 * left by other scripts. Each refuses what Sheets refuses, throwing an Error with Sheets' message, and then
 * changes nothing. Column numbers are 1-based.
 */
import type { AxisOp } from './axis';
import { columnOpProblem, sortProblem } from './edits';
import { cutsMerge, mergeBlocks, PARTIAL_MERGE_MESSAGE } from './merge';
import { addMetadata, type MetadataVisibility, SCRIPT_PROJECT } from './metadata';
import { newProtection } from './protection-fake';
import { sortArea } from './sort';
import {
  completeSpreadsheetState,
  type GridRange,
  lastRow,
  parseA1,
  requireSheet,
  type SheetState,
  type SpreadsheetState,
} from './state';
import { applyColumnOp } from './structure';

/** The spreadsheet owner the helpers' protections belong to (someone other than the script's user). */
export const OWNER_EMAIL = 'owner@example.com';

function sheetOf(state: SpreadsheetState, sheetName: string): SheetState {
  completeSpreadsheetState(state);
  return requireSheet(state, sheetName);
}

function rectOf(sheet: SheetState, a1: string): GridRange {
  const parsed = parseA1(a1, sheet.maxRows, sheet.maxColumns);
  if (!parsed || parsed.sheetName !== null) throw new Error(`not A1 notation of one sheet: ${a1}`);
  return parsed.range;
}

function columnOp(state: SpreadsheetState, sheet: SheetState, op: AxisOp, inheritFrom: number | null): void {
  const problem = columnOpProblem(state, sheet, op);
  if (problem !== null) throw new Error(problem);
  applyColumnOp(state, sheet, op, inheritFrom);
}

/**
 * Drags `count` columns starting at `column` so that the first of them lands at position `to` (its number after
 * the move), as a person dragging column headers does. Everything in them moves: values, formulas, formats, notes,
 * validation, column metadata; references to them follow.
 */
export function moveColumnTo(state: SpreadsheetState, sheetName: string, column: number, to: number, count = 1): void {
  const sheet = sheetOf(state, sheetName);
  if (to === column) return;
  // Sheet.moveColumns counts the destination before the move: past the block, it is `count` further right.
  const dest = to > column ? to + count : to;
  columnOp(state, sheet, { kind: 'move', start: column, count, dest }, null);
}

/** Inserts `count` empty columns before `before` ("Insert column left"), formatted like column `before`. */
export function insertColumnsAt(state: SpreadsheetState, sheetName: string, before: number, count = 1): void {
  const sheet = sheetOf(state, sheetName);
  const inherit = before <= sheet.maxColumns ? before : before - 1;
  columnOp(state, sheet, { kind: 'insert', at: before, count }, inherit);
}

/** Deletes `count` columns from `column` ("Delete column"): their metadata goes with them. */
export function deleteColumnsAt(state: SpreadsheetState, sheetName: string, column: number, count = 1): void {
  const sheet = sheetOf(state, sheetName);
  columnOp(state, sheet, { kind: 'delete', start: column, count }, null);
}

/**
 * Sorts rows `firstRow`..lastRow by a column, whole rows moving with every cell's value, formula, formats, note
 * and validation, as a person sorting the data range does ("Sort range A → Z"). Numbers and dates come before
 * text (case-insensitive), then booleans; blanks always last. Refused on protected or merged cells.
 */
export function sortRows(
  state: SpreadsheetState,
  sheetName: string,
  column: number,
  ascending = true,
  firstRow = 2,
): void {
  const sheet = sheetOf(state, sheetName);
  const rows = lastRow(sheet) - firstRow + 1;
  if (rows < 2) return;
  const area = { row: firstRow, col: 1, numRows: rows, numCols: sheet.maxColumns };
  const problem = sortProblem(sheet, area);
  if (problem !== null) throw new Error(problem);
  sortArea(state, sheet, area, [{ column, ascending }]);
}

/** Merges the cells of `a1` ("Merge all"): only the top-left cell keeps its content. */
export function mergeCells(state: SpreadsheetState, sheetName: string, a1: string): void {
  const sheet = sheetOf(state, sheetName);
  const area = rectOf(sheet, a1);
  if (cutsMerge(sheet, area)) throw new Error(PARTIAL_MERGE_MESSAGE);
  mergeBlocks(sheet, [area]);
}

export interface OwnerProtection {
  description?: string;
  /** Who may edit besides the owner; the script's user is never among them. Default: the owner alone. */
  editors?: string[];
  /** For a whole-sheet protection: A1 ranges anyone may edit. */
  unprotected?: string[];
}

/**
 * The sheet's owner protects `a1` (or the whole sheet, with `null`) against the script's user: every write the
 * script makes there throws Apps Script's protection error, and the script cannot change or remove it.
 * Returns the protection's id.
 */
export function protectAgainstUser(
  state: SpreadsheetState,
  sheetName: string,
  a1: string | null,
  options: OwnerProtection = {},
): number {
  const sheet = sheetOf(state, sheetName);
  const range = a1 === null ? null : rectOf(sheet, a1);
  const editors = (options.editors ?? [OWNER_EMAIL]).map((e) => e.toLowerCase());
  const p = newProtection(sheet, state.nextObjectId, range, false, editors);
  state.nextObjectId += 1;
  p.description = options.description ?? '';
  if (range === null) p.unprotected = (options.unprotected ?? []).map((u) => rectOf(sheet, u));
  return p.id;
}

/**
 * Developer metadata on whole columns put there by someone else (another script, or an earlier version of the
 * add-on): PROJECT metadata of a `project` other than the script's is invisible to the script. Returns its id.
 */
export function addColumnMetadata(
  state: SpreadsheetState,
  sheetName: string,
  column: number,
  entry: { key: string; value?: string | null; visibility?: MetadataVisibility; project?: string; count?: number },
): number {
  const sheet = sheetOf(state, sheetName);
  const count = entry.count ?? 1;
  if (column < 1 || column + count - 1 > sheet.maxColumns) throw new Error(`no column ${column} in ${sheetName}`);
  const created = addMetadata(
    state,
    {
      key: entry.key,
      value: entry.value ?? null,
      visibility: entry.visibility ?? 'DOCUMENT',
      project: entry.project ?? SCRIPT_PROJECT,
    },
    { type: 'COLUMN', sheetId: sheet.sheetId, column, count },
  );
  return created.id;
}

/** The column metadata of a sheet as plain data: where each entry is now (1-based column) and what it holds. */
export function columnMetadata(
  state: SpreadsheetState,
  sheetName: string,
): { id: number; key: string; value: string | null; column: number; count: number; visibility: MetadataVisibility }[] {
  const sheet = sheetOf(state, sheetName);
  return state.developerMetadata.flatMap((m) =>
    m.location.type === 'COLUMN' && m.location.sheetId === sheet.sheetId
      ? [
          {
            id: m.id,
            key: m.key,
            value: m.value,
            column: m.location.column,
            count: m.location.count,
            visibility: m.visibility,
          },
        ]
      : [],
  );
}
