/** Merged cells: only the top-left cell holds content, and merges follow, block or refuse structural changes. */
import {
  displayGrid,
  insertColumnsAt,
  MOVE_MERGE_MESSAGE,
  mergeCells,
  moveColumnTo,
  PARTIAL_MERGE_MESSAGE,
  renderSheetHtml,
  SORT_MERGE_MESSAGE,
  sortRows,
} from '../../emulator/spreadsheet';
import { gridSet } from '../../emulator/spreadsheet/state';
import { setup, thrown } from './spreadsheet-setup';

/** A tracker whose Company cell A2:A3 is merged over two applications at the same employer. */
function merged() {
  const t = setup();
  t.sheet.getRange('A1:C3').setValues([
    ['Company', 'Role', 'Applied'],
    ['Brightwave', 'Data Analyst', '2026-11-01'],
    ['', 'Data Engineer', '2026-11-02'],
  ]);
  t.sheet.getRange('A2:A3').merge();
  return t;
}

describe('reading merged cells', () => {
  it('gives the value in the top-left cell only; the others read empty', () => {
    const { sheet, state } = merged();
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      ['Company', 'Role'],
      ['Brightwave', 'Data Analyst'],
      ['', 'Data Engineer'],
    ]);
    expect(sheet.getRange('A3').getDisplayValue()).toBe('');
    expect(displayGrid(state, 'Applications').map((r) => r[0])).toEqual(['Company', 'Brightwave', '']);
  });

  it('reads a hidden cell as empty even when the state holds something there', () => {
    const { sheet, state } = merged();
    gridSet(state.sheets[0]!.cells.values, 2, 0, 'stale');
    gridSet(state.sheets[0]!.cells.formulas, 2, 0, '=1');
    expect(sheet.getRange('A3').getValue()).toBe('');
    expect(sheet.getRange('A2:A3').getValues()).toEqual([['Brightwave'], ['']]);
    expect(sheet.getRange('A3').getFormula()).toBe('');
    expect(sheet.getRange('A2:A3').getDisplayValues()).toEqual([['Brightwave'], ['']]);
    expect(displayGrid(state, 'Applications')[2]![0]).toBe('');
  });

  it('tells which ranges are merged', () => {
    const { sheet } = merged();
    expect(sheet.getRange('A3').isPartOfMerge()).toBe(true);
    expect(sheet.getRange('B2:C3').isPartOfMerge()).toBe(false);
    expect(
      sheet
        .getRange('A3:B3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A2:A3']);
    expect(
      sheet
        .getRange('A1:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A2:A3']);
    expect(sheet.getRange('C1:C3').getMergedRanges()).toEqual([]);
  });
});

describe('merging and unmerging', () => {
  it('keeps only the top-left content when merging', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['keep', 'lost'],
      ['lost', 'lost'],
    ]);
    sheet.getRange('B1').setNote('lost too');
    sheet.getRange('A1:B2').merge();
    sheet.getRange('A1:B2').breakApart();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['keep', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('B1').getNote()).toBe('');
  });

  it('merges across each row, or down each column', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C2').mergeAcross();
    expect(
      sheet
        .getRange('A1:C2')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:C1', 'A2:C2']);
    sheet.getRange('A1:C2').breakApart();
    sheet.getRange('A1:C2').mergeVertically();
    expect(
      sheet
        .getRange('A1:C2')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:A2', 'B1:B2', 'C1:C2']);
  });

  it('replaces merges inside a larger merge, and refuses ranges that cut through one', () => {
    const { sheet } = merged();
    expect(thrown(() => sheet.getRange('A3:B3').merge()).message).toBe(PARTIAL_MERGE_MESSAGE);
    expect(thrown(() => sheet.getRange('A3').breakApart()).message).toBe(PARTIAL_MERGE_MESSAGE);
    sheet.getRange('A2:B3').merge();
    expect(
      sheet
        .getRange('A1:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A2:B3']);
    expect(() => mergeCells(merged().state, 'Applications', 'A1:A2')).toThrow(PARTIAL_MERGE_MESSAGE);
  });
});

describe('writing into merged cells', () => {
  it('writes the top-left cell and discards what lands on the others', () => {
    const { sheet } = merged();
    sheet.getRange('A2:B3').setValues([
      ['Kitehill', 'Analyst'],
      ['ignored', 'Engineer'],
    ]);
    sheet.getRange('A3').setValue('also ignored');
    sheet.getRange('A3').setNote('ignored note');
    sheet.getRange('A2:A3').breakApart();
    expect(sheet.getRange('A2:B3').getValues()).toEqual([
      ['Kitehill', 'Analyst'],
      ['', 'Engineer'],
    ]);
    expect(sheet.getRange('A3').getNote()).toBe('');
  });

  it('does not check validation on cells whose writes are discarded', () => {
    const { sheet } = merged();
    sheet.getRange('A3').insertCheckboxes();
    sheet.getRange('A2:A3').setValues([['Acme'], ['not a checkbox value']]);
    expect(sheet.getRange('A2').getValue()).toBe('Acme');
  });
});

describe('merges and structural changes', () => {
  it('widens when a column is inserted inside, shrinks when one is deleted, and vanishes at one cell', () => {
    const { sheet } = setup();
    sheet.getRange('B1:C1').merge();
    sheet.insertColumnAfter(2);
    expect(sheet.getRange('A1:Z1').getMergedRanges()[0]!.getA1Notation()).toBe('B1:D1');
    sheet.deleteColumns(3, 2);
    expect(sheet.getRange('A1:Y1').getMergedRanges()).toEqual([]);
  });

  it('moves with rows and columns inserted before it', () => {
    const { sheet, state } = merged();
    sheet.insertRowBefore(1);
    insertColumnsAt(state, 'Applications', 1);
    expect(sheet.getRange('A1:Z9').getMergedRanges()[0]!.getA1Notation()).toBe('B3:B4');
  });

  it('refuses to sort across merged cells, as the script or as the user', () => {
    const { sheet, state } = merged();
    expect(thrown(() => sheet.getRange('A2:C3').sort(2)).message).toBe(SORT_MERGE_MESSAGE);
    expect(() => sortRows(state, 'Applications', 2)).toThrow(SORT_MERGE_MESSAGE);
    sheet.getRange('B2:C3').sort({ column: 2, ascending: false });
    expect(sheet.getRange('B2:B3').getValues()).toEqual([['Data Engineer'], ['Data Analyst']]);
  });

  it('refuses a column move that would split a merge or land inside one', () => {
    const { sheet, state } = setup();
    sheet.getRange('B1:C1').merge();
    expect(thrown(() => sheet.moveColumns(sheet.getRange('C1'), 1)).message).toBe(MOVE_MERGE_MESSAGE);
    expect(() => moveColumnTo(state, 'Applications', 1, 2)).toThrow(MOVE_MERGE_MESSAGE);
    sheet.moveColumns(sheet.getRange('B1:C1'), 1);
    expect(sheet.getRange('A1:Z1').getMergedRanges()[0]!.getA1Notation()).toBe('A1:B1');
  });
});

describe('rendering merged cells', () => {
  it('spans the merged block and leaves out the cells it hides', () => {
    const { state } = merged();
    const html = renderSheetHtml(state, 'Applications');
    expect(html).toContain('rowspan="2"');
    expect(html.match(/<td /g)).toHaveLength(8);
    expect(html).toContain('>Brightwave</td>');
  });
});
