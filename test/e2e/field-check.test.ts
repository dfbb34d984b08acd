/** The maintainers' field check: what it prints in the emulator, and that it leaves nothing behind (README). */
import { nextDay, world } from './harness';

const csv =
  'Company,Role,Status,Applied,Interview date,Expected response,Recruiter,Recruiter email,Interviewer,Interviewer email,Thank-you sent\n' +
  'Brightwave,Data Analyst,Interviewing,2026-11-01,2026-11-10,2026-11-17,Dana Okafor,dana@brightwave.example,Theo Marsh,theo@brightwave.example,2026-11-10\n' +
  'Lumenfield,QA Lead,Applied,2026-11-02,,,Rui Jensen,rui@lumenfield.example,,,\n';

const fromDana = {
  id: 'a0',
  threadId: 't0',
  from: 'Dana Okafor <dana@brightwave.example>',
  to: ['alex@example.com'],
  date: '2026-11-02T15:00:00Z',
  subject: 'Data Analyst interview',
  text: 'Would Tuesday the 10th work?',
  labels: ['INBOX'],
};

const fromGreenhouse = {
  id: 'g0',
  threadId: 'tg',
  from: 'Lumenfield <no-reply@us.greenhouse-mail.io>',
  to: ['alex@example.com'],
  date: '2026-11-02T16:00:00Z',
  subject: 'Thank you for applying to Lumenfield',
  text: 'We have received your application.',
  labels: ['INBOX'],
};

describe('Field check (for maintainers)', () => {
  it('is in the menu and offered by Check setup', () => {
    const w = world({ today: '2026-11-18', csv, messages: [fromDana] });
    expect(w.emulator.run('onOpen', 'simple-trigger').ok).toBe(true);
    expect(w.emulator.uiLog.menuItemCaptions()).toContain('Field check (for maintainers)');
    w.run('checkSetup');
    expect(w.alerts().join('\n')).toMatch(/Field check \(for maintainers\) confirms once/);
  });

  it('prints what Gmail did, deletes its one draft and changes no cell', () => {
    const w = world({ today: '2026-11-18', csv, messages: [fromDana, fromGreenhouse] });
    w.run('draftFollowUps');
    const [draft] = w.emulator.drafts();
    expect(draft).toBeDefined();
    w.emulator.sendDraft(draft!.id);
    nextDay(w, '2026-11-19');
    w.run('draftFollowUps');
    const drafts = w.emulator.drafts().map((d) => d.id);
    const cells = w.emulator.displayValues('Applications');
    const result = w.run('fieldCheck');
    expect(result.ok).toBe(true);
    const lines = w.alerts().at(-1)!.split('\n');
    // The emulator keeps a new draft's Message-ID and, the harsher reading, gives every sent copy a new one.
    expect(lines[0]).toMatch(
      /^✓ A new draft keeps the Message-ID the add-on gives it \(<.+\.fieldcheck\.followup@example\.com>\)\.$/,
    );
    expect(lines[1]).toMatch(
      /^✗ 1 follow-up recorded as sent in the last 90 days, but no sent message kept the add-on's Message-ID \(\d+ read\)/,
    );
    expect(lines[2]).toMatch(/^• No message is scheduled now/);
    expect(lines[3]).toBe(
      '✓ One query of 6 terms found all the mail a search per contact finds (2 contacts with mail).',
    );
    // The emulator reads from:"domain" as Gmail's word match does: every sender at that domain and its subdomains.
    expect(lines[4]).toBe(
      '✓ A from:"domain" term found all the mail a search per contact address finds (1 company domain).',
    );
    expect(lines[5]).toBe("✓ A hiring system's domain term finds its mail subdomains too (us.greenhouse-mail.io).");
    expect(lines.at(-1)).toMatch(/made one draft to your own address and deleted it/);
    expect(w.emulator.drafts().map((d) => d.id)).toEqual(drafts);
    expect(w.emulator.displayValues('Applications')).toEqual(cells);
  });

  it('names the labels of a scheduled message', () => {
    const w = world({ today: '2026-11-18', csv, messages: [fromDana] });
    w.run('draftFollowUps');
    w.emulator.scheduleDraft(w.emulator.drafts()[0]!.id);
    w.run('fieldCheck');
    expect(w.alerts().at(-1)).toMatch(/✓ 1 scheduled message found; the labels they carry: SCHEDULED\./);
  });

  it('says what to switch on when Gmail is off, and makes nothing', () => {
    const w = world({ today: '2026-11-18', csv, gmailEnabled: false });
    w.run('fieldCheck');
    expect(w.alerts().at(-1)).toMatch(/add the Gmail API under Services/);
  });
});
