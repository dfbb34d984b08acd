/** Developer metadata on columns: adding, finding, and following its column through inserts, deletes, moves, sorts. */
import fc from 'fast-check';
import { Runtime } from '../../emulator/runtime';
import {
  ARBITRARY_RANGE_MESSAGE,
  addColumnMetadata,
  columnMetadata,
  createSpreadsheetService,
  deleteColumnsAt,
  insertColumnsAt,
  moveColumnTo,
  type SpreadsheetState,
  sortRows,
} from '../../emulator/spreadsheet';
import { NOW, setup, thrown } from './spreadsheet-setup';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A tracker with headers A–F and two data rows; column F (Draft) carries the add-on's mark. */
function tracker() {
  const t = setup();
  t.sheet.getRange('A1:F3').setValues([
    ['Company', 'Role', 'Applied', 'Notes', 'Status', 'Draft'],
    ['Marlow', 'Dev', '2026-11-02', 'n1', 'Applied', 'd1'],
    ['Acme', 'PM', '2026-11-01', 'n2', 'Interview', 'd2'],
  ]);
  t.sheet.getRange('F:F').addDeveloperMetadata('followups.managed', 'draft', t.app.DeveloperMetadataVisibility.PROJECT);
  return t;
}

function managedColumn(sheet: Sheet): number[] {
  return sheet
    .createDeveloperMetadataFinder()
    .withKey('followups.managed')
    .find()
    .map((m) => m.getLocation().getColumn()!.getColumn());
}

describe('adding column metadata', () => {
  it('takes a key, a value and a visibility in every documented combination', () => {
    const { sheet, app } = setup();
    const PROJECT = app.DeveloperMetadataVisibility.PROJECT;
    sheet.getRange('A:A').addDeveloperMetadata('k1');
    sheet.getRange('B:B').addDeveloperMetadata('k2', 'v2');
    sheet.getRange('C:C').addDeveloperMetadata('k3', PROJECT);
    sheet.getRange('D:D').addDeveloperMetadata('k4', 'v4', PROJECT);
    const found = sheet.createDeveloperMetadataFinder().find();
    expect(found.map((m) => [m.getKey(), m.getValue(), String(m.getVisibility())])).toEqual([
      ['k1', null, 'DOCUMENT'],
      ['k2', 'v2', 'DOCUMENT'],
      ['k3', null, 'PROJECT'],
      ['k4', 'v4', 'PROJECT'],
    ]);
    expect(found[3]!.getVisibility()).toBe(PROJECT);
    expect(new Set(found.map((m) => m.getId())).size).toBe(4);
  });

  it.each([
    ['F:F', (s: Sheet) => s.getRange('F:F')],
    ['F1:F', (s: Sheet) => s.getRange('F1:F')],
    ['F:G', (s: Sheet) => s.getRange('F:G')],
    ['rows 1..max by numbers', (s: Sheet) => s.getRange(1, 6, s.getMaxRows(), 1)],
  ])('accepts a whole-column range (%s)', (_name, range) => {
    const { sheet, app } = setup();
    range(sheet).addDeveloperMetadata('k', 'v');
    const location = sheet.createDeveloperMetadataFinder().find()[0]!.getLocation();
    expect(location.getLocationType()).toBe(app.DeveloperMetadataLocationType.COLUMN);
    expect(location.getColumn()!.getColumn()).toBe(6);
    expect(location.getColumn()!.getNumRows()).toBe(1000);
    expect(location.getRow()).toBeNull();
    expect(location.getSheet()).toBeNull();
  });

  it.each(['F2:F', 'A1', 'B2:D4', 'F1:F999'])('refuses %s with Apps Script’s arbitrary-range error', (a1) => {
    const { sheet } = setup();
    expect(thrown(() => sheet.getRange(a1).addDeveloperMetadata('k', 'v')).message).toBe(ARBITRARY_RANGE_MESSAGE);
    expect(sheet.createDeveloperMetadataFinder().find()).toHaveLength(0);
  });

  it('says that whole-row metadata is not emulated', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('3:3').addDeveloperMetadata('k')).toThrow(
      'not implemented in the emulator: developer metadata on rows',
    );
  });

  it.each([
    ['a number key', [5]],
    ['a visibility given as text then a value', ['k', 'v', 'PROJECT']],
    ['too many arguments', ['k', 'v', 'w', 'x']],
    ['no key', []],
  ])('refuses %s with the signature error', (_name, args) => {
    const { sheet } = setup();
    const range = sheet.getRange('A:A') as unknown as { addDeveloperMetadata(...a: unknown[]): unknown };
    expect(() => range.addDeveloperMetadata(...args)).toThrow(/don't match the method signature/);
  });

  it('adds sheet and spreadsheet metadata, each found only at its own place', () => {
    const { sheet, ss, app } = setup();
    sheet.addDeveloperMetadata('setup', '2');
    ss.addDeveloperMetadata('version', '1');
    sheet.getRange('B:B').addDeveloperMetadata('col');
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['setup']);
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['version']);
    expect(
      sheet
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['setup', 'col']);
    expect(
      ss
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['setup', 'version', 'col']);
    const sheetMeta = ss
      .createDeveloperMetadataFinder()
      .withLocationType(app.DeveloperMetadataLocationType.SHEET)
      .find();
    expect(sheetMeta[0]!.getLocation().getSheet()!.getName()).toBe('Applications');
    expect(ss.getDeveloperMetadata()[0]!.getLocation().getSpreadsheet()).not.toBeNull();
  });
});

describe('finding metadata', () => {
  it('filters by key, value, id, location type and visibility', () => {
    const { sheet, ss, app } = tracker();
    sheet.getRange('E:E').addDeveloperMetadata('followups.managed', 'status');
    const finder = () => ss.createDeveloperMetadataFinder().withKey('followups.managed');
    expect(finder().find()).toHaveLength(2);
    expect(
      finder()
        .withValue('status')
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['status']);
    expect(
      finder()
        .withVisibility(app.DeveloperMetadataVisibility.PROJECT)
        .find()
        .map((m) => m.getValue()),
    ).toEqual(['draft']);
    const id = finder().find()[1]!.getId();
    expect(ss.createDeveloperMetadataFinder().withId(id).find()[0]!.getValue()).toBe('status');
    expect(finder().withLocationType(app.DeveloperMetadataLocationType.SHEET).find()).toHaveLength(0);
    expect(ss.createDeveloperMetadataFinder().withKey('nope').find()).toHaveLength(0);
  });

  it('scopes a range finder to locations wholly inside the range, or intersecting it when asked', () => {
    const { sheet } = tracker();
    expect(sheet.getRange('E:G').createDeveloperMetadataFinder().find()).toHaveLength(1);
    expect(sheet.getRange('A1:F3').createDeveloperMetadataFinder().find()).toHaveLength(0);
    expect(sheet.getRange('A1:F3').createDeveloperMetadataFinder().onIntersectingLocations().find()).toHaveLength(1);
    expect(sheet.getRange('A:E').createDeveloperMetadataFinder().onIntersectingLocations().find()).toHaveLength(0);
  });

  it('gives a range only the metadata located exactly there (a cell does not see its column’s)', () => {
    const { sheet } = tracker();
    expect(sheet.getRange('F:F').getDeveloperMetadata()).toHaveLength(1);
    expect(sheet.getRange('F3').getDeveloperMetadata()).toHaveLength(0);
    expect(sheet.getRange('F:G').getDeveloperMetadata()).toHaveLength(0);
  });

  it("hides another project's PROJECT metadata but shows its DOCUMENT metadata", () => {
    const { sheet, state } = tracker();
    addColumnMetadata(state, 'Applications', 2, { key: 'other.tool', visibility: 'PROJECT', project: 'someone-else' });
    addColumnMetadata(state, 'Applications', 3, {
      key: 'other.shared',
      visibility: 'DOCUMENT',
      project: 'someone-else',
    });
    expect(
      sheet
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['followups.managed', 'other.shared']);
  });

  it('charges every call as a Spreadsheet call', () => {
    const { sheet, runtime } = tracker();
    const before = runtime.calls.SpreadsheetApp ?? 0;
    const finder = sheet.createDeveloperMetadataFinder().withKey('followups.managed');
    const [m] = finder.find();
    m!.getLocation().getColumn();
    expect((runtime.calls.SpreadsheetApp ?? 0) - before).toBe(5);
    expect(runtime.methodCalls['DeveloperMetadataFinder.find']).toBe(1);
  });
});

describe('changing and removing metadata', () => {
  it('sets the value, key and visibility, and removes it', () => {
    const { sheet, app } = tracker();
    const [m] = sheet.createDeveloperMetadataFinder().find();
    m!.setValue('draft-v2').setKey('followups.kind').setVisibility(app.DeveloperMetadataVisibility.DOCUMENT);
    const [again] = sheet.createDeveloperMetadataFinder().find();
    expect([again!.getKey(), again!.getValue(), String(again!.getVisibility())]).toEqual([
      'followups.kind',
      'draft-v2',
      'DOCUMENT',
    ]);
    m!.remove();
    expect(sheet.createDeveloperMetadataFinder().find()).toHaveLength(0);
    expect(() => m!.getKey()).toThrow(/no longer exists/);
  });

  it('moves to another column, to the sheet, and to the spreadsheet', () => {
    const { sheet, ss, app } = tracker();
    const [m] = sheet.createDeveloperMetadataFinder().find();
    m!.moveToColumn(sheet.getRange('B:B'));
    expect(managedColumn(sheet)).toEqual([2]);
    expect(() => m!.moveToColumn(sheet.getRange('B2:B3'))).toThrow();
    m!.moveToSheet(sheet);
    expect(sheet.getDeveloperMetadata()).toHaveLength(1);
    m!.moveToSpreadsheet();
    expect(String(m!.getLocation().getLocationType())).toBe('SPREADSHEET');
    expect(ss.getDeveloperMetadata()[0]!.getLocation().getLocationType()).toBe(
      app.DeveloperMetadataLocationType.SPREADSHEET,
    );
  });
});

describe('column metadata follows its column', () => {
  it.each([
    ['insertColumnBefore(6)', (s: Sheet) => s.insertColumnBefore(6), 7],
    ['insertColumnBefore(7)', (s: Sheet) => s.insertColumnBefore(7), 6],
    ['insertColumnAfter(5)', (s: Sheet) => s.insertColumnAfter(5), 7],
    ['insertColumnAfter(6)', (s: Sheet) => s.insertColumnAfter(6), 6],
    ['insertColumnsBefore(1, 3)', (s: Sheet) => s.insertColumnsBefore(1, 3), 9],
    ['insertColumnsAfter(6, 2)', (s: Sheet) => s.insertColumnsAfter(6, 2), 6],
    ['deleteColumn(2)', (s: Sheet) => s.deleteColumn(2), 5],
    ['deleteColumns(1, 3)', (s: Sheet) => s.deleteColumns(1, 3), 3],
    ['deleteColumn(7)', (s: Sheet) => s.deleteColumn(7), 6],
    ['moveColumns(F, 1)', (s: Sheet) => s.moveColumns(s.getRange('F1'), 1), 1],
    ['moveColumns(A:B, 8)', (s: Sheet) => s.moveColumns(s.getRange('A1:B1'), 8), 4],
    ['moveColumns(F:F, 9)', (s: Sheet) => s.moveColumns(s.getRange('F:F'), 9), 8],
    [
      'sort(2)',
      (s: Sheet) => {
        s.setFrozenRows(1);
        s.sort(2);
      },
      6,
    ],
    ['Range.sort', (s: Sheet) => s.getRange('A2:F3').sort({ column: 3, ascending: true }), 6],
    ['renaming the header', (s: Sheet) => s.getRange('F1').setValue('My drafts'), 6],
  ])('after %s it is still on the Draft column, with its cells', (_name, act, column) => {
    const { sheet } = tracker();
    act(sheet);
    expect(managedColumn(sheet)).toEqual([column]);
    expect(sheet.getRange(2, column, 2, 1).getValues().flat().sort()).toEqual(['d1', 'd2']);
  });

  it('is deleted with its column', () => {
    const { sheet, ss } = tracker();
    sheet.deleteColumn(6);
    expect(ss.createDeveloperMetadataFinder().find()).toHaveLength(0);
  });

  it('moves values, formulas, notes and formats with the moved columns; references follow them', () => {
    const { sheet } = tracker();
    sheet.getRange('F2').setNote('drafted').setBackground('#ff0000');
    sheet.getRange('G2').setFormula('=F2&"!"');
    sheet.moveColumns(sheet.getRange('F:F'), 2);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([['Draft'], ['d1']]);
    expect(sheet.getRange('B2').getNote()).toBe('drafted');
    expect(sheet.getRange('B2').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('G2').getFormula()).toBe('=B2&"!"');
    expect(sheet.getRange('G2').getValue()).toBe('d1!');
    expect(sheet.getRange('C1').getValue()).toBe('Role');
  });

  it('refuses moving columns to a destination outside the sheet', () => {
    const { sheet } = tracker();
    expect(() => sheet.moveColumns(sheet.getRange('A1'), 28)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteColumns(1, 26)).toThrow('Sorry, it is not possible to delete all non-frozen columns.');
    expect(managedColumn(sheet)).toEqual([6]);
  });

  it('keeps column metadata through a save and a reload of the state', () => {
    const { state } = tracker();
    const saved = JSON.parse(JSON.stringify(state)) as SpreadsheetState;
    const runtime = new Runtime(NOW);
    const app = createSpreadsheetService(runtime, saved, { htmlFiles: () => null }).SpreadsheetApp;
    runtime.begin('menu', 'reloaded');
    const sheet = app.getActiveSpreadsheet().getSheetByName('Applications')!;
    sheet.insertColumnBefore(1);
    expect(managedColumn(sheet)).toEqual([7]);
    expect(columnMetadata(saved, 'Applications')).toEqual([
      { id: 1, key: 'followups.managed', value: 'draft', column: 7, count: 1, visibility: 'PROJECT' },
    ]);
  });

  it('loads a state saved before metadata existed', () => {
    const { state } = setup();
    const old = JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
    delete old.developerMetadata;
    delete old.nextObjectId;
    for (const s of old.sheets as Record<string, unknown>[]) {
      delete s.merges;
      delete s.protections;
    }
    const runtime = new Runtime(NOW);
    const app = createSpreadsheetService(runtime, old as unknown as SpreadsheetState, {
      htmlFiles: () => null,
    }).SpreadsheetApp;
    runtime.begin('menu', 'old state');
    const sheet = app.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange('A:A').addDeveloperMetadata('k');
    expect(sheet.createDeveloperMetadataFinder().find()).toHaveLength(1);
    expect(sheet.getRange('A1:B1').merge().isPartOfMerge()).toBe(true);
  });
});

describe('the user moving, inserting, deleting and sorting (host helpers)', () => {
  it('moves a column by dragging it to a position, with its metadata and cells', () => {
    const { sheet, state } = tracker();
    moveColumnTo(state, 'Applications', 6, 2);
    expect(managedColumn(sheet)).toEqual([2]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([['Company', 'Draft', 'Role', 'Applied', 'Notes', 'Status']]);
    moveColumnTo(state, 'Applications', 2, 6);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([['Company', 'Role', 'Applied', 'Notes', 'Status', 'Draft']]);
    expect(managedColumn(sheet)).toEqual([6]);
  });

  it('inserts and deletes columns, and sorts rows, keeping metadata on its column', () => {
    const { sheet, state } = tracker();
    insertColumnsAt(state, 'Applications', 1, 2);
    expect(managedColumn(sheet)).toEqual([8]);
    deleteColumnsAt(state, 'Applications', 1, 2);
    sortRows(state, 'Applications', 1);
    expect(managedColumn(sheet)).toEqual([6]);
    expect(
      sheet
        .getRange('A2:F3')
        .getValues()
        .map((r) => [r[0], r[5]]),
    ).toEqual([
      ['Acme', 'd2'],
      ['Marlow', 'd1'],
    ]);
    deleteColumnsAt(state, 'Applications', 6);
    expect(columnMetadata(state, 'Applications')).toEqual([]);
  });

  it('never loses track of which column a mark was put on, whatever the user does to the columns (property)', () => {
    const step = fc.oneof(
      fc.record({ t: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
      fc.record({ t: fc.constant('insert' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ t: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ t: fc.constant('sort' as const), column: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const { sheet, state } = setup();
        const headers = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'];
        sheet.getRange('A1:F3').setValues([headers, [3, 1, 2, 5, 4, 6], ['c', 'a', 'b', 'e', 'd', 'f']]);
        for (const [i, h] of headers.entries())
          addColumnMetadata(state, 'Applications', i + 1, { key: 'mark', value: h });
        for (const s of steps) {
          const width = sheet.getMaxColumns();
          if (s.t === 'move') moveColumnTo(state, 'Applications', (s.from % width) + 1, (s.to % width) + 1);
          if (s.t === 'insert') insertColumnsAt(state, 'Applications', (s.at % width) + 1, s.count);
          if (s.t === 'delete' && width > 1) deleteColumnsAt(state, 'Applications', (s.at % width) + 1);
          if (s.t === 'sort') sortRows(state, 'Applications', (s.column % width) + 1);
        }
        const marks = columnMetadata(state, 'Applications');
        const header = sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0]!;
        for (const m of marks) expect(header[m.column - 1]).toBe(m.value);
        expect(marks.map((m) => m.value).sort()).toEqual(headers.filter((h) => header.includes(h)).sort());
      }),
    );
  });
});
