/** What the add-on writes into user columns (docs/RULES.md §5), and how it batches those writes without changing other cells. */
import type { CellValue } from '../../src/core/cells';
import { matchHeaders } from '../../src/core/columns';
import { columnStretches, recordReply, recordSent, rewritable } from '../../src/core/plan';
import { readApplication } from '../../src/core/tracker';
import { cellsOf, context, day, HEADERS, type RowCells } from './helpers';

describe('rewritable', () => {
  it.each([
    ['', ''],
    [42, 42],
    [true, true],
    ['yes', 'yes'],
    ['✓', '✓'],
    ['Sent, thanks!', 'Sent, thanks!'],
  ] as [CellValue, CellValue][])('writes %p back as it is', (value, expected) => {
    expect(rewritable(value, undefined)).toEqual({ value: expected });
  });

  it('writes a formula back as its formula', () => {
    expect(rewritable(3, '=1+2')).toEqual({ value: '=1+2' });
  });

  it('writes a Date back as the same instant', () => {
    const date = new Date(Date.UTC(2026, 10, 20));
    expect(rewritable(date, undefined)).toEqual({ value: date });
  });

  it.each(['00123', '2026-11-20', '1/2', 'TRUE', ' false ', '=not a formula', "'quoted", '+44 20', '-', '#N/A'])(
    'will not write back %p (Sheets would read it as something else)',
    (value) => {
      expect(rewritable(value, undefined)).toBeNull();
    },
  );
});

describe('columnStretches', () => {
  const column =
    (cells: Record<number, CellValue>, formulas: Record<number, string> = {}) =>
    (row: number) => ({
      value: cells[row] ?? '',
      formula: formulas[row],
    });

  it('writes one stretch from the first to the last new value, with the cells between as they are', () => {
    const written = new Map<number, CellValue>([
      [3, 'a'],
      [6, 'b'],
    ]);
    expect(columnStretches(written, column({ 4: 'yes', 5: 7 }))).toEqual([
      { startRow: 3, values: ['a', 'yes', 7, 'b'] },
    ]);
  });

  it('splits around a cell it must not write back, and drops a stretch with nothing new', () => {
    const written = new Map<number, CellValue>([
      [2, 'a'],
      [5, 'b'],
    ]);
    expect(columnStretches(written, column({ 3: '00123', 4: 'x' }, { 4: '=A4' }))).toEqual([
      { startRow: 2, values: ['a'] },
      { startRow: 4, values: ['=A4', 'b'] },
    ]);
  });

  it('writes nothing when nothing is new', () => {
    expect(columnStretches(new Map(), column({}))).toEqual([]);
  });
});

describe('the recording rule (docs/RULES.md §5)', () => {
  const headers = matchHeaders(HEADERS);
  const ctx = context('2026-11-25');
  const rowOf = (cells: RowCells) => {
    const values = cellsOf({ Company: 'Acme', ...cells });
    return { app: readApplication(values, 2, headers, ctx), cells: values, headers, ctx };
  };

  it('fills a blank Heard back with the day the reply came', () => {
    expect(recordReply(rowOf({ 'Interview date': '2026-11-16' }), day('2026-11-23'), day('2026-11-16'))).toEqual([
      { row: 2, column: 'heardBack', update: { kind: 'date', date: day('2026-11-23') } },
    ]);
  });

  it('moves a Heard back date from an earlier round forward, and never overwrites text the user typed', () => {
    expect(
      recordReply(
        rowOf({ 'Interview date': '2026-11-16', 'Heard back': '2026-10-01' }),
        day('2026-11-23'),
        day('2026-11-16'),
      ),
    ).toHaveLength(1);
    expect(
      recordReply(
        rowOf({ 'Interview date': '2026-11-16', 'Heard back': 'maybe' }),
        day('2026-11-23'),
        day('2026-11-16'),
      ),
    ).toEqual([]);
  });

  it('ticks an unticked Thank-you checkbox rather than writing a date into it', () => {
    expect(
      recordSent(rowOf({ 'Interview date': '2026-11-20', 'Thank-you sent': false }), 'thank-you', day('2026-11-20')),
    ).toEqual([{ row: 2, column: 'thankYou', update: { kind: 'value', value: true } }]);
  });

  it('sets Last follow-up and counts one more follow-up', () => {
    const writes = recordSent(
      rowOf({ 'Interview date': '2026-11-10', 'Last follow-up': '2026-11-18', 'Follow-ups sent': 1 }),
      'second-follow-up',
      day('2026-11-25'),
    );
    expect(writes).toEqual([
      { row: 2, column: 'lastFollowUp', update: { kind: 'date', date: day('2026-11-25') } },
      { row: 2, column: 'followUps', update: { kind: 'value', value: 2 } },
    ]);
  });

  it('writes nothing when the user already recorded that send', () => {
    expect(
      recordSent(
        rowOf({ 'Interview date': '2026-11-10', 'Last follow-up': '2026-11-25', 'Follow-ups sent': 1 }),
        'check-in',
        day('2026-11-24'),
      ),
    ).toEqual([]);
  });
});
