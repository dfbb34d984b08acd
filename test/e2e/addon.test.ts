/**
 * The add-on end to end: the built bundle in the emulator, driven as a person would through the menu, the
 * daily trigger and Gmail. Today is Wednesday 2026-11-25 in Europe/London unless a test says otherwise.
 */
import { findSheet, gridGet } from '../../emulator/spreadsheet/state';
import { MENU, nextDay, SHEET, sampleCsv, sampleMessages, world } from './harness';

const TODAY = '2026-11-25';
const SAMPLE_SETTINGS = { yourName: 'Alex Doe', skipWeekends: false };
const HEAD =
  'Company,Role,Status,Applied,Interview date,Expected response,Recruiter,Recruiter email,Interviewer,Interviewer email,Thank-you sent,Last follow-up,Follow-ups sent,Heard back,Personal note,Update';

function sample() {
  return world({ csv: sampleCsv(), messages: sampleMessages(TODAY), settings: SAMPLE_SETTINGS });
}

function userColumns(w: ReturnType<typeof world>): string[][] {
  const values = w.emulator.displayValues(SHEET);
  const managed = new Set(['Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft']);
  const keep = values[0]!.map((h, i) => (managed.has(h) ? -1 : i)).filter((i) => i >= 0);
  return values.map((row) => keep.map((i) => row[i] ?? ''));
}

describe('onOpen', () => {
  it('adds the Follow-ups menu as a simple trigger in a bound script', () => {
    const w = world({ settings: null });
    expect(w.emulator.run('onOpen', 'simple-trigger').ok).toBe(true);
    expect(w.emulator.uiLog.menus).toEqual([expect.objectContaining({ caption: 'Follow-ups', addon: false })]);
    expect(w.emulator.uiLog.menuItemCaptions()).toEqual(MENU);
  });

  it('adds the add-on menu in AuthMode.NONE without touching anything that needs authorisation', () => {
    const w = world({ settings: null });
    const before = { ...w.emulator.runtime.calls };
    expect(w.emulator.run('onOpen', 'addon-none').ok).toBe(true);
    expect(w.emulator.uiLog.menus[0]).toMatchObject({ addon: true });
    expect(w.emulator.uiLog.menuItemCaptions()).toEqual(MENU);
    expect(w.emulator.runtime.calls.Gmail ?? 0).toBe(before.Gmail ?? 0);
    expect(w.emulator.runtime.calls.PropertiesService ?? 0).toBe(before.PropertiesService ?? 0);
  });

  it('onInstall shows the menu too', () => {
    const w = world({ settings: null });
    expect(w.emulator.run('onInstall', 'menu').ok).toBe(true);
    expect(w.emulator.uiLog.menuItemCaptions()).toEqual(MENU);
  });
});

describe('Score rows', () => {
  it('adds the managed columns once, to the right, and leaves every user cell as it was', () => {
    const w = sample();
    const before = userColumns(w);
    expect(w.run('scoreApplications').ok).toBe(true);
    expect(w.run('scoreApplications').ok).toBe(true);
    const header = w.emulator.displayValues(SHEET)[0]!;
    expect(header.slice(-6)).toEqual(['Salary band', 'Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft']);
    expect(userColumns(w)).toEqual(before);
    expect(w.emulator.drafts()).toEqual([]);
  });

  it("leaves a user's own Due column alone, even a blank one, and writes the due date in its own column", () => {
    const w = world({ csv: `Company,Due,Applied,Recruiter email\nAcme,,{{today-16}},sam@acme.example\n` });
    w.run('scoreApplications');
    const header = w.emulator.displayValues(SHEET)[0]!;
    expect(header.filter((h) => h === 'Due')).toHaveLength(1);
    expect(header.indexOf('Due')).toBe(1);
    expect(w.cell('Acme', 'Due')).toBe('');
    expect(w.cell('Acme', 'Follow-up due')).toBe('2026-11-23');
  });

  it('colours overdue and due-today rows across every column, keeps the user formatting, and never stacks rules', () => {
    const w = sample();
    const sheet = findSheet(w.emulator.state.spreadsheet, SHEET)!;
    // The user had painted Pied Piper's company cell yellow.
    w.run('scoreApplications');
    const piedPiper = w.rows().find((r) => r.company === 'Pied Piper')!;
    sheet.cells.backgrounds[piedPiper.row - 1] ??= [];
    sheet.cells.backgrounds[piedPiper.row - 1]![0] = '#ffff00';
    w.run('scoreApplications');
    w.run('scoreApplications');
    const backgrounds = w.emulator.backgrounds(SHEET);
    for (const row of w.rows()) {
      const line = backgrounds[row.row - 1]!;
      const expected = row.status === 'overdue' ? '#f4c7c3' : row.status === 'due-today' ? '#fce8b2' : null;
      if (expected) expect(new Set(line)).toEqual(new Set([expected]));
      else expect(line.filter((c) => c !== '#ffffff' && c !== '#ffff00')).toEqual([]);
      expect(row.color).toBe(expected);
    }
    expect(backgrounds[piedPiper.row - 1]![0]).toBe('#ffff00');
    expect(sheet.conditionalFormatRules).toHaveLength(2);
  });

  it('leaves a row with a blank Company alone: no managed output and no colour (docs/RULES.md §1)', () => {
    const csv = `${HEAD}\nAcme,Dev,,{{today-16}},,,,sam@acme.example,,,,,,,,\n,Dev,,{{today-16}},,,,kim@blank.example,,,,,,,,\n`;
    const w = world({ csv });
    w.run('draftFollowUps');
    const values = w.emulator.displayValues(SHEET);
    const header = values[0]!;
    const managed = ['Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft'].map((h) => header.indexOf(h));
    expect(managed.map((c) => values[1]![c])).toEqual(expect.arrayContaining(['Application check-in']));
    expect(managed.map((c) => values[2]![c] ?? '')).toEqual(['', '', '', '', '']);
    expect(new Set(w.emulator.backgrounds(SHEET)[2])).toEqual(new Set(['#ffffff']));
    expect(w.emulator.drafts().map((d) => d.to)).toEqual([['sam@acme.example']]);
  });

  it('shows problems on their rows, as a note on the status cell', () => {
    const w = sample();
    w.run('scoreApplications');
    expect(w.row('Acme Corp').problems).toEqual([
      'Check: could not read the expected response "when the stars align" (assumed 7 days; ask the recruiter)',
      'To fix before drafting: no valid email address: add a Recruiter email',
    ]);
    expect(w.row('Contoso').problems.join(' ')).toMatch(/no personal note/);
  });

  it('with no tracker sheet says how to make one and writes nothing', () => {
    const w = world({ csv: 'Name,Notes\nx,y\n' });
    const before = w.emulator.displayValues(SHEET);
    w.run('scoreApplications');
    expect(w.alerts()).toEqual([
      'No tracker sheet found: add a Company header in row 1 of your applications sheet, or use Follow-ups › Set up a tracker sheet.',
    ]);
    expect(w.emulator.displayValues(SHEET)).toEqual(before);
  });
});

describe('Draft follow-ups', () => {
  it('drafts each due follow-up once, to the right person, with the right subject and thread', () => {
    const w = sample();
    expect(w.run('draftFollowUps').ok).toBe(true);
    const drafts = w.emulator.drafts();
    const byTo = Object.fromEntries(drafts.map((d) => [d.to.join(','), d]));
    expect(Object.keys(byTo).sort()).toEqual([
      'dana@soylent.example',
      'gavin@hooli.example',
      'jo.park@umbrella.example',
      'maria@contoso.example',
      'sam@globex.example',
      'tom.reyes@northwind.example',
    ]);
    // Thank-you: to the interviewer, titled "<yourName> – Thank you", with the personal note.
    expect(byTo['tom.reyes@northwind.example']).toMatchObject({ subject: 'Alex Doe – Thank you' });
    expect(byTo['tom.reyes@northwind.example']!.text).toContain(
      'I loved hearing how your team rebuilt the sales dashboard',
    );
    // No interviewer email: the thank-you goes to the recruiter, with a placeholder for the missing note.
    expect(byTo['maria@contoso.example']!.text).toContain('[Add a personal detail from your conversation here');
    // Check-in: replies in the existing thread with the recruiter.
    const globex = byTo['sam@globex.example']!;
    const thread = w.emulator.state.mailbox.messages.filter(
      (m) => m.threadId === 't-globex' && !m.labelIds.includes('DRAFT'),
    );
    expect(globex.threadId).toBe('t-globex');
    expect(globex.subject).toBe('Re: Interview for the SRE role');
    const lastId = /Message-ID: (<[^>]+>)/i.exec(thread[thread.length - 1]!.raw)![1];
    expect(globex.inReplyTo).toBe(lastId);
    expect(globex.references).toContain(lastId);
    expect(globex.text).toContain('hear back by Saturday 21 November');
    // Second follow-up carries the update; monthly check-in is short; application check-in says when.
    expect(byTo['jo.park@umbrella.example']!.text).toContain('https://example.com/case-study');
    expect(byTo['dana@soylent.example']!.subject).toBe('Still interested in the ML Engineer role at Soylent Labs');
    expect(byTo['gavin@hooli.example']!.text).toContain('on Monday 9 November');
    for (const d of drafts) {
      expect(d.from).toContain('alex@example.com');
      expect(d.html).toMatch(/^<div/);
      expect(`${d.subject}\n${d.text}\n${d.html}`).not.toMatch(/\{\{|undefined|null|NaN/);
      expect((d.text ?? '').trimEnd().endsWith('Alex Doe')).toBe(true);
    }
  });

  it('records each draft in its row and sums up in a toast', () => {
    const w = sample();
    w.run('draftFollowUps');
    expect(w.row('Globex').draft).toMatch(/^Check-in · due 2026-11-22 · draft r-\d+ made 2026-11-25$/);
    const sheet = findSheet(w.emulator.state.spreadsheet, SHEET)!;
    const draftColumn = w.emulator.displayValues(SHEET)[0]!.indexOf('Draft');
    const formula = gridGet(sheet.cells.formulas, w.row('Globex').row - 1, draftColumn);
    expect(formula).toMatch(/^=HYPERLINK\("https:\/\/mail\.google\.com\/mail\/#drafts\?compose=\w+", "Check-in · due/);
    expect(w.toasts().at(-1)).toMatch(/^6 drafts created · 1 reply found · 1 row needs an email address/);
    expect(w.alerts()).toEqual([]);
  });

  it('makes no duplicate on a second run', () => {
    const w = sample();
    w.run('draftFollowUps');
    const ids = w.emulator.drafts().map((d) => d.id);
    w.run('draftFollowUps');
    expect(w.emulator.drafts().map((d) => d.id)).toEqual(ids);
    expect(w.toasts().at(-1)).toMatch(/^0 drafts created/);
  });

  it('makes no duplicate after the user sorts the rows', () => {
    const w = sample();
    w.run('draftFollowUps');
    const before = w.emulator.drafts().map((d) => `${d.id} ${d.to}`);
    w.emulator.sortSheet(SHEET, 1, false);
    w.run('draftFollowUps');
    expect(w.emulator.drafts().map((d) => `${d.id} ${d.to}`)).toEqual(before);
    const globex = w.row('Globex');
    const draftId = /draft (r-\d+)/.exec(globex.draft ?? '')![1];
    expect(w.emulator.drafts().find((d) => d.id === draftId)!.to).toEqual(['sam@globex.example']);
  });

  it('makes no duplicate when the user inserts rows above', () => {
    const w = sample();
    w.run('draftFollowUps');
    const count = w.emulator.drafts().length;
    const sheet = findSheet(w.emulator.state.spreadsheet, SHEET)!;
    for (const layer of Object.values(sheet.cells) as unknown[][]) layer.splice(1, 0, [], []);
    w.run('draftFollowUps');
    expect(w.emulator.drafts()).toHaveLength(count);
  });

  it('drafts again a follow-up whose draft the user deleted without sending', () => {
    const w = sample();
    w.run('draftFollowUps');
    const contoso = w.emulator.drafts().find((d) => d.to.includes('maria@contoso.example'))!;
    w.emulator.deleteDraft(contoso.id);
    w.run('draftFollowUps');
    const again = w.emulator.drafts().filter((d) => d.to.includes('maria@contoso.example'));
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(contoso.id);
    expect(w.emulator.drafts()).toHaveLength(6);
  });

  it('stops a check-in when they replied, and fills Heard back with the day it came', () => {
    const w = sample();
    w.run('draftFollowUps');
    expect(w.cell('Initech', 'Heard back')).toBe('23/11/2026');
    expect(w.row('Initech')).toMatchObject({ action: null, status: 'waiting' });
    // Bill's reply asks for a time to talk: an invitation (docs/RULES.md §5).
    expect(w.cell('Initech', 'Follow-up status')).toBe(
      'Waiting · they want to talk (reply on 2026-11-23): add the interview date',
    );
    expect(w.emulator.drafts().some((d) => d.to.includes('bill@initech.example'))).toBe(false);
    // The next run reads the answer again (Heard back is recent), so the row still says what it was.
    w.run('draftFollowUps');
    expect(w.cell('Initech', 'Follow-up status')).toBe(
      'Waiting · they want to talk (reply on 2026-11-23): add the interview date',
    );
  });

  it('adds a Heard back column when the sheet has none, and fills it for the reply', () => {
    const w = world({
      csv: `Company,Role,Interview date,Recruiter email,Thank-you sent\nInitech,QA,{{today-9}},bill@initech.example,yes\n`,
      messages: [
        {
          id: 'r1',
          threadId: 't1',
          from: 'Bill <bill@initech.example>',
          to: ['alex@example.com'],
          cc: [],
          date: '2026-11-24T10:00:00Z',
          subject: 'Update',
          text: 'We will be in touch',
          labels: ['INBOX'],
        },
      ],
    });
    w.run('draftFollowUps');
    const header = w.emulator.displayValues(SHEET)[0]!;
    expect(header).toContain('Heard back');
    expect(w.cell('Initech', 'Heard back')).toBe('2026-11-24');
    expect(w.emulator.drafts()).toEqual([]);
  });

  it('records sent drafts the next day and moves each row on, never drafting twice', () => {
    const w = sample();
    w.run('draftFollowUps');
    expect(w.emulator.sendDrafts()).toHaveLength(6);
    nextDay(w, '2026-11-26');
    w.run('draftFollowUps');
    expect(w.cell('Northwind Traders', 'Thank-you sent')).toBe('TRUE');
    expect(w.cell('Contoso', 'Thank-you sent')).toBe('TRUE');
    expect(w.cell('Globex', 'Last follow-up')).toBe('25/11/2026');
    expect(w.cell('Globex', 'Follow-ups sent')).toBe('1');
    expect(w.cell('Umbrella Health', 'Follow-ups sent')).toBe('2');
    expect(w.cell('Soylent Labs', 'Follow-ups sent')).toBe('3');
    expect(w.cell('Hooli', 'Last follow-up')).toBe('25/11/2026');
    expect(w.row('Globex')).toMatchObject({ action: 'second-follow-up', due: '2026-12-02', status: 'upcoming' });
    expect(w.row('Hooli')).toMatchObject({ action: null, status: 'waiting' });
    expect(w.row('Globex').draft).toBe('Check-in · due 2026-11-22 · sent 2026-11-25');
    expect(w.emulator.drafts()).toEqual([]);
    expect(w.toasts().at(-1)).toMatch(/6 sent follow-ups recorded/);
  });

  it('restarts the follow-up count after a new interview, so the sequence starts again', () => {
    const csv = `${HEAD}\nGlobex,SRE,,{{today-40}},{{today-10}},{{today-4}},Sam,sam@globex.example,,,yes,{{today-20}},3,,,\n`;
    const w = world({ csv, settings: { yourName: 'Alex Doe', skipWeekends: false } });
    w.run('draftFollowUps');
    w.emulator.sendDrafts();
    nextDay(w, '2026-11-26');
    w.run('draftFollowUps');
    expect(w.cell('Globex', 'Follow-ups sent')).toBe('1');
    expect(w.row('Globex')).toMatchObject({ action: 'second-follow-up' });
  });

  it('tells the user to set their name, and drafts nothing without it', () => {
    const w = world({ csv: sampleCsv(), messages: sampleMessages(TODAY), settings: null });
    w.run('draftFollowUps');
    expect(w.emulator.drafts()).toEqual([]);
    expect(w.alerts()).toEqual([
      'Add your name in Follow-ups › Settings… (it signs every draft); nothing was drafted.',
    ]);
    expect(w.row('Contoso')).toMatchObject({ status: 'overdue' });
  });

  it('explains how to switch on the Gmail service when it is missing, and still scores', () => {
    const w = world({
      csv: sampleCsv(),
      messages: sampleMessages(TODAY),
      settings: SAMPLE_SETTINGS,
      gmailEnabled: false,
    });
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.alerts()[0]).toMatch(/add the Gmail API under Services/);
    expect(w.row('Contoso')).toMatchObject({ status: 'overdue' });
  });

  it('uses the wording the user saved, with placeholders, and refuses an unknown placeholder by name', () => {
    const w = sample();
    const saved = w.run('saveSettings', [
      {
        templates: {
          'monthly-check-in': {
            subject: 'Checking in: {{role}}',
            body: 'Hi {{firstName}},\n\nStill keen on {{company}}.\n\n{{yourName}}',
          },
        },
      },
    ]);
    expect(saved.value).toEqual({ ok: true, errors: [] });
    w.run('draftFollowUps');
    const monthly = w.emulator.drafts().find((d) => d.to.includes('dana@soylent.example'))!;
    expect(monthly.subject).toBe('Checking in: ML Engineer');
    expect(monthly.text).toBe('Hi Dana,\n\nStill keen on Soylent Labs.\n\nAlex Doe\n');
    const refused = w.run('saveSettings', [{ templates: { 'check-in': { body: 'Hi {{nickname}}' } } }]);
    expect((refused.value as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /unknown placeholder \{\{nickname\}\}/,
    );
  });

  it('never writes a formula from user text and escapes hostile cells in the HTML body', () => {
    const csv = `${HEAD}\n"=HYPERLINK(""http://evil.example"",""x"")",<b>Boss</b>,,,{{today}},,,,"Kim <script>",kim@x.example,,,,,"<img src=x onerror=alert(1)>",\n`;
    const w = world({ csv });
    w.run('draftFollowUps');
    const [draft] = w.emulator.drafts();
    expect(draft!.html).not.toMatch(/<script|<img|<b>/);
    expect(draft!.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const sheet = findSheet(w.emulator.state.spreadsheet, SHEET)!;
    const header = w.emulator.displayValues(SHEET)[0]!;
    for (const name of ['Next follow-up', 'Due', 'Follow-up status', 'Priority']) {
      expect(gridGet(sheet.cells.formulas, 1, header.indexOf(name))).toBeNull();
    }
  });
});

describe('time zones', () => {
  it("counts today in the spreadsheet's zone, not the script's or UTC, and greets a contact with no name politely", () => {
    // 09:00 on 25 November in Auckland is still 24 November in London (the script's zone) and in UTC.
    const csv = `${HEAD}\nKiwi Co,Analyst,,,2026-11-25,,,hello@kiwi.example,,,,,,,Enjoyed the chat,\n`;
    const w = world({ csv, timeZone: 'Pacific/Auckland', locale: 'en_NZ' });
    expect(new Date(w.emulator.runtime.now).toISOString().slice(0, 10)).toBe('2026-11-24');
    w.run('draftFollowUps');
    expect(w.row('Kiwi Co')).toMatchObject({ action: 'thank-you', due: '2026-11-25', status: 'due-today' });
    const [draft] = w.emulator.drafts();
    expect(draft!.to).toEqual(['hello@kiwi.example']);
    expect(draft!.text).toMatch(/^Hello,\n\nThank you for taking the time/);
  });
});

describe('daily drafts', () => {
  it('Turn on leaves exactly one trigger at dailyHour, in the sheet’s zone; Turn off removes it', () => {
    const w = sample();
    w.run('turnOnDailyDrafts');
    w.run('turnOnDailyDrafts');
    expect(w.emulator.state.platform.triggers).toEqual([
      expect.objectContaining({ handler: 'dailyRun', everyDays: 1, atHour: 8, timeZone: 'Europe/London' }),
    ]);
    w.run('saveSettings', [{ dailyHour: 6 }]);
    expect(w.emulator.state.platform.triggers).toEqual([expect.objectContaining({ atHour: 6 })]);
    w.run('turnOffDailyDrafts');
    expect(w.emulator.state.platform.triggers).toEqual([]);
    expect(w.toasts().at(-1)).toBe('Daily drafts are off.');
  });

  it('the daily trigger drafts with no UI at all', () => {
    const w = sample();
    w.run('turnOnDailyDrafts');
    nextDay(w, '2026-11-26');
    const toasts = w.toasts().length;
    const [result] = w.emulator.fireDailyTriggers();
    expect(result).toMatchObject({ handler: 'dailyRun', mode: 'time-trigger', ok: true });
    expect(w.emulator.drafts()).toHaveLength(6);
    expect(w.toasts()).toHaveLength(toasts);
    expect(w.alerts()).toEqual([]);
    expect(JSON.parse(w.emulator.state.platform.properties.document.lastDailyRun!).summary).toMatch(
      /^6 drafts created/,
    );
  });

  it('a menu run while the daily run holds the sheet waits briefly, then says it is busy and writes nothing', () => {
    const w = sample();
    w.run('scoreApplications');
    const before = w.emulator.displayValues(SHEET);
    const start = w.emulator.runtime.now;
    w.emulator.holdDocumentLock(start + 10 * 60_000);
    w.run('draftFollowUps');
    expect(w.alerts().at(-1)).toMatch(/Another follow-up run .* is working on this sheet right now/);
    expect(w.emulator.drafts()).toEqual([]);
    expect(w.emulator.displayValues(SHEET)).toEqual(before);
    expect(w.emulator.runtime.now - start).toBeGreaterThanOrEqual(5_000);
    expect(w.emulator.runtime.now - start).toBeLessThan(60_000);
  });

  it('the daily run waits for a run that is finishing, then does its work', () => {
    const w = sample();
    w.run('turnOnDailyDrafts');
    w.emulator.setDay('2026-11-26', 8, 15);
    w.emulator.holdDocumentLock(w.emulator.runtime.now + 20_000);
    const [result] = w.emulator.fireDailyTriggers();
    expect(result!.ok).toBe(true);
    expect(w.emulator.drafts()).toHaveLength(6);
  });

  it('the daily run gives up after a minute when the sheet stays busy, and leaves a note for Check setup', () => {
    const w = sample();
    w.run('turnOnDailyDrafts');
    w.emulator.setDay('2026-11-26', 8, 15);
    w.emulator.holdDocumentLock(w.emulator.runtime.now + 30 * 60_000);
    const [result] = w.emulator.fireDailyTriggers();
    expect(result!.ok).toBe(true);
    expect(w.emulator.drafts()).toHaveLength(0);
    expect(JSON.parse(w.emulator.state.platform.properties.document.lastDailyRun!).summary).toMatch(/skipped/);
    w.run('checkSetup');
    expect(w.emulator.uiLog.alerts.at(-1)!.message).toMatch(/Last daily run .*skipped: another run held the sheet/);
  });
});

describe('long runs and failures', () => {
  it('stops drafting near the time limit, keeps what it did, and the next run finishes without duplicates', () => {
    const w = sample();
    // Every draft takes 70 modeled seconds: Gmail is very slow today.
    w.emulator.runtime.faults.push((call) => {
      if (call.method === 'Gmail.Users.Drafts.create') w.emulator.runtime.advance(70_000);
      return undefined;
    });
    expect(w.run('draftFollowUps').ok).toBe(true);
    const first = w.emulator.drafts().length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(6);
    expect(w.toasts().at(-1)).toMatch(/left for the next run/);
    expect(w.rows().filter((r) => r.draft?.includes(' · draft ')).length).toBe(first);
    expect(w.run('draftFollowUps').ok).toBe(true);
    const drafts = w.emulator.drafts();
    expect(drafts).toHaveLength(6);
    expect(new Set(drafts.map((d) => d.to.join())).size).toBe(6);
  });

  it('a run killed by the 6-minute limit before writing the sheet loses no draft and makes none twice', () => {
    const w = sample();
    w.emulator.runtime.faults.push((call) => {
      if (call.method === 'Gmail.Users.Drafts.create' && call.count === 4) w.emulator.runtime.advance(7 * 60_000);
      return undefined;
    });
    const killed = w.run('draftFollowUps');
    expect(killed).toMatchObject({ ok: false, error: 'Exceeded maximum execution time' });
    expect(w.emulator.drafts()).toHaveLength(3);
    expect(w.rows().filter((r) => r.draft !== null)).toEqual([]);
    w.emulator.runtime.faults.length = 0;
    expect(w.run('draftFollowUps').ok).toBe(true);
    const drafts = w.emulator.drafts();
    expect(drafts).toHaveLength(6);
    expect(new Set(drafts.map((d) => d.to.join())).size).toBe(6);
    expect(w.rows().filter((r) => r.draft?.includes(' · draft ')).length).toBe(6);
    expect(Object.keys(w.emulator.state.platform.properties.document).filter((k) => k.startsWith('journal.'))).toEqual(
      [],
    );
  });

  it('a Gmail quota error mid-run keeps the earlier drafts, says so, and the next day finishes', () => {
    const w = sample();
    const quota = w.emulator.runtime.quotas.gmail;
    quota.limit = quota.used + 8;
    expect(w.run('draftFollowUps').ok).toBe(true);
    const made = w.emulator.drafts().length;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(6);
    expect(w.alerts().at(-1)).toBe(
      `Gmail's daily limit was reached after ${made} draft${made === 1 ? '' : 's'}; the rest will be drafted on the next run (tomorrow's daily run, or Draft follow-ups later).`,
    );
    expect(w.rows().filter((r) => r.draft?.includes(' · draft ')).length).toBe(made);
    nextDay(w, '2026-11-26');
    quota.limit = 20_000;
    w.run('draftFollowUps');
    const drafts = w.emulator.drafts();
    expect(new Set(drafts.map((d) => d.to.join())).size).toBe(drafts.length);
    expect(drafts.length).toBeGreaterThanOrEqual(6);
  });

  it('retries a Gmail 5xx and carries on', () => {
    const w = sample();
    let failures = 0;
    w.emulator.runtime.faults.push((call) => {
      if (call.method === 'Gmail.Users.Drafts.create' && failures < 1) {
        failures++;
        return 'API call to gmail.users.drafts.create failed with error: Internal error encountered.';
      }
      return undefined;
    });
    w.run('draftFollowUps');
    expect(w.emulator.drafts()).toHaveLength(6);
    expect(w.alerts()).toEqual([]);
  });
});

describe('Gmail refusing', () => {
  it('a draft Gmail refuses becomes a problem on its row; the other rows are drafted', () => {
    const w = sample();
    w.emulator.runtime.faults.push((call) =>
      call.method === 'Gmail.Users.Drafts.create' && call.count === 1
        ? 'API call to gmail.users.drafts.create failed with error: Invalid To header'
        : undefined,
    );
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.emulator.drafts()).toHaveLength(5);
    const refused = w.rows().filter((r) => r.problems.some((p) => p.includes('Gmail refused this draft')));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.draft).toBeNull();
  });

  it('a failed search stops the Gmail work with a message, and the scores are still written', () => {
    const w = sample();
    w.emulator.runtime.faults.push((call) =>
      call.method === 'Gmail.Users.Messages.list'
        ? 'API call to gmail.users.messages.list failed with error: Bad Request'
        : undefined,
    );
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(w.alerts().at(-1)).toMatch(/^Gmail failed \(.*Bad Request\); 0 drafts were made and kept/);
    expect(w.row('Contoso')).toMatchObject({ status: 'overdue', action: 'thank-you' });
  });
});

describe('Set up a tracker sheet and Check setup', () => {
  it('adds a new sheet with the headers, a Status dropdown, date formats, checkboxes, a frozen header and one example', () => {
    const w = sample();
    const before = w.emulator.displayValues(SHEET);
    expect(w.run('setUpTrackerSheet').ok).toBe(true);
    const sheet = findSheet(w.emulator.state.spreadsheet, 'Applications 2')!;
    const values = w.emulator.displayValues('Applications 2');
    expect(values[0]!.slice(0, 4)).toEqual(['Company', 'Role', 'Status', 'Applied']);
    expect(values[0]!.slice(-5)).toEqual(['Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft']);
    expect(values[1]![0]).toBe('Example Co (replace me)');
    expect(sheet.frozenRows).toBe(1);
    expect(JSON.stringify(sheet.dataValidations ?? sheet.cells.validations)).toMatch(/Interviewing/);
    expect(JSON.stringify(sheet.dataValidations ?? sheet.cells.validations)).toMatch(/checkbox/i);
    expect(w.emulator.displayValues(SHEET)).toEqual(before);
    // The example row scores without a draft: it is thanked and waiting for the end of next week.
    w.run('saveSettings', [{ trackerSheet: 'Applications 2' }]);
    w.run('draftFollowUps');
    expect(w.emulator.drafts()).toEqual([]);
    expect(w.row('Example Co (replace me)')).toMatchObject({ action: 'check-in', status: 'upcoming' });
  });

  it('Check setup says what is missing in plain words', () => {
    const w = world({ csv: `Company,Applied\nAcme,{{today-3}}\n`, settings: null });
    w.run('checkSetup');
    const [alert] = w.emulator.uiLog.alerts;
    expect(alert!.title).toBe('Setup needs attention');
    expect(alert!.message).toContain('✓ Tracker sheet "Applications" with 1 application.');
    expect(alert!.message).toContain('✗ Your name is not set: add it in Follow-ups › Settings…');
    expect(alert!.message).toContain('Daily drafts are off');
    expect(alert!.message).toContain('✓ Gmail access works (alex@example.com).');
    expect(alert!.message).toMatch(/Columns worth adding: Role, Interview date/);
  });
});
