/**
 * Typed entry of dates, date-times and times: which texts Sheets turns into a Date cell, the instant it stores and
 * the number format it gives the cell, by the spreadsheet's locale and time zone.
 */

import { DAY_NAMES, MONTH_NAMES } from '../platform/timezone';
import { defaultDateFormat, localeNames } from './format';
import { localeSeparators } from './locale';
import type { DateCell } from './state';
import { isRealDay, wallClock, zonedToEpoch } from './time';

/** What typed entry needs to read a date: the spreadsheet's locale and zone, and the emulated clock. */
export interface TypedEntryContext {
  locale: string;
  timeZone: string;
  /** Epoch ms of the emulated clock: a year-less date (`Nov 25`) takes its year in the spreadsheet zone. */
  now: number | null;
}

/** A date entry: the instant stored and the number format the cell gets. */
export interface DateEntry {
  value: DateCell;
  format: string;
}

interface DayPart {
  year: number | null;
  month: number;
  day: number;
  /** The number format that shows the date the way it was typed. */
  format: string;
  /** 0 = Sunday, when a weekday was typed. */
  weekday: number | null;
}

interface TimePart {
  hour: number;
  minute: number;
  second: number;
  format: string;
}

/** A month (1–12) or weekday (0 = Sunday) a word names, and whether it is the full name. */
interface NamedWord {
  index: number;
  full: boolean;
}

interface WordTables {
  months: Map<string, NamedWord>;
  weekdays: Map<string, NamedWord>;
  /** True when the locale's own short month names end with a dot (fr `nov.`), so a typed dot is part of it. */
  dottedShort: boolean;
  /** Lowercase first letters of every month and weekday name, TRUE and FALSE (see isPlainTextEntry). */
  initials: Set<string>;
}

const tablesCache = new Map<string, WordTables>();

/** Month and weekday names typed entry reads: English ones in every locale, and the locale's own. */
function wordTables(locale: string): WordTables {
  let tables = tablesCache.get(locale);
  if (tables) return tables;
  const months = new Map<string, NamedWord>();
  const weekdays = new Map<string, NamedWord>();
  const add = (map: Map<string, NamedWord>, names: readonly string[], first: number, full: boolean) => {
    names.forEach((name, i) => {
      const key = name.toLowerCase().replace(/\.$/, '');
      if (key !== '' && !map.has(key)) map.set(key, { index: first + i, full });
    });
  };
  const own = localeNames(locale);
  add(months, MONTH_NAMES, 1, true);
  add(months, own.months, 1, true);
  add(
    months,
    MONTH_NAMES.map((m) => m.slice(0, 3)),
    1,
    false,
  );
  add(months, own.monthsShort, 1, false);
  add(months, ['Sept'], 9, false);
  add(weekdays, DAY_NAMES, 0, true);
  add(weekdays, own.days, 0, true);
  add(
    weekdays,
    DAY_NAMES.map((d) => d.slice(0, 3)),
    0,
    false,
  );
  add(weekdays, own.daysShort, 0, false);
  const initials = new Set<string>(['t', 'f']);
  for (const key of [...months.keys(), ...weekdays.keys()]) initials.add(key[0]!);
  tables = { months, weekdays, dottedShort: own.monthsShort.some((m) => m.endsWith('.')), initials };
  tablesCache.set(locale, tables);
  return tables;
}

/** Lowercase letters a month name, a weekday, TRUE or FALSE can start with, in this locale. */
export function entryInitials(locale: string): Set<string> {
  return wordTables(locale).initials;
}

/** Sheets' reading of a two-digit year: 00–29 are 2000–2029, 30–99 are 1930–1999 (as Excel and LibreOffice). */
function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/** A literal piece of a number format (spaces, commas, dots and hyphens print as they are). */
function literal(sep: string): string {
  return sep.replace(/\s+/g, ' ');
}

const ISO = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const NUMERIC = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})$/;
const YEARLESS = /^(\d{1,2})\/(\d{1,2})$/;
const MONTH_FIRST = /^(?:(\p{L}+)(\.?,?\s+))?(\p{L}+)(\.?\s+)(\d{1,2})(?:(,?\s+)(\d{4}))?$/u;
const DAY_FIRST = /^(?:(\p{L}+)(\.?,?\s+))?(\d{1,2})(\s+)(\p{L}+)(\.?)(?:(,?\s+)(\d{4}))?$/u;
const DASHED = /^(\d{1,2})-(\p{L}+)(?:-(\d{4}|\d{2}))?$/u;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:(\s?)([ap]m))?$/i;
const DATE_THEN_TIME = /^(.+?)\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]m)?)$/i;

function dayToken(digits: string): string {
  return digits.length === 2 && digits.startsWith('0') ? 'dd' : 'd';
}

/** The weekday typed (-1 when the word is none) and its `ddd`/`dddd` format with what followed it. */
function weekdayFormat(word: string | undefined, sep: string | undefined, t: WordTables): [number | null, string] {
  if (word === undefined) return [null, ''];
  const named = t.weekdays.get(word.toLowerCase());
  if (named === undefined) return [-1, ''];
  return [named.index, `${named.full ? 'dddd' : 'ddd'}${literal(sep ?? ' ')}`];
}

/** Month-name dates: `Nov 25, 2026`, `Wed, Nov 25`, `25 Nov 2026`, `25 November`, `10-Nov-26`. */
function namedDay(text: string, locale: string): DayPart | null {
  const t = wordTables(locale);
  let m = MONTH_FIRST.exec(text);
  if (m) {
    const month = t.months.get(m[3]!.toLowerCase());
    const [weekday, wdFormat] = weekdayFormat(m[1], m[2], t);
    if (month === undefined || weekday === -1) return null;
    const monthSep = t.dottedShort ? m[4]!.replace(/^\./, '') : m[4]!;
    const yearFormat = m[7] === undefined ? '' : `${literal(m[6]!)}yyyy`;
    return {
      year: m[7] === undefined ? null : Number(m[7]),
      month: month.index,
      day: Number(m[5]),
      format: `${wdFormat}${month.full ? 'mmmm' : 'mmm'}${literal(monthSep)}${dayToken(m[5]!)}${yearFormat}`,
      weekday,
    };
  }
  m = DAY_FIRST.exec(text);
  if (m) {
    const month = t.months.get(m[5]!.toLowerCase());
    const [weekday, wdFormat] = weekdayFormat(m[1], m[2], t);
    if (month === undefined || weekday === -1) return null;
    const dot = t.dottedShort ? '' : m[6]!;
    const yearFormat = m[8] === undefined ? '' : `${literal(m[7]!)}yyyy`;
    return {
      year: m[8] === undefined ? null : Number(m[8]),
      month: month.index,
      day: Number(m[3]),
      format: `${wdFormat}${dayToken(m[3]!)}${literal(m[4]!)}${month.full ? 'mmmm' : 'mmm'}${dot}${yearFormat}`,
      weekday,
    };
  }
  m = DASHED.exec(text);
  if (m) {
    const month = t.months.get(m[2]!.toLowerCase());
    if (month === undefined) return null;
    const year = m[3] === undefined ? null : fullYear(m[3]);
    const yearFormat = m[3] === undefined ? '' : m[3].length === 4 ? '-yyyy' : '-yy';
    const format = `${dayToken(m[1]!)}-${month.full ? 'mmmm' : 'mmm'}${yearFormat}`;
    return { year, month: month.index, day: Number(m[1]), format, weekday: null };
  }
  return null;
}

/** Numeric dates: ISO, `m/d/yyyy` or `d/m/yyyy` by locale (two-digit years too), `d.m.yyyy` outside English, `m/d`. */
function numericDay(text: string, locale: string): DayPart | null {
  let m = ISO.exec(text);
  if (m) {
    const format = m[2] === '-' ? 'yyyy-mm-dd' : 'yyyy/mm/dd';
    return { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]), format, weekday: null };
  }
  const { monthFirst } = localeSeparators(locale);
  m = NUMERIC.exec(text);
  if (m) {
    if (m[2] === '.' && (locale.startsWith('en') || m[4]!.length === 2)) return null;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4]!);
    const format = defaultDateFormat(locale);
    return monthFirst && m[2] === '/'
      ? { year, month: a, day: b, format, weekday: null }
      : { year, month: b, day: a, format, weekday: null };
  }
  m = YEARLESS.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return monthFirst
      ? { year: null, month: a, day: b, format: 'M/d', weekday: null }
      : { year: null, month: b, day: a, format: 'd/M', weekday: null };
  }
  return null;
}

/** `10:30`, `14:30:00`, `2:30 PM`, `2:30pm` (hours 0–23, or 1–12 with AM/PM; minutes and seconds two digits). */
function timeOfDay(text: string): TimePart | null {
  const m = TIME.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  if (minute > 59 || second > 59) return null;
  const ampm = m[5]?.toLowerCase();
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  const h = m[1]!.length === 2 && m[1]!.startsWith('0') ? 'hh' : 'h';
  const seconds = m[3] === undefined ? '' : ':ss';
  const format = ampm === undefined ? `${h.toUpperCase()}:mm${seconds}` : `${h}:mm${seconds}${m[4] ?? ''}am/pm`;
  return { hour, minute, second, format };
}

function readDay(text: string, ctx: TypedEntryContext): { y: number; m: number; d: number; format: string } | null {
  const first = text.charCodeAt(0);
  const part =
    first >= 48 && first <= 57
      ? (numericDay(text, ctx.locale) ?? namedDay(text, ctx.locale))
      : namedDay(text, ctx.locale);
  if (!part) return null;
  let year = part.year;
  if (year === null) {
    // Without the emulated clock a year-less date cannot be dated, so it stays text.
    if (ctx.now === null) return null;
    year = wallClock(ctx.now, ctx.timeZone).year;
  }
  if (!isRealDay(year, part.month, part.day)) return null;
  // A weekday that does not match the date is not a date (undocumented; the harsher reading).
  if (part.weekday !== null && new Date(Date.UTC(year, part.month - 1, part.day)).getUTCDay() !== part.weekday) {
    return null;
  }
  return { y: year, m: part.month, d: part.day, format: part.format };
}

/**
 * The Date cell Sheets makes of typed text (already trimmed), or null when the text is not a date:
 * - dates: ISO `2026-11-25` (format `yyyy-mm-dd`), `11/25/2026` in en_US or `25/11/2026` elsewhere, two-digit years
 *   (`11/25/26`), `25.11.2026` outside English (the locale's default date format); month names in either order,
 *   abbreviated or not, with or without a weekday (`Nov 25, 2026`, `Wed 25 Nov 2026`, `10-Nov-26`), kept in the
 *   format they were typed in; year-less `Nov 25`, `25 Nov`, `11/25` (en_US; `25/11` elsewhere) in the current year
 *   of the emulated clock — midnight in the spreadsheet zone;
 * - date-times: any of those, a space, then a time (`2026-11-25 14:00`, `11/25/2026 2:30 PM`): that wall time in
 *   the spreadsheet zone, with a date-time format;
 * - times (`10:30`, `2:30 PM`, `14:30:00`): that wall time on 1899-12-30 (Sheets' day 0), with a time format.
 * A comma before the time (LinkedIn's `11/10/26, 3:07 PM`) is not read: undocumented, so the harsher reading.
 */
export function parseDateEntry(text: string, ctx: TypedEntryContext): DateEntry | null {
  const time = timeOfDay(text);
  if (time) {
    const ms = zonedToEpoch(1899, 12, 30, time.hour, time.minute, time.second, ctx.timeZone);
    return { value: { d: ms }, format: time.format };
  }
  const split = DATE_THEN_TIME.exec(text);
  const dayText = split ? split[1]! : text;
  const day = readDay(dayText, ctx);
  if (!day) return null;
  if (!split) return { value: { d: zonedToEpoch(day.y, day.m, day.d, 0, 0, 0, ctx.timeZone) }, format: day.format };
  const at = timeOfDay(split[2]!);
  if (!at) return null;
  const ms = zonedToEpoch(day.y, day.m, day.d, at.hour, at.minute, at.second, ctx.timeZone);
  return { value: { d: ms }, format: `${day.format} ${at.format}` };
}
