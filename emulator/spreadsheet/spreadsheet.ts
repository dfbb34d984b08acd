/** The Spreadsheet fake: its sheets, locale and zone, A1 ranges, toasts, developer metadata and protections. */
import type { Ctx } from './context';
import { memberName, PROTECTION_TYPE } from './enums';
import { addMetadata, metadataAt } from './metadata';
import { DeveloperMetadataFinderFake, metadataArgs, metadataFakes } from './metadata-fakes';
import { ProtectionFake } from './protection-fake';
import { SheetFake } from './sheet';
import { rangeByA1 } from './sheet-core';
import { newSheetState, type SheetState, type SpreadsheetState } from './state';
import { CELL_LIMIT_MESSAGE, wouldExceedCellLimit } from './structure';

type S = GoogleAppsScript.Spreadsheet.Sheet;
type R = GoogleAppsScript.Spreadsheet.Range;
type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;

type SpreadsheetMethods =
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'getActiveSheet'
  | 'getDeveloperMetadata'
  | 'getId'
  | 'getName'
  | 'getProtections'
  | 'getRange'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'setActiveSheet'
  | 'toast';

export class SpreadsheetFake implements Pick<SS, SpreadsheetMethods> {
  readonly self: SS;

  constructor(private readonly ctx: Ctx) {
    this.self = ctx.wrap('Spreadsheet', this);
  }

  private get state(): SpreadsheetState {
    return this.ctx.state;
  }

  private activeSheetState(): SheetState {
    const { sheets, activeSheetIndex } = this.state;
    return sheets[activeSheetIndex] ?? sheets[0]!;
  }

  getId(): string {
    this.ctx.charge('Spreadsheet.getId');
    return this.state.id;
  }

  getName(): string {
    this.ctx.charge('Spreadsheet.getName');
    return this.state.name;
  }

  getUrl(): string {
    this.ctx.charge('Spreadsheet.getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.state.id}/edit`;
  }

  getSheets(): S[] {
    this.ctx.charge('Spreadsheet.getSheets');
    return this.ctx.rt.toRealm(this.state.sheets.map((s) => this.ctx.makeSheet(s)));
  }

  /** Exact name match (null when there is none). */
  getSheetByName(name: string): S | null {
    this.ctx.charge('Spreadsheet.getSheetByName');
    if (typeof name !== 'string') throw this.ctx.signatureError('SpreadsheetApp.Spreadsheet.getSheetByName', [name]);
    const sheet = this.state.sheets.find((s) => s.name === name);
    return sheet ? this.ctx.makeSheet(sheet) : null;
  }

  /**
   * insertSheet(name?, index?): the new sheet goes after the active sheet unless an index (0-based) is given,
   * and becomes the active sheet. Sheet names are unique regardless of case, as in Sheets.
   */
  insertSheet(...args: unknown[]): S {
    this.ctx.charge('Spreadsheet.insertSheet');
    let name: string | null = null;
    let index: number | null = null;
    for (const arg of args) {
      if (typeof arg === 'string' && name === null && index === null) name = arg;
      else if (typeof arg === 'number' && index === null) index = Math.trunc(arg);
      else if (typeof arg === 'object' && arg !== null)
        throw new Error('not implemented in the emulator: Spreadsheet.insertSheet with options');
      else throw this.ctx.signatureError('SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    const { state } = this;
    if (name === null) {
      let n = state.sheets.length + 1;
      while (state.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const wanted = name;
    if (state.sheets.some((s) => s.name.toLowerCase() === wanted.toLowerCase())) {
      throw this.ctx.error(`A sheet with the name "${wanted}" already exists. Please enter another name.`);
    }
    if (wouldExceedCellLimit(state, 1000 * 26)) throw this.ctx.error(CELL_LIMIT_MESSAGE);
    const at = index === null ? state.activeSheetIndex + 1 : Math.max(0, Math.min(index, state.sheets.length));
    const sheet = newSheetState(state.nextSheetId, wanted);
    // Sheets gives new tabs large random ids; a counter keeps the emulator deterministic.
    state.nextSheetId += 1;
    state.sheets.splice(at, 0, sheet);
    state.activeSheetIndex = at;
    return this.ctx.makeSheet(sheet);
  }

  getActiveSheet(): S {
    this.ctx.charge('Spreadsheet.getActiveSheet');
    return this.ctx.makeSheet(this.activeSheetState());
  }

  setActiveSheet(sheet: S, _restoreSelection?: boolean): S {
    this.ctx.charge('Spreadsheet.setActiveSheet');
    const fake = this.ctx.unwrap(sheet, SheetFake);
    if (!fake) throw this.ctx.signatureError('SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    const index = this.state.sheets.indexOf(fake.sheetState);
    if (index >= 0) this.state.activeSheetIndex = index;
    return fake.self;
  }

  getSpreadsheetTimeZone(): string {
    this.ctx.charge('Spreadsheet.getSpreadsheetTimeZone');
    return this.state.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.ctx.charge('Spreadsheet.getSpreadsheetLocale');
    return this.state.locale;
  }

  /** Spreadsheet-level A1 notation: `Sheet!A1:B2`, or the active sheet when no sheet is named. */
  getRange(a1Notation: string): R {
    this.ctx.charge('Spreadsheet.getRange');
    if (typeof a1Notation !== 'string')
      throw this.ctx.signatureError('SpreadsheetApp.Spreadsheet.getRange', [a1Notation]);
    const found = rangeByA1(this.ctx, this.activeSheetState(), a1Notation);
    return this.ctx.makeRange(found.sheet, found.range);
  }

  /** Recorded in uiLog.toasts; works in every execution mode (the timeout defaults to 5 seconds). */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.ctx.charge('Spreadsheet.toast');
    this.ctx.uiLog.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: timeoutSeconds === undefined || timeoutSeconds === null ? 5 : Number(timeoutSeconds),
      at: this.ctx.rt.now,
    });
  }

  addDeveloperMetadata(...args: unknown[]): SS {
    this.ctx.charge('Spreadsheet.addDeveloperMetadata');
    const entry = metadataArgs(this.ctx, 'SpreadsheetApp.Spreadsheet.addDeveloperMetadata', args);
    addMetadata(this.state, entry, { type: 'SPREADSHEET' });
    return this.self;
  }

  /** The metadata on the spreadsheet itself (not on its sheets or columns). */
  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    this.ctx.charge('Spreadsheet.getDeveloperMetadata');
    return metadataFakes(this.ctx, metadataAt(this.state, { type: 'SPREADSHEET' }));
  }

  /** A finder over every developer metadata entry of the spreadsheet the script may see. */
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.ctx.charge('Spreadsheet.createDeveloperMetadataFinder');
    return new DeveloperMetadataFinderFake(this.ctx, { kind: 'spreadsheet' }).self;
  }

  /** The protections of one type on every sheet, in tab order. */
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.ctx.charge('Spreadsheet.getProtections');
    const name = memberName<'RANGE' | 'SHEET'>(PROTECTION_TYPE, type);
    if (name === null) throw this.ctx.signatureError('SpreadsheetApp.Spreadsheet.getProtections', [type]);
    const fakes = this.state.sheets.flatMap((sheet) =>
      sheet.protections.filter((p) => p.type === name).map((p) => new ProtectionFake(this.ctx, sheet, p.id).self),
    );
    return this.ctx.rt.toRealm(fakes);
  }
}
