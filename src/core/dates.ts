/**
 * Calendar dates as plain day numbers (days since 1970-01-01), so that rule arithmetic never touches
 * milliseconds and no daylight-saving change can move a due date.
 */

/** Days since 1970-01-01 in the proleptic Gregorian calendar. */
export type CalendarDate = number;

const MS_PER_DAY = 86_400_000;

/**
 * The calendar date of a year, month (1–12) and day, or null when the day does not exist.
 * @example fromYmd(2026, 11, 25) // 20417
 */
export function fromYmd(year: number, month: number, day: number): CalendarDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return ms / MS_PER_DAY;
}

/** Year, month (1–12) and day of a calendar date. */
export function toYmd(date: CalendarDate): { year: number; month: number; day: number } {
  const d = new Date(date * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** @example toIso(fromYmd(2026, 11, 25)!) // '2026-11-25' */
export function toIso(date: CalendarDate): string {
  const { year, month, day } = toYmd(date);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses exactly `YYYY-MM-DD`; null for anything else or an impossible day. */
export function fromIso(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? fromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return date + days;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(date: CalendarDate): number {
  return (((date + 4) % 7) + 7) % 7;
}

export const SATURDAY = 6;
export const SUNDAY = 0;
export const FRIDAY = 5;

/** Moves a Saturday or Sunday to the following Monday; other days are unchanged. */
export function rollToWeekday(date: CalendarDate): CalendarDate {
  const dow = dayOfWeek(date);
  if (dow === SATURDAY) return date + 2;
  if (dow === SUNDAY) return date + 1;
  return date;
}

/** The first date strictly after `date` that falls on `weekday` (0 = Sunday). */
export function nextWeekday(date: CalendarDate, weekday: number): CalendarDate {
  const delta = (weekday - dayOfWeek(date) + 7) % 7;
  return date + (delta === 0 ? 7 : delta);
}

/** The date of `weekday` in the Monday-to-Sunday week that holds `date`. */
export function weekdayOfWeek(date: CalendarDate, weekday: number): CalendarDate {
  const mondayBased = (dayOfWeek(date) + 6) % 7;
  const target = (weekday + 6) % 7;
  return date - mondayBased + target;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClock(ms: number, timeZone: string): { date: CalendarDate; msOfDay: number } {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  // Any year, not only the 1000–9999 that fromYmd accepts from people: rule arithmetic on a date read at the edge of
  // that window (a Last follow-up of 9999-12-31 plus a week) must still convert, not throw.
  const day = new Date(0);
  day.setUTCFullYear(get('year'), get('month') - 1, get('day'));
  const date = day.getTime() / MS_PER_DAY;
  if (!Number.isInteger(date)) throw new RangeError(`cannot read the date of ${ms} in ${timeZone}`);
  return { date, msOfDay: ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 };
}

const instantCache = new Map<string, CalendarDate>();

/**
 * The calendar date of an instant in a time zone (a Date cell is read this way, in the spreadsheet's zone).
 * @example instantToDate(Date.UTC(2026, 10, 25, 23, 30), 'Pacific/Auckland') // 2026-11-26
 */
export function instantToDate(ms: number, timeZone: string): CalendarDate {
  const key = `${timeZone}|${ms}`;
  let date = instantCache.get(key);
  if (date === undefined) {
    date = wallClock(ms, timeZone).date;
    if (instantCache.size > 50_000) instantCache.clear();
    instantCache.set(key, date);
  }
  return date;
}

/** The instant at which `date` begins (local midnight) in `timeZone`: what a Date cell for that day holds. */
export function dateToInstant(date: CalendarDate, timeZone: string): number {
  const utcMidnight = date * MS_PER_DAY;
  let guess = utcMidnight;
  // Two passes settle the zone offset, including on days whose offset changes.
  for (let i = 0; i < 3; i++) {
    const wall = wallClock(guess, timeZone);
    const wallMs = wall.date * MS_PER_DAY + wall.msOfDay;
    guess += utcMidnight - wallMs;
  }
  return guess;
}

/** True for a Date object from any realm (cells come from the Apps Script runtime, not this module's realm). */
export function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
