/** Reads a whole tracker grid (row 1 = headers) into applications, and scores every row in memory. */
import type { Application, OwnAddress, Problem } from './application';
import { type CellValue, cellText, isBlank, type ReadContext, readCount, readDate, readYes } from './cells';
import { COLUMN_HEADERS, type ColumnKey, type HeaderMap, KEY_LABELS, type MatchOptions, matchHeaders } from './columns';
import { isOwnAddress, readAddress } from './contacts';
import { type CalendarDate, isDateObject, toIso } from './dates';
import { parseDraftRecord } from './draftcell';
import { parseExpectedPhrase } from './parse';
import type { DatedField } from './plausibility';
import { type Evaluation, evaluate } from './rules';
import type { Settings } from './settings';
import { readStatus } from './status';

export interface ScoredRow {
  application: Application;
  evaluation: Evaluation;
}

export interface ScoredTracker {
  headers: HeaderMap;
  rows: ScoredRow[];
  /** Problems with the sheet as a whole (duplicate or ambiguous headers, rows without a company). */
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
  const header = (key: ColumnKey): string => headers.labels[key] || COLUMN_HEADERS[key][0]!;
  const dateCells: Application['dateCells'] = {};
  const noteDate = (field: DatedField, date: CalendarDate, reference = ctx.today) => {
    const value = at(field);
    const whole = readDate(value, { ...ctx, today: reference });
    const text = typeof value === 'string' ? value.trim() : '';
    dateCells[field] = { header: header(field), text, date, swappable: whole.kind === 'date' && whole.swappable };
  };
  const dateOf = (key: 'applied' | 'interview' | 'plannedFollowUp'): CalendarDate | null => {
    const read = readDate(at(key), ctx);
    if (read.kind === 'date') noteDate(key, read.date);
    else if (read.kind === 'time-only') {
      problems.push({
        code: 'time-only-date',
        message: `${header(key)} "${describeValue(at(key))}" holds only a time: type the date, like ${toIso(ctx.today)}`,
        blocking: false,
      });
    } else if (read.kind === 'unreadable') {
      problems.push({
        code: 'unreadable-date',
        message: `${header(key)} "${describeValue(at(key))}" is not a date I can read; type it like ${toIso(ctx.today)}`,
        blocking: false,
      });
    }
    return read.kind === 'date' ? read.date : null;
  };
  const applied = dateOf('applied');
  const interview = dateOf('interview');
  const plannedFollowUp = dateOf('plannedFollowUp');

  let expected: number | null = null;
  let expectedUnreadable: string | null = null;
  const expectedCell = at('expected');
  const expectedRead = readDate(expectedCell, { ...ctx, today: interview ?? ctx.today });
  if (expectedRead.kind === 'date') {
    expected = expectedRead.date;
    noteDate('expected', expected, interview ?? ctx.today);
  } else if (expectedRead.kind !== 'blank') {
    const phrase =
      interview !== null && typeof expectedCell === 'string' ? parseExpectedPhrase(expectedCell, interview) : null;
    if (phrase !== null) expected = phrase;
    else expectedUnreadable = describeValue(expectedCell);
  }

  const ownAddresses: OwnAddress[] = [];
  const emailOf = (key: 'recruiterEmail' | 'interviewerEmail'): string | null => {
    const value = at(key);
    const read = readAddress(value);
    if (read.kind === 'blank') return null;
    if (read.kind === 'invalid') {
      const why = read.lineBreak
        ? 'has a line break in it: keep one address on one line'
        : 'is not a valid email address';
      problems.push({
        code: 'invalid-email',
        message: `${header(key)} "${describeValue(value)}" ${why}`,
        blocking: false,
      });
      return null;
    }
    const all = [read.address, ...read.leftOut];
    const own = ctx.ownAddresses ?? [];
    for (const address of all.filter((a) => isOwnAddress(a, own)))
      ownAddresses.push({ key, header: header(key), address });
    const [address, ...leftOut] = all.filter((a) => !isOwnAddress(a, own));
    if (address !== undefined && leftOut.length > 0) {
      problems.push({
        code: 'extra-addresses',
        message: `${header(key)} holds ${leftOut.length + 1} addresses; the draft goes to ${address} only (${leftOut.join(', ')} left out)`,
        blocking: false,
      });
    }
    return address ?? null;
  };

  const count = readCount(at('followUps'));
  if (count.kind === 'unreadable') {
    problems.push({
      code: 'unreadable-count',
      message: `${header('followUps')} "${count.text.slice(0, 40)}" is not a whole number; it is counted as 0`,
      blocking: false,
    });
  }
  const yesOf = (key: 'thankYou' | 'heardBack' | 'lastFollowUp') => {
    const read = readYes(at(key), ctx);
    if (read.date !== undefined) noteDate(key, read.date);
    return read;
  };
  // A heard-back text that reads as closed ("Rejected", "No offer") closes the row as a closed status does.
  const status = readStatus(at('status'));
  const heardStatus = readStatus(at('heardBack'));
  const draftIndex = headers.managed.draft;
  return {
    row: sheetRow,
    company: cellText(at('company')),
    role: cellText(at('role')),
    status: status.kind !== 'closed' && heardStatus.kind === 'closed' ? heardStatus : status,
    applied,
    interview,
    expected,
    expectedUnreadable,
    plannedFollowUp,
    dateCells,
    recruiterName: cellText(at('recruiter')),
    recruiterEmail: emailOf('recruiterEmail'),
    interviewerName: cellText(at('interviewer')),
    interviewerEmail: emailOf('interviewerEmail'),
    ownAddresses,
    thankYou: yesOf('thankYou'),
    heardBack: yesOf('heardBack'),
    lastFollowUp: yesOf('lastFollowUp'),
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

/** True for a row with a blank company but other application data: what a merged Company cell leaves below it. */
function hasDataWithoutCompany(cells: readonly CellValue[], headers: HeaderMap): boolean {
  if (isApplicationRow(cells, headers) || headers.columns.company === undefined) return false;
  return Object.values(headers.columns).some((index) => !isBlank(cells[index]));
}

/** What is worth telling about the header row and the rows the run does not read (docs/RULES.md §1). */
function headerProblems(headers: HeaderMap): string[] {
  const problems = headers.duplicates.map(
    (d) => `Column "${d.header}" repeats another column's heading, so it is left alone.`,
  );
  for (const a of headers.ambiguous) {
    const meanings = a.keys.map((k) => KEY_LABELS[k]).join(' or ');
    problems.push(
      `Column "${a.header}" could hold ${meanings}, so it is not read: rename it, or map it in the Column headers setting (columns: {"${a.keys[0]}": "${a.header}"}).`,
    );
  }
  for (const m of headers.missingOverrides) {
    problems.push(
      `The Column headers setting (columns) reads ${KEY_LABELS[m.key]} from a column "${m.header}", but the sheet has none: rename your column to "${m.header}", or change columns.${m.key} in the settings.`,
    );
  }
  return problems;
}

function companyless(rows: number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  const more = rows.length > 10 ? ` and ${rows.length - 10} more` : '';
  const which = rows.length === 1 ? `Row ${shown} has` : `Rows ${shown}${more} have`;
  return `${which} data but no Company, so ${rows.length === 1 ? 'it is' : 'they are'} not read: is the Company cell merged? Unmerge it and fill in the company on every row.`;
}

/**
 * Scores a whole grid as `getValues()` returns it, reading the headers with the `columns` setting and the columns
 * the add-on marked (`marked`). Never throws on odd cell values: a cell that cannot be read becomes a problem on its
 * row.
 */
export function scoreTracker(
  values: readonly (readonly CellValue[])[],
  settings: Settings,
  ctx: ReadContext,
  options: Pick<MatchOptions, 'marked'> = {},
): ScoredTracker {
  const headers = matchHeaders(values[0] ?? [], { ...options, overrides: settings.columns });
  const sheetProblems = headerProblems(headers);
  const rows: ScoredRow[] = [];
  const orphans: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i]!;
    if (!isApplicationRow(cells, headers)) {
      if (hasDataWithoutCompany(cells, headers)) orphans.push(i + 1);
      continue;
    }
    const application = readApplication(cells, i + 1, headers, ctx);
    rows.push({ application, evaluation: evaluate(application, settings, ctx.today) });
  }
  if (orphans.length > 0) sheetProblems.push(companyless(orphans));
  return { headers, rows, sheetProblems };
}
