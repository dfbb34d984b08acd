/** The emulated Spreadsheet service: Apps Script's strictness (sizes, coordinates, permissions, realms, costs). */
import * as vm from 'node:vm';
import { LATENCY_TABLES } from '../../emulator/latency';
import { type ExecutionMode, type Realm, Runtime } from '../../emulator/runtime';
import {
  createSpreadsheetService,
  createSpreadsheetState,
  SPREADSHEET_SCOPE,
  type SpreadsheetState,
  UI_SCOPE,
} from '../../emulator/spreadsheet';

const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);

function scriptRealm(): Realm {
  return vm.runInContext('({Date, Error, Array, Object, JSON})', vm.createContext({})) as Realm;
}

function setup(options: { mode?: ExecutionMode; timeZone?: string; locale?: string; realm?: boolean } = {}) {
  const runtime = new Runtime(NOW);
  if (options.realm) runtime.realm = scriptRealm();
  const state = createSpreadsheetState({
    timeZone: options.timeZone ?? 'Europe/London',
    locale: options.locale ?? 'en_GB',
    sheetName: 'Applications',
  });
  const services = createSpreadsheetService(runtime, state, { htmlFiles: () => null });
  runtime.begin(options.mode ?? 'menu', 'test');
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Applications')!;
  return { runtime, state, ...services, ss, sheet };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('sizes and coordinates', () => {
  it('refuses setValues with the wrong number of rows, in Apps Script words', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange(1, 1, 3, 2).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  it('refuses setValues with the wrong number of columns', () => {
    const { sheet } = setup();
    const row = [1, 2, 3, 4, 5];
    expect(() => sheet.getRange(2, 1, 1, 24).setValues([row])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 24.',
    );
  });

  it.each([
    ['setBackgrounds', [['#ff0000']]],
    ['setNotes', [['a note']]],
    ['setNumberFormats', [['0.00']]],
    ['setFormulas', [['=1']]],
    ['setFontWeights', [['bold']]],
  ] as const)('applies the same size check to %s', (method, data) => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1') as unknown as Record<string, (d: unknown) => unknown>;
    expect(() => range[method]!(data)).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('writes nothing when the size check fails', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:A2').setValues([['x']])).toThrow();
    expect(sheet.getLastRow()).toBe(0);
  });

  it('refuses a 1-D array with the signature error', () => {
    const { sheet } = setup();
    const err = thrown(() => sheet.getRange('A1:C1').setValues([1, 2, 3] as unknown as unknown[][]));
    expect(err.message).toBe(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('checks getRange coordinates like Apps Script', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    // The classic empty-sheet bug: getLastRow() - 1 rows.
    expect(() => sheet.getRange(2, 1, sheet.getLastRow() - 1, 3)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('A1:AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('reads A1 notation, open ranges and sheet-qualified ranges', () => {
    const { sheet, ss } = setup();
    expect(sheet.getRange('B2:D5').getA1Notation()).toBe('B2:D5');
    expect(sheet.getRange('C3').getNumRows()).toBe(1);
    const col = sheet.getRange('A2:C');
    expect([col.getRow(), col.getNumRows(), col.getNumColumns()]).toEqual([2, 999, 3]);
    expect(ss.getRange("'Applications'!B2").getA1Notation()).toBe('B2');
    expect(() => ss.getRange('Missing!A1')).toThrow('Range not found');
  });

  it('gives 0 for the last row and column of an empty sheet and a 1×1 data range', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    sheet.getRange('C4').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  it('offsets and gets cells within a range', () => {
    const { sheet } = setup();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => r.getCell(3, 1)).toThrow('Cell reference out of range');
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });
});

describe('values', () => {
  it('stores strings as typed entry: formulas, apostrophes, booleans, numbers, dates', () => {
    const { sheet } = setup();
    sheet.getRange('A1:G1').setValues([['=1+1', "'007", 'true', '1,234.5', '2026-11-25', '25/11/2026', 'Acme']]);
    const [row] = sheet.getRange('A1:G1').getValues();
    expect(row!.slice(0, 4)).toEqual([2, '007', true, 1234.5]);
    expect(Object.prototype.toString.call(row![4])).toBe('[object Date]');
    expect((row![4] as Date).toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect((row![5] as Date).getTime()).toBe((row![4] as Date).getTime());
    expect(row![6]).toBe('Acme');
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(sheet.getRange('E1').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(sheet.getRange('E1').getDisplayValue()).toBe('2026-11-25');
  });

  it('keeps strings as text in a plain-text (@) cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setNumberFormat('@');
    sheet.getRange('A1:B1').setValues([['=1+1', '2026-11-25']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['=1+1', '2026-11-25']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  it('returns empty cells as "" and formulas as their computed values', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['Acme', '', '=A1&"!"']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['Acme', '', 'Acme!', '']]);
  });

  it('gives the label as the value of a HYPERLINK formula and keeps the formula', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1')
      .setValue('=HYPERLINK("https://mail.google.com/mail/#drafts/r-1","Draft: check-in 2026-11-25")');
    expect(sheet.getRange('A1').getValue()).toBe('Draft: check-in 2026-11-25');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('Draft: check-in 2026-11-25');
    expect(sheet.getRange('A1').getFormulas()[0]![0]).toMatch(/^=HYPERLINK\(/);
  });

  it('shows #NAME? for a function the engine does not know', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=NOSUCHFUNCTION(1)');
    expect(sheet.getRange('A1').getValue()).toBe('#NAME?');
  });

  it('hands Dates to the script in the script realm', () => {
    const { sheet, runtime } = setup({ realm: true });
    sheet.getRange('A1').setValue(new runtime.realm.Date(Date.UTC(2026, 10, 25, 12)));
    const value = sheet.getRange('A1').getValues()[0]![0];
    expect(value).toBeInstanceOf(runtime.realm.Date);
    expect(value).not.toBeInstanceOf(Date);
    expect((value as Date).getTime()).toBe(Date.UTC(2026, 10, 25, 12));
    expect(sheet.getRange('A1').getValues()).toBeInstanceOf(runtime.realm.Array);
  });

  it('accepts Dates from any realm and keeps the instant', () => {
    const { sheet } = setup();
    const foreign = vm.runInContext('new Date(Date.UTC(2026, 0, 2, 3, 4, 5))', vm.createContext({})) as Date;
    sheet.getRange('A1').setValue(foreign);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
  });

  it('throws errors from the script realm named Exception', () => {
    const { sheet, runtime } = setup({ realm: true });
    const err = thrown(() => sheet.getRange(0, 1));
    expect(err).toBeInstanceOf(runtime.realm.Error);
    expect(String(err)).toBe('Exception: The starting row of the range is too small.');
  });

  it('refuses more than 50,000 characters in a cell', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('survives a JSON round trip of the state', () => {
    const { sheet, state, runtime } = setup();
    sheet.getRange('A1:C1').setValues([['2026-11-25', '=A1', 'x']]);
    sheet.getRange('C1').setNote('a note').setBackground('#F4C7C3');
    const loaded = JSON.parse(JSON.stringify(state)) as SpreadsheetState;
    const again = createSpreadsheetService(runtime, loaded, { htmlFiles: () => null });
    const s2 = again.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Applications')!;
    const [row] = s2.getRange('A1:C1').getValues();
    expect((row![0] as Date).toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect((row![1] as Date).toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(s2.getRange('C1').getNote()).toBe('a note');
    expect(s2.getRange('C1').getBackground()).toBe('#f4c7c3');
  });
});

describe('display values', () => {
  it('shows a date at 23:30 UTC as the next day in Pacific/Auckland', () => {
    const { sheet } = setup({ timeZone: 'Pacific/Auckland', locale: 'en_NZ' });
    sheet
      .getRange('A1')
      .setValue(new Date(Date.UTC(2026, 10, 25, 23, 30)))
      .setNumberFormat('yyyy-mm-dd');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-11-26');
  });

  it.each([
    ['yyyy-mm-dd', '2026-11-05'],
    ['dd/mm/yyyy', '05/11/2026'],
    ['mm/dd/yyyy', '11/05/2026'],
    ['d mmm yyyy', '5 Nov 2026'],
    ['ddd d mmm', 'Thu 5 Nov'],
  ])('formats a date with %s', (format, shown) => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2026-11-05').setNumberFormat(format);
    expect(sheet.getRange('A1').getDisplayValue()).toBe(shown);
  });

  it('shows an unformatted date in the locale default (en_US month first, en_GB day first)', () => {
    const us = setup({ locale: 'en_US' });
    us.sheet.getRange('A1').setValue(new Date(Date.UTC(2026, 10, 5)));
    expect(us.sheet.getRange('A1').getDisplayValue()).toBe('11/5/2026');
    const gb = setup({ locale: 'en_GB', timeZone: 'UTC' });
    gb.sheet.getRange('A1').setValue(new Date(Date.UTC(2026, 10, 5)));
    expect(gb.sheet.getRange('A1').getDisplayValue()).toBe('05/11/2026');
    gb.sheet.getRange('A2').setValue(new Date(Date.UTC(2026, 10, 5, 14, 3, 9)));
    expect(gb.sheet.getRange('A2').getDisplayValue()).toBe('05/11/2026 14:03:09');
  });

  it('formats numbers per number format and locale', () => {
    const { sheet } = setup();
    sheet.getRange('A1:F1').setValues([[1234.567, 1234.567, 1234.567, 1234.567, true, 0.1 + 0.2]]);
    sheet.getRange('A1:D1').setNumberFormats([['0', '0.00', '#,##0', '@']]);
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      ['1235', '1234.57', '1,235', '1234.567', 'TRUE', '0.3'],
    ]);
    const de = setup({ locale: 'de_DE', timeZone: 'Europe/Berlin' });
    de.sheet
      .getRange('A1:B1')
      .setValues([[1234.5, 0.25]])
      .setNumberFormats([['#,##0.00', '0.00']]);
    expect(de.sheet.getRange('A1:B1').getDisplayValues()).toEqual([['1.234,50', '0,25']]);
  });
});

describe('data validation', () => {
  it('rejects a value outside a strict list, naming the cell', () => {
    const { sheet, SpreadsheetApp } = setup();
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['Applied', 'Interview'])
      .setAllowInvalid(false)
      .build();
    sheet.getRange('C2:C10').setDataValidation(rule);
    sheet.getRange('C2').setValue('Interview');
    expect(() => sheet.getRange('C2:C3').setValues([['Applied'], ['Ghosted']])).toThrow(
      'The data you entered in cell C3 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('C2').getValue()).toBe('Interview');
    expect(sheet.getRange('C2').getDataValidation()!.getCriteriaType()).toBe(
      SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST,
    );
  });

  it('lets a list that allows invalid data take anything', () => {
    const { sheet, SpreadsheetApp } = setup();
    sheet.getRange('C2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['A']).build());
    sheet.getRange('C2').setValue('B');
    expect(sheet.getRange('C2').getValue()).toBe('B');
  });

  it('lets checkboxes hold only booleans (or blank)', () => {
    const { sheet } = setup();
    sheet.getRange('D2:D3').insertCheckboxes();
    expect(sheet.getRange('D2:D3').getValues()).toEqual([[false], [false]]);
    sheet.getRange('D2').setValue(true);
    sheet.getRange('D3').setValue('TRUE');
    sheet.getRange('D3').setValue('');
    expect(() => sheet.getRange('D2').setValue('yes')).toThrow(
      'The data you entered in cell D2 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('D2:D3').getValues()).toEqual([[true], ['']]);
  });
});

describe('permissions and contexts', () => {
  it('refuses the spreadsheet to an add-on not yet used in the document (AuthMode.NONE)', () => {
    const { SpreadsheetApp, runtime } = setup();
    runtime.begin('addon-none', 'onOpen');
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ${SPREADSHEET_SCOPE}`,
    );
  });

  it('gives a simple trigger its own spreadsheet', () => {
    const { SpreadsheetApp, runtime } = setup();
    runtime.begin('simple-trigger', 'onOpen');
    expect(SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Job applications');
  });

  it('refuses the spreadsheet when the manifest lacks its scope', () => {
    const { SpreadsheetApp, runtime } = setup();
    runtime.scopes = new Set([UI_SCOPE]);
    expect(() => SpreadsheetApp.getActive()).toThrow(
      'Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    runtime.scopes = new Set(['https://www.googleapis.com/auth/spreadsheets']);
    expect(SpreadsheetApp.getActive().getId()).toMatch(/\w+/);
  });

  it('has no UI in a time-driven trigger', () => {
    const { SpreadsheetApp, runtime } = setup();
    runtime.begin('time-trigger', 'dailyRun');
    expect(() => SpreadsheetApp.getUi()).toThrow(/^Cannot call SpreadsheetApp\.getUi\(\) from this context\.$/);
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheets()).toHaveLength(1);
  });

  it('gives menus in onOpen, even before an add-on is authorised', () => {
    const { SpreadsheetApp, runtime, uiLog } = setup();
    for (const mode of ['simple-trigger', 'addon-none'] as const) {
      runtime.begin(mode, 'onOpen');
      SpreadsheetApp.getUi().createMenu('Follow-ups').addItem('Draft follow-ups', 'draftFollowUps').addToUi();
    }
    expect(uiLog.menus).toEqual([
      { caption: 'Follow-ups', addon: false, items: [{ caption: 'Draft follow-ups', functionName: 'draftFollowUps' }] },
    ]);
  });

  it('needs the container UI scope for getUi when scopes are declared', () => {
    const { SpreadsheetApp, runtime } = setup();
    runtime.scopes = new Set([SPREADSHEET_SCOPE]);
    expect(() => SpreadsheetApp.getUi()).toThrow(`Required permissions: ${UI_SCOPE}`);
  });
});

describe('the fakes are strict objects', () => {
  it('throws for a method the emulator does not implement, and names the class', () => {
    const { sheet, ss, SpreadsheetApp } = setup();
    const range = sheet.getRange('A1') as unknown as { foo(): void };
    expect(() => range.foo()).toThrow('not implemented in the emulator: Range.foo');
    expect(() => (sheet as unknown as { hideSheet(): void }).hideSheet()).toThrow(
      'not implemented in the emulator: Sheet.hideSheet',
    );
    expect(String(sheet.getRange('A1'))).toBe('Range');
    expect(String(sheet)).toBe('Sheet');
    expect(String(ss)).toBe('Spreadsheet');
    expect(String(SpreadsheetApp)).toBe('SpreadsheetApp');
  });

  it('refuses a duplicate sheet name with Apps Script message', () => {
    const { ss } = setup();
    expect(() => ss.insertSheet('applications')).toThrow(
      'A sheet with the name "applications" already exists. Please enter another name.',
    );
    const settings = ss.insertSheet('Settings');
    expect(settings.getIndex()).toBe(2);
    expect(ss.getActiveSheet().getName()).toBe('Settings');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Applications', 'Settings']);
    expect(ss.getSheetByName('Nope')).toBeNull();
  });
});

describe('calls and modeled time', () => {
  it('counts every call; a write is buffered and the next read pays its commit', () => {
    const { sheet, runtime } = setup();
    const calls = runtime.calls.SpreadsheetApp ?? 0;
    const start = runtime.modeledMs;
    const range = sheet.getRange(1, 1, 100, 26);
    range.setBackgrounds(Array.from({ length: 100 }, () => Array.from({ length: 26 }, () => '#f4c7c3')));
    range.getValue();
    const f = LATENCY_TABLES.central.figures;
    const write = f.sheetsWriteMs + 2600 * f.sheetsWritePerCellMs;
    const commit = f.sheetsCommitMs + 2600 * f.sheetsCommitPerCellMs;
    expect(runtime.modeledMs - start).toBeCloseTo(write + f.sheetsRoundTripMs + commit);
    expect(runtime.roundTrips.SpreadsheetApp).toBe(2);
    expect(runtime.builderCalls.SpreadsheetApp).toBeGreaterThanOrEqual(1);
    expect(runtime.commits).toBe(1);
    expect(runtime.calls.SpreadsheetApp).toBe(calls + 3);
    expect(runtime.methodCalls['Range.setBackgrounds']).toBe(1);
    expect(runtime.now).toBe(NOW + runtime.modeledMs);
  });

  it('makes 10,000 single-cell setBackground calls cost 10,000 write bases against one for a 10,000-cell setBackgrounds', () => {
    const { sheet, runtime, state } = setup();
    state.sheets[0]!.maxColumns = 100;
    const one = sheet.getRange(1, 1, 100, 100);
    let start = runtime.modeledMs;
    one.setBackgrounds(Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => '#ffffff')));
    const batched = runtime.modeledMs - start;
    const cells = [];
    for (let r = 1; r <= 100; r++) for (let c = 1; c <= 100; c++) cells.push(sheet.getRange(r, c));
    start = runtime.modeledMs;
    for (const cell of cells) cell.setBackground('#ffffff');
    const single = runtime.modeledMs - start;
    const f = LATENCY_TABLES.central.figures;
    expect(batched).toBeCloseTo(f.sheetsWriteMs + 10_000 * f.sheetsWritePerCellMs);
    expect(single).toBeCloseTo(10_000 * (f.sheetsWriteMs + f.sheetsWritePerCellMs));
  });

  it('stops a run that passes 6 modeled minutes', () => {
    const { sheet, runtime } = setup();
    const cell = sheet.getRange('A1');
    expect(() => {
      for (let i = 0; i < 40_000; i++) cell.getValues();
    }).toThrow('Exceeded maximum execution time');
    expect(runtime.now - NOW).toBeGreaterThan(6 * 60 * 1000);
  });
});

describe('performance', () => {
  it('reads and writes 10,000 × 25 cells quickly', () => {
    const { sheet, state } = setup({ realm: true });
    state.sheets[0]!.maxRows = 10_001;
    const rows = Array.from({ length: 10_000 }, (_, r) =>
      Array.from({ length: 25 }, (_, c) => (c === 0 ? `Company ${r}` : c === 3 ? '2026-11-25' : c === 5 ? r : 'text')),
    );
    const range = sheet.getRange(2, 1, 10_000, 25);
    const t0 = process.cpuUsage();
    range.setValues(rows);
    const written = process.cpuUsage(t0);
    const t1 = process.cpuUsage();
    const values = range.getValues();
    const read = process.cpuUsage(t1);
    expect(values).toHaveLength(10_000);
    expect(values[9_999]![5]).toBe(9_999);
    expect((read.user + read.system) / 1000).toBeLessThan(500);
    expect((written.user + written.system) / 1000).toBeLessThan(1500);
  });
});
