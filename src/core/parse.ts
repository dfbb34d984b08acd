/**
 * Reading dates typed as text: ISO, numeric dates in the spreadsheet locale's order, month names, and the
 * expected-response phrases of docs/RULES.md §2 read relative to the interview date.
 */
import * as chrono from 'chrono-node';
import {
  addDays,
  type CalendarDate,
  dayOfWeek,
  FRIDAY,
  fromYmd,
  nextWeekday,
  SATURDAY,
  SUNDAY,
  toYmd,
  weekdayOfWeek,
} from './dates';

const WEEKDAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  couple: 2,
  'a couple of': 2,
  'a couple': 2,
  three: 3,
  few: 3,
  'a few': 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
};

/** True when the locale writes numeric dates month first (docs/RULES.md §2: only en_US). */
export function isMonthFirstLocale(locale: string): boolean {
  return locale.replace('-', '_').toLowerCase() === 'en_us';
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/** The date with this month and day whose year puts it nearest to `reference` (docs/RULES.md §2). */
function nearestYear(month: number, day: number, reference: CalendarDate): CalendarDate | null {
  const { year } = toYmd(reference);
  let best: CalendarDate | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const candidate = fromYmd(y, month, day);
    if (candidate !== null && (best === null || Math.abs(candidate - reference) < Math.abs(best - reference))) {
      best = candidate;
    }
  }
  return best;
}

/** A date read from text, and whether its day and month could be the other way round (both 12 or less). */
export interface TextDate {
  date: CalendarDate;
  swappable: boolean;
}

// A time of day after the date ("14:30", ", 3:07 PM", "T09:00:00.000Z", "at 2:30 pm EST", "00:00:00 GMT-0500").
const ZONE = String.raw`(?:\s*(?:z|utc|gmt|[a-z]{1,4}t)?\s*(?:[+-]\d{2}:?\d{2})?)`;
const TRAILING_TIME = new RegExp(
  String.raw`(?:,?\s+(?:at\s+|à\s+|um\s+|a las\s+)?|t)(?:\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?|\d{1,2}h\d{2})${ZONE}(?:\s*uhr)?$`,
  'i',
);
const TIME_ONLY = /^(?:\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)$/i;

/** True for text that is only a time of day ("14:30", "2:30 PM"): not a date (docs/RULES.md §2). */
export function isTimeOnlyText(raw: string): boolean {
  return TIME_ONLY.test(raw.trim());
}

/** Day and month in the locale's order; when only one reading is a real day, that one (docs/RULES.md §2). */
function numericDate(
  a: number,
  b: number,
  dayFirst: boolean,
  dated: (month: number, day: number) => CalendarDate | null,
): TextDate | null {
  const [month, day] = dayFirst ? [b, a] : [a, b];
  const swappable = a <= 12 && b <= 12 && a !== b;
  const preferred = dated(month, day);
  if (preferred !== null) return { date: preferred, swappable };
  const other = dated(day, month);
  return other === null ? null : { date: other, swappable: false };
}

const CHRONO_BY_LANGUAGE: Readonly<Record<string, chrono.Chrono>> = {
  de: chrono.de.strict,
  es: chrono.es.strict,
  fr: chrono.fr.strict,
  it: chrono.it.strict,
  nl: chrono.nl.strict,
  pt: chrono.pt.strict,
};

/**
 * A date written with a month name, in the locale's language or English, by chrono-node's formal parsers. Only an
 * absolute day counts ("3 days ago", "Nov 2026" or "Nov 25 - Dec 2" do not), and with `whole` only one that is the
 * whole text. Without a year, the year nearest to `reference`.
 */
function monthNameDate(text: string, locale: string, reference: CalendarDate, whole: boolean): CalendarDate | null {
  const language = locale.slice(0, 2).toLowerCase();
  const parsers = [CHRONO_BY_LANGUAGE[language], chrono.strict].filter((p): p is chrono.Chrono => p !== undefined);
  const { year, month, day } = toYmd(reference);
  // Noon local time keeps the reference on its calendar day in any runtime time zone.
  const ref = new Date(year, month - 1, day, 12);
  for (const parser of parsers) {
    let results: chrono.ParsedResult[];
    try {
      results = parser.parse(text, ref);
    } catch {
      continue;
    }
    for (const found of whole ? results.slice(0, 1) : results) {
      if (whole && (found.index !== 0 || found.text.length !== text.length)) continue;
      const { start } = found;
      if (found.end || start.tags().has('result/relativeDate')) continue;
      if (!start.isCertain('month') || !start.isCertain('day')) continue;
      const m = start.get('month')!;
      const d = start.get('day')!;
      return start.isCertain('year') ? fromYmd(start.get('year')!, m, d) : nearestYear(m, d, reference);
    }
  }
  return null;
}

/**
 * Reads a date typed as text (docs/RULES.md §2): ISO or `yyyy/mm/dd` (with or without a time), `d/m/yyyy` or
 * `m/d/yyyy` and their two-digit years by the locale, `d.m.yyyy`, year-less `11/10`, and month names in any order
 * with or without weekday, year or time. A trailing time of day is ignored; a date without a year takes the year
 * nearest to `reference`. Null when the text is not a date.
 * @example readTextDate('11/10/26, 3:07 PM', 'en_US', today) // { date: 2026-11-10, swappable: true }
 */
export function readTextDate(raw: string, locale: string, reference: CalendarDate): TextDate | null {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/\s*\([^()]*\)$/, '')
    .replace(TRAILING_TIME, '')
    .replace(/[.,;]+$/, '')
    .trim();
  const dayFirst = !isMonthFirstLocale(locale);
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) {
    const date = fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return date === null ? null : { date, swappable: false };
  }
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  if (m) {
    const year = fullYear(m[4]!);
    // Dots are written day first everywhere (docs/RULES.md §2 lists d.m.yyyy on its own).
    return numericDate(Number(m[1]), Number(m[3]), dayFirst || m[2] === '.', (mo, d) => fromYmd(year, mo, d));
  }
  m = /^(\d{1,2})([/.])(\d{1,2})$/.exec(text);
  if (m) {
    return numericDate(Number(m[1]), Number(m[3]), dayFirst || m[2] === '.', (mo, d) => nearestYear(mo, d, reference));
  }
  if (!/\p{L}/u.test(text)) return null;
  const date = monthNameDate(text, locale, reference, true);
  return date === null ? null : { date, swappable: false };
}

/**
 * The first date inside a text, read as readTextDate reads a cell: "emailed 11/23 via LinkedIn" → 11/23.
 * Null when there is none.
 */
export function findTextDate(text: string, locale: string, reference: CalendarDate): CalendarDate | null {
  const whole = readTextDate(text, locale, reference);
  if (whole !== null) return whole.date;
  for (const token of text.match(/\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?/g) ?? []) {
    const read = readTextDate(token, locale, reference);
    if (read !== null) return read.date;
  }
  return /\p{L}/u.test(text) ? monthNameDate(text, locale, reference, false) : null;
}

function amount(word: string): number | undefined {
  const w = word.trim().toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w];
}

function addBusinessDays(date: CalendarDate, days: number): CalendarDate {
  let d = date;
  let left = days;
  while (left > 0) {
    d += 1;
    const dow = dayOfWeek(d);
    if (dow !== SATURDAY && dow !== SUNDAY) left -= 1;
  }
  return d;
}

const AMOUNT = String.raw`(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|a couple(?: of)?|couple(?: of)?|a few|few)`;
const DURATION = new RegExp(
  String.raw`^(?:(?:with)?in|after|about|around|approx(?:imately)?|roughly)?\s*(?:the\s+next\s+)?${AMOUNT}\s*(hours?|hrs?|days?|business days?|working days?|weeks?|wks?|months?)$`,
);

/**
 * Reads the expected-response cell when it holds a phrase, relative to the interview date (docs/RULES.md §2).
 * Returns null when the phrase cannot be read.
 * @example parseExpectedPhrase('end of next week', wednesday) // the Friday of the following week
 */
export function parseExpectedPhrase(raw: string, interview: CalendarDate): CalendarDate | null {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .replace(/^(?:they said|should hear|hear back|expect(?:ed)?|response|decision|answer)\s*/, '')
    .replace(/^(?:by|before|on|until)\s+/, '');
  if (text === '') return null;
  if (WEEKDAYS[text] !== undefined) return nextWeekday(interview, WEEKDAYS[text]!);
  if (/^(?:the )?end of (?:the |this )?(?:work ?)?week$|^eow$|^this week$/.test(text)) {
    return weekdayOfWeek(interview, FRIDAY);
  }
  if (/^(?:the )?end of next week$|^next week'?s end$/.test(text)) return weekdayOfWeek(interview, FRIDAY) + 7;
  const m = DURATION.exec(text);
  if (m) {
    const n = amount(m[1]!.replace(/ of$/, ''));
    const unit = m[2]!;
    if (n === undefined) return null;
    if (unit.startsWith('h')) return addDays(interview, Math.max(1, Math.ceil(n / 24)));
    if (unit.startsWith('business') || unit.startsWith('working')) return addBusinessDays(interview, n);
    if (unit.startsWith('d')) return addDays(interview, n);
    if (unit.startsWith('w')) return addDays(interview, n * 7);
    return addDays(interview, n * 30);
  }
  return parseWithChrono(text, interview);
}

/** Anything else ("next Tuesday", "tomorrow", "Dec 3") goes to chrono-node, read forward from the interview. */
function parseWithChrono(text: string, interview: CalendarDate): CalendarDate | null {
  const { year, month, day } = toYmd(interview);
  // Noon local time keeps the reference on the interview's calendar day in any runtime time zone.
  const reference = new Date(year, month - 1, day, 12);
  let result: Date | null;
  try {
    result = chrono.parseDate(text, reference, { forwardDate: true });
  } catch {
    return null;
  }
  if (!result || Number.isNaN(result.getTime())) return null;
  return fromYmd(result.getFullYear(), result.getMonth() + 1, result.getDate());
}
