/** Real trackers through the built add-on: headers as people write them, and the user's own address held back. */
import { ME, SHEET, world } from './harness';

describe('reading a tracker as people keep it, end to end', () => {
  it('never drafts to your own Gmail address, and says on the row which cell to fix (docs/RULES.md §2)', () => {
    const csv = [
      'Company,Role,Date applied,Recruiter email',
      `Acme,Dev,{{today-16}},Alex Doe <${ME.email}>`,
      'Globex,Dev,{{today-16}},sam@globex.example',
    ].join('\n');
    const w = world({ csv });
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.emulator.drafts().map((d) => d.to)).toEqual([['sam@globex.example']]);
    expect(w.row('Acme').problems.join(' ')).toContain(`"${ME.email}": this is your own address`);
    expect(w.row('Acme').draft).toBeNull();
  });

  it('colouring alone (Score rows) never asks Gmail who you are', () => {
    const csv = ['Company,Role,Date applied,Recruiter email', `Acme,Dev,{{today-16}},${ME.email}`].join('\n');
    const w = world({ csv });
    const before = { ...w.emulator.runtime.methodCalls };
    expect(w.run('scoreApplications').ok).toBe(true);
    const gmailCalls = Object.keys(w.emulator.runtime.methodCalls).filter(
      (m) => m.startsWith('Gmail.') && w.emulator.runtime.methodCalls[m] !== before[m],
    );
    expect(gmailCalls).toEqual([]);
  });

  it('reads a public template header row and its export dates, and drafts the check-in', () => {
    const csv = [
      'Company Name,Job Title,Application Date,Status,Contact Email',
      'Initech,Analyst,"Nov 9, 2026 10:15 AM",Applied,kim@initech.example',
    ].join('\n');
    const w = world({ csv, today: '2026-11-25', timeZone: 'America/New_York', locale: 'en_US' });
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.emulator.drafts().map((d) => d.to)).toEqual([['kim@initech.example']]);
    expect(w.emulator.displayValues(SHEET)[0]!.slice(0, 5)).toEqual([
      'Company Name',
      'Job Title',
      'Application Date',
      'Status',
      'Contact Email',
    ]);
  });
});
