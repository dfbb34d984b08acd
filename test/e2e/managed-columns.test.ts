/**
 * The add-on's own columns found by their developer metadata marks (docs/RULES.md §1): a user's column named like one
 * is never written, a marked column moved, renamed or deleted stays the add-on's, an earlier version's columns are
 * adopted once.
 */

import { columnMetadata, deleteColumnsAt, moveColumnTo, protectAgainstUser } from '../../emulator/spreadsheet';
import { findSheet } from '../../emulator/spreadsheet/state';
import { columnLetter } from '../../src/core/columns';
import { SHEET, world } from './harness';

const MANAGED = ['Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft'];

function header(w: ReturnType<typeof world>): string[] {
  return w.emulator.displayValues(SHEET)[0]!;
}

function marks(w: ReturnType<typeof world>): Record<string, number> {
  const found: Record<string, number> = {};
  for (const m of columnMetadata(w.emulator.state.spreadsheet, SHEET)) {
    if (m.key === 'followups.managed' && m.value !== null) found[m.value] = m.column;
  }
  return found;
}

describe('managed columns', () => {
  it("never writes a user's own Priority, Due or Draft column, and says so once", () => {
    const w = world({
      csv: 'Company,Applied,Priority,Due,Draft,Recruiter email\nKitehill,{{today-16}},High,2026-12-01,v2 cover letter,jo@kitehill.example\n',
    });
    w.run('scoreApplications');
    expect(header(w)).toEqual([
      'Company',
      'Applied',
      'Priority',
      'Due',
      'Draft',
      'Recruiter email',
      'Next follow-up',
      'Follow-up due',
      'Follow-up status',
      'Follow-up priority',
      'Follow-up draft',
    ]);
    expect([w.cell('Kitehill', 'Priority'), w.cell('Kitehill', 'Due'), w.cell('Kitehill', 'Draft')]).toEqual([
      'High',
      '2026-12-01',
      'v2 cover letter',
    ]);
    expect(w.cell('Kitehill', 'Follow-up due')).toBe('2026-11-23');
    expect(w.row('Kitehill').priority).toEqual(expect.any(Number));
    expect(w.toasts().join(' ')).toMatch(/your own columns Due, Priority and Draft are left as they are/);
    expect(Object.keys(marks(w)).sort()).toEqual(['draft', 'due', 'followUpStatus', 'nextFollowUp', 'priority']);

    w.run('scoreApplications');
    expect(header(w)).toHaveLength(11);
    expect(w.cell('Kitehill', 'Priority')).toBe('High');
    expect(w.toasts().at(-1)).not.toMatch(/your own column/);
  });

  it('keeps writing a marked column the user moved and renamed, and adds a deleted one again', () => {
    const w = world({ csv: 'Company,Applied,Recruiter email\nAcme,{{today-16}},sam@acme.example\n' });
    w.run('scoreApplications');
    const sheet = findSheet(w.emulator.state.spreadsheet, SHEET)!;
    const due = header(w).indexOf('Due');
    moveColumnTo(w.emulator.state.spreadsheet, SHEET, due + 1, 2);
    sheet.cells.values[0]![1] = 'When';
    sheet.cells.values[1]![1] = null;
    w.run('scoreApplications');
    expect(header(w).filter((h) => MANAGED.includes(h) || h === 'When')).toHaveLength(5);
    expect(w.cell('Acme', 'When')).toBe('2026-11-23');

    deleteColumnsAt(w.emulator.state.spreadsheet, SHEET, header(w).indexOf('Priority') + 1);
    w.run('scoreApplications');
    expect(header(w).filter((h) => h === 'Priority')).toHaveLength(1);
    expect(header(w).at(-1)).toBe('Priority');
    expect(marks(w).priority).toBe(header(w).length);
  });

  it("adopts, once, the unmarked columns an earlier version wrote, and nothing of the user's", () => {
    const w = world({
      csv: `Company,Applied,Recruiter email,${MANAGED.join(',')}\nAcme,{{today-16}},sam@acme.example,Application check-in,{{today-2}},Overdue · 2 days,61,\n`,
    });
    w.run('scoreApplications');
    expect(header(w)).toEqual(['Company', 'Applied', 'Recruiter email', ...MANAGED]);
    expect(marks(w)).toEqual({ nextFollowUp: 4, due: 5, followUpStatus: 6, priority: 7, draft: 8 });
  });

  it("does not adopt a managed header over the user's own values, whatever the other columns hold", () => {
    const w = world({
      csv: `Company,Applied,Recruiter email,${MANAGED.join(',')}\nAcme,{{today-16}},sam@acme.example,Application check-in,{{today-2}},Overdue · 2 days,High,\n`,
    });
    w.run('scoreApplications');
    expect(w.cell('Acme', 'Priority')).toBe('High');
    expect(header(w).at(-1)).toBe('Follow-up priority');
    expect(marks(w).priority).toBe(header(w).length);
  });

  it('stops cleanly at a protected managed column, names it and its rows, and the next run finishes', () => {
    const w = world({ csv: 'Company,Applied,Recruiter email\nAcme,{{today-16}},sam@acme.example\n' });
    w.run('scoreApplications');
    const letter = columnLetter(header(w).indexOf('Priority'));
    const id = protectAgainstUser(w.emulator.state.spreadsheet, SHEET, `${letter}:${letter}`);
    const sheet = findSheet(w.emulator.state.spreadsheet, SHEET)!;
    w.run('scoreApplications');
    const said = [...w.alerts(), ...w.toasts()].join(' | ');
    expect(said).toMatch(/Priority, rows? 2.*protected: in Data › Protect sheets and ranges, let yourself edit/);
    sheet.protections = sheet.protections.filter((p) => p.id !== id);
    const alertsBefore = w.alerts().length;
    w.run('scoreApplications');
    expect(w.alerts().slice(alertsBefore).join(' ')).not.toMatch(/protected/);
    expect(w.row('Acme').priority).toEqual(expect.any(Number));
  });
});
