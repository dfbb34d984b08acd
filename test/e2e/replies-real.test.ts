/**
 * Answers as hiring systems and mail servers really send them (docs/RULES.md §5, docs/DECISIONS.md "Replies and the
 * classifier"): a rejection on the interview evening, a hiring system's unsubscribe header, a recruiting group's
 * List-Id in the user's thread, a Workday tenant, two roles at one company, a country free-mail domain, an alias.
 */
import type { World } from './harness';
import { mailMaker, interviewedRow as row, interviewedTracker as tracker } from './reply-fixtures';

const mail = mailMaker('q');

const status = (w: World, company: string) => w.cell(company, 'Follow-up status');

describe('answers as they really come', () => {
  it('a rejection on the evening of the interview, with nothing of the user after it that day', () => {
    const w = tracker(
      [row('Harbourlight', 'lee@harbourlight.example')],
      [
        mail({
          from: 'Lee Adams <lee@harbourlight.example>',
          date: '2026-11-11T01:30:00Z',
          subject: 'Today',
          text: 'Thanks for coming in. We have decided not to move forward with your application.',
        }),
      ],
    );
    w.run('draftFollowUps');
    expect(status(w, 'Harbourlight')).toMatch(/^Waiting · looks like a rejection on 2026-11-10/);
    expect(w.emulator.drafts()).toHaveLength(0);
  });

  it('a hiring-system rejection with the List-Unsubscribe header such systems add to all their mail', () => {
    const w = tracker(
      [row('Harbourlight', 'lee@harbourlight.example')],
      [
        mail({
          from: 'Harbourlight Hiring <no-reply@us.greenhouse-mail.io>',
          date: '2026-11-14T15:00:00Z',
          subject: 'Your application to Harbourlight',
          text: 'Thank you for your time. We have decided to move forward with other candidates.',
          headers: { 'List-Unsubscribe': '<https://app.greenhouse.io/unsubscribe/abc>' },
        }),
      ],
    );
    w.run('draftFollowUps');
    expect(status(w, 'Harbourlight')).toMatch(/looks like a rejection on 2026-11-14/);
    expect(w.emulator.drafts()).toHaveLength(0);
  });

  it("a recruiting group's answer in the user's own thread counts, its List-Id notwithstanding", () => {
    const w = tracker(
      [row('Harbourlight', 'lee@harbourlight.example')],
      [
        mail({
          threadId: 'ty',
          from: 'Alex Doe <alex@example.com>',
          to: ['lee@harbourlight.example'],
          date: '2026-11-10T22:00:00Z',
          subject: 'Thank you',
          labels: ['SENT'],
        }),
        mail({
          threadId: 'ty',
          from: 'Harbourlight Recruiting <recruiting@harbourlight.example>',
          date: '2026-11-13T15:00:00Z',
          subject: 'Re: Thank you',
          text: 'We would like to invite you to a final round.',
          headers: { 'List-Id': '<recruiting.harbourlight.example>' },
        }),
      ],
    );
    w.run('draftFollowUps');
    expect(status(w, 'Harbourlight')).toMatch(/they want to talk/);
    expect(w.emulator.drafts()).toHaveLength(0);
  });

  it('a Workday tenant named in the address, and only the row whose role the message names', () => {
    const w = tracker(
      [
        row('Vantora Corp', 'lee@vantora.example', 'Data Analyst'),
        row('Vantora Corp', 'kim@vantora.example', 'QA Lead'),
      ],
      [
        mail({
          from: 'Workday <vantoracorp@myworkday.com>',
          date: '2026-11-14T15:00:00Z',
          subject: 'Update: Data Analyst',
          text: 'We regret to inform you that the position has been filled.',
        }),
      ],
    );
    w.run('draftFollowUps');
    const rows = w.rows();
    expect(rows.find((r) => r.row === 2)?.status).toBe('waiting');
    expect(rows.find((r) => r.row === 3)).toMatchObject({ action: 'check-in', status: 'due-today' });
    const drafts = w.emulator.drafts();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.to.join()).toContain('kim@vantora.example');
  });

  it('a stranger at the same country free-mail domain as the contact is no answer', () => {
    const w = tracker(
      [row('Fernhill', 'pat.fernhill@outlook.de')],
      [
        mail({
          from: 'Max Muster <max.m@outlook.de>',
          date: '2026-11-14T15:00:00Z',
          subject: 'Dein Paket',
          text: 'Ihr Paket ist unterwegs.',
        }),
      ],
    );
    w.run('draftFollowUps');
    expect(w.row('Fernhill')).toMatchObject({ action: 'check-in', status: 'due-today' });
    expect(w.emulator.drafts()).toHaveLength(1);
  });

  it("the user's own mail from a send-as alias is the user's, not a colleague's answer", () => {
    const messages = [
      mail({
        threadId: 'k',
        from: 'Lee Adams <lee@harbourlight.example>',
        date: '2026-11-09T15:00:00Z',
        subject: 'Interview',
        text: 'See you tomorrow.',
      }),
      mail({
        threadId: 'k',
        from: 'Alex Doe <alex.doe@studio.example>',
        to: ['lee@harbourlight.example'],
        date: '2026-11-12T15:00:00Z',
        subject: 'Re: Interview',
        text: 'Here is the portfolio link.',
      }),
    ];
    const w = tracker([row('Harbourlight', 'lee@harbourlight.example')], messages, ['alex.doe@studio.example']);
    w.run('draftFollowUps');
    expect(w.row('Harbourlight')).toMatchObject({ action: 'check-in', status: 'due-today' });
    expect(w.emulator.drafts()).toHaveLength(1);
  });
});
