/**
 * Where the add-on's own columns are (docs/RULES.md §1): the columns marked as its own, the columns of an earlier
 * version it adopts once, and the columns it has to add — with a distinct header beside a user's column of the same
 * name, which it never writes.
 */
import { type CellValue, isBlank } from '../core/cells';
import {
  type ColumnKey,
  MANAGED_HEADERS,
  MANAGED_KEYS,
  type ManagedKey,
  matchHeaders,
  normaliseHeader,
} from '../core/columns';
import { parseDraftRecord } from '../core/draftcell';
import { ACTION_LABELS } from '../core/templates';

/** The header the add-on gives its column when the user already has one named like it (docs/DECISIONS.md). */
export const DISTINCT_HEADERS: Readonly<Record<ManagedKey, string>> = {
  nextFollowUp: 'Follow-up action',
  due: 'Follow-up due',
  followUpStatus: 'Follow-up state',
  priority: 'Follow-up priority',
  draft: 'Follow-up draft',
};

const DISTINCT_PATTERN = Object.fromEntries(
  MANAGED_KEYS.map((k) => [k, new RegExp(`^${normaliseHeader(DISTINCT_HEADERS[k])}( \\d+)?$`)]),
) as Record<ManagedKey, RegExp>;

export interface ManagedLayout {
  /** Zero-based column of each managed key found so far (marked, adopted, or added this run). */
  columns: Partial<Record<ManagedKey, number>>;
  /** Unmarked columns of an earlier version taken as the add-on's: marked this run. */
  adopted: ManagedKey[];
  /** Columns to append, in order, each marked as it is added. */
  missing: { key: ManagedKey; header: string }[];
  /** The user's own columns named like managed ones, left alone (the run summary names them once). */
  userColumns: { key: ManagedKey; header: string }[];
}

const ACTION_TEXTS = new Set(Object.values(ACTION_LABELS).map((l) => l.toLowerCase()));
const STATUS_TEXT = /^(Overdue|Due today|Upcoming|Scheduled|Waiting|Not applied|Closed)(\s·|$)/;

/** True when a cell holds what the add-on writes in a `key` column (see write-back.ts managedCell). */
export function isManagedValue(key: ManagedKey, value: CellValue): boolean {
  switch (key) {
    case 'nextFollowUp':
      return typeof value === 'string' && ACTION_TEXTS.has(value.trim().toLowerCase());
    case 'followUpStatus':
      return typeof value === 'string' && STATUS_TEXT.test(value.trim());
    case 'priority':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
    case 'due':
      return value instanceof Date;
    case 'draft':
      return parseDraftRecord(value) !== null;
  }
}

/** True when every non-blank cell under the header (data rows of `values`) is something the add-on writes there. */
export function looksManaged(values: readonly (readonly CellValue[])[], column: number, key: ManagedKey): boolean {
  return values.slice(1).every((row) => isBlank(row[column]) || isManagedValue(key, row[column] ?? ''));
}

function hasData(values: readonly (readonly CellValue[])[], column: number): boolean {
  return values.slice(1).some((row) => !isBlank(row[column]));
}

/**
 * Finds the managed columns. Marks win, wherever the column moved and whatever it is called now. An unmarked column
 * with a managed header is adopted only on a sheet an earlier version ran on: a Next follow-up or Follow-up status
 * column of the add-on's words, or all five headers with nothing but the add-on's values (a date or a number alone
 * says nothing about who wrote it), and then only when its own cells pass `looksManaged`.
 * @param marks the columns the sheet's developer metadata marks, by managed key
 * @param overrides the `columns` setting, so that a header mapped to a user key is never adopted
 */
export function locateManaged(
  values: readonly (readonly CellValue[])[],
  marks: Readonly<Partial<Record<ManagedKey, number>>>,
  overrides: Readonly<Partial<Record<ColumnKey, string>>> = {},
): ManagedLayout {
  const headerRow = values[0] ?? [];
  const { managedHeaders } = matchHeaders(headerRow, { marked: Object.values(marks), overrides });
  const layout: ManagedLayout = { columns: { ...marks }, adopted: [], missing: [], userColumns: [] };
  const unmarked = MANAGED_KEYS.filter((k) => marks[k] === undefined);
  const markedColumns = new Set(Object.values(marks));
  // A distinct header is the add-on's own invention: a run stopped between adding its column and marking it.
  const distinct = (key: ManagedKey) => {
    const index = headerRow.findIndex(
      (h, i) => !markedColumns.has(i) && DISTINCT_PATTERN[key].test(normaliseHeader(h)) && looksManaged(values, i, key),
    );
    return index === -1 ? undefined : { index, header: String(headerRow[index]), key };
  };
  const candidate = (key: ManagedKey) => distinct(key) ?? managedHeaders.find((m) => m.key === key);
  const passes = (key: ManagedKey) => {
    const c = candidate(key);
    return c !== undefined && looksManaged(values, c.index, key);
  };
  const ranBefore =
    (['nextFollowUp', 'followUpStatus'] as const).some((k) => {
      const c = candidate(k);
      return c !== undefined && hasData(values, c.index) && looksManaged(values, c.index, k);
    }) ||
    MANAGED_KEYS.some((k) => marks[k] === undefined && distinct(k) !== undefined) ||
    MANAGED_KEYS.every((k) => marks[k] !== undefined || passes(k));
  const taken = new Set(headerRow.map(normaliseHeader));
  for (const key of unmarked) {
    const found = candidate(key);
    if (found && ranBefore && passes(key)) {
      layout.columns[key] = found.index;
      layout.adopted.push(key);
      continue;
    }
    const user = managedHeaders.find((m) => m.key === key);
    if (user) layout.userColumns.push({ key, header: user.header });
    let header =
      user || taken.has(normaliseHeader(MANAGED_HEADERS[key])) ? DISTINCT_HEADERS[key] : MANAGED_HEADERS[key];
    for (let n = 2; taken.has(normaliseHeader(header)); n++) header = `${DISTINCT_HEADERS[key]} ${n}`;
    taken.add(normaliseHeader(header));
    layout.missing.push({ key, header });
  }
  return layout;
}

/** Zero-based columns the layout holds (never read as user columns). */
export function layoutColumns(layout: ManagedLayout): number[] {
  return Object.values(layout.columns);
}
