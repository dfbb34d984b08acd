/**
 * Which rows' mail is read for an employer's answer before drafting (docs/RULES.md §5).
 */
import type { CalendarDate } from '../core/dates';
import type { TrackedRow } from './tracker-model';

/** How long after Heard back a row's answer is read again, so a rejection keeps its "Mark as rejected". */
const ANSWER_SHOWN_DAYS = 30;

function isDue(row: TrackedRow): boolean {
  const e = row.evaluation;
  return e.action !== null && (e.status === 'overdue' || e.status === 'due-today');
}

/**
 * The rows whose mail is read for an answer (docs/RULES.md §5): every due check-in, and a row that heard back since
 * its last outreach in the last 30 days, so what that answer said (a rejection to mark) stays on the row.
 */
export function awaitsAnswer(row: TrackedRow, today: CalendarDate): boolean {
  const { evaluation: e, app } = row;
  if (e.lastOutreach === null) return false;
  if (isDue(row)) return e.action !== 'thank-you';
  const heard = app.heardBack.yes ? app.heardBack.date : undefined;
  return e.status === 'waiting' && heard !== undefined && heard >= e.lastOutreach && today - heard <= ANSWER_SHOWN_DAYS;
}
