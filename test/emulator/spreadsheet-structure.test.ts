/** Deleting and moving columns, and Range.sort: what follows the cells (references, rules, widths) and what stays. */
import fc from 'fast-check';
import { type AxisOp, mapIndex, mapSpan } from '../../emulator/spreadsheet/axis';
import { setup, thrown } from './spreadsheet-setup';

describe('column operations as index maps', () => {
  it('moves a block the way Sheet.moveColumns documents: A:B to index 5 become C:D', () => {
    const op: AxisOp = { kind: 'move', start: 1, count: 2, dest: 5 };
    expect([1, 2, 3, 4, 5].map((i) => mapIndex(op, i))).toEqual([3, 4, 1, 2, 5]);
  });

  it.each([
    [{ kind: 'insert', at: 3, count: 2 }, [2, 4], [2, 6]],
    [{ kind: 'insert', at: 2, count: 2 }, [2, 4], [4, 6]],
    [{ kind: 'insert', at: 5, count: 2 }, [2, 4], [2, 4]],
    [{ kind: 'delete', start: 3, count: 1 }, [2, 4], [2, 3]],
    [{ kind: 'delete', start: 1, count: 5 }, [2, 4], null],
    [{ kind: 'delete', start: 1, count: 2 }, [2, 4], [1, 2]],
    [{ kind: 'move', start: 6, count: 1, dest: 1 }, [2, 4], [3, 5]],
    [{ kind: 'move', start: 1, count: 1, dest: 4 }, [2, 4], [1, 4]],
  ] as [AxisOp, [number, number], [number, number] | null][])('maps span %j over %j to %j', (op, [s, e], want) => {
    expect(mapSpan(op, s, e)).toEqual(want);
  });

  it('moves columns as a permutation: every column lands on exactly one place (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.nat(), fc.nat(), fc.nat(), (n, a, b, c) => {
        const start = (a % n) + 1;
        const count = (b % (n - start + 1)) + 1;
        const dest = (c % (n + 1)) + 1;
        const op: AxisOp = { kind: 'move', start, count, dest };
        const moved = Array.from({ length: n }, (_, i) => mapIndex(op, i + 1)!);
        expect([...moved].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      }),
    );
  });
});

describe('deleting columns', () => {
  it('shifts what is right of them; references into them become #REF!; rules, widths and validation follow', () => {
    const { sheet, app } = setup();
    sheet.getRange('A1:D1').setValues([['a', 'b', 'c', 'd']]);
    sheet.getRange('E1').setFormula('=D1&B1');
    sheet.getRange('D2').insertCheckboxes();
    sheet.setColumnWidth(4, 250);
    const rule = app.newConditionalFormatRule().whenFormulaSatisfied('=$D2=TRUE').setBackground('#ff0000');
    sheet.setConditionalFormatRules([rule.setRanges([sheet.getRange('A2:D10')]).build()]);
    sheet.deleteColumn(2);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', 'c', 'd']]);
    expect(sheet.getRange('D1').getFormula()).toBe('=C1&#REF!');
    expect(sheet.getColumnWidth(3)).toBe(250);
    expect(sheet.getRange('C2').getValue()).toBe(false);
    const [kept] = sheet.getConditionalFormatRules();
    expect(kept!.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:C10']);
    expect(sheet.getMaxColumns()).toBe(25);
  });

  it('refuses columns outside the sheet and bad arguments', () => {
    const { sheet } = setup();
    expect(() => sheet.deleteColumns(26, 2)).toThrow('Those columns are out of bounds.');
    expect(() => sheet.deleteColumn(0)).toThrow('Those columns are out of bounds.');
    expect(thrown(() => sheet.deleteColumn('B' as unknown as number)).message).toMatch(/method signature/);
  });
});

describe('moving columns', () => {
  it('carries conditional format ranges with the moved cells', () => {
    const { sheet, app } = setup();
    const rule = app.newConditionalFormatRule().whenFormulaSatisfied('=$A2="x"').setBackground('#ff0000');
    sheet.setConditionalFormatRules([rule.setRanges([sheet.getRange('A2:A10')]).build()]);
    sheet.moveColumns(sheet.getRange('A:A'), 4);
    const [moved] = sheet.getConditionalFormatRules();
    expect(moved!.getRanges().map((r) => r.getA1Notation())).toEqual(['C2:C10']);
    expect(moved!.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$C2="x"']);
  });

  it('leaves the sheet as it was when the destination is the block itself or just after it', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.moveColumns(sheet.getRange('B1'), 2);
    sheet.moveColumns(sheet.getRange('B1'), 3);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['a', 'b', 'c']]);
  });
});

describe('Range.sort', () => {
  function grid() {
    const t = setup();
    t.sheet.getRange('A1:D5').setValues([
      ['Company', 'Stage', 'Priority', 'Mine'],
      ['Marlow', 'b', 2, 'm1'],
      ['Acme', 'a', 2, 'm2'],
      ['Kite', 'a', 1, 'm3'],
      ['Beta', '', 3, 'm4'],
    ]);
    return t;
  }

  it('sorts only the cells of the range, by several keys', () => {
    const { sheet } = grid();
    sheet.getRange('A2:C5').sort([
      { column: 2, ascending: true },
      { column: 3, ascending: false },
    ]);
    expect(sheet.getRange('A2:D5').getValues()).toEqual([
      ['Acme', 'a', 2, 'm1'],
      ['Kite', 'a', 1, 'm2'],
      ['Marlow', 'b', 2, 'm3'],
      ['Beta', '', 3, 'm4'],
    ]);
  });

  it('takes a bare column number and keeps ties in their order', () => {
    const { sheet } = grid();
    sheet.getRange('A2:D5').sort(3);
    expect(sheet.getRange('A2:A5').getValues().flat()).toEqual(['Kite', 'Marlow', 'Acme', 'Beta']);
  });

  it('refuses a sort column outside the range and malformed specs', () => {
    const { sheet } = grid();
    expect(() => sheet.getRange('A2:B5').sort(3)).toThrow('The sort column 3 is outside the range A2:B5.');
    expect(thrown(() => sheet.getRange('A2:B5').sort({ column: 1, ascending: 'yes' })).message).toMatch(
      /method signature/,
    );
  });

  it('moves relative row references of moved formulas with their rows', () => {
    const { sheet } = grid();
    sheet.getRange('E2:E5').setFormulas([['=C2*10'], ['=C3*10'], ['=C4*10'], ['=C5*10']]);
    sheet.getRange('A2:E5').sort(3);
    expect(sheet.getRange('E2:E5').getValues().flat()).toEqual([10, 20, 20, 30]);
  });
});
