/**
 * Answers in Gmail as they really come (docs/RULES.md §5), through the built add-on and the emulator: a colleague in
 * the user's thread, a hiring system naming the company, someone else at the company's domain, but never a free-mail
 * neighbour, an auto-reply, a newsletter or an application receipt — over several days.
 */
import type { MailboxFileMessage } from '../../emulator/gmail';
import { nextDay, putCell, SHEET, type World, world } from './harness';
import { interviewedRow, interviewedTracker, mailMaker } from './reply-fixtures';

/** One interviewed application (reply-fixtures.ts), and any more rows. */
function tracker(company: string, email: string, messages: MailboxFileMessage[], extra: string[][] = []): World {
  return interviewedTracker([interviewedRow(company, email), ...extra], messages);
}

const mail = mailMaker('r');

/** The thank-you the user sent after the interview, in thread `tk`. */
const THANK_YOU = (to: string) =>
  mail({
    id: 'ty',
    threadId: 'tk',
    from: 'Alex Doe <alex@example.com>',
    to: [to],
    date: '2026-11-10T21:00:00Z',
    subject: 'Alex Doe – Thank you',
    text: 'Thank you for today.',
    labels: ['SENT'],
    messageId: '<ty@mail.example>',
  });

function draftsTo(w: World, address: string): number {
  return w.emulator.drafts().filter((d) => d.to.includes(address)).length;
}

describe('replies from the company and its hiring system', () => {
  it('a colleague at a recruiting agency answering in the thread with the recruiter is a reply', () => {
    const w = tracker('Harbourlight', 'lee@harbourlight.example', [
      THANK_YOU('lee@harbourlight.example'),
      mail({
        threadId: 'tk',
        from: 'Jordan Pike <jordan@talentbridge.example>',
        date: '2026-11-13T15:00:00Z',
        subject: 'Re: Alex Doe – Thank you',
        text: 'Lee is out this week; I am covering the search and will update you on Friday.',
        inReplyTo: '<ty@mail.example>',
      }),
    ]);
    w.run('draftFollowUps');
    expect(w.row('Harbourlight')).toMatchObject({ action: null, status: 'waiting' });
    expect(w.cell('Harbourlight', 'Heard back')).toBe('11/13/2026');
    expect(w.cell('Harbourlight', 'Follow-up status')).toBe('Waiting · they replied on 2026-11-13');
    expect(w.emulator.drafts()).toHaveLength(0);
  });

  it('a rejection from a hiring system naming the company stops follow-ups, and Status is left to the user', () => {
    const w = tracker('Harbourlight Inc.', 'lee@harbourlight.example', [
      THANK_YOU('lee@harbourlight.example'),
      mail({
        from: 'Harbourlight Recruiting <no-reply@hire.lever.co>',
        date: '2026-11-15T14:00:00Z',
        subject: 'Platform Engineer',
        text: 'Thank you for your interest. After review, we will not be moving forward with your application.',
      }),
    ]);
    w.run('draftFollowUps');
    expect(w.cell('Harbourlight Inc.', 'Follow-up status')).toBe(
      'Waiting · looks like a rejection on 2026-11-15: set Status to Rejected',
    );
    expect(w.cell('Harbourlight Inc.', 'Heard back')).toBe('11/15/2026');
    expect(w.cell('Harbourlight Inc.', 'Status')).toBe('Interviewing');
    expect(w.emulator.drafts()).toHaveLength(0);
    // Days later, nothing is drafted and the row still says what the answer was, from the store: its mail is not
    // read again (Heard back stopped the follow-up), so no thread is fetched.
    nextDay(w, '2026-11-26');
    const threadsBefore = w.emulator.runtime.methodCalls['Gmail.Users.Threads.get'] ?? 0;
    w.run('draftFollowUps');
    expect(w.emulator.runtime.methodCalls['Gmail.Users.Threads.get'] ?? 0).toBe(threadsBefore);
    expect(w.emulator.drafts()).toHaveLength(0);
    expect(w.cell('Harbourlight Inc.', 'Follow-up status')).toMatch(/looks like a rejection on 2026-11-15/);
    // A month on, the answer is old news: the row just says it heard back.
    nextDay(w, '2026-12-16');
    w.run('draftFollowUps');
    expect(w.cell('Harbourlight Inc.', 'Follow-up status')).toBe('Waiting · heard back: update next steps');
  });

  it('a new outreach after the rejection (a later interview typed in) ends what the row says about it', () => {
    const w = tracker('Harbourlight', 'lee@harbourlight.example', [
      mail({
        from: 'Harbourlight Recruiting <no-reply@hire.lever.co>',
        date: '2026-11-15T14:00:00Z',
        subject: 'Platform Engineer',
        text: 'We regret to inform you that the position has been filled.',
      }),
    ]);
    w.run('draftFollowUps');
    expect(w.cell('Harbourlight', 'Follow-up status')).toMatch(/looks like a rejection/);
    const header = w.emulator.state.spreadsheet.sheets[0]!.cells.values[0]!;
    putCell(w.emulator, SHEET, 1, header.indexOf('Interview date'), { date: '2026-11-17' });
    nextDay(w, '2026-11-19');
    w.run('draftFollowUps');
    expect(w.cell('Harbourlight', 'Follow-up status')).not.toMatch(/looks like a rejection/);
    expect(w.row('Harbourlight')).toMatchObject({ action: 'thank-you' });
  });

  it('hiring-system mail about another company is not a reply', () => {
    const w = tracker('Harbourlight', 'lee@harbourlight.example', [
      mail({
        from: 'Quillstone Careers <no-reply@us.greenhouse-mail.io>',
        date: '2026-11-15T14:00:00Z',
        subject: 'Your application to Quillstone',
        text: 'Unfortunately we have decided to move forward with other candidates.',
      }),
    ]);
    w.run('draftFollowUps');
    expect(w.row('Harbourlight')).toMatchObject({ action: 'check-in', status: 'due-today' });
    expect(draftsTo(w, 'lee@harbourlight.example')).toBe(1);
  });

  it('someone else at the company domain is a reply; someone else at a free-mail domain is not', () => {
    const w = tracker(
      'Harbourlight',
      'lee@harbourlight.example',
      [
        mail({ from: 'Sam Ortiz <sam.ortiz@eu.harbourlight.example>', date: '2026-11-16T12:00:00Z', subject: 'Hello' }),
        mail({ from: 'Kim Vo <kim.vo.1988@gmail.com>', date: '2026-11-16T12:00:00Z', subject: 'Quick question' }),
      ],
      [
        [
          'Fernhill',
          'Analyst',
          'Interviewing',
          '2026-11-02',
          '2026-11-10',
          '2026-11-17',
          'Pat',
          'pat.fernhill@gmail.com',
          '2026-11-10',
          '',
        ],
      ],
    );
    w.run('draftFollowUps');
    expect(w.row('Harbourlight')).toMatchObject({ action: null, status: 'waiting' });
    expect(w.row('Fernhill')).toMatchObject({ action: 'check-in', status: 'due-today' });
    expect(draftsTo(w, 'pat.fernhill@gmail.com')).toBe(1);
    expect(w.cell('Fernhill', 'Heard back')).toBe('');
  });
});

describe('mail that is not an answer', () => {
  it('an auto-reply known only by its header leaves the check-in due and is mentioned on the row', () => {
    const w = tracker('Harbourlight', 'lee@harbourlight.example', [
      THANK_YOU('lee@harbourlight.example'),
      mail({
        threadId: 'tk',
        from: 'Lee Adams <lee@harbourlight.example>',
        date: '2026-11-11T09:00:00Z',
        subject: 'Re: Alex Doe – Thank you',
        text: 'I am travelling until 20 November with limited access to email.',
        headers: { 'X-Autoreply': 'yes' },
      }),
    ]);
    w.run('draftFollowUps');
    expect(w.row('Harbourlight')).toMatchObject({ action: 'check-in', status: 'due-today' });
    expect(w.cell('Harbourlight', 'Follow-up status')).toMatch(/out of office reply on 2026-11-11/);
    expect(w.cell('Harbourlight', 'Heard back')).toBe('');
    expect(draftsTo(w, 'lee@harbourlight.example')).toBe(1);
  });

  it('a careers newsletter from the company domain is not a reply', () => {
    const w = tracker('Harbourlight', 'lee@harbourlight.example', [
      mail({
        from: 'Harbourlight Careers <careers@harbourlight.example>',
        date: '2026-11-16T12:00:00Z',
        subject: 'Life at Harbourlight: November',
        text: 'Meet the platform team.',
        headers: { 'List-Unsubscribe': '<https://harbourlight.example/unsubscribe>' },
      }),
    ]);
    w.run('draftFollowUps');
    expect(w.cell('Harbourlight', 'Heard back')).toBe('');
    expect(draftsTo(w, 'lee@harbourlight.example')).toBe(1);
  });

  it('an application receipt from a hiring system does not stop the application check-in, and is noted', () => {
    const grid = [
      ['Company', 'Role', 'Status', 'Applied', 'Recruiter', 'Recruiter email', 'Heard back'],
      ['Harbourlight', 'Platform Engineer', 'Applied', '2026-11-04', 'Lee Adams', 'lee@harbourlight.example', ''],
    ].map((line) => line.map((typed) => ({ typed })));
    const messages = [
      mail({
        from: 'Harbourlight <harbourlight@myworkday.com>',
        date: '2026-11-04T16:00:00Z',
        subject: 'Thank you for applying',
        text: 'We have received your application for Platform Engineer and will review it shortly.',
      }),
    ];
    const w = world({ today: '2026-11-18', timeZone: 'America/New_York', locale: 'en_US', grid, messages });
    w.run('draftFollowUps');
    expect(w.row('Harbourlight')).toMatchObject({ action: 'application-check-in' });
    expect(w.cell('Harbourlight', 'Follow-up status')).toMatch(/application received on 2026-11-04/);
    expect(w.cell('Harbourlight', 'Heard back')).toBe('');
    expect(draftsTo(w, 'lee@harbourlight.example')).toBe(1);
  });
});
