/** createSpreadsheetService: SpreadsheetApp (with its Ui) and HtmlService over one SpreadsheetState. */
import type { Runtime } from '../runtime';
import { ConditionalFormatRuleBuilderFake } from './conditional-format';
import { Ctx, type SpreadsheetServiceOptions } from './context';
import { DEVELOPER_METADATA_LOCATION_TYPE, DEVELOPER_METADATA_VISIBILITY, PROTECTION_TYPE } from './enums';
import { HtmlServiceFake } from './html';
import { RangeFake } from './range';
import { SheetFake } from './sheet';
import { SpreadsheetFake } from './spreadsheet';
import { completeSpreadsheetState, type GridRange, type SheetState, type SpreadsheetState } from './state';
import { UI_SCOPE, UiFake } from './ui';
import { UiLog } from './uilog';
import { BOOLEAN_CRITERIA, DATA_VALIDATION_CRITERIA, DataValidationBuilderFake } from './validation-builders';

export const SPREADSHEET_SCOPE = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
/** The full Sheets scope also covers the bound spreadsheet. */
export const SPREADSHEETS_FULL_SCOPE = 'https://www.googleapis.com/auth/spreadsheets';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

type AppMembers =
  | 'BooleanCriteria'
  | 'DataValidationCriteria'
  | 'DeveloperMetadataLocationType'
  | 'DeveloperMetadataVisibility'
  | 'ProtectionType'
  | 'flush'
  | 'getActive'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation';

class SpreadsheetAppFake implements Pick<App, AppMembers> {
  readonly self: App;
  readonly BooleanCriteria = BOOLEAN_CRITERIA;
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA;
  readonly DeveloperMetadataLocationType = DEVELOPER_METADATA_LOCATION_TYPE;
  readonly DeveloperMetadataVisibility = DEVELOPER_METADATA_VISIBILITY;
  readonly ProtectionType = PROTECTION_TYPE;

  constructor(private readonly ctx: Ctx) {
    this.self = ctx.wrap('SpreadsheetApp', this);
  }

  /**
   * The bound spreadsheet. A simple trigger may read and change its own file (AuthMode.LIMITED); an add-on not
   * yet used in the document (AuthMode.NONE) may not; otherwise the spreadsheets scope must be granted.
   */
  private requireSpreadsheet(call: string): void {
    const { rt } = this.ctx;
    const scopes = rt.scopes;
    const granted = scopes === null || scopes.has(SPREADSHEET_SCOPE) || scopes.has(SPREADSHEETS_FULL_SCOPE);
    const mode = rt.execution?.mode;
    if (granted && mode !== 'addon-none') return;
    rt.requireAuthorization(call, SPREADSHEET_SCOPE);
    throw rt.error(`You do not have permission to call ${call}. Required permissions: ${SPREADSHEET_SCOPE}`);
  }

  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.ctx.charge('SpreadsheetApp.getActiveSpreadsheet');
    this.requireSpreadsheet('SpreadsheetApp.getActiveSpreadsheet');
    return this.ctx.makeSpreadsheet();
  }

  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.ctx.charge('SpreadsheetApp.getActive');
    this.requireSpreadsheet('SpreadsheetApp.getActive');
    return this.ctx.makeSpreadsheet();
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.ctx.charge('SpreadsheetApp.getActiveSheet');
    this.requireSpreadsheet('SpreadsheetApp.getActiveSheet');
    const { sheets, activeSheetIndex } = this.ctx.state;
    return this.ctx.makeSheet(sheets[activeSheetIndex] ?? sheets[0]!);
  }

  /**
   * The UI of the open editor: menus work even in onOpen as a simple trigger or before an add-on is authorised;
   * a time-driven trigger has no UI.
   */
  getUi(): GoogleAppsScript.Base.Ui {
    this.ctx.charge('SpreadsheetApp.getUi');
    const { rt } = this.ctx;
    if (rt.execution?.mode === 'time-trigger') throw rt.error('Cannot call SpreadsheetApp.getUi() from this context.');
    if (rt.scopes !== null && !rt.scopes.has(UI_SCOPE)) {
      throw rt.error(`You do not have permission to call SpreadsheetApp.getUi. Required permissions: ${UI_SCOPE}`);
    }
    return new UiFake(this.ctx).self;
  }

  /** Writes are applied at once in the emulator; flush only counts and costs a call. */
  flush(): void {
    this.ctx.charge('SpreadsheetApp.flush');
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.charge('SpreadsheetApp.newConditionalFormatRule');
    return new ConditionalFormatRuleBuilderFake(this.ctx).self;
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.charge('SpreadsheetApp.newDataValidation');
    return new DataValidationBuilderFake(this.ctx).self;
  }
}

export interface SpreadsheetServices {
  SpreadsheetApp: App;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  /** Menus, toasts, alerts, prompts, sidebars and dialogs shown, and the responses queued for dialogs. */
  uiLog: UiLog;
}

/**
 * The Spreadsheet service (with its Ui) and HtmlService over `state`, which every call reads and changes in
 * place (save it with JSON.stringify). Calls are counted and charged on `runtime`.
 */
export function createSpreadsheetService(
  runtime: Runtime,
  state: SpreadsheetState,
  options: SpreadsheetServiceOptions,
): SpreadsheetServices {
  completeSpreadsheetState(state);
  const uiLog = new UiLog();
  const ctx = new Ctx(runtime, state, options, uiLog);
  const sheets = new WeakMap<SheetState, GoogleAppsScript.Spreadsheet.Sheet>();
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  ctx.makeRange = (sheet: SheetState, range: GridRange) => new RangeFake(ctx, sheet, { ...range }).self;
  ctx.makeSheet = (sheet: SheetState) => {
    let fake = sheets.get(sheet);
    if (!fake) {
      fake = new SheetFake(ctx, sheet).self;
      sheets.set(sheet, fake);
    }
    return fake;
  };
  ctx.makeSpreadsheet = () => {
    spreadsheet ??= new SpreadsheetFake(ctx).self;
    return spreadsheet;
  };
  ctx.sheetInfo = (value: unknown) => ctx.unwrap(value, SheetFake)?.sheetState ?? null;
  ctx.rangeInfo = (value: unknown) => {
    const fake = ctx.unwrap(value, RangeFake);
    return fake ? { sheet: fake.sheetState, range: { ...fake.area } } : null;
  };
  return {
    SpreadsheetApp: new SpreadsheetAppFake(ctx).self,
    HtmlService: new HtmlServiceFake(ctx).self,
    uiLog,
  };
}
