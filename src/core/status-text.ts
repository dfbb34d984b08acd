/** The Status column's text of an evaluation (docs/RULES.md §3): "Overdue · 3 days", "Waiting · heard back: …". */
import type { Status } from './rules';
import type { Action } from './templates';

/** @example DAY(1) // '1 day' */
export const DAY = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

/**
 * Texts made once and handed to every row that shows them: a kept string per row ("Upcoming · in 3 days" for
 * 40,000 rows) would be 40,000 strings; days of 1,000 and more are made each time.
 */
const OVERDUE_TEXTS: string[] = [];
const INTERVIEW_TEXTS: string[] = [];
const UPCOMING_TEXTS: string[] = [];
const WAITING_TEXTS = new Map<string, string>();
const overdueText = (days: number) => `Overdue · ${DAY(days)}`;
const interviewText = (days: number) => `Upcoming · interview in ${DAY(days)}`;
const upcomingText = (days: number) => `Upcoming · in ${DAY(days)}`;

function byDays(texts: string[], days: number, text: (days: number) => string): string {
  if (!Number.isInteger(days) || days < 0 || days >= 1000) return text(days);
  let made = texts[days];
  if (made === undefined) {
    made = text(days);
    texts[days] = made;
  }
  return made;
}

/** The text shown for a status `days` from today (days overdue, or until due), with the waiting reason. */
export function statusText(status: Status, days: number, action: Action | null, waitingReason?: string): string {
  switch (status) {
    case 'overdue':
      return byDays(OVERDUE_TEXTS, days, overdueText);
    case 'due-today':
      return 'Due today';
    case 'upcoming':
      if (action === 'thank-you')
        return days === 1 ? 'Upcoming · interview tomorrow' : byDays(INTERVIEW_TEXTS, days, interviewText);
      return days === 1 ? 'Upcoming · tomorrow' : byDays(UPCOMING_TEXTS, days, upcomingText);
    case 'scheduled':
      return 'Scheduled · in Gmail';
    case 'waiting': {
      if (!waitingReason) return 'Waiting';
      let text = WAITING_TEXTS.get(waitingReason);
      if (text === undefined) {
        text = `Waiting · ${waitingReason}`;
        if (WAITING_TEXTS.size < 100) WAITING_TEXTS.set(waitingReason, text);
      }
      return text;
    }
    case 'not-applied':
      return 'Not applied';
    case 'closed':
      return 'Closed';
  }
}
