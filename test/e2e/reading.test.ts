/** Real trackers through the built add-on: headers as people write them, and the user's own address held back. */
import { ME, nextDay, SHEET, world } from './harness';

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

  it.each([
    ['Africa/Cairo', '2026-04-24'],
    ['America/Santiago', '2026-09-06'],
  ])('records a send on a day that begins after midnight in %s (%s) as a date, not a date and time', (zone, day) => {
    const csv = [
      'Company,Role,Interview date,Interviewer email,Thank-you sent,Personal note',
      `Nile,Analyst,${day},mona@nile.example,,Enjoyed it`,
    ].join('\n');
    const w = world({ csv, today: day, timeZone: zone, locale: 'en_GB' });
    w.run('draftFollowUps');
    expect(w.emulator.sendDrafts()).toHaveLength(1);
    const [y, m, d] = day.split('-');
    nextDay(w, `${y}-${m}-${String(Number(d) + 1).padStart(2, '0')}`);
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.cell('Nile', 'Thank-you sent')).toBe(`${y}-${m}-${d}`);
    expect(w.row('Nile').action).toBe('check-in');
  });

  it('leaves the look of a recorded date alone on an ordinary day', () => {
    const csv = [
      'Company,Role,Interview date,Interviewer email,Thank-you sent,Personal note',
      'Nile,Analyst,2026-11-24,mona@nile.example,,Enjoyed it',
    ].join('\n');
    const w = world({ csv, today: '2026-11-24', timeZone: 'Africa/Cairo', locale: 'en_GB' });
    w.run('draftFollowUps');
    w.emulator.sendDrafts();
    nextDay(w, '2026-11-25');
    w.run('draftFollowUps');
    expect(w.cell('Nile', 'Thank-you sent')).toBe('24/11/2026');
  });
});
