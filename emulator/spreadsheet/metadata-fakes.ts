/** The DeveloperMetadata, DeveloperMetadataLocation and DeveloperMetadataFinder fakes over the state's entries. */
import type { Ctx } from './context';
import { DEVELOPER_METADATA_LOCATION_TYPE, DEVELOPER_METADATA_VISIBILITY, member, memberName } from './enums';
import {
  columnLocationOf,
  type FinderFilters,
  type FinderScope,
  findMetadata,
  type MetadataVisibility,
  SCRIPT_PROJECT,
  visibleToScript,
} from './metadata';
import type { DeveloperMetadataState, MetadataLocationState, SheetState } from './state';

type DM = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type Location = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type Finder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type LocationType = MetadataLocationState['type'];

/** What `addDeveloperMetadata(key)`, `(key, value)`, `(key, visibility)` or `(key, value, visibility)` asks for. */
export function metadataArgs(
  ctx: Ctx,
  method: string,
  args: readonly unknown[],
): { key: string; value: string | null; visibility: MetadataVisibility; project: string } {
  const [key, second, third] = args;
  const secondVisibility = memberName<MetadataVisibility>(DEVELOPER_METADATA_VISIBILITY, second);
  const thirdVisibility = memberName<MetadataVisibility>(DEVELOPER_METADATA_VISIBILITY, third);
  const ok =
    typeof key === 'string' &&
    (args.length === 1 ||
      (args.length === 2 && (typeof second === 'string' || secondVisibility !== null)) ||
      (args.length === 3 && typeof second === 'string' && thirdVisibility !== null));
  if (!ok) throw ctx.signatureError(method, args);
  // Apps Script refuses an empty key (the Sheets API requires one); the wording is the emulator's.
  if (key === '') throw ctx.error('Developer metadata needs a non-empty key.');
  const value = typeof second === 'string' ? second : null;
  return { key, value, visibility: secondVisibility ?? thirdVisibility ?? 'DOCUMENT', project: SCRIPT_PROJECT };
}

export class DeveloperMetadataLocationFake
  implements Pick<Location, 'getColumn' | 'getLocationType' | 'getRow' | 'getSheet' | 'getSpreadsheet'>
{
  readonly self: Location;

  constructor(
    private readonly ctx: Ctx,
    private readonly location: MetadataLocationState,
  ) {
    this.self = ctx.wrap('DeveloperMetadataLocation', this);
  }

  private sheet(): SheetState | null {
    const loc = this.location;
    if (loc.type === 'SPREADSHEET') return null;
    return this.ctx.state.sheets.find((s) => s.sheetId === loc.sheetId) ?? null;
  }

  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    this.ctx.charge('DeveloperMetadataLocation.getLocationType');
    return member(DEVELOPER_METADATA_LOCATION_TYPE, this.location.type);
  }

  /** The whole column(s) for a COLUMN location, else null. */
  getColumn(): GoogleAppsScript.Spreadsheet.Range | null {
    this.ctx.charge('DeveloperMetadataLocation.getColumn');
    const loc = this.location;
    const sheet = this.sheet();
    if (loc.type !== 'COLUMN' || !sheet) return null;
    return this.ctx.makeRange(sheet, { row: 1, col: loc.column, numRows: sheet.maxRows, numCols: loc.count });
  }

  /** Row locations are not emulated, so always null. */
  getRow(): GoogleAppsScript.Spreadsheet.Range | null {
    this.ctx.charge('DeveloperMetadataLocation.getRow');
    return null;
  }

  /** The sheet of a SHEET location, else null (Apps Script: null unless the type is SHEET). */
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
    this.ctx.charge('DeveloperMetadataLocation.getSheet');
    const sheet = this.sheet();
    return this.location.type === 'SHEET' && sheet ? this.ctx.makeSheet(sheet) : null;
  }

  getSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    this.ctx.charge('DeveloperMetadataLocation.getSpreadsheet');
    return this.location.type === 'SPREADSHEET' ? this.ctx.makeSpreadsheet() : null;
  }
}

type MetadataMethods =
  | 'getId'
  | 'getKey'
  | 'getLocation'
  | 'getValue'
  | 'getVisibility'
  | 'moveToColumn'
  | 'moveToSheet'
  | 'moveToSpreadsheet'
  | 'remove'
  | 'setKey'
  | 'setValue'
  | 'setVisibility';

/** One entry, looked up by id on every call, so moves with its column and removals show at once. */
export class DeveloperMetadataFake implements Pick<DM, MetadataMethods> {
  readonly self: DM;

  constructor(
    private readonly ctx: Ctx,
    private readonly id: number,
  ) {
    this.self = ctx.wrap('DeveloperMetadata', this);
  }

  private entry(): DeveloperMetadataState {
    const found = this.ctx.state.developerMetadata.find((m) => m.id === this.id);
    // A removed entry (or one deleted with its column) is gone; the wording is the emulator's.
    if (!found || !visibleToScript(found)) throw this.ctx.error(`Developer metadata ${this.id} no longer exists.`);
    return found;
  }

  getId(): number {
    this.ctx.charge('DeveloperMetadata.getId');
    return this.entry().id;
  }

  getKey(): string {
    this.ctx.charge('DeveloperMetadata.getKey');
    return this.entry().key;
  }

  getValue(): string | null {
    this.ctx.charge('DeveloperMetadata.getValue');
    return this.entry().value;
  }

  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    this.ctx.charge('DeveloperMetadata.getVisibility');
    return member(DEVELOPER_METADATA_VISIBILITY, this.entry().visibility);
  }

  getLocation(): Location {
    this.ctx.charge('DeveloperMetadata.getLocation');
    return new DeveloperMetadataLocationFake(this.ctx, { ...this.entry().location }).self;
  }

  setKey(key: string): DM {
    this.ctx.charge('DeveloperMetadata.setKey');
    if (typeof key !== 'string') throw this.ctx.signatureError('SpreadsheetApp.DeveloperMetadata.setKey', [key]);
    if (key === '') throw this.ctx.error('Developer metadata needs a non-empty key.');
    this.entry().key = key;
    return this.self;
  }

  setValue(value: string): DM {
    this.ctx.charge('DeveloperMetadata.setValue');
    if (typeof value !== 'string') throw this.ctx.signatureError('SpreadsheetApp.DeveloperMetadata.setValue', [value]);
    this.entry().value = value;
    return this.self;
  }

  setVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): DM {
    this.ctx.charge('DeveloperMetadata.setVisibility');
    const name = memberName<MetadataVisibility>(DEVELOPER_METADATA_VISIBILITY, visibility);
    if (name === null) throw this.ctx.signatureError('SpreadsheetApp.DeveloperMetadata.setVisibility', [visibility]);
    this.entry().visibility = name;
    return this.self;
  }

  remove(): void {
    this.ctx.charge('DeveloperMetadata.remove');
    const entry = this.entry();
    this.ctx.state.developerMetadata = this.ctx.state.developerMetadata.filter((m) => m !== entry);
  }

  /** Moves the entry to a whole column (a range over every row); anything else is refused as when adding. */
  moveToColumn(column: GoogleAppsScript.Spreadsheet.Range): DM {
    this.ctx.charge('DeveloperMetadata.moveToColumn');
    const info = this.ctx.rangeInfo(column);
    if (!info) throw this.ctx.signatureError('SpreadsheetApp.DeveloperMetadata.moveToColumn', [column]);
    const location = columnLocationOf(info.sheet, info.range);
    // Undocumented for a range that is not a whole column: refused (the harsher reading), in the emulator's words.
    if (!location) throw this.ctx.error('The range must be an entire column.');
    this.entry().location = location;
    return this.self;
  }

  moveToSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): DM {
    this.ctx.charge('DeveloperMetadata.moveToSheet');
    const target = this.ctx.sheetInfo(sheet);
    if (!target) throw this.ctx.signatureError('SpreadsheetApp.DeveloperMetadata.moveToSheet', [sheet]);
    this.entry().location = { type: 'SHEET', sheetId: target.sheetId };
    return this.self;
  }

  moveToSpreadsheet(): DM {
    this.ctx.charge('DeveloperMetadata.moveToSpreadsheet');
    this.entry().location = { type: 'SPREADSHEET' };
    return this.self;
  }
}

type FinderMethods =
  | 'find'
  | 'onIntersectingLocations'
  | 'withId'
  | 'withKey'
  | 'withLocationType'
  | 'withValue'
  | 'withVisibility';

/** A finder over a scope (`Spreadsheet`, `Sheet` or `Range.createDeveloperMetadataFinder()`). */
export class DeveloperMetadataFinderFake implements Pick<Finder, FinderMethods> {
  readonly self: Finder;
  private readonly filters: FinderFilters = { intersecting: false };

  constructor(
    private readonly ctx: Ctx,
    private readonly scope: FinderScope,
  ) {
    this.self = ctx.wrap('DeveloperMetadataFinder', this);
  }

  private text(method: string, value: unknown): string {
    if (typeof value !== 'string')
      throw this.ctx.signatureError(`SpreadsheetApp.DeveloperMetadataFinder.${method}`, [value]);
    return value;
  }

  withKey(key: string): Finder {
    this.ctx.charge('DeveloperMetadataFinder.withKey');
    this.filters.key = this.text('withKey', key);
    return this.self;
  }

  withValue(value: string): Finder {
    this.ctx.charge('DeveloperMetadataFinder.withValue');
    this.filters.value = this.text('withValue', value);
    return this.self;
  }

  withId(id: number): Finder {
    this.ctx.charge('DeveloperMetadataFinder.withId');
    if (typeof id !== 'number') throw this.ctx.signatureError('SpreadsheetApp.DeveloperMetadataFinder.withId', [id]);
    this.filters.id = id;
    return this.self;
  }

  withLocationType(locationType: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): Finder {
    this.ctx.charge('DeveloperMetadataFinder.withLocationType');
    const name = memberName<LocationType>(DEVELOPER_METADATA_LOCATION_TYPE, locationType);
    if (name === null) {
      throw this.ctx.signatureError('SpreadsheetApp.DeveloperMetadataFinder.withLocationType', [locationType]);
    }
    this.filters.locationType = name;
    return this.self;
  }

  withVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): Finder {
    this.ctx.charge('DeveloperMetadataFinder.withVisibility');
    const name = memberName<MetadataVisibility>(DEVELOPER_METADATA_VISIBILITY, visibility);
    if (name === null)
      throw this.ctx.signatureError('SpreadsheetApp.DeveloperMetadataFinder.withVisibility', [visibility]);
    this.filters.visibility = name;
    return this.self;
  }

  onIntersectingLocations(): Finder {
    this.ctx.charge('DeveloperMetadataFinder.onIntersectingLocations');
    this.filters.intersecting = true;
    return this.self;
  }

  find(): DM[] {
    this.ctx.charge('DeveloperMetadataFinder.find');
    const found = findMetadata(this.ctx.state, this.scope, this.filters);
    return this.ctx.rt.toRealm(found.map((m) => new DeveloperMetadataFake(this.ctx, m.id).self));
  }
}

/** Fakes for entries, in the script's realm. */
export function metadataFakes(ctx: Ctx, entries: DeveloperMetadataState[]): DM[] {
  return ctx.rt.toRealm(entries.map((m) => new DeveloperMetadataFake(ctx, m.id).self));
}
