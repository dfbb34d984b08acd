/** What every Spreadsheet-family fake shares: the runtime, the state, call charging, wrapping and unwrapping. */
import { guard, type Runtime } from '../runtime';
import type { AxisOp } from './axis';
import { areaProtected, PROTECTED_MESSAGE, sheetProtected, structureProtected } from './protection';
import type { GridRange, SheetState, SpreadsheetState } from './state';
import type { UiLog } from './uilog';

/** The script's user when the host does not say (the emulator passes its mailbox owner). */
export const DEFAULT_USER_EMAIL = 'me@example.com';

export interface SpreadsheetServiceOptions {
  /** The project's HTML files by name (as `HtmlService.createHtmlOutputFromFile` names them); null when missing. */
  htmlFiles: (name: string) => string | null;
  /** The caption of `createAddonMenu()` menus (the add-on's name); default `Add-on`. */
  addonName?: string;
  /**
   * The script realm's `Function` constructor, so template scriptlets run in the script's global scope as in
   * Apps Script (they can call the script's functions). Without it scriptlets see only the template's properties.
   */
  scriptFunction?: FunctionConstructor;
  /** The email of the user the script runs as (listed among a protection's editors); default me@example.com. */
  userEmail?: string;
}

/** Every fake's proxy → the fake behind it, so arguments such as a Range or an HtmlOutput can be recognised. */
const fakes = new WeakMap<object, object>();

type Ctor<T> = abstract new (...args: never[]) => T;

export class Ctx {
  /** Factories set up by createSpreadsheetService (they live in modules that import this one). */
  makeRange!: (sheet: SheetState, range: GridRange) => GoogleAppsScript.Spreadsheet.Range;
  makeSheet!: (sheet: SheetState) => GoogleAppsScript.Spreadsheet.Sheet;
  makeSpreadsheet!: () => GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The sheet and rectangle of a Range fake, or null when the value is not one. */
  rangeInfo!: (value: unknown) => { sheet: SheetState; range: GridRange } | null;
  /** The sheet of a Sheet fake, or null when the value is not one. */
  sheetInfo!: (value: unknown) => SheetState | null;

  constructor(
    readonly rt: Runtime,
    readonly state: SpreadsheetState,
    readonly options: SpreadsheetServiceOptions,
    readonly uiLog: UiLog,
  ) {}

  /** Counts and times one SpreadsheetApp-family call; `cells` is how many cells it reads or writes. */
  charge(method: string, cells = 0): void {
    this.rt.charge('SpreadsheetApp', method, cells);
  }

  chargeHtml(method: string): void {
    this.rt.charge('HtmlService', method);
  }

  error(message: string): Error {
    return this.rt.error(message);
  }

  get userEmail(): string {
    return (this.options.userEmail ?? DEFAULT_USER_EMAIL).toLowerCase();
  }

  /** Throws Apps Script's protection error when some cell of `area` is protected against the script's user. */
  assertEditable(sheet: SheetState, area: GridRange): void {
    if (areaProtected(sheet, area)) throw this.error(PROTECTED_MESSAGE);
  }

  /** The same for a change to the sheet as a whole (frozen rows, column widths, conditional formats, name). */
  assertSheetEditable(sheet: SheetState): void {
    if (sheetProtected(sheet)) throw this.error(PROTECTED_MESSAGE);
  }

  /** The same for inserting, deleting or moving columns or rows. */
  assertStructureEditable(sheet: SheetState, axis: 'row' | 'col', op: AxisOp): void {
    if (structureProtected(sheet, axis, op)) throw this.error(PROTECTED_MESSAGE);
  }

  /** Guards a fake (unknown methods throw, toString gives the class name) and remembers it. */
  wrap<T>(className: string, fake: object): T {
    const proxy = guard(className, fake);
    fakes.set(proxy, fake);
    return proxy as unknown as T;
  }

  unwrap<T>(value: unknown, ctor: Ctor<T>): T | null {
    if (typeof value !== 'object' || value === null) return null;
    const fake = fakes.get(value);
    return fake instanceof ctor ? (fake as T) : null;
  }

  /** Apps Script's error for arguments of the wrong types. */
  signatureError(method: string, args: readonly unknown[]): Error {
    return this.error(
      `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
    );
  }
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (Array.isArray(value)) return `${value.length > 0 ? typeName(value[0]) : 'Object'}[]`;
  if (typeof value === 'object' && fakes.has(value)) return String(value);
  return 'Object';
}
