/**
 * The emulated Spreadsheet service, its UI and HtmlService. Everything works directly on a plain
 * SpreadsheetState, so saving is `JSON.stringify(state)` and loading is `JSON.parse`.
 */

export type { SpreadsheetServiceOptions } from './context';
export { defaultDateFormat, displayValue, formatDate } from './format';
export { compileFormula, FUNCTIONS } from './formula';
export {
  cellDisplay,
  cellValue,
  deleteRows,
  displayGrid,
  insertColumns,
  insertRows,
  normalizeColour,
  sortRows,
  visibleBackgrounds,
  visibleStyles,
} from './model';
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
  createSpreadsheetState,
  type DataValidationState,
  type DateCell,
  findSheet,
  type GridRange,
  lastColumn,
  lastRow,
  parseA1,
  requireSheet,
  type SheetState,
  type SpreadsheetState,
  type StoredValue,
} from './state';
export { loadCsvIntoSheet, parseCsv, parseTypedEntry, type TypedEntry } from './typed';
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
