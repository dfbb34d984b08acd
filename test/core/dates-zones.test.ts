/** Calendar dates and instants in zones whose clocks jump at midnight (docs/RULES.md §2). */
import fc from 'fast-check';
import { dateToInstant, dayStartsAtMidnight, fromYmd, instantToDate, toIso } from '../../src/core/dates';

const MIDNIGHT_JUMPS = ['Africa/Cairo', 'Asia/Beirut', 'America/Santiago', 'America/Havana'];
const FIRST = fromYmd(2020, 1, 1)!;
const LAST = fromYmd(2030, 12, 31)!;

describe('dateToInstant', () => {
  it.each(MIDNIGHT_JUMPS)('reads back as the same calendar date on every day of 2020–2030 in %s', (zone) => {
    const wrong: string[] = [];
    for (let d = FIRST; d <= LAST; d++) {
      if (instantToDate(dateToInstant(d, zone), zone) !== d) wrong.push(toIso(d));
    }
    expect(wrong).toEqual([]);
  });

  it('starts a day whose midnight does not exist at the jump: Cairo, 2026-04-24, 01:00 local', () => {
    expect(new Date(dateToInstant(fromYmd(2026, 4, 24)!, 'Africa/Cairo')).toISOString()).toBe(
      '2026-04-23T22:00:00.000Z',
    );
  });

  it.each([
    ['Africa/Cairo', '2026-04-24', false],
    ['Africa/Cairo', '2026-04-25', true],
    ['America/Santiago', '2026-09-06', false],
    ['Europe/London', '2026-03-29', true],
    ['America/New_York', '2026-11-25', true],
  ])('says whether %s %s begins at 00:00 (%s)', (zone, iso, midnight) => {
    const [y, m, d] = iso.split('-').map(Number);
    expect(dayStartsAtMidnight(fromYmd(y!, m!, d!)!, zone)).toBe(midnight);
  });

  it('is local midnight on an ordinary day', () => {
    expect(new Date(dateToInstant(fromYmd(2026, 11, 25)!, 'America/New_York')).toISOString()).toBe(
      '2026-11-25T05:00:00.000Z',
    );
  });

  it('is the first instant of its day: a second earlier is the day before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: FIRST, max: LAST }),
        fc.constantFrom(...MIDNIGHT_JUMPS, 'Europe/London', 'Pacific/Auckland', 'Australia/Lord_Howe', 'Asia/Kolkata'),
        (date, zone) => {
          const start = dateToInstant(date, zone);
          expect(instantToDate(start, zone)).toBe(date);
          expect(instantToDate(start - 1000, zone)).toBe(date - 1);
        },
      ),
      { seed: 20260424, numRuns: 2000 },
    );
  });
});

describe('day numbers at the ends of the range', () => {
  it.each([
    [8.64e15, 'UTC', 100_000_000],
    [8.64e15 - 1, 'UTC', 99_999_999],
    [8.64e15, 'Pacific/Pago_Pago', 99_999_999],
    [-1, 'UTC', -1],
    [0, 'Pacific/Kiritimati', -1],
  ])('reads %p in %s as day %p (a whole day number, kept as a 32-bit integer)', (ms, zone, day) => {
    expect(instantToDate(ms, zone)).toBe(day);
  });

  it('gives the first and last days people may type as their exact day numbers', () => {
    expect(fromYmd(1000, 1, 1)).toBe(Date.UTC(1000, 0, 1) / 86_400_000);
    expect(fromYmd(9999, 12, 31)).toBe(Date.UTC(9999, 11, 31) / 86_400_000);
  });
});
