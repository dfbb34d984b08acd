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

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

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

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? MONTHS[w.slice(0, 3)];
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/** The date with this month and day whose year puts it nearest to `reference`. */
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

/**
 * Reads a date typed as text, or returns null.
 * @param reference a date near the one meant, used only when the text has no year
 * @example parseTextDate('3/4/2026', 'en_GB', today) // 3 April 2026
 */
export function parseTextDate(raw: string, locale: string, reference: CalendarDate): CalendarDate | null {
  const text = raw
    .trim()
    .replace(/^([a-z]+)\.?,?\s+/i, (all, word: string) => (WEEKDAYS[word.toLowerCase()] === undefined ? all : ''))
    .replace(/(\d)(?:st|nd|rd|th)\b/gi, '$1');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return fromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3]!);
    const monthFirst = isMonthFirstLocale(locale);
    const preferred = monthFirst ? fromYmd(year, a, b) : fromYmd(year, b, a);
    if (preferred !== null) return preferred;
    // Only one reading is a real day (e.g. 25/11/2026 in en_US): that is the one meant.
    return monthFirst ? fromYmd(year, b, a) : fromYmd(year, a, b);
  }
  m = /^(\d{1,2})[\s-]+([a-z]{3,9}\.?),?(?:[\s-]+(\d{4}))?$/i.exec(text);
  if (m && monthNumber(m[2]!)) {
    const month = monthNumber(m[2]!)!;
    return m[3] ? fromYmd(Number(m[3]), month, Number(m[1])) : nearestYear(month, Number(m[1]), reference);
  }
  m = /^([a-z]{3,9}\.?)\s+(\d{1,2}),?(?:\s+(\d{4}))?$/i.exec(text);
  if (m && monthNumber(m[1]!)) {
    const month = monthNumber(m[1]!)!;
    return m[3] ? fromYmd(Number(m[3]), month, Number(m[2])) : nearestYear(month, Number(m[2]), reference);
  }
  return null;
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
