/**
 * The emulated Spreadsheet service, its UI and HtmlService. Everything works directly on a plain
 * SpreadsheetState, so saving is `JSON.stringify(state)` and loading is `JSON.parse`.
 */

export type { SpreadsheetServiceOptions } from './context';
export { loadCsvIntoSheet, parseCsv } from './csv';
export { DEVELOPER_METADATA_LOCATION_TYPE, DEVELOPER_METADATA_VISIBILITY, PROTECTION_TYPE } from './enums';
export { defaultDateFormat, displayValue, formatDate } from './format';
export { compileFormula, FUNCTIONS } from './formula';
export { MOVE_MERGE_MESSAGE, PARTIAL_MERGE_MESSAGE, SORT_MERGE_MESSAGE } from './merge';
export { ARBITRARY_RANGE_MESSAGE, SCRIPT_PROJECT } from './metadata';
export { cellDisplay, cellValue, displayGrid, normalizeColour, visibleBackgrounds, visibleStyles } from './model';
export { PROTECTED_MESSAGE } from './protection';
export { renderSheetHtml } from './render';
export {
  createSpreadsheetService,
  SPREADSHEET_SCOPE,
  SPREADSHEETS_FULL_SCOPE,
  type SpreadsheetServices,
} from './service';
export {
  a1Of,
  a1OfRange,
  type CellLayers,
  type ConditionalFormatRuleState,
  columnLetters,
  completeSpreadsheetState,
  createSpreadsheetState,
  type DataValidationState,
  type DateCell,
  type DeveloperMetadataState,
  findSheet,
  type GridRange,
  lastColumn,
  lastRow,
  type MetadataLocationState,
  type ProtectionState,
  parseA1,
  requireSheet,
  type SheetState,
  type SpreadsheetState,
  type StoredValue,
} from './state';
export { applyColumnOp, applyRowOp, deleteRows, insertColumns, insertRows } from './structure';
export { parseTypedEntry, type TypedEntry, type TypedEntryContext, typedEntry } from './typed';
export { UI_SCOPE } from './ui';
export {
  type AlertRecord,
  type ButtonName,
  type ButtonSetName,
  type DialogRecord,
  type MenuEntry,
  type MenuRecord,
  type PromptRecord,
  type ToastRecord,
  UiLog,
} from './uilog';
export {
  addColumnMetadata,
  columnMetadata,
  deleteColumnsAt,
  insertColumnsAt,
  mergeCells,
  moveColumnTo,
  OWNER_EMAIL,
  type OwnerProtection,
  protectAgainstUser,
  sortRows,
} from './user';
