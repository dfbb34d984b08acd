/** Check-ins reply in the latest thread with their recipient, whole subject kept (docs/RULES.md §4). */
import { world } from './harness';

const csv =
  'Company,Role,Status,Applied,Interview date,Expected response,Recruiter,Recruiter email,Interviewer,Interviewer email,Thank-you sent\n' +
  'Brightwave,Data Analyst,Interviewing,2026-11-01,2026-11-10,2026-11-17,Dana Okafor,dana@brightwave.example,Theo Marsh,theo@brightwave.example,2026-11-10\n';

const longSubject = `Data Analyst interview – next steps ${'and scheduling details '.repeat(12)}`.trim();

describe('check-in threading', () => {
  it('replies in the recruiter thread, not the later thank-you to the interviewer, with the whole Re: subject', () => {
    const w = world({
      today: '2026-11-18',
      csv,
      messages: [
        {
          id: 'a0',
          threadId: 't0',
          from: 'Dana Okafor <dana@brightwave.example>',
          to: ['alex@example.com'],
          cc: [],
          date: '2026-11-02T15:00:00Z',
          subject: longSubject,
          text: 'Would Tuesday the 10th work?',
          labels: ['INBOX'],
        },
        {
          id: 's1',
          threadId: 't2',
          from: 'Alex Doe <alex@example.com>',
          to: ['theo@brightwave.example'],
          cc: [],
          date: '2026-11-10T20:00:00Z',
          subject: 'Alex Doe – Thank you',
          text: 'Thank you for today.',
          labels: ['SENT'],
        },
      ],
    });
    expect(w.run('draftFollowUps').ok).toBe(true);
    const drafts = w.emulator.drafts();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ to: ['dana@brightwave.example'], threadId: 't0', subject: `Re: ${longSubject}` });
  });
});
