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
  return smallDay(ms / MS_PER_DAY);
}

/**
 * The same whole number of days as a 32-bit integer (every valid Date's day, ±100,000,000, fits): V8 then keeps it
 * as a small integer, where the double a division gives is boxed in every object field that holds it.
 */
function smallDay(days: number): CalendarDate {
  return days | 0;
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

function wallClock(ms: number, timeZone: string): { date: CalendarDate; msOfDay: number } {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  // Any year, not only the 1000–9999 that fromYmd accepts from people: rule arithmetic on a date read at the edge of
  // that window (a Last follow-up of 9999-12-31 plus a week) must still convert, not throw.
  const day = new Date(0);
  day.setUTCFullYear(get('year'), get('month') - 1, get('day'));
  const date = day.getTime() / MS_PER_DAY;
  if (!Number.isInteger(date)) throw new RangeError(`cannot read the date of ${ms} in ${timeZone}`);
  return { date: smallDay(date), msOfDay: ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 };
}

/** Dates of instants already read, by zone then instant (ms): a lookup allocates no key. */
const instantCache = new Map<string, Map<number, CalendarDate>>();
let instantsCached = 0;

/**
 * The calendar date of an instant in a time zone (a Date cell is read this way, in the spreadsheet's zone).
 * @example instantToDate(Date.UTC(2026, 10, 25, 23, 30), 'Pacific/Auckland') // 2026-11-26
 */
export function instantToDate(ms: number, timeZone: string): CalendarDate {
  let zone = instantCache.get(timeZone);
  let date = zone?.get(ms);
  if (date === undefined) {
    date = wallClock(ms, timeZone).date;
    if (++instantsCached > 50_000) {
      instantCache.clear();
      instantsCached = 1;
      zone = undefined;
    }
    if (zone === undefined) {
      zone = new Map();
      instantCache.set(timeZone, zone);
    }
    zone.set(ms, date);
  }
  return date;
}

const dayStartCache = new Map<string, number>();

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const wall = wallClock(ms, timeZone);
  return wall.date * MS_PER_DAY + wall.msOfDay - ms;
}

/**
 * The first instant of `date` in `timeZone`: what a Date cell for that day holds, and always an instant that
 * instantToDate reads back as `date`. Usually local midnight; in zones whose clocks jump forward at midnight
 * (Africa/Cairo, Asia/Beirut, America/Santiago, America/Havana) midnight does not exist on the changeover day, and the
 * day begins at the jump (docs/RULES.md §2).
 * @example dateToInstant(fromYmd(2026, 4, 24)!, 'Africa/Cairo') // 2026-04-23T22:00:00Z, 01:00 local
 */
export function dateToInstant(date: CalendarDate, timeZone: string): number {
  const key = `${timeZone}|${date}`;
  let start = dayStartCache.get(key);
  if (start === undefined) {
    start = firstInstantOf(date, timeZone);
    if (dayStartCache.size > 50_000) dayStartCache.clear();
    dayStartCache.set(key, start);
  }
  return start;
}

/**
 * True when the day begins at 00:00 local time; false on a changeover day of a zone whose clocks jump at midnight
 * (Cairo 2026-04-24 begins at 01:00), where a Date cell at the day's start would show its time of day.
 */
export function dayStartsAtMidnight(date: CalendarDate, timeZone: string): boolean {
  return wallClock(dateToInstant(date, timeZone), timeZone).msOfDay === 0;
}

function firstInstantOf(date: CalendarDate, timeZone: string): number {
  const utcMidnight = date * MS_PER_DAY;
  // The offsets in force around the day: local midnight is UTC midnight less one of them.
  const offsets = [
    ...new Set([-MS_PER_DAY, 0, MS_PER_DAY].map((shift) => offsetAt(utcMidnight + shift, timeZone))),
  ].sort((a, b) => a - b);
  const midnights = offsets
    .map((offset) => utcMidnight - offset)
    .filter((ms) => {
      const wall = wallClock(ms, timeZone);
      return wall.date === date && wall.msOfDay === 0;
    });
  // A midnight repeated by a fall-back: the earlier one begins the day.
  if (midnights.length > 0) return Math.min(...midnights);
  // Midnight was skipped: the day begins at the jump, between the two readings of midnight.
  let before = utcMidnight - offsets[offsets.length - 1]!;
  let within = utcMidnight - offsets[0]!;
  if (wallClock(before, timeZone).date >= date || wallClock(within, timeZone).date !== date) return within;
  while (within - before > 1) {
    const middle = Math.floor((before + within) / 2);
    if (wallClock(middle, timeZone).date < date) before = middle;
    else within = middle;
  }
  return within;
}

/** True for a Date object from any realm (cells come from the Apps Script runtime, not this module's realm). */
export function isDateObject(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
