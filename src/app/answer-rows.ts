/**
 * Which rows' mail is read for an employer's answer before drafting (docs/RULES.md §5).
 */
import type { TrackedRow } from './tracker-model';

function isDue(row: TrackedRow): boolean {
  const e = row.evaluation;
  return e.action !== null && (e.status === 'overdue' || e.status === 'due-today');
}

/**
 * The rows whose mail is read for an answer (docs/RULES.md §5): every due check-in. A row that heard back keeps what
 * its answer said from the store of recent answers (mail-answers.ts), without a read.
 */
export function awaitsAnswer(row: TrackedRow): boolean {
  return isDue(row) && row.evaluation.action !== 'thank-you' && row.evaluation.lastOutreach !== null;
}
