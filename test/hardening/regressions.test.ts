/**
 * The bugs the generated sequences and fault injection found, each pinned by the smallest case that showed it.
 * Today is Wednesday 2026-11-25 in Europe/London.
 */
import { findSheet, gridGet } from '../../emulator/spreadsheet/state';
import { nextDay, putCell, SHEET, sampleCsv, sampleMessages, type World, world } from '../e2e/harness';

const SETTINGS = { yourName: 'Alex Doe', skipWeekends: false };

function formulaAt(w: World, row: number, header: string): string | null {
  const sheet = findSheet(w.emulator.state.spreadsheet, SHEET)!;
  return gridGet(sheet.cells.formulas, row - 1, w.emulator.displayValues(SHEET)[0]!.indexOf(header));
}

describe('found by the generated sequences', () => {
  it('text that looks like a formula in a Draft cell stays text (it was written back and became a formula)', () => {
    const w = world({
      settings: SETTINGS,
      grid: [
        [{ typed: 'Company' }, { typed: 'Recruiter email' }, { typed: 'Draft' }],
        [{ text: 'Acme' }, { typed: 'sam@acme.example' }, { text: '=1+1' }],
        [{ text: '' }, { text: '' }, { text: '=HYPERLINK("http://evil.example","x")' }],
      ],
    });
    expect(w.emulator.run('dailyRun', 'time-trigger').ok).toBe(true);
    expect(w.run('scoreApplications').ok).toBe(true);
    expect(formulaAt(w, 2, 'Draft')).toBeNull();
    expect(formulaAt(w, 3, 'Draft')).toBeNull();
    expect(w.emulator.displayValues(SHEET)[1]![2]).toBe('=1+1');
    expect(w.emulator.displayValues(SHEET)[2]![2]).toBe('=HYPERLINK("http://evil.example","x")');
  });

  it('a row whose Company is cleared for a while keeps its Draft record, so it is not drafted again', () => {
    const w = world({ csv: sampleCsv(), messages: sampleMessages('2026-11-25'), settings: SETTINGS });
    w.run('draftFollowUps');
    const globex = w.row('Globex');
    const draft = globex.draft;
    expect(draft).toMatch(/ · draft r-\d+ made /);
    putCell(w.emulator, SHEET, globex.row - 1, 0, null);
    w.run('draftFollowUps');
    putCell(w.emulator, SHEET, globex.row - 1, 0, { text: 'Globex' });
    w.run('draftFollowUps');
    expect(w.row('Globex').draft).toBe(draft);
    expect(w.emulator.drafts().filter((d) => d.to.includes('sam@globex.example'))).toHaveLength(1);
  });

  it('a date at the edge of the readable years (Last follow-up 9999-12-31) no longer stops the run', () => {
    const w = world({
      settings: SETTINGS,
      grid: [
        [{ typed: 'Company' }, { typed: 'Interview date' }, { typed: 'Recruiter email' }, { typed: 'Last follow-up' }],
        [{ text: 'Acme' }, { date: '2026-11-20' }, { typed: 'sam@acme.example' }, { text: '9999-12-31' }],
        [{ text: 'Globex' }, { date: '1000-01-01' }, { typed: 'kim@globex.example' }, null],
      ],
    });
    expect(w.run('draftFollowUps')).toMatchObject({ ok: true });
    expect(w.row('Acme').status).not.toBeNull();
  });

  it('after the user edits a draft in Gmail (its message gets a new id) the Draft link follows the new id', () => {
    const w = world({ csv: sampleCsv(), messages: sampleMessages('2026-11-25'), settings: SETTINGS });
    w.run('draftFollowUps');
    const row = w.row('Globex').row;
    const box = w.emulator.state.mailbox;
    const id = /draft (r-\d+)/.exec(w.row('Globex').draft!)![1]!;
    const draft = box.drafts.find((d) => d.id === id)!;
    const message = box.messages.find((m) => m.id === draft.messageId)!;
    message.id = 'edited0000000001';
    draft.messageId = message.id;
    w.run('draftFollowUps');
    expect(formulaAt(w, row, 'Draft')).toContain('compose=edited0000000001"');
  });
});

describe('found by the generated answers (replies.test.ts)', () => {
  /**
   * Acme: applied 2026-11-22, interviewed 2026-11-24, no check-in window to wait (a day). On 2026-11-26 the thank-you
   * is drafted and the user sends it; a rejection then arrives, and the next run records the send, which makes the
   * check-in due that very run.
   */
  function thankedThenRejected(rejection: { from: string; subject: string; text: string }): World {
    const w = world({
      settings: { ...SETTINGS, responseWindowDays: 1 },
      grid: [
        [{ typed: 'Company' }, { typed: 'Applied' }, { typed: 'Interview date' }, { typed: 'Recruiter email' }],
        [{ text: 'Acme' }, { date: '2026-11-22' }, { date: '2026-11-24' }, { typed: 'sam@acme.example' }],
      ],
    });
    nextDay(w, '2026-11-26');
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.row('Acme').action).toBe('thank-you');
    w.emulator.sendDrafts();
    w.emulator.runtime.advance(60_000);
    w.emulator.receive({
      ...rejection,
      to: ['alex@example.com'],
      date: new Date(w.emulator.runtime.now).toISOString(),
      labels: ['INBOX'],
    });
    w.emulator.runtime.advance(60_000);
    expect(w.run('draftFollowUps').ok).toBe(true);
    return w;
  }

  it('a rejection read when the send just recorded makes the check-in due: no check-in is drafted (it was)', () => {
    const w = thankedThenRejected({
      from: 'Sam <sam@acme.example>',
      subject: 'Your application',
      text: 'We will not be moving forward.',
    });
    expect(w.emulator.drafts()).toEqual([]);
    expect(w.cell('Acme', 'Follow-up status')).toBe(
      'Waiting · looks like a rejection on 2026-11-26: set Status to Rejected',
    );
  });

  it('the same with a hiring system naming the company: its mail is read for that row too', () => {
    const w = thankedThenRejected({
      from: '"Acme Careers" <no-reply@us.greenhouse-mail.io>',
      subject: 'Your application to Acme',
      text: 'Unfortunately we will not be moving forward with your application.',
    });
    expect(w.emulator.drafts()).toEqual([]);
    expect(w.cell('Acme', 'Heard back')).toBe('2026-11-26');
  });
  it('a colleague who answers in an older thread of the user’s with the contact is read despite the mail mark (it was not)', () => {
    const sent = (id: string, date: string, subject: string) => ({
      id,
      threadId: `t-${id}`,
      from: 'Alex Doe <alex@example.com>',
      to: ['sam@acme.example'],
      date,
      subject,
      text: 'Hello',
      labels: ['SENT'],
    });
    const w = world({
      settings: SETTINGS,
      grid: [
        [{ typed: 'Company' }, { typed: 'Applied' }, { typed: 'Recruiter email' }],
        [{ text: 'Acme' }, { date: '2026-11-10' }, { typed: 'sam@acme.example' }],
      ],
      messages: [
        sent('m0', '2026-11-11T10:00:00Z', 'My application'),
        sent('m1', '2026-11-12T10:00:00Z', 'Hello again'),
      ],
    });
    expect(w.run('draftFollowUps').ok).toBe(true);
    // The check-in replies in the latest thread; the colleague answers in the older one, after the run's mark.
    expect(w.emulator.drafts().map((d) => d.threadId)).toEqual(['t-m1']);
    w.emulator.runtime.advance(60_000);
    w.emulator.receive({
      from: 'Pat Colleague <pat@talent-partners.example>',
      to: ['alex@example.com'],
      threadId: 't-m0',
      date: new Date(w.emulator.runtime.now).toISOString(),
      subject: 'Re: My application',
      text: 'Unfortunately we have decided not to proceed with your application.',
      labels: ['INBOX'],
    });
    w.emulator.deleteDraft(w.emulator.drafts()[0]!.id);
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.emulator.drafts()).toEqual([]);
    expect(w.cell('Acme', 'Follow-up status')).toMatch(/^Waiting · looks like a rejection on 2026-11-25/);
  });
});

describe('found by the full fuzz (npm run fuzz)', () => {
  it('a scheduled draft the user edited is not drafted again by a second run the same day under the mail mark (it was)', () => {
    const w = world({
      settings: { ...SETTINGS, responseWindowDays: 1 },
      grid: [
        [{ typed: 'Company' }, { typed: 'Interview date' }, { typed: 'Thank-you sent' }, { typed: 'Recruiter email' }],
        [{ text: 'Acme' }, { date: '2026-11-19' }, { date: '2026-11-19' }, { typed: 'sam@acme.example' }],
      ],
    });
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.emulator.drafts()).toHaveLength(1);
    // The user edits the draft, alone in its thread: Gmail gives its message, and so its thread, a new id.
    const box = w.emulator.state.mailbox;
    const message = box.messages.find((m) => m.id === box.drafts[0]!.messageId)!;
    Object.assign(message, { id: 'edited0000000001', threadId: 'edited0000000001' });
    box.drafts[0]!.messageId = message.id;
    nextDay(w, '2026-11-26');
    w.emulator.scheduleDraft(w.emulator.drafts()[0]!.id);
    // The next run starts later in the day than yesterday's draft was saved, so its mark is past the scheduled message.
    w.emulator.runtime.advance(60_000);
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.cell('Acme', 'Follow-up status')).toBe('Scheduled · in Gmail');
    w.emulator.runtime.advance(60_000);
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.emulator.drafts()).toEqual([]);
    expect(w.cell('Acme', 'Follow-up status')).toBe('Scheduled · in Gmail');
  });
});

describe('found by fault injection', () => {
  /** Drafts day 1, the user sends them all, and eight days later the next follow-ups are due. */
  function afterSending(): World {
    const w = world({ csv: sampleCsv(), messages: sampleMessages('2026-11-25'), settings: SETTINGS });
    w.run('draftFollowUps');
    w.emulator.sendDrafts();
    nextDay(w, '2026-12-03');
    return w;
  }

  function outcome(w: World): string[] {
    return w
      .rows()
      .map((r) => `${r.company}: ${r.action} ${r.status} ${(r.draft ?? '').replace(/r-\d+/, 'r-…')}`)
      .concat(
        w.emulator
          .drafts()
          .map((d) => `draft to ${d.to} ${d.subject}`)
          .sort(),
      );
  }

  it('a run killed after recording sends in memory and making new drafts: the next run neither loses the sends nor drafts a thank-you twice', () => {
    const reference = afterSending();
    reference.run('draftFollowUps');
    reference.run('draftFollowUps');
    const w = afterSending();
    const creates = () => w.emulator.runtime.methodCalls['Gmail.Users.Drafts.create'] ?? 0;
    const before = creates();
    // Killed as it notes the second new draft's ids: the Draft cells still show yesterday's (sent) drafts.
    w.emulator.runtime.faults.push((call) => {
      if (call.method === 'Properties.setProperties' && creates() - before === 2)
        w.emulator.runtime.advance(7 * 60_000);
      return undefined;
    });
    expect(w.run('draftFollowUps')).toMatchObject({ ok: false, error: 'Exceeded maximum execution time' });
    w.emulator.runtime.faults.length = 0;
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(outcome(w)).toEqual(outcome(reference));
  });

  it('rows that read the same (or differ only past 200 characters) keep their own journal notes through a crash', () => {
    const long = 'x'.repeat(300);
    const row = (company: string, email: string) => [
      { text: company },
      { typed: 'Engineer' },
      { date: '2026-11-25' },
      { typed: email },
      { text: 'We talked about testing' },
    ];
    const w = world({
      settings: SETTINGS,
      grid: [
        [
          { typed: 'Company' },
          { typed: 'Role' },
          { typed: 'Interview date' },
          { typed: 'Interviewer email' },
          { typed: 'Notes' },
        ],
        row('Acme', 'sam@acme.example'),
        row('Acme', 'sam@acme.example'),
        row(`${long} one`, 'kim@globex.example'),
        row(`${long} two`, 'jo@initech.example'),
      ],
    });
    const creates = () => w.emulator.runtime.methodCalls['Gmail.Users.Drafts.create'] ?? 0;
    // Killed as it notes the fourth draft's ids: the Draft cells are not written, the journal holds all four.
    w.emulator.runtime.faults.push((call) => {
      if (call.method === 'Properties.setProperties' && creates() === 4) w.emulator.runtime.advance(7 * 60_000);
      return undefined;
    });
    expect(w.run('draftFollowUps').ok).toBe(false);
    expect(w.emulator.drafts()).toHaveLength(4);
    w.emulator.runtime.faults.length = 0;
    // The user sorts Z→A before the next run: the two long rows swap places.
    w.emulator.sortSheet(SHEET, 1, false);
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.emulator.drafts()).toHaveLength(4);
    const values = w.emulator.displayValues(SHEET);
    const draftColumn = values[0]!.indexOf('Draft');
    const recorded = values.slice(1).map((line) => ({
      email: line[3],
      draft: w.emulator.drafts().find((d) => d.id === /draft (r-\d+)/.exec(line[draftColumn] ?? '')?.[1]),
    }));
    expect(new Set(recorded.map((r) => r.draft?.id)).size).toBe(4);
    for (const r of recorded) expect(r.draft?.to).toEqual([r.email]);
  });

  it('a run after a crash that is itself stopped by Gmail before reading the journal leaves the journal for the next run', () => {
    const w = world({ csv: sampleCsv(), messages: sampleMessages('2026-11-25'), settings: SETTINGS });
    w.emulator.runtime.faults.push((call) => {
      if (call.method === 'Gmail.Users.Drafts.create' && call.count === 4) w.emulator.runtime.advance(7 * 60_000);
      return undefined;
    });
    expect(w.run('draftFollowUps').ok).toBe(false);
    expect(w.emulator.drafts()).toHaveLength(3);
    w.emulator.runtime.faults.length = 0;
    // Gmail's quota runs out at the search, before the journal's drafts are recorded.
    w.emulator.runtime.faults.push((call) =>
      call.method === 'Gmail.Users.Messages.list' ? 'Service invoked too many times for one day: gmail.' : undefined,
    );
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.alerts().at(-1)).toMatch(/^Gmail's daily limit was reached after 0 drafts/);
    w.emulator.runtime.faults.length = 0;
    expect(w.run('draftFollowUps').ok).toBe(true);
    const drafts = w.emulator.drafts();
    expect(drafts).toHaveLength(6);
    expect(new Set(drafts.map((d) => d.to.join())).size).toBe(6);
  });

  it('the managed columns written but not the recording cells: the Draft cells never say "sent" before the sends are recorded', () => {
    const reference = afterSending();
    reference.run('draftFollowUps');
    reference.run('draftFollowUps');
    const w = afterSending();
    w.emulator.runtime.faults.push((call) =>
      call.method === 'Range.setNotes' ? 'Service Spreadsheets failed while accessing document with id x.' : undefined,
    );
    expect(w.run('draftFollowUps').ok).toBe(true);
    w.emulator.runtime.faults.length = 0;
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(outcome(w)).toEqual(outcome(reference));
  });
});
