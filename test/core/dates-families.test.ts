/** Dates as exports write them (docs/RULES.md §2): every family of text date, Date cells, and time-only cells. */
import fc from 'fast-check';
import { readDate } from '../../src/core/cells';
import { type CalendarDate, dateToInstant, fromYmd, toIso, toYmd } from '../../src/core/dates';
import { findTextDate, readTextDate } from '../../src/core/parse';
import { context, day } from './helpers';

const TODAY = day('2026-11-25');

function read(text: string, locale: string): string | null {
  const found = readTextDate(text, locale, TODAY);
  return found === null ? null : toIso(found.date);
}

describe('readTextDate › families', () => {
  it.each([
    // ISO, with or without a time
    ['2026-11-25', 'en_US', '2026-11-25'],
    ['2026-11-25T14:30', 'en_GB', '2026-11-25'],
    ['2026-11-25 14:30:00', 'en_US', '2026-11-25'],
    ['2026-11-25T23:30:00.000Z', 'en_US', '2026-11-25'],
    ['2026-11-25T09:00:00+13:00', 'en_NZ', '2026-11-25'],
    // yyyy/mm/dd
    ['2026/11/10', 'en_US', '2026-11-10'],
    ['2026/11/10', 'en_GB', '2026-11-10'],
    ['2026/11/10 14:30', 'en_GB', '2026-11-10'],
    // numeric by the locale: month first in en_US, day first elsewhere
    ['11/10/2026', 'en_US', '2026-11-10'],
    ['11/10/2026', 'en_GB', '2026-10-11'],
    ['11/10/2026', 'fr_FR', '2026-10-11'],
    ['11-10-2026', 'en_US', '2026-11-10'],
    ['11/10/26', 'en_US', '2026-11-10'],
    ['11/10/26', 'en_AU', '2026-10-11'],
    // only one reading is a real day: that one
    ['25/11/2026', 'en_US', '2026-11-25'],
    ['11/25/2026', 'en_GB', '2026-11-25'],
    ['15/01/2025', 'en_US', '2025-01-15'],
    // d.m.yyyy is day first in every locale
    ['10.11.2026', 'de_DE', '2026-11-10'],
    ['10.11.2026', 'en_US', '2026-11-10'],
    ['1.2.26', 'de_DE', '2026-02-01'],
    // a trailing time or ", 3:07 PM" is ignored
    ['11/10/26, 3:07 PM', 'en_US', '2026-11-10'],
    ['11/10/2026 14:30:00', 'en_US', '2026-11-10'],
    ['11/24/2026 14:00', 'en_US', '2026-11-24'],
    ['24/11/2026 9am', 'en_GB', '2026-11-24'],
    // year-less numeric: the year nearest today
    ['11/10', 'en_US', '2026-11-10'],
    ['11/10', 'en_GB', '2026-10-11'],
    ['1/3', 'en_US', '2027-01-03'],
    ['11.10.', 'de_DE', '2026-10-11'],
    // month names in any order, abbreviated or not, with or without weekday, year or time
    ['25 Nov 2026', 'en_US', '2026-11-25'],
    ['Nov 25, 2026 2:30 PM', 'en_US', '2026-11-25'],
    ['November 25', 'en_US', '2026-11-25'],
    ['Wed 25 Nov', 'en_GB', '2026-11-25'],
    ['25-Nov-26', 'en_US', '2026-11-25'],
    ['10-Nov-26', 'en_GB', '2026-11-10'],
    ['November 10, 2026', 'en_US', '2026-11-10'],
    ['Nov. 25th, 2026', 'en_US', '2026-11-25'],
    ['25th of November 2026', 'en_GB', '2026-11-25'],
    ['2026 Nov 25', 'en_US', '2026-11-25'],
    ['Wednesday, November 25, 2026 at 9:00 AM EST', 'en_US', '2026-11-25'],
    ['Wed Nov 25 2026 00:00:00 GMT-0500 (Eastern Standard Time)', 'en_US', '2026-11-25'],
    ['Jan 3', 'en_US', '2027-01-03'],
    ['Dec 20', 'en_GB', '2026-12-20'],
    // the built-in languages' month names
    ['25 novembre 2026', 'fr_FR', '2026-11-25'],
    ['mercredi 25 nov.', 'fr_FR', '2026-11-25'],
    ['25. November 2026', 'de_DE', '2026-11-25'],
    ['Mittwoch, 25. Nov. 2026', 'de_DE', '2026-11-25'],
    ['25 de noviembre de 2026', 'es_ES', '2026-11-25'],
  ])('reads %p in %s as %s', (text, locale, iso) => {
    expect(read(text, locale)).toBe(iso);
  });

  it.each([
    ['31/02/2026', 'en_GB'],
    ['13/13/2026', 'en_US'],
    ['2026-02-30', 'en_US'],
    ['Nov 31, 2026', 'en_US'],
    ['soon', 'en_GB'],
    ['today', 'en_US'],
    ['tomorrow', 'en_US'],
    ['3 days ago', 'en_US'],
    ['last Tuesday-ish', 'en_US'],
    ['next Friday', 'en_US'],
    ['Nov 2026', 'en_US'],
    ['Nov 25 - Dec 2', 'en_US'],
    ['Sent 11/23', 'en_US'],
    ['14:30', 'en_US'],
    ['', 'en_US'],
    ['Funday 3', 'en_GB'],
  ])('does not read %p (%s) as a date', (text, locale) => {
    expect(read(text, locale)).toBeNull();
  });

  it.each([
    ['05/11/2026', 'en_US', true],
    ['11/10/2026', 'en_GB', true],
    ['11/10', 'en_US', true],
    ['20/10/2026', 'en_US', false],
    ['10/10/2026', 'en_GB', false],
    ['2026-05-11', 'en_US', false],
    ['11 May 2026', 'en_US', false],
  ])('tells whether day and month of %p (%s) may be swapped: %p', (text, locale, swappable) => {
    expect(readTextDate(text, locale, TODAY)?.swappable).toBe(swappable);
  });
});

describe('findTextDate', () => {
  it.each([
    ['emailed 11/23', '2026-11-23'],
    ['on 23 Nov via LinkedIn', '2026-11-23'],
    ['2026-11-20 by email', '2026-11-20'],
    ['by email', null],
  ])('finds the date in %p: %p', (text, iso) => {
    const date = findTextDate(text, 'en_US', TODAY);
    expect(date === null ? null : toIso(date)).toBe(iso);
  });
});

describe('readDate', () => {
  const zones = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Pacific/Auckland', 'Africa/Cairo'];
  const dayZero = fromYmd(1899, 12, 30)!;

  it.each(zones)('a Date cell holding only a time (Sheets puts it on 1899-12-30) is not a date in %s', (zone) => {
    for (const hours of [0, 9.5, 14, 23.9]) {
      const cell = new Date(dateToInstant(dayZero, zone) + hours * 3_600_000);
      expect(readDate(cell, context('2026-11-25', zone))).toEqual({ kind: 'time-only' });
    }
  });

  it.each([[0.5], [0], ['14:30'], ['2:30 PM'], ['9am']])('%p holds only a time', (value) => {
    expect(readDate(value, context('2026-11-25'))).toEqual({ kind: 'time-only' });
  });

  it('reads a Date cell as its calendar date in the spreadsheet zone, and a serial as a Sheets date', () => {
    const ctx = context('2026-11-25', 'Africa/Cairo');
    expect(readDate(new Date(dateToInstant(day('2026-04-24'), 'Africa/Cairo')), ctx)).toEqual({
      kind: 'date',
      date: day('2026-04-24'),
      swappable: false,
    });
    expect(readDate(46351, ctx)).toEqual({ kind: 'date', date: day('2026-11-25'), swappable: false });
  });
});

/** One date written the ways exports write it, for the locale that reads it. */
const FORMATS: ((d: { year: number; month: number; day: number }) => [string, string])[] = [
  ({ year, month, day }) => [`${year}-${pad(month)}-${pad(day)}`, 'en_US'],
  ({ year, month, day }) => [`${year}-${pad(month)}-${pad(day)}T14:30`, 'en_GB'],
  ({ year, month, day }) => [`${year}/${pad(month)}/${pad(day)}`, 'en_GB'],
  ({ year, month, day }) => [`${month}/${day}/${year}`, 'en_US'],
  ({ year, month, day }) => [`${day}/${month}/${year}`, 'en_GB'],
  ({ year, month, day }) => [`${pad(day)}.${pad(month)}.${year}`, 'de_DE'],
  ({ year, month, day }) => [`${month}/${day}/${pad(year % 100)}, 3:07 PM`, 'en_US'],
  ({ year, month, day }) => [`${day} ${MONTHS[month - 1]} ${year}`, 'en_GB'],
  ({ year, month, day }) => [`${MONTHS[month - 1]} ${day}, ${year} 2:30 PM`, 'en_US'],
  ({ year, month, day }) => [`${pad(day)}-${MONTHS[month - 1]!.slice(0, 3)}-${pad(year % 100)}`, 'en_US'],
];
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const pad = (n: number) => String(n).padStart(2, '0');

describe('readTextDate (property)', () => {
  // Two-digit years stay in this century up to 49 ("25-Nov-51" is 1951, as chrono-node reads it).
  it('reads back every day of 2000–2049 in every family', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: fromYmd(2000, 1, 1)!, max: fromYmd(2049, 12, 31)! }),
        fc.nat({ max: FORMATS.length - 1 }),
        (date: CalendarDate, how) => {
          const [text, locale] = FORMATS[how]!(toYmd(date));
          expect(readTextDate(text, locale, TODAY)?.date).toBe(date);
        },
      ),
      { seed: 20261125, numRuns: 1500 },
    );
  });

  it('gives a date without a year the year nearest today', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: fromYmd(2001, 1, 1)!, max: fromYmd(2098, 12, 31)! }),
        fc.integer({ min: -400, max: 400 }),
        (today, offset) => {
          const { month, day: d } = toYmd(today + offset);
          const found = readTextDate(`${MONTHS[month - 1]} ${d}`, 'en_US', today)!.date;
          expect(toYmd(found)).toMatchObject({ month, day: d });
          expect(Math.abs(found - today)).toBeLessThanOrEqual(184);
        },
      ),
      { seed: 20261125, numRuns: 500 },
    );
  });
});
