/** The mail high-water mark: a run after a complete read asks Gmail only for newer mail, and falls back when lost. */
import type { MailboxFileMessage } from '../../emulator/gmail';
import { MAIL_MARK_KEY } from '../../src/app/mail-mark';
import { type World, world } from './harness';

const csv =
  'Company,Role,Status,Applied,Interview date,Expected response,Recruiter,Recruiter email,Interviewer,Interviewer email,Thank-you sent\n' +
  'Brightwave,Data Analyst,Interviewing,2026-11-01,2026-11-10,2026-11-17,Dana Okafor,dana@brightwave.example,Theo Marsh,theo@brightwave.example,2026-11-10\n' +
  'Northwind,Backend Engineer,Interviewing,2026-11-01,2026-11-09,2026-11-16,Sam Lee,sam@northwind.example,,,2026-11-09\n';

const earlier: MailboxFileMessage[] = [
  {
    id: 'a0',
    threadId: 't0',
    from: 'Dana Okafor <dana@brightwave.example>',
    to: ['alex@example.com'],
    cc: [],
    date: '2026-11-02T15:00:00Z',
    subject: 'Data Analyst interview',
    text: 'Would Tuesday the 10th work?',
    labels: ['INBOX'],
  },
  {
    id: 'b0',
    threadId: 't1',
    from: 'Sam Lee <sam@northwind.example>',
    to: ['alex@example.com'],
    cc: [],
    date: '2026-11-03T10:00:00Z',
    subject: 'Backend Engineer interview',
    text: 'Are you free on the 9th?',
    labels: ['INBOX'],
  },
];

/** Gmail calls of one run of a handler, by method. */
function counted(w: World, handler = 'draftFollowUps'): Record<string, number> {
  const before = { ...w.emulator.runtime.methodCalls };
  expect(w.run(handler).ok).toBe(true);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(w.emulator.runtime.methodCalls)) {
    if (k.startsWith('Gmail.') && v - (before[k] ?? 0) > 0) out[k] = v - (before[k] ?? 0);
  }
  return out;
}

function drafted(): World {
  const w = world({ today: '2026-11-20', csv, messages: earlier });
  const first = counted(w);
  // The first run knows no mark: it reads both earlier threads, replies in them, and stores the mark.
  expect(first['Gmail.Users.Threads.get']).toBeGreaterThanOrEqual(2);
  expect(
    w.emulator
      .drafts()
      .map((d) => d.threadId)
      .sort(),
  ).toEqual(['t0', 't1']);
  expect(w.emulator.state.platform.properties.document[MAIL_MARK_KEY]).toBeTruthy();
  w.emulator.runtime.advance(60 * 60_000);
  return w;
}

describe('the mail high-water mark', () => {
  it('a same-day rerun reads no thread it already knows, and drafts nothing twice', () => {
    const w = drafted();
    const rerun = counted(w);
    expect(rerun['Gmail.Users.Threads.get'] ?? 0).toBe(0);
    expect(rerun['Gmail.Users.Messages.list']).toBeGreaterThanOrEqual(1);
    expect(w.emulator.drafts()).toHaveLength(2);
  });

  it('a reply that arrived since the mark is still found and recorded, reading only its thread', () => {
    const w = drafted();
    w.emulator.receive({
      id: 'a1',
      threadId: 't9',
      from: 'Dana Okafor <dana@brightwave.example>',
      to: ['alex@example.com'],
      cc: [],
      date: new Date(w.emulator.runtime.now - 60_000).toISOString(),
      subject: 'Your application',
      text: 'We will get back to you on Monday.',
      labels: ['INBOX'],
    });
    const run = counted(w);
    expect(run['Gmail.Users.Threads.get']).toBe(1);
    expect(w.cell('Brightwave', 'Heard back')).not.toBe('');
    expect(w.cell('Northwind', 'Heard back')).toBe('');
  });

  it('losing the mark falls back to a full read of every thread', () => {
    const w = drafted();
    const withMark = counted(w);
    delete w.emulator.state.platform.properties.document[MAIL_MARK_KEY];
    const lost = counted(w);
    expect(lost['Gmail.Users.Threads.get']).toBeGreaterThan(withMark['Gmail.Users.Threads.get'] ?? 0);
    expect(lost['Gmail.Users.Threads.get']).toBeGreaterThanOrEqual(2);
    expect(w.emulator.drafts()).toHaveLength(2);
    // The full read stores the mark again.
    expect(w.emulator.state.platform.properties.document[MAIL_MARK_KEY]).toBeTruthy();
  });

  it('a row whose contact changed since the mark is read in full', () => {
    const w = drafted();
    const grid = w.emulator.state.spreadsheet.sheets[0]!.cells.values;
    const header = grid[0]!.indexOf('Recruiter email');
    const row = grid.findIndex((r) => r?.[0] === 'Northwind');
    grid[row]![header] = 'sam.lee@northwind.example';
    w.emulator.receive({
      id: 'c0',
      threadId: 't5',
      from: 'Sam Lee <sam.lee@northwind.example>',
      to: ['alex@example.com'],
      cc: [],
      date: '2026-11-12T10:00:00Z',
      subject: 'Next steps',
      text: 'Thanks, we are deciding this week.',
      labels: ['INBOX'],
    });
    counted(w);
    // Older than the mark, but the row changed: its mail was read in full and the reply recorded.
    expect(w.cell('Northwind', 'Heard back')).not.toBe('');
  });
});
