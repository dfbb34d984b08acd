/** Reading single cells (docs/RULES.md §2): dates, yes-marks and counts, as Sheets and real exports hand them back. */
import { type CalendarDate, fromYmd, instantToDate, isDateObject } from './dates';
import { TextMemo } from './memo';
import { findTextDate, isTimeOnlyText, readTextDate } from './parse';

/** What `Range.getValues()` can hand back, plus what a fuzzer might. */
export type CellValue = unknown;

export interface ReadContext {
  timeZone: string;
  locale: string;
  today: CalendarDate;
  /** The user's Gmail address and send-as aliases: never a recipient (docs/RULES.md §2). */
  ownAddresses?: readonly string[];
}

export type DateRead =
  | { kind: 'blank' }
  /** `swappable`: typed as text with a day and month that could be the other way round (both 12 or less). */
  | { kind: 'date'; date: CalendarDate; swappable: boolean }
  /** A time of day and no date: a Date cell on Sheets' day zero, a fraction, or text such as "14:30". */
  | { kind: 'time-only' }
  | { kind: 'unreadable'; text: string };

/** Sheets stores dates as days since 1899-12-30; a plain number in a date column is read that way. */
const SHEETS_EPOCH_OFFSET = 25_569;
/** The day Sheets puts a time-only cell on (docs/RULES.md §2). */
const SHEETS_DAY_ZERO = fromYmd(1899, 12, 30)!;

export function isBlank(value: CellValue): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function cellText(value: CellValue): string {
  // Text (most cells): blank text trims to '' as well.
  if (typeof value === 'string') return value.trim();
  if (isBlank(value)) return '';
  if (isDateObject(value)) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value).trim();
}

/** The first and last days a Date cell may fall on (years 1000–9999); outside them it is a typo such as 0202-11-25. */
const FIRST_DAY = fromYmd(1000, 1, 1)!;
const LAST_DAY = fromYmd(9999, 12, 31)!;

/** Text cells read as dates, by locale, reference day and text; the reads are shared, never to be mutated. */
const textDates = new TextMemo<DateRead>();

/** A non-blank text cell read as a date: pure given the locale and the reference day (see readDate). */
function readDateText(value: string, locale: string, today: CalendarDate): DateRead {
  if (isTimeOnlyText(value)) return { kind: 'time-only' };
  const read = readTextDate(value, locale, today);
  if (read !== null) return { kind: 'date', ...read };
  return { kind: 'unreadable', text: value.trim() };
}

/**
 * A Date cell is its calendar date in the spreadsheet's time zone, a number is a Sheets date serial, and text is
 * read by the locale (see readTextDate). A text's read is memoised per locale and `ctx.today`, so the same read
 * object may come back for many cells: callers must not mutate it.
 */
export function readDate(value: CellValue, ctx: ReadContext): DateRead {
  if (typeof value === 'string') {
    if (value.trim() === '') return { kind: 'blank' };
    return textDates.get(ctx.locale, ctx.today, value, readDateText);
  }
  if (value === null || value === undefined) return { kind: 'blank' };
  if (isDateObject(value)) {
    try {
      const date = instantToDate(value.getTime(), ctx.timeZone);
      if (date === SHEETS_DAY_ZERO) return { kind: 'time-only' };
      if (date >= FIRST_DAY && date <= LAST_DAY) return { kind: 'date', date, swappable: false };
    } catch {
      // An invalid Date.
    }
    // An invalid Date, or one outside the years 1000–9999 (a typo such as 0202-11-25).
    return { kind: 'unreadable', text: 'an invalid date' };
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (value >= 0 && value < 1) return { kind: 'time-only' };
    if (value > 20_000 && value < 120_000) {
      return { kind: 'date', date: Math.floor(value) - SHEETS_EPOCH_OFFSET, swappable: false };
    }
  }
  return { kind: 'unreadable', text: cellText(value) };
}

export type YesRead = { yes: false; date?: undefined } | { yes: true; date?: CalendarDate };

/**
 * Words a "yes" starts with (docs/RULES.md §2), plus "ok" and the yes of the built-in languages (a French "Oui" is
 * as done as a "Yes").
 */
const YES_WORDS = new Set([
  'yes',
  'y',
  'x',
  'true',
  'sent',
  'done',
  'emailed',
  'thanked',
  'replied',
  'ok',
  'oui',
  'ja',
  'si',
  'sí',
]);
const CHECK_MARK = /^[✓✔✅☑]/u;
// What may stand between "yes" and the date it happened: "yes - emailed 11/23", "Sent on 23 Nov", "Done: 11/23".
const CONNECTOR = /^(?:[\s\-–—:,;.!()]+|on\b|le\b|am\b|el\b)+/iu;

/** The date inside the rest of a yes-mark ("emailed 11/23" → 11/23), or undefined. */
function dateAfterMark(rest: string, locale: string, today: CalendarDate): CalendarDate | undefined {
  let text = rest;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(CONNECTOR, '');
    const word = /^\p{L}+/u.exec(text)?.[0];
    if (word && YES_WORDS.has(word.toLowerCase())) text = text.slice(word.length);
  }
  return text === '' ? undefined : (findTextDate(text, locale, today) ?? undefined);
}

/**
 * A thank-you, heard-back or last-follow-up cell (docs/RULES.md §2): "yes" for a date, TRUE, a check mark (any emoji
 * variation), x, or text that starts with yes, y, sent, done, emailed, thanked or replied; a date inside such text
 * (`Sent 11/23`) is the date it happened. "No", "not yet", "pending" are not yes.
 */
export function readYes(value: CellValue, ctx: ReadContext): YesRead {
  if (value === true) return { yes: true };
  if (typeof value === 'string') {
    if (value.trim() === '') return { yes: false };
    // A copy: the memoised read is shared by every cell with this text.
    const read = textYeses.get(ctx.locale, ctx.today, value, readYesText);
    if (!read.yes) return { yes: false };
    return read.date === undefined ? { yes: true } : { yes: true, date: read.date };
  }
  if (isBlank(value) || value === false) return { yes: false };
  const asDate = readDate(value, ctx);
  if (asDate.kind === 'date') return { yes: true, date: asDate.date };
  // A time and no date: something was recorded, so never a second thank-you (a 0 is a plain "no").
  if (asDate.kind === 'time-only' && typeof value !== 'number') return { yes: true };
  return { yes: false };
}

/** Text yes-marks, by locale, reference day and text (see readYes). */
const textYeses = new TextMemo<YesRead>();

/** A non-blank text read as a yes-mark: pure given the locale and the reference day. */
function readYesText(value: string, locale: string, today: CalendarDate): YesRead {
  const asDate = textDates.get(locale, today, value, readDateText);
  if (asDate.kind === 'date') return { yes: true, date: asDate.date };
  // A time and no date: something was recorded, so never a second thank-you.
  if (asDate.kind === 'time-only') return { yes: true };
  const text = value
    .normalize('NFKC')
    .replace(/[\u{FE0E}\u{FE0F}]/gu, '')
    .trim();
  if (CHECK_MARK.test(text)) {
    const date = dateAfterMark(text.slice([...text][0]!.length), locale, today);
    return date === undefined ? { yes: true } : { yes: true, date };
  }
  const first = /^[\p{L}]+/u.exec(text)?.[0];
  if (!first || !YES_WORDS.has(first.toLowerCase())) return { yes: false };
  const date = dateAfterMark(text.slice(first.length), locale, today);
  return date === undefined ? { yes: true } : { yes: true, date };
}

export type CountRead = { kind: 'count'; count: number } | { kind: 'unreadable'; text: string };

/** Follow-ups sent: a whole number; blank is 0. */
export function readCount(value: CellValue): CountRead {
  if (isBlank(value) || value === false) return { kind: 'count', count: 0 };
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (Number.isInteger(n) && n >= 0 && n < 1000) return { kind: 'count', count: n };
  return { kind: 'unreadable', text: cellText(value) };
}
