/**
 * Java SimpleDateFormat letters formatted in real IANA zones via Intl, as `Utilities.formatDate` and
 * `Session.getScriptTimeZone` callers see them. An unknown time-zone id formats in GMT, as Java's
 * TimeZone.getTimeZone does (a silent fallback, so the emulator keeps it: the day shown will be wrong, as on Google).
 */

import { DAY_NAMES, fixedOffsetMinutes, formatOffset, isValidTimeZone, MONTH_NAMES, zonedParts } from './timezone';

const MONTHS = MONTH_NAMES;
const DAYS = DAY_NAMES;

const nameFormatters = new Map<string, Intl.DateTimeFormat>();
const SHORT_NAME_LOCALES = ['en-US', 'en-GB', 'en-NZ', 'en-AU', 'en-IN', 'en-IE', 'en-ZA', 'en-CA', 'en-SG'];

function zoneName(ms: number, timeZone: string, style: 'short' | 'long', offsetMinutes: number): string {
  const fixed = fixedOffsetMinutes(timeZone);
  if (fixed !== null) {
    if (fixed !== 0 || !/^(GMT|UTC)$/i.test(timeZone)) return `GMT${formatOffset(fixed, ':')}`;
    const utc = timeZone.toUpperCase() === 'UTC';
    if (style === 'long') return utc ? 'Coordinated Universal Time' : 'Greenwich Mean Time';
    return utc ? 'UTC' : 'GMT';
  }
  const locales = style === 'short' ? SHORT_NAME_LOCALES : ['en-US'];
  for (const locale of locales) {
    const key = `${locale}|${timeZone}|${style}`;
    let f = nameFormatters.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style });
      nameFormatters.set(key, f);
    }
    const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (name !== '' && !/^(GMT|UTC)[+\-−]/.test(name)) return name;
  }
  // Java prints zones without an abbreviation as GMT+hh:mm.
  return `GMT${formatOffset(offsetMinutes, ':')}`;
}

function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

/** Week fields with java.util's US defaults: weeks start on Sunday, week 1 is the week holding 1 January. */
function weekFields(year: number, month: number, day: number, weekday: number) {
  const doy = dayOfYear(year, month, day);
  if (doy + (6 - weekday) > daysInYear(year)) return { weekYear: year + 1, weekOfYear: 1 };
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  return { weekYear: year, weekOfYear: Math.floor((doy - 1 + jan1) / 7) + 1 };
}

/** Java resolves time-zone ids exactly (case included); an id it does not know is GMT. */
export function javaTimeZone(timeZone: string): string {
  if (fixedOffsetMinutes(timeZone) !== null) return timeZone;
  if (!isValidTimeZone(timeZone)) return 'GMT';
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  if (resolved !== timeZone && resolved.toLowerCase() === timeZone.toLowerCase()) return 'GMT';
  return timeZone;
}

/**
 * Formats an instant with a java.text.SimpleDateFormat pattern in a zone (English names, as Apps Script prints).
 * Throws `Illegal pattern character 'x'` for an unknown pattern letter, as Java does.
 */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const zone = javaTimeZone(timeZone);
  const p = zonedParts(ms, zone);
  const pad = (n: number, width: number) => {
    const s = String(Math.abs(n)).padStart(width, '0');
    return n < 0 ? `-${s}` : s;
  };
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += pattern[i++];
      }
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
    switch (c) {
      case 'G':
        out += p.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y': {
        const year = c === 'y' ? p.year : weekFields(p.year, p.month, p.day, p.weekday).weekYear;
        out += n === 2 ? pad(((year % 100) + 100) % 100, 2) : pad(year, n);
        break;
      }
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1]!.slice(0, 3) : pad(p.month, n);
        break;
      case 'w':
        out += pad(weekFields(p.year, p.month, p.day, p.weekday).weekOfYear, n);
        break;
      case 'W': {
        const firstWeekday = (p.weekday - ((p.day - 1) % 7) + 7) % 7;
        out += pad(Math.floor((p.day - 1 + firstWeekday) / 7) + 1, n);
        break;
      }
      case 'D':
        out += pad(dayOfYear(p.year, p.month, p.day), n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'F':
        out += pad(Math.floor((p.day - 1) / 7) + 1, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday]!.slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(hour12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, n);
        break;
      case 'z':
        out += zoneName(ms, zone, n >= 4 ? 'long' : 'short', p.offsetMinutes);
        break;
      case 'Z':
        out += formatOffset(p.offsetMinutes);
        break;
      case 'X':
        if (p.offsetMinutes === 0) out += 'Z';
        else if (n === 1) out += formatOffset(p.offsetMinutes).slice(0, 3);
        else out += formatOffset(p.offsetMinutes, n >= 3 ? ':' : '');
        break;
      default:
        throw new Error(`Illegal pattern character '${c}'`);
    }
  }
  return out;
}
