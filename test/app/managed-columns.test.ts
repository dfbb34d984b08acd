/** The adoption check of docs/RULES.md §1: which unmarked columns of an earlier version become the add-on's. */
import { isManagedValue, locateManaged } from '../../src/app/managed-columns';
import type { CellValue } from '../../src/core/cells';
import type { ManagedKey } from '../../src/core/columns';

const HEAD = ['Company', 'Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft'];

describe('isManagedValue', () => {
  it.each<[ManagedKey, CellValue, boolean]>([
    ['nextFollowUp', 'Application check-in', true],
    ['nextFollowUp', 'call Jo', false],
    ['followUpStatus', 'Overdue · 3 days', true],
    ['followUpStatus', 'Waiting', true],
    ['followUpStatus', 'Overdue-ish', false],
    ['priority', 61, true],
    ['priority', 100, true],
    ['priority', 101, false],
    ['priority', 2.5, false],
    ['priority', 'High', false],
    ['due', new Date(2026, 10, 25), true],
    ['due', 'next week', false],
    ['draft', 'v2 cover letter', false],
  ])('%s %p → %p', (key, value, expected) => {
    expect(isManagedValue(key, value)).toBe(expected);
  });
});

describe('locateManaged', () => {
  it('adopts the columns of a sheet the add-on ran on', () => {
    const layout = locateManaged([HEAD, ['Acme', 'Check-in', new Date(2026, 10, 25), 'Due today', 40, '']], {});
    expect(layout.adopted).toEqual(['nextFollowUp', 'due', 'followUpStatus', 'priority', 'draft']);
    expect(layout.missing).toEqual([]);
  });

  it("leaves a user's Due of dates and Priority of 1–5 alone when nothing shows the add-on ran", () => {
    const layout = locateManaged(
      [
        ['Company', 'Due', 'Priority'],
        ['Acme', new Date(2026, 11, 1), 2],
      ],
      {},
    );
    expect(layout.adopted).toEqual([]);
    expect(layout.userColumns.map((u) => u.header)).toEqual(['Due', 'Priority']);
    expect(layout.missing.map((m) => m.header)).toEqual([
      'Next follow-up',
      'Follow-up due',
      'Follow-up status',
      'Follow-up priority',
      'Draft',
    ]);
  });

  it('keeps a marked column wherever it is and whatever it is called, and never adopts over a mark', () => {
    const layout = locateManaged(
      [
        ['Company', 'When', 'Due'],
        ['Acme', '', ''],
      ],
      { due: 1 },
    );
    expect(layout.columns.due).toBe(1);
    expect(layout.missing.map((m) => m.key)).not.toContain('due');
  });

  it('numbers a distinct header the user already has', () => {
    const layout = locateManaged(
      [
        ['Company', 'Priority', 'Follow-up priority'],
        ['Acme', 'High', 'Low'],
      ],
      {},
    );
    expect(layout.missing.find((m) => m.key === 'priority')?.header).toBe('Follow-up priority 2');
  });
});
