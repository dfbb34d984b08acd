/** The cell readers' memos (src/core/memo.ts): each distinct text read once, by locale and reference day, bounded. */
import fc from 'fast-check';
import type { ReadContext } from '../../src/core/cells';
import { fromIso } from '../../src/core/dates';
import { TextMemo } from '../../src/core/memo';

type Cells = typeof import('../../src/core/cells');

/** A fresh copy of cells.ts, with memos of its own (empty). */
function freshCells(): Cells {
  let cells: Cells | undefined;
  jest.isolateModules(() => {
    cells = require('../../src/core/cells') as Cells;
  });
  return cells!;
}

describe('TextMemo', () => {
  it('reads each text once per locale and reference day', () => {
    const reads: string[] = [];
    const read = (text: string, locale: string, reference: number) => {
      reads.push(`${locale} ${reference} ${text}`);
      return `${text}@${reference}`;
    };
    const memo = new TextMemo<string>();
    expect(memo.get('en_GB', 1, 'yes', read)).toBe('yes@1');
    expect(memo.get('en_GB', 1, 'yes', read)).toBe('yes@1');
    expect(memo.get('en_GB', 2, 'yes', read)).toBe('yes@2');
    expect(memo.get('en_US', 1, 'yes', read)).toBe('yes@1');
    expect(reads).toEqual(['en_GB 1 yes', 'en_GB 2 yes', 'en_US 1 yes']);
  });

  it('starts over past its limit and still answers right', () => {
    let calls = 0;
    const read = (text: string) => {
      calls++;
      return text.length;
    };
    const memo = new TextMemo<number>(3);
    for (const text of ['a', 'bb', 'ccc', 'dddd', 'a', 'bb']) expect(memo.get('', 0, text, read)).toBe(text.length);
    // 'dddd' overflowed the limit of 3: the memo kept only it, so 'a' and 'bb' were read again.
    expect(calls).toBe(6);
    expect(memo.get('', 0, 'bb', read)).toBe(2);
    expect(calls).toBe(6);
  });

  it('reads a long text every time', () => {
    let calls = 0;
    const memo = new TextMemo<number>();
    const long = 'x'.repeat(201);
    memo.get('', 0, long, () => ++calls);
    memo.get('', 0, long, () => ++calls);
    expect(calls).toBe(2);
  });
});

describe('memoised cell reads', () => {
  const texts = [
    'yes',
    'Yes - emailed 11/23',
    '✓ 20/11',
    'Sent on 23 Nov',
    '11/10',
    '25 Nov',
    'Friday',
    '14:30',
    'no',
    '2026-11-20',
    'done: 3/4',
  ];
  const days = ['2026-01-02', '2026-11-25', '2027-06-30'].map((d) => fromIso(d)!);
  const locales = ['en_GB', 'en_US', 'fr_FR', 'de_DE'];

  it('give what a fresh reader gives, in any order of locales, reference days and texts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.constantFrom(...texts),
            today: fc.constantFrom(...days),
            locale: fc.constantFrom(...locales),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (cases) => {
          const warm = freshCells();
          const ctxOf = (c: (typeof cases)[number]): ReadContext => ({ timeZone: 'Europe/London', ...c });
          const warmReads = cases.map((c) => [warm.readDate(c.text, ctxOf(c)), warm.readYes(c.text, ctxOf(c))]);
          const coldReads = cases.map((c) => {
            const cold = freshCells();
            return [cold.readDate(c.text, ctxOf(c)), cold.readYes(c.text, ctxOf(c))];
          });
          expect(warmReads).toEqual(coldReads);
        },
      ),
      { seed: 20261207, numRuns: 20 },
    );
  });

  it('hand each cell a yes-read of its own', () => {
    const ctx: ReadContext = { timeZone: 'Europe/London', locale: 'en_GB', today: days[1]! };
    const cells = freshCells();
    const first = cells.readYes('yes', ctx);
    expect(cells.readYes('yes', ctx)).toEqual(first);
    expect(cells.readYes('yes', ctx)).not.toBe(first);
  });
});
