/**
 * Dates that are probably misread or mistyped (docs/RULES.md §2, Plausibility): each is a problem that blocks the
 * row's draft, names the cell and says what to check.
 */
import { type CalendarDate, toIso } from './dates';

/** The date cells a row reads, by the field they fill. */
export type DatedField =
  | 'applied'
  | 'interview'
  | 'expected'
  | 'plannedFollowUp'
  | 'thankYou'
  | 'heardBack'
  | 'lastFollowUp';

/** How a date cell was read: for messages that name it, and whether its day and month may be the other way round. */
export interface DateCell {
  /** The column's header as the sheet shows it. */
  header: string;
  /** The cell as typed ('' for a Date cell). */
  text: string;
  date: CalendarDate;
  /** Text with a day and month both 12 or less: read by the locale, but possibly meant the other way. */
  swappable: boolean;
}

export type PlausibilityCode = 'interview-before-applied' | 'applied-after-today' | 'far-future-date';

export interface Implausible {
  code: PlausibilityCode;
  message: string;
}

/** How far ahead a date may lie before it is probably a typo (docs/RULES.md §2). */
export const FUTURE_LIMIT_DAYS = 60;

function named(cell: DateCell): string {
  return cell.text === '' || cell.text === toIso(cell.date)
    ? `${cell.header} ${toIso(cell.date)}`
    : `${cell.header} "${cell.text}" (read as ${toIso(cell.date)})`;
}

function swapHint(...cells: DateCell[]): string {
  return cells.some((c) => c.swappable) ? '; day and month may be swapped' : '';
}

/**
 * The problems of a row's dates on `today`: the interview before the applied date, the applied date after today, and
 * any date more than 60 days ahead (one problem per cell).
 * @example implausibleDates({ applied: { header: 'Applied', text: '2027-11-10', date, swappable: false } }, today)
 */
export function implausibleDates(
  cells: Readonly<Partial<Record<DatedField, DateCell>>>,
  today: CalendarDate,
): Implausible[] {
  const found: Implausible[] = [];
  const { applied, interview } = cells;
  if (applied && interview && interview.date < applied.date) {
    found.push({
      code: 'interview-before-applied',
      message: `${named(interview)} is before ${named(applied)}: check both dates${swapHint(interview, applied)}`,
    });
  }
  if (applied && applied.date > today) {
    found.push({
      code: 'applied-after-today',
      message: `${named(applied)} is after today: check the date${swapHint(applied)}`,
    });
  }
  // Object.keys, not entries: no [field, cell] pair per cell (same order).
  for (const field of Object.keys(cells) as DatedField[]) {
    const cell = cells[field]!;
    if (field === 'applied' && cell.date > today) continue;
    if (cell.date - today > FUTURE_LIMIT_DAYS) {
      found.push({
        code: 'far-future-date',
        message: `${named(cell)} is more than ${FUTURE_LIMIT_DAYS} days ahead: check the date${swapHint(cell)}`,
      });
    }
  }
  return found;
}
