/**
 * Time-zone arithmetic on real IANA zones through Intl, shared by Utilities.formatDate, triggers and the Gmail
 * fake (Date headers, `after:yyyy/mm/dd`). Java (and so Apps Script) also accepts custom ids such as `GMT+2` or
 * `GMT-05:30`; those are handled as fixed offsets here.
 */

/** English month and weekday names (Java's SimpleDateFormat and Sheets' en formats both use them). */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAY_NAMES: readonly string[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

export interface ZonedParts {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  /** 0..23 */
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
  /** Minutes east of UTC at that instant. */
  offsetMinutes: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();
const validity = new Map<string, boolean>();

/** `GMT+2`, `GMT-05:30`, `UTC+1`, `GMT` → minutes east of UTC; null if the id is not of that form. */
export function fixedOffsetMinutes(timeZone: string): number | null {
  if (/^(GMT|UTC|Z)$/i.test(timeZone)) return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(timeZone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** True for ids Intl knows (IANA names, `UTC`) and Java-style fixed offsets. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  if (fixedOffsetMinutes(timeZone) !== null) return true;
  const known = validity.get(timeZone);
  if (known !== undefined) return known;
  let ok = true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    ok = false;
  }
  validity.set(timeZone, ok);
  return ok;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. Unknown zones are an error here; callers decide the fallback. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const fixed = fixedOffsetMinutes(timeZone);
  if (fixed !== null) {
    const d = new Date(ms + fixed * 60_000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
      offsetMinutes: fixed,
    };
  }
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) fields[part.type] = part.value;
  let year = Number(fields.year);
  if (fields.era === 'BC' || fields.era === 'B') year = 1 - year;
  const month = Number(fields.month);
  const day = Number(fields.day);
  const hour = Number(fields.hour) % 24;
  const minute = Number(fields.minute);
  const second = Number(fields.second);
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  const offsetMinutes = Math.round((asUtc - ms) / 60_000);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday: WEEKDAYS[fields.weekday ?? ''] ?? d.getUTCDay(),
    offsetMinutes,
  };
}

export function offsetMinutesAt(ms: number, timeZone: string): number {
  return zonedParts(ms, timeZone).offsetMinutes;
}

/**
 * The instant of a wall-clock time in a zone. In a DST gap the time is pushed forward (Java's lenient calendar does
 * the same: 02:30 on a spring-forward night becomes 03:30); in an overlap the earlier instant is taken.
 */
export function zonedTimeToUtc(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const before = offsetMinutesAt(local - 86_400_000, timeZone);
  const after = offsetMinutesAt(local + 86_400_000, timeZone);
  const candidates = [local - before * 60_000, local - after * 60_000].sort((a, b) => a - b);
  for (const t of candidates) {
    const p = zonedParts(t, timeZone);
    if (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) === local) return t;
  }
  return local - before * 60_000;
}

/** `+0100` style offset. */
export function formatOffset(offsetMinutes: number, separator = ''): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}${separator}${mm}`;
}

/** RFC 5322 date-time in a zone, e.g. `Wed, 25 Nov 2026 09:00:00 +0000`. */
export function formatRfc5322Date(ms: number, timeZone: string): string {
  const p = zonedParts(ms, isValidTimeZone(timeZone) ? timeZone : 'UTC');
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAY_NAMES[p.weekday]!.slice(0, 3)}, ${p.day} ${MONTH_NAMES[p.month - 1]!.slice(0, 3)} ${p.year} ${two(p.hour)}:${two(p.minute)}:${two(p.second)} ${formatOffset(p.offsetMinutes)}`;
}
