/**
 * Developer metadata in the state: adding it, and which entries a finder (spreadsheet, sheet or range scope,
 * key/value/type filters) or `getDeveloperMetadata` sees. Moving with columns is in structure.ts.
 */
import {
  type DeveloperMetadataState,
  type GridRange,
  type MetadataLocationState,
  rangesIntersect,
  rangeWithin,
  type SheetState,
  type SpreadsheetState,
} from './state';

/** The project id of the script the emulator runs (PROJECT metadata of any other project is hidden from it). */
export const SCRIPT_PROJECT = 'this-script';

/** Apps Script's message for Range.addDeveloperMetadata on a range that is not whole rows or columns. */
export const ARBITRARY_RANGE_MESSAGE =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

export type MetadataVisibility = DeveloperMetadataState['visibility'];

/** Adds an entry and returns it (ids count up from 1 per spreadsheet; Sheets makes random positive ones). */
export function addMetadata(
  state: SpreadsheetState,
  entry: { key: string; value: string | null; visibility: MetadataVisibility; project: string },
  location: MetadataLocationState,
): DeveloperMetadataState {
  const id = state.nextObjectId;
  state.nextObjectId += 1;
  const created: DeveloperMetadataState = { id, ...entry, location: { ...location } };
  state.developerMetadata.push(created);
  return created;
}

/** True when the script may see the entry: DOCUMENT metadata always, PROJECT metadata only its own project's. */
export function visibleToScript(m: DeveloperMetadataState): boolean {
  return m.visibility === 'DOCUMENT' || m.project === SCRIPT_PROJECT;
}

/** Whole columns when the area covers every row (row metadata is not emulated: null for anything else). */
export function columnLocationOf(sheet: SheetState, area: GridRange): MetadataLocationState | null {
  if (area.row !== 1 || area.numRows !== sheet.maxRows) return null;
  return { type: 'COLUMN', sheetId: sheet.sheetId, column: area.col, count: area.numCols };
}

/** True when the area spans whole rows (every column). */
export function isWholeRows(sheet: SheetState, area: GridRange): boolean {
  return area.col === 1 && area.numCols === sheet.maxColumns;
}

/** The rectangle a column location covers on its sheet. */
export function locationRect(sheet: SheetState, loc: MetadataLocationState & { type: 'COLUMN' }): GridRange {
  return { row: 1, col: loc.column, numRows: sheet.maxRows, numCols: loc.count };
}

/** What a finder looks in: the whole spreadsheet, one sheet (and its columns), or a range of one sheet. */
export type FinderScope =
  | { kind: 'spreadsheet' }
  | { kind: 'sheet'; sheet: SheetState }
  | { kind: 'range'; sheet: SheetState; area: GridRange };

export interface FinderFilters {
  id?: number;
  key?: string;
  value?: string;
  locationType?: MetadataLocationState['type'];
  visibility?: MetadataVisibility;
  /** Range scope: locations that merely intersect the range count too (onIntersectingLocations). */
  intersecting: boolean;
}

function inScope(m: DeveloperMetadataState, scope: FinderScope, intersecting: boolean): boolean {
  const loc = m.location;
  if (scope.kind === 'spreadsheet') return true;
  if (loc.type === 'SPREADSHEET' || loc.sheetId !== scope.sheet.sheetId) return false;
  if (scope.kind === 'sheet') return true;
  // Apps Script: metadata is in a range's scope only if its location lies wholly within the range.
  if (loc.type !== 'COLUMN') return false;
  const rect = locationRect(scope.sheet, loc);
  return intersecting ? rangesIntersect(rect, scope.area) : rangeWithin(rect, scope.area);
}

/** The entries a finder finds, in the order they were made. */
export function findMetadata(
  state: SpreadsheetState,
  scope: FinderScope,
  filters: FinderFilters,
): DeveloperMetadataState[] {
  return state.developerMetadata.filter(
    (m) =>
      visibleToScript(m) &&
      inScope(m, scope, filters.intersecting) &&
      (filters.id === undefined || m.id === filters.id) &&
      (filters.key === undefined || m.key === filters.key) &&
      (filters.value === undefined || m.value === filters.value) &&
      (filters.locationType === undefined || m.location.type === filters.locationType) &&
      (filters.visibility === undefined || m.visibility === filters.visibility),
  );
}

/** The entries located exactly at a place (what `getDeveloperMetadata` of a range, sheet or spreadsheet gives). */
export function metadataAt(state: SpreadsheetState, location: MetadataLocationState): DeveloperMetadataState[] {
  return state.developerMetadata.filter((m) => {
    if (!visibleToScript(m) || m.location.type !== location.type) return false;
    const a = m.location;
    const b = location;
    if (a.type === 'SPREADSHEET' || b.type === 'SPREADSHEET') return true;
    if (a.sheetId !== b.sheetId) return false;
    return a.type === 'SHEET' || (b.type === 'COLUMN' && a.column === b.column && a.count === b.count);
  });
}
