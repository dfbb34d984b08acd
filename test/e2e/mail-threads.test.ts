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

  it('skips an out-of-office and a calendar notice, and References keeps the root when the parent has only In-Reply-To', () => {
    const base = { to: ['alex@example.com'], cc: [], text: '', labels: ['INBOX'] };
    const w = world({
      today: '2026-11-18',
      csv,
      messages: [
        {
          ...base,
          id: 's0',
          threadId: 't0',
          from: 'Alex Doe <alex@example.com>',
          to: ['dana@brightwave.example'],
          date: '2026-11-02T15:00:00Z',
          subject: 'Interview times',
          messageId: '<s0@alex.example>',
          labels: ['SENT'],
        },
        {
          ...base,
          id: 'd1',
          threadId: 't0',
          from: 'Dana Okafor <dana@brightwave.example>',
          date: '2026-11-03T15:00:00Z',
          subject: 'Re: Interview times',
          messageId: '<d1@brightwave.example>',
          inReplyTo: '<s0@alex.example>',
        },
        {
          ...base,
          id: 'o1',
          threadId: 'ooo',
          from: 'Dana Okafor <dana@brightwave.example>',
          date: '2026-11-11T15:00:00Z',
          subject: 'Automatic reply: Alex Doe – Thank you',
          headers: { 'Auto-Submitted': 'auto-replied' },
        },
        {
          ...base,
          id: 'c1',
          threadId: 'cal',
          from: 'Dana Okafor <dana@brightwave.example>',
          date: '2026-11-12T15:00:00Z',
          subject: 'Updated invitation: Debrief @ Thu Nov 12, 2026 3pm (EST) (alex@example.com)',
          headers: { 'Auto-Submitted': 'auto-generated' },
        },
      ],
    });
    expect(w.run('draftFollowUps').ok).toBe(true);
    const drafts = w.emulator.drafts();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      threadId: 't0',
      subject: 'Re: Interview times',
      inReplyTo: '<d1@brightwave.example>',
      references: ['<s0@alex.example>', '<d1@brightwave.example>'],
    });
  });
});
