/** Protected ranges and sheets: the owner's protections stop the script's writes, all or nothing; its own do not. */
import fc from 'fast-check';
import { PROTECTED_MESSAGE, protectAgainstUser } from '../../emulator/spreadsheet';
import { setup, thrown } from './spreadsheet-setup';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function tracker() {
  const t = setup({ userEmail: 'Alex@Example.com' });
  t.sheet.getRange('A1:F3').setValues([
    ['Company', 'Role', 'Applied', 'Notes', 'Status', 'Draft'],
    ['Marlow', 'Dev', '2026-11-02', 'n1', 'Applied', 'd1'],
    ['Acme', 'PM', '2026-11-01', 'n2', 'Interview', 'd2'],
  ]);
  return t;
}

/** Every write the script can make on a range that touches column F, the owner's protected column. */
const RANGE_WRITES: [string, (s: Sheet, app: App) => unknown][] = [
  ['setValue', (s) => s.getRange('F2').setValue('x')],
  ['setValues across it', (s) => s.getRange('E2:F2').setValues([['x', 'y']])],
  ['setFormula', (s) => s.getRange('F2').setFormula('=1')],
  ['setFormulas', (s) => s.getRange('F2:F3').setFormulas([['=1'], ['=2']])],
  ['setNote', (s) => s.getRange('F2').setNote('n')],
  ['setNotes', (s) => s.getRange('F2:F3').setNotes([['n'], ['m']])],
  ['setBackground', (s) => s.getRange('A2:F2').setBackground('#ff0000')],
  ['setBackgrounds', (s) => s.getRange('F2').setBackgrounds([['#ff0000']])],
  ['setNumberFormat', (s) => s.getRange('F:F').setNumberFormat('0.00')],
  ['setNumberFormats', (s) => s.getRange('F2').setNumberFormats([['0.00']])],
  ['setFontWeight', (s) => s.getRange('F1').setFontWeight('bold')],
  ['setFontWeights', (s) => s.getRange('F1').setFontWeights([['bold']])],
  ['insertCheckboxes', (s) => s.getRange('F5:F6').insertCheckboxes()],
  [
    'setDataValidation',
    (s, app) => s.getRange('F2').setDataValidation(app.newDataValidation().requireCheckbox().build()),
  ],
  ['clearContent', (s) => s.getRange('A3:F3').clearContent()],
  ['clear', (s) => s.getRange('F2').clear()],
  ['clearFormat', (s) => s.getRange('F2').clearFormat()],
  ['clearNote', (s) => s.getRange('F2').clearNote()],
  ['clearDataValidations', (s) => s.getRange('F2').clearDataValidations()],
  ['merge', (s) => s.getRange('E2:F2').merge()],
  ['mergeAcross', (s) => s.getRange('E2:F3').mergeAcross()],
  ['breakApart', (s) => s.getRange('F2:F3').breakApart()],
  ['Range.sort', (s) => s.getRange('A2:F3').sort(1)],
  ['Sheet.sort', (s) => s.sort(1)],
  ['deleteColumn', (s) => s.deleteColumn(6)],
  ['deleteColumns across it', (s) => s.deleteColumns(5, 2)],
  ['moveColumns of it', (s) => s.moveColumns(s.getRange('F1'), 1)],
  ['insertRowBefore inside it', (s) => s.insertRowBefore(3)],
  ['deleteRow inside it', (s) => s.deleteRow(3)],
];

describe('a protection against the script’s user', () => {
  it.each(RANGE_WRITES)('refuses %s with Apps Script’s message and writes nothing', (_name, write) => {
    const t = tracker();
    t.sheet.getRange('F2').setNote('kept');
    protectAgainstUser(t.state, 'Applications', 'F1:F1000', { description: 'Owner only' });
    const before = JSON.stringify(t.state);
    expect(thrown(() => write(t.sheet, t.app)).message).toBe(PROTECTED_MESSAGE);
    expect(JSON.stringify(t.state)).toBe(before);
  });

  it('lets reads through, and writes elsewhere, and columns inserted beside it', () => {
    const { sheet, state } = tracker();
    protectAgainstUser(state, 'Applications', 'F:F');
    expect(sheet.getRange('A1:F3').getValues()[2]).toEqual(['Acme', 'PM', expect.any(Date), 'n2', 'Interview', 'd2']);
    sheet.getRange('A2:E2').setValues([['Kite', 'QA', '', '', '']]);
    sheet.insertColumnAfter(6);
    sheet.insertColumnBefore(6);
    expect(sheet.getRange('G2').getValue()).toBe('d1');
    expect(() => sheet.getRange('G2').setValue('x')).toThrow(PROTECTED_MESSAGE);
    sheet.getRange('F2').setValue('new column');
    // Moving a column past it only shifts it.
    sheet.moveColumns(sheet.getRange('A:A'), 9);
    expect(sheet.getRange('F2').getValue()).toBe('d1');
    expect(() => sheet.getRange('F2').setValue('x')).toThrow(PROTECTED_MESSAGE);
  });

  it('refuses inserting or moving columns into the middle of a protected block', () => {
    const { sheet, state } = tracker();
    protectAgainstUser(state, 'Applications', 'E:F');
    expect(() => sheet.insertColumnBefore(6)).toThrow(PROTECTED_MESSAGE);
    expect(() => sheet.moveColumns(sheet.getRange('A1'), 6)).toThrow(PROTECTED_MESSAGE);
    sheet.insertColumnBefore(5);
    sheet.moveColumns(sheet.getRange('A1'), 8);
    expect(sheet.getRange('E1:F1').getValues()).toEqual([['Status', 'Draft']]);
  });

  it('cannot be changed or removed by the script, and says the script cannot edit it', () => {
    const { sheet, state, app } = tracker();
    protectAgainstUser(state, 'Applications', 'F:F', { description: 'Owner only', editors: ['boss@example.com'] });
    const [p] = sheet.getProtections(app.ProtectionType.RANGE);
    expect(p!.canEdit()).toBe(false);
    expect(p!.getDescription()).toBe('Owner only');
    expect(p!.getRange().getColumn()).toBe(6);
    expect(p!.getEditors().map((u) => u.getEmail())).toEqual(['boss@example.com']);
    expect(p!.getProtectionType()).toBe(app.ProtectionType.RANGE);
    for (const change of [
      () => p!.remove(),
      () => p!.setDescription('mine'),
      () => p!.addEditor('alex@example.com'),
      () => p!.removeEditors(['boss@example.com']),
      () => p!.setWarningOnly(true),
    ]) {
      expect(thrown(change).message).toBe(PROTECTED_MESSAGE);
    }
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    expect(() => sheet.getRange('F2').setValue('probe')).toThrow(PROTECTED_MESSAGE);
  });

  it('lets writes through when it only warns', () => {
    const { sheet, state } = tracker();
    const id = protectAgainstUser(state, 'Applications', 'F:F');
    state.sheets[0]!.protections.find((p) => p.id === id)!.warningOnly = true;
    sheet.getRange('F2').setValue('x');
    expect(sheet.getRange('F2').getValue()).toBe('x');
  });
});

describe('a protected sheet', () => {
  it('refuses writes outside its unprotected ranges, and lets writes inside them through', () => {
    const { sheet, state } = tracker();
    protectAgainstUser(state, 'Applications', null, { unprotected: ['A2:E1000', 'H:H'] });
    sheet.getRange('A2:E3').setValues([
      ['a', 'b', 'c', 'd', 'e'],
      ['f', 'g', 'h', 'i', 'j'],
    ]);
    sheet.getRange('H1').setValue('ok');
    const before = JSON.stringify(state);
    for (const write of [
      () => sheet.getRange('A1').setValue('x'),
      () => sheet.getRange('E2:F2').setValues([['x', 'y']]),
      () => sheet.insertColumnAfter(8),
      () => sheet.insertRowAfter(500),
      () => sheet.setFrozenRows(1),
      () => sheet.setColumnWidth(1, 200),
      () => sheet.setName('Mine'),
      () => sheet.setConditionalFormatRules([]),
    ]) {
      expect(thrown(write).message).toBe(PROTECTED_MESSAGE);
    }
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe('the script’s own protections', () => {
  it('let the script keep writing, list it as an editor and keep it there', () => {
    const { sheet, app } = tracker();
    const p = sheet.getRange('F:F').protect().setDescription('Managed by Follow-ups');
    p.addEditor('sam@example.com').addEditors(['kim@example.com']);
    p.removeEditors(p.getEditors());
    expect(p.canEdit()).toBe(true);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['alex@example.com']);
    sheet.getRange('F2').setValue('still mine');
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0]!.getDescription()).toBe('Managed by Follow-ups');
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    expect(() => p.getDescription()).toThrow('This protection has been removed.');
  });

  it('protects the sheet once, with unprotected ranges, listed by the spreadsheet too', () => {
    const { sheet, ss, app } = tracker();
    const p = sheet.protect();
    p.setUnprotectedRanges([sheet.getRange('A2:E')]);
    expect(sheet.protect().getUnprotectedRanges()[0]!.getA1Notation()).toBe('A2:E1000');
    expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(p.getRange().getA1Notation()).toBe('A1:Z1000');
    sheet.getRange('F2').setValue('the script can edit');
  });

  it('follow their columns and are deleted with them', () => {
    const { sheet, app } = tracker();
    sheet.getRange('F:F').protect();
    sheet.insertColumnsBefore(1, 2);
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0]!.getRange().getColumn()).toBe(8);
    sheet.deleteColumn(8);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });
});

describe('all or nothing', () => {
  it('never writes any part of a call that touches a protected cell (property)', () => {
    const rect = fc.record({
      row: fc.integer({ min: 1, max: 6 }),
      col: fc.integer({ min: 1, max: 6 }),
      numRows: fc.integer({ min: 1, max: 3 }),
      numCols: fc.integer({ min: 1, max: 3 }),
    });
    const writes: ((r: Range) => unknown)[] = [
      (r) => r.setValues(Array.from({ length: r.getNumRows() }, () => Array(r.getNumColumns()).fill('w'))),
      (r) => r.setValue('=1+1'),
      (r) => r.setNote('n'),
      (r) => r.setBackground('#00ff00'),
      (r) => r.clearContent(),
      (r) => r.merge(),
    ];
    fc.assert(
      fc.property(rect, rect, fc.nat(writes.length - 1), (guarded, target, pick) => {
        const { sheet, state } = tracker();
        const a1 = sheet.getRange(guarded.row, guarded.col, guarded.numRows, guarded.numCols).getA1Notation();
        protectAgainstUser(state, 'Applications', a1);
        const range = sheet.getRange(target.row, target.col, target.numRows, target.numCols);
        const overlaps =
          target.row < guarded.row + guarded.numRows &&
          guarded.row < target.row + target.numRows &&
          target.col < guarded.col + guarded.numCols &&
          guarded.col < target.col + target.numCols;
        const before = JSON.stringify(state);
        let error: Error | null = null;
        try {
          writes[pick]!(range);
        } catch (e) {
          error = e as Error;
        }
        if (overlaps) {
          expect(error?.message).toBe(PROTECTED_MESSAGE);
          expect(JSON.stringify(state)).toBe(before);
        } else expect(error).toBeNull();
      }),
    );
  });
});
