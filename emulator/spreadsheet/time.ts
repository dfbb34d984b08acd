/** Wall-clock arithmetic in real IANA time zones (the spreadsheet's zone, distinct from the machine's). */

import { zonedParts } from '../platform/timezone';

export const MS_PER_DAY = 86_400_000;
/** Sheets' serial day 0 is 1899-12-30; 1970-01-01 is serial 25569. */
export const SERIAL_EPOCH_OFFSET = 25_569;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
}

const offsetCache = new Map<string, Map<number, number>>();
/** Zone offsets change only at transitions, which fall on quarter hours of UTC. */
const BUCKET_MS = 15 * 60 * 1000;

/** The zone's offset from UTC at an instant, in milliseconds (east positive). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  let zone = offsetCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  const bucket = Math.floor(ms / BUCKET_MS);
  let offset = zone.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(bucket * BUCKET_MS, timeZone);
    if (zone.size > 100_000) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

function computeOffset(ms: number, timeZone: string): number {
  return zonedParts(ms, timeZone).offsetMinutes * 60_000;
}

/** The wall clock of an instant in a zone. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const local = new Date(ms + zoneOffsetMs(ms, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/** The instant of a wall-clock time in a zone (the earlier one when a daylight-saving change repeats it). */
export function zonedToEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = guess - zoneOffsetMs(guess, timeZone);
  const second2 = guess - zoneOffsetMs(first, timeZone);
  return second2;
}

/** True when year, month (1–12) and day name a real calendar day. */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Sheets' serial number of an instant, read in the spreadsheet's zone (what formulas and number formats see). */
export function toSerial(ms: number, timeZone: string): number {
  return (ms + zoneOffsetMs(ms, timeZone)) / MS_PER_DAY + SERIAL_EPOCH_OFFSET;
}

/** The instant of a serial number in the spreadsheet's zone. */
export function fromSerial(serial: number, timeZone: string): number {
  const local = Math.round((serial - SERIAL_EPOCH_OFFSET) * MS_PER_DAY);
  const first = local - zoneOffsetMs(local, timeZone);
  return local - zoneOffsetMs(first, timeZone);
}
