/**
 * Reading one data row into an Application (docs/RULES.md §2). The header lookups are made once per sheet
 * (rowLayout), so that reading a row builds only what the Application keeps: no closures, no spread contexts.
 */
import type { Application, OwnAddress, Problem } from './application';
import { type CellValue, cellText, type DateRead, type ReadContext, readCount, readDate, readYes } from './cells';
import { COLUMN_HEADERS, COLUMN_KEYS, type ColumnKey, type HeaderMap } from './columns';
import { isOwnAddress, readAddress } from './contacts';
import { type CalendarDate, isDateObject, toIso } from './dates';
import { parseDraftRecord } from './draftcell';
import { parseExpectedPhrase } from './parse';
import type { DatedField } from './plausibility';
import { readStatus } from './status';

/** A sheet's columns as a row reader needs them: made once per sheet by rowLayout. */
export interface RowLayout {
  /** Zero-based column index of each key, -1 for a key the sheet does not have. */
  index: Readonly<Record<ColumnKey, number>>;
  /** Each key's header as the sheet shows it (or its usual header when the sheet has none), for messages. */
  header: Readonly<Record<ColumnKey, string>>;
  /** The add-on's Draft column, -1 when there is none. */
  draft: number;
}

/** The lookups of a HeaderMap that every row of the sheet makes, made once. */
export function rowLayout(headers: HeaderMap): RowLayout {
  const index = {} as Record<ColumnKey, number>;
  const header = {} as Record<ColumnKey, string>;
  for (const key of COLUMN_KEYS) {
    index[key] = headers.columns[key] ?? -1;
    header[key] = headers.labels[key] || COLUMN_HEADERS[key][0]!;
  }
  return { index, header, draft: headers.managed.draft ?? -1 };
}

/** The cell at a layout index ('' for a column the sheet does not have). */
function cellAt(cells: readonly CellValue[], index: number): CellValue {
  return index === -1 ? '' : cells[index];
}

function describeValue(value: CellValue): string {
  const text = isDateObject(value) ? 'an invalid date' : cellText(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** What a row's readers add to: its problems, dated cells and own addresses, in the order they are found. */
interface RowFindings {
  problems: Problem[];
  dateCells: Application['dateCells'];
  ownAddresses: OwnAddress[];
}

/** Records how a date cell was read; `whole` is the cell read as a date on its own, against its reference day. */
function noteDate(
  found: RowFindings,
  value: CellValue,
  header: string,
  field: DatedField,
  date: CalendarDate,
  whole: DateRead,
): void {
  const text = typeof value === 'string' ? value.trim() : '';
  found.dateCells[field] = {
    header,
    text,
    date,
    swappable: whole.kind === 'date' && whole.swappable,
  };
}

// The helpers below take the cell and its header rather than the key, so that the hot path makes only named
// property loads on the layout (in readRow), not keyed ones.

function dateOf(
  found: RowFindings,
  value: CellValue,
  header: string,
  ctx: ReadContext,
  key: 'applied' | 'interview' | 'plannedFollowUp',
): CalendarDate | null {
  const read = readDate(value, ctx);
  if (read.kind === 'date') {
    noteDate(found, value, header, key, read.date, read);
    return read.date;
  }
  if (read.kind === 'time-only') {
    found.problems.push({
      code: 'time-only-date',
      message: `${header} "${describeValue(value)}" holds only a time: type the date, like ${toIso(ctx.today)}`,
      blocking: false,
    });
  } else if (read.kind === 'unreadable') {
    found.problems.push({
      code: 'unreadable-date',
      message: `${header} "${describeValue(value)}" is not a date I can read; type it like ${toIso(ctx.today)}`,
      blocking: false,
    });
  }
  return null;
}

function extraAddresses(found: RowFindings, header: string, address: string, leftOut: readonly string[]): void {
  found.problems.push({
    code: 'extra-addresses',
    message: `${header} holds ${leftOut.length + 1} addresses; the draft goes to ${address} only (${leftOut.join(', ')} left out)`,
    blocking: false,
  });
}

function emailOf(
  found: RowFindings,
  value: CellValue,
  header: string,
  ctx: ReadContext,
  key: 'recruiterEmail' | 'interviewerEmail',
): string | null {
  const read = readAddress(value);
  if (read.kind === 'blank') return null;
  if (read.kind === 'invalid') {
    const why = read.lineBreak
      ? 'has a line break in it: keep one address on one line'
      : 'is not a valid email address';
    found.problems.push({
      code: 'invalid-email',
      message: `${header} "${describeValue(value)}" ${why}`,
      blocking: false,
    });
    return null;
  }
  const own = ctx.ownAddresses ?? [];
  // None of the user's own addresses to leave out: the read as it is (the common case, with no arrays to build).
  if (own.length === 0) {
    if (read.leftOut.length > 0) extraAddresses(found, header, read.address, read.leftOut);
    return read.address;
  }
  const all = [read.address, ...read.leftOut];
  for (const address of all.filter((a) => isOwnAddress(a, own))) found.ownAddresses.push({ key, header, address });
  const [address, ...leftOut] = all.filter((a) => !isOwnAddress(a, own));
  if (address !== undefined && leftOut.length > 0) extraAddresses(found, header, address, leftOut);
  return address ?? null;
}

function yesOf(
  found: RowFindings,
  value: CellValue,
  header: string,
  ctx: ReadContext,
  key: 'thankYou' | 'heardBack' | 'lastFollowUp',
): Application['thankYou'] {
  const read = readYes(value, ctx);
  if (read.date !== undefined) noteDate(found, value, header, key, read.date, readDate(value, ctx));
  return read;
}

/** Reads one data row; `cells` is the row of `getValues()`, `sheetRow` its 1-based row number. */
export function readApplication(
  cells: readonly CellValue[],
  sheetRow: number,
  headers: HeaderMap,
  ctx: ReadContext,
): Application {
  return readRow(cells, sheetRow, rowLayout(headers), ctx);
}

/** readApplication with the sheet's layout made once (scoreTracker reads every row with one layout). */
export function readRow(
  cells: readonly CellValue[],
  sheetRow: number,
  layout: RowLayout,
  ctx: ReadContext,
): Application {
  const found: RowFindings = { problems: [], dateCells: {}, ownAddresses: [] };
  const { problems } = found;
  const { index, header } = layout;
  const applied = dateOf(found, cellAt(cells, index.applied), header.applied, ctx, 'applied');
  const interview = dateOf(found, cellAt(cells, index.interview), header.interview, ctx, 'interview');
  const plannedFollowUp = dateOf(
    found,
    cellAt(cells, index.plannedFollowUp),
    header.plannedFollowUp,
    ctx,
    'plannedFollowUp',
  );

  let expected: number | null = null;
  let expectedUnreadable: string | null = null;
  const expectedCell = cellAt(cells, index.expected);
  // Read against the interview day; only text reads by a reference day, so other cells keep the context as it is.
  const expectedCtx = interview === null || typeof expectedCell !== 'string' ? ctx : { ...ctx, today: interview };
  const expectedRead = readDate(expectedCell, expectedCtx);
  if (expectedRead.kind === 'date') {
    expected = expectedRead.date;
    noteDate(found, expectedCell, header.expected, 'expected', expected, expectedRead);
  } else if (expectedRead.kind !== 'blank') {
    const phrase =
      interview !== null && typeof expectedCell === 'string' ? parseExpectedPhrase(expectedCell, interview) : null;
    if (phrase !== null) expected = phrase;
    else expectedUnreadable = describeValue(expectedCell);
  }

  const count = readCount(cellAt(cells, index.followUps));
  if (count.kind === 'unreadable') {
    problems.push({
      code: 'unreadable-count',
      message: `${header.followUps} "${count.text.slice(0, 40)}" is not a whole number; it is counted as 0`,
      blocking: false,
    });
  }
  // A heard-back text that reads as closed ("Rejected", "No offer") closes the row as a closed status does.
  const status = readStatus(cellAt(cells, index.status));
  const heardBackCell = cellAt(cells, index.heardBack);
  const heardStatus = readStatus(heardBackCell);
  // In this order: the email cells' problems come after the dates' and the count's, recruiter first.
  const recruiterEmail = emailOf(
    found,
    cellAt(cells, index.recruiterEmail),
    header.recruiterEmail,
    ctx,
    'recruiterEmail',
  );
  const interviewerEmail = emailOf(
    found,
    cellAt(cells, index.interviewerEmail),
    header.interviewerEmail,
    ctx,
    'interviewerEmail',
  );
  const thankYou = yesOf(found, cellAt(cells, index.thankYou), header.thankYou, ctx, 'thankYou');
  const heardBack = yesOf(found, heardBackCell, header.heardBack, ctx, 'heardBack');
  const lastFollowUp = yesOf(found, cellAt(cells, index.lastFollowUp), header.lastFollowUp, ctx, 'lastFollowUp');
  return {
    row: sheetRow,
    company: cellText(cellAt(cells, index.company)),
    role: cellText(cellAt(cells, index.role)),
    status: status.kind !== 'closed' && heardStatus.kind === 'closed' ? heardStatus : status,
    applied,
    interview,
    expected,
    expectedUnreadable,
    plannedFollowUp,
    dateCells: found.dateCells,
    recruiterName: cellText(cellAt(cells, index.recruiter)),
    recruiterEmail,
    interviewerName: cellText(cellAt(cells, index.interviewer)),
    interviewerEmail,
    ownAddresses: found.ownAddresses,
    thankYou,
    heardBack,
    lastFollowUp,
    followUps: count.kind === 'count' ? count.count : 0,
    personalNote: cellText(cellAt(cells, index.personalNote)),
    notes: cellText(cellAt(cells, index.notes)),
    update: cellText(cellAt(cells, index.update)),
    draft: layout.draft === -1 ? null : parseDraftRecord(cells[layout.draft]),
    problems,
  };
}
