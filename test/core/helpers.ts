/** Builders shared by the core tests: a tracker row from a few named cells, read and scored like the add-on does. */
import type { CellValue, ReadContext } from '../../src/core/cells';
import { matchHeaders } from '../../src/core/columns';
import { type CalendarDate, fromIso, toIso } from '../../src/core/dates';
import { type Evaluation, evaluate } from '../../src/core/rules';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { readApplication } from '../../src/core/tracker';

export const HEADERS = [
  'Company',
  'Role',
  'Status',
  'Applied',
  'Interview date',
  'Expected response',
  'Recruiter',
  'Recruiter email',
  'Interviewer',
  'Interviewer email',
  'Thank-you sent',
  'Last follow-up',
  'Follow-ups sent',
  'Heard back',
  'Personal note',
  'Notes',
  'Update',
  'Follow-up date',
  'Draft',
] as const;

export type RowCells = Partial<Record<(typeof HEADERS)[number], CellValue>>;

export function day(iso: string): CalendarDate {
  const d = fromIso(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

export function context(today: string, timeZone = 'Europe/London', locale = 'en_GB'): ReadContext {
  return { today: day(today), timeZone, locale };
}

export function cellsOf(cells: RowCells): CellValue[] {
  return HEADERS.map((h) => cells[h] ?? '');
}

export interface Outcome {
  action: Evaluation['action'];
  due: string | null;
  status: Evaluation['status'];
  priority: number;
  problems: string[];
  evaluation: Evaluation;
}

/** Reads one row under the standard headers and evaluates it. */
export function score(
  cells: RowCells,
  today: string,
  settings: Partial<Settings> = {},
  ctx: Partial<ReadContext> = {},
): Outcome {
  const headers = matchHeaders(HEADERS);
  const readCtx = { ...context(today), ...ctx };
  const application = readApplication(cellsOf({ Company: 'Acme', Role: 'Engineer', ...cells }), 2, headers, readCtx);
  const evaluation = evaluate(application, { ...DEFAULT_SETTINGS, ...settings }, readCtx.today);
  return {
    action: evaluation.action,
    due: evaluation.due === null ? null : toIso(evaluation.due),
    status: evaluation.status,
    priority: evaluation.priority,
    problems: evaluation.problems.map((p) => p.code),
    evaluation,
  };
}
