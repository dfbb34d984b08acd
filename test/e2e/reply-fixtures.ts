/**
 * Shared set-up for the reply tests (replies.test.ts, replies-real.test.ts): an interviewed application whose
 * check-in is due on 2026-11-18 in New York, and incoming mail as the mailbox file writes it.
 */
import type { MailboxFileMessage } from '../../emulator/gmail';
import { type World, world } from './harness';

export const HEADER = [
  'Company',
  'Role',
  'Status',
  'Applied',
  'Interview date',
  'Expected response',
  'Recruiter',
  'Recruiter email',
  'Thank-you sent',
  'Heard back',
];

/** Interviewed on 2026-11-10, check-in due on 2026-11-18, the thank-you sent, nothing heard back. */
export function interviewedRow(company: string, email: string, role = 'Platform Engineer'): string[] {
  return [
    company,
    role,
    'Interviewing',
    '2026-11-02',
    '2026-11-10',
    '2026-11-17',
    'Lee Adams',
    email,
    '2026-11-10',
    '',
  ];
}

/** The tracker on 2026-11-18 (New York) with these rows under HEADER, the mailbox, and the user's send-as aliases. */
export function interviewedTracker(rows: string[][], messages: MailboxFileMessage[], aliases: string[] = []): World {
  const grid = [HEADER, ...rows].map((line) => line.map((typed) => ({ typed })));
  const w = world({ today: '2026-11-18', timeZone: 'America/New_York', locale: 'en_US', grid, messages });
  if (aliases.length > 0) w.emulator.state.mailbox.me.aliases = aliases.map((email) => ({ email, name: 'Alex Doe' }));
  return w;
}

/** A maker of incoming messages with ids `<prefix><n>` and their own threads unless given; `date` is an ISO instant. */
export function mailMaker(prefix: string) {
  let n = 0;
  return (
    over: Partial<MailboxFileMessage> & Pick<MailboxFileMessage, 'from' | 'date' | 'subject'>,
  ): MailboxFileMessage => {
    n++;
    return {
      id: `${prefix}${n}`,
      threadId: `${prefix}t${n}`,
      to: ['alex@example.com'],
      cc: [],
      text: '',
      labels: ['INBOX'],
      ...over,
    };
  };
}
