/** Reads a whole tracker grid (row 1 = headers) into applications, and scores every row in memory. */
import {
  type CellValue,
  cellText,
  isBlank,
  isClosedStatus,
  type ReadContext,
  readCount,
  readDate,
  readEmail,
  readYes,
} from './cells';
import { COLUMN_HEADERS, type ColumnKey, type HeaderMap, matchHeaders } from './columns';
import { isDateObject, toIso } from './dates';
import { parseDraftRecord } from './draftcell';
import { parseExpectedPhrase } from './parse';
import { type Application, type Evaluation, evaluate, type Problem } from './rules';
import type { Settings } from './settings';

export interface ScoredRow {
  application: Application;
  evaluation: Evaluation;
}

export interface ScoredTracker {
  headers: HeaderMap;
  rows: ScoredRow[];
  /** Problems with the sheet as a whole (duplicate headers). */
  sheetProblems: string[];
}

function describeValue(value: CellValue): string {
  const text = isDateObject(value) ? 'an invalid date' : cellText(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Reads one data row; `cells` is the row of `getValues()`, `sheetRow` its 1-based row number. */
export function readApplication(
  cells: readonly CellValue[],
  sheetRow: number,
  headers: HeaderMap,
  ctx: ReadContext,
): Application {
  const problems: Problem[] = [];
  const at = (key: ColumnKey): CellValue => {
    const index = headers.columns[key];
    return index === undefined ? '' : cells[index];
  };
  const header = (key: ColumnKey): string => COLUMN_HEADERS[key][0]!;
  const dateOf = (key: 'applied' | 'interview' | 'plannedFollowUp'): number | null => {
    const read = readDate(at(key), ctx);
    if (read.kind === 'date') return read.date;
    if (read.kind === 'unreadable') {
      problems.push({
        code: 'unreadable-date',
        message: `${header(key)} "${describeValue(at(key))}" is not a date I can read; type it like ${toIso(ctx.today)}`,
        blocking: false,
      });
    }
    return null;
  };
  const applied = dateOf('applied');
  const interview = dateOf('interview');
  const plannedFollowUp = dateOf('plannedFollowUp');

  let expected: number | null = null;
  let expectedUnreadable: string | null = null;
  const expectedCell = at('expected');
  const expectedRead = readDate(expectedCell, { ...ctx, today: interview ?? ctx.today });
  if (expectedRead.kind === 'date') expected = expectedRead.date;
  else if (expectedRead.kind === 'unreadable') {
    const phrase =
      interview !== null && typeof expectedCell === 'string' ? parseExpectedPhrase(expectedCell, interview) : null;
    if (phrase !== null) expected = phrase;
    else expectedUnreadable = describeValue(expectedCell);
  }

  const emailOf = (key: 'recruiterEmail' | 'interviewerEmail'): string | null => {
    const value = at(key);
    const email = readEmail(value);
    if (email === null && !isBlank(value)) {
      problems.push({
        code: 'invalid-email',
        message: `${header(key)} "${describeValue(value)}" is not a valid email address`,
        blocking: false,
      });
    }
    return email;
  };

  const count = readCount(at('followUps'));
  if (count.kind === 'unreadable') {
    problems.push({
      code: 'unreadable-count',
      message: `${header('followUps')} "${count.text.slice(0, 40)}" is not a whole number; it is counted as 0`,
      blocking: false,
    });
  }
  const draftIndex = headers.managed.draft;
  return {
    row: sheetRow,
    company: cellText(at('company')),
    role: cellText(at('role')),
    closed: isClosedStatus(at('status')),
    applied,
    interview,
    expected,
    expectedUnreadable,
    plannedFollowUp,
    recruiterName: cellText(at('recruiter')),
    recruiterEmail: emailOf('recruiterEmail'),
    interviewerName: cellText(at('interviewer')),
    interviewerEmail: emailOf('interviewerEmail'),
    thankYou: readYes(at('thankYou'), ctx),
    heardBack: readYes(at('heardBack'), ctx),
    lastFollowUp: readYes(at('lastFollowUp'), ctx),
    followUps: count.kind === 'count' ? count.count : 0,
    personalNote: cellText(at('personalNote')),
    notes: cellText(at('notes')),
    update: cellText(at('update')),
    draft: draftIndex === undefined ? null : parseDraftRecord(cells[draftIndex]),
    problems,
  };
}

/** True for a row that is an application: a non-blank Company cell. */
export function isApplicationRow(cells: readonly CellValue[], headers: HeaderMap): boolean {
  const index = headers.columns.company;
  return index !== undefined && !isBlank(cells[index]);
}

/**
 * Scores a whole grid as `getValues()` returns it. Never throws on odd cell values: a cell that cannot be read
 * becomes a problem on its row.
 */
export function scoreTracker(
  values: readonly (readonly CellValue[])[],
  settings: Settings,
  ctx: ReadContext,
): ScoredTracker {
  const headers = matchHeaders(values[0] ?? []);
  const sheetProblems = headers.duplicates.map(
    (d) => `Column "${d.header}" repeats another column's heading, so it is left alone.`,
  );
  const rows: ScoredRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i]!;
    if (!isApplicationRow(cells, headers)) continue;
    const application = readApplication(cells, i + 1, headers, ctx);
    rows.push({ application, evaluation: evaluate(application, settings, ctx.today) });
  }
  return { headers, rows, sheetProblems };
}
