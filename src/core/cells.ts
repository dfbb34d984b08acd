/** Reading single cells (docs/RULES.md §2): dates, yes/no marks, counts, statuses and email addresses. */
import { type CalendarDate, instantToDate, isDateObject, toYmd } from './dates';
import { parseTextDate } from './parse';

/** What `Range.getValues()` can hand back, plus what a fuzzer might. */
export type CellValue = unknown;

export interface ReadContext {
  timeZone: string;
  locale: string;
  today: CalendarDate;
}

export type DateRead = { kind: 'blank' } | { kind: 'date'; date: CalendarDate } | { kind: 'unreadable'; text: string };

/** Sheets stores dates as days since 1899-12-30; a plain number in a date column is read that way. */
const SHEETS_EPOCH_OFFSET = 25_569;

export function isBlank(value: CellValue): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function cellText(value: CellValue): string {
  if (isBlank(value)) return '';
  if (isDateObject(value)) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value).trim();
}

/** A Date cell is its calendar date in the spreadsheet's time zone; text is read by the locale. */
export function readDate(value: CellValue, ctx: ReadContext): DateRead {
  if (isBlank(value)) return { kind: 'blank' };
  if (isDateObject(value)) {
    try {
      const date = instantToDate(value.getTime(), ctx.timeZone);
      const { year } = toYmd(date);
      if (year >= 1000 && year <= 9999) return { kind: 'date', date };
    } catch {
      // An invalid Date.
    }
    // An invalid Date, or one outside the years 1000–9999 (a typo such as 0202-11-25).
    return { kind: 'unreadable', text: 'an invalid date' };
  }
  if (typeof value === 'number' && Number.isFinite(value) && value > 20_000 && value < 120_000) {
    return { kind: 'date', date: Math.floor(value) - SHEETS_EPOCH_OFFSET };
  }
  if (typeof value === 'string') {
    const date = parseTextDate(value, ctx.locale, ctx.today);
    if (date !== null) return { kind: 'date', date };
  }
  return { kind: 'unreadable', text: cellText(value) };
}

export type YesRead = { yes: false; date?: undefined } | { yes: true; date?: CalendarDate };

const YES_WORDS = new Set(['yes', 'y', 'x', '✓', '✔', '✔️', '☑', 'true', 'sent', 'done', 'ok', 'replied', 'thanked']);

/** A thank-you, heard-back or last-follow-up cell: a date, TRUE, or a word such as yes/x/✓/sent/done. */
export function readYes(value: CellValue, ctx: ReadContext): YesRead {
  if (value === true) return { yes: true };
  if (isBlank(value) || value === false) return { yes: false };
  const asDate = readDate(value, ctx);
  if (asDate.kind === 'date') return { yes: true, date: asDate.date };
  const text = cellText(value)
    .toLowerCase()
    .replace(/[.!]+$/, '');
  return YES_WORDS.has(text) ? { yes: true } : { yes: false };
}

export type CountRead = { kind: 'count'; count: number } | { kind: 'unreadable'; text: string };

/** Follow-ups sent: a whole number; blank is 0. */
export function readCount(value: CellValue): CountRead {
  if (isBlank(value) || value === false) return { kind: 'count', count: 0 };
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (Number.isInteger(n) && n >= 0 && n < 1000) return { kind: 'count', count: n };
  return { kind: 'unreadable', text: cellText(value) };
}

const CLOSED_STATUSES = [
  'offer',
  'accepted',
  'hired',
  'rejected',
  'declined',
  'withdrawn',
  'closed',
  'not selected',
  'no offer',
  'archived',
];

/** True when the status starts with one of the closed words of docs/RULES.md §2 (case-insensitive, whole words). */
export function isClosedStatus(value: CellValue): boolean {
  const words = cellText(value)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return CLOSED_STATUSES.some((closed) => words === closed || words.startsWith(`${closed} `));
}

// Deliberately narrow: one address, no display name, no whitespace or angle brackets that could smuggle headers.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** The address in a cell when it holds exactly one valid address (a `mailto:` prefix is tolerated). */
export function readEmail(value: CellValue): string | null {
  const text = cellText(value).replace(/^mailto:/i, '');
  if (text.length > 254 || !EMAIL.test(text) || text.includes('..')) return null;
  return text;
}

/**
 * The name to greet: the first word of a name cell, skipping a title such as Dr or Ms.
 * @example firstName('Dr. Jane Smith') // 'Jane'
 */
export function firstName(value: CellValue): string {
  const words = cellText(value)
    .replace(/[\r\n\t]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
  const titles = /^(?:mr|mrs|ms|mx|miss|dr|prof|sir|madam)\.?$/i;
  const first = words.find((w) => !titles.test(w));
  return first ? first.replace(/[,;]+$/, '') : '';
}
