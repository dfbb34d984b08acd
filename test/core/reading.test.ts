/** Header matching (docs/RULES.md §1) and cell reading (§2). */
import { readCount, readYes } from '../../src/core/cells';
import {
  COLUMN_HEADERS,
  type ColumnKey,
  columnLetter,
  isTrackerHeader,
  MANAGED_HEADERS,
  matchHeaders,
  normaliseHeader,
} from '../../src/core/columns';
import { firstName, readAddress } from '../../src/core/contacts';
import { dateToInstant, fromYmd, instantToDate, toIso } from '../../src/core/dates';
import { parseExpectedPhrase, readTextDate } from '../../src/core/parse';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { readStatus } from '../../src/core/status';
import { scoreTracker } from '../../src/core/tracker';
import { context, day } from './helpers';

const ctx = context('2026-11-25');

describe('columns', () => {
  describe('matchHeaders', () => {
    const every = Object.entries(COLUMN_HEADERS).flatMap(([key, headers]) => headers.map((h) => [h, key] as const));
    it.each(every)('reads "%s" as %s', (header, key) => {
      expect(matchHeaders(['Something else', header]).columns[key as ColumnKey]).toBe(1);
    });

    it.each([
      ['# Company', 'company'],
      ['COMPANY NAME', 'company'],
      ['Thank you sent (optional)', 'thankYou'],
      ['  thank-you   SENT ', 'thankYou'],
      ['Follow-ups sent:', 'followUps'],
      ['E-mail', 'recruiterEmail'],
      ['Salary', undefined],
    ])('normalises "%s"', (header, key) => {
      const map = matchHeaders([header]);
      expect(Object.keys(map.columns)[0]).toBe(key);
    });

    it('finds the managed columns wherever they are', () => {
      const map = matchHeaders(['Draft', 'Company', 'Priority', 'Notes', 'Next follow-up', 'Due', 'Follow-up status']);
      expect(map.managed).toEqual({ draft: 0, priority: 2, nextFollowUp: 4, due: 5, followUpStatus: 6 });
    });

    it('keeps the first of two matching headers and reports the second', () => {
      const map = matchHeaders(['Email', 'Company', 'Contact email']);
      expect(map.columns.recruiterEmail).toBe(0);
      expect(map.duplicates).toEqual([{ index: 2, header: 'Contact email', key: 'recruiterEmail' }]);
    });

    it('leaves unknown headers alone', () => {
      const map = matchHeaders(['Company', 'Salary', 'Vibes']);
      expect(Object.values(map.columns)).toEqual([0]);
    });
  });

  it('names the managed columns as docs/RULES.md does', () => {
    expect(Object.values(MANAGED_HEADERS)).toEqual(['Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft']);
  });

  it('normaliseHeader does not mind odd values', () => {
    expect(normaliseHeader(null)).toBe('');
    expect(normaliseHeader(42)).toBe('42');
  });

  it('recognises a tracker by its Company header', () => {
    expect(isTrackerHeader(['Employer', 'Role'])).toBe(true);
    expect(isTrackerHeader(['Role', 'Status'])).toBe(false);
  });

  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('columnLetter(%i) is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('scoreTracker', () => {
  it('scores only rows with a Company and reports their sheet rows', () => {
    const values = [
      ['Company', 'Applied', 'Recruiter email'],
      ['Acme', '2026-11-11', 'sam@acme.example'],
      ['', '2026-11-11', ''],
      ['   ', 'x', ''],
      ['Globex', '', ''],
    ];
    const scored = scoreTracker(values, DEFAULT_SETTINGS, ctx);
    expect(scored.rows.map((r) => [r.application.row, r.application.company, r.evaluation.action])).toEqual([
      [2, 'Acme', 'application-check-in'],
      [5, 'Globex', null],
    ]);
  });

  it('tells about duplicate headers', () => {
    const scored = scoreTracker([['Company', 'Company name']], DEFAULT_SETTINGS, ctx);
    expect(scored.sheetProblems).toEqual([
      'Column "Company name" repeats another column\'s heading, so it is left alone.',
    ]);
  });

  it('does not mutate its input', () => {
    const values = [
      ['Company', 'Applied'],
      ['Acme', '2026-11-11'],
    ];
    const copy = JSON.parse(JSON.stringify(values));
    scoreTracker(values, DEFAULT_SETTINGS, ctx);
    expect(values).toEqual(copy);
  });
});

describe('cells', () => {
  it.each([
    [true, true],
    [false, false],
    ['', false],
    ['yes', true],
    ['Y', true],
    ['x', true],
    ['✓', true],
    ['sent', true],
    ['Done.', true],
    ['no', false],
    ['maybe', false],
    [0, false],
  ])('readYes(%p) is %p', (value, yes) => {
    expect(readYes(value, ctx).yes).toBe(yes);
  });

  it('keeps the date of a dated yes', () => {
    expect(readYes('2026-11-20', ctx)).toEqual({ yes: true, date: day('2026-11-20') });
  });

  it.each([
    ['', 0],
    [2, 2],
    ['3', 3],
    [' 4 ', 4],
  ])('readCount(%p) is %p', (value, count) => {
    expect(readCount(value)).toEqual({ kind: 'count', count });
  });

  it.each([['two'], [-1], [1.5]])('readCount(%p) is unreadable', (value) => {
    expect(readCount(value).kind).toBe('unreadable');
  });

  it.each([
    'Offer',
    'offer accepted',
    'Accepted',
    'Hired!',
    'Rejected',
    'Declined',
    'Withdrawn',
    'Closed',
    'Not selected',
    'No offer',
    'Archived',
  ])('"%s" is closed', (status) => {
    expect(readStatus(status).kind).toBe('closed');
  });

  it.each(['Interviewing', 'Applied', '', 'Offered role? not yet', 'Nothing yet'])('"%s" is not closed', (status) => {
    expect(readStatus(status).kind).not.toBe('closed');
  });

  it.each([
    ['sam@acme.example', 'sam@acme.example'],
    [' mailto:sam@acme.example ', 'sam@acme.example'],
    ['Sam <sam@acme.example>', 'sam@acme.example'],
    ['sam@acme', null],
    ['sam@acme.example\r\nBcc: x@evil.example', null],
    ['a..b@acme.example', null],
  ])('readAddress(%p) gives %p', (value, email) => {
    const read = readAddress(value);
    expect(read.kind === 'address' ? read.address : null).toBe(email);
  });

  it.each([
    ['Sam Lee', 'Sam'],
    ['Dr. Jane Smith', 'Jane'],
    ['  ', ''],
    ['Ms', ''],
  ])('firstName(%p) is %p', (value, name) => {
    expect(firstName(value)).toBe(name);
  });
});

describe('dates', () => {
  it('reads an instant as its calendar date in the given zone', () => {
    const instant = Date.UTC(2026, 10, 25, 23, 30);
    expect(toIso(instantToDate(instant, 'Europe/London'))).toBe('2026-11-25');
    expect(toIso(instantToDate(instant, 'Pacific/Auckland'))).toBe('2026-11-26');
    expect(toIso(instantToDate(instant, 'America/Los_Angeles'))).toBe('2026-11-25');
  });

  it.each(['America/New_York', 'Pacific/Auckland', 'Europe/London', 'Asia/Kolkata'])(
    'dateToInstant is local midnight and round-trips through DST days in %s',
    (zone) => {
      for (let d = day('2026-01-01'); d < day('2027-01-01'); d++) {
        expect(instantToDate(dateToInstant(d, zone), zone)).toBe(d);
      }
    },
  );

  it('rejects impossible days', () => {
    expect(fromYmd(2026, 2, 29)).toBeNull();
    expect(fromYmd(2028, 2, 29)).not.toBeNull();
  });
});

describe('readTextDate', () => {
  const ref = day('2026-11-25');
  it.each([
    ['2026-11-25', 'en_GB', '2026-11-25'],
    ['2026-11-25T09:00', 'en_GB', '2026-11-25'],
    ['3/4/2026', 'en_US', '2026-03-04'],
    ['3/4/2026', 'en_GB', '2026-04-03'],
    ['3/4/2026', 'fr_FR', '2026-04-03'],
    ['25/11/2026', 'en_US', '2026-11-25'],
    ['25/11/26', 'en_GB', '2026-11-25'],
    ['25 Nov 2026', 'en_US', '2026-11-25'],
    ['25th November 2026', 'en_GB', '2026-11-25'],
    ['Nov 25, 2026', 'en_GB', '2026-11-25'],
    ['Wed, Nov 25, 2026', 'en_US', '2026-11-25'],
    ['November 25', 'en_US', '2026-11-25'],
    ['Jan 3', 'en_US', '2027-01-03'],
  ])('reads %p in %s', (text, locale, iso) => {
    const read = readTextDate(text, locale, ref);
    expect(read === null ? null : toIso(read.date)).toBe(iso);
  });

  it.each(['31/02/2026', 'soon', '13/13/2026', '', 'Funday 3'])('refuses %p', (text) => {
    expect(readTextDate(text, 'en_GB', ref)).toBeNull();
  });
});

describe('parseExpectedPhrase', () => {
  const monday = day('2026-11-16');
  it.each([
    ['Friday', '2026-11-20'],
    ['by Friday', '2026-11-20'],
    ['by friday.', '2026-11-20'],
    ['Monday', '2026-11-23'],
    ['end of the week', '2026-11-20'],
    ['End of week', '2026-11-20'],
    ['end of next week', '2026-11-27'],
    ['in 2 weeks', '2026-11-30'],
    ['within two weeks', '2026-11-30'],
    ['within a week', '2026-11-23'],
    ['10 days', '2026-11-26'],
    ['24 hours', '2026-11-17'],
    ['48 hours', '2026-11-18'],
    ['5 business days', '2026-11-23'],
    ['next Tuesday', '2026-11-24'],
    ['tomorrow', '2026-11-17'],
  ])('reads %p from a Monday interview', (phrase, iso) => {
    const date = parseExpectedPhrase(phrase, monday);
    expect(date === null ? null : toIso(date)).toBe(iso);
  });

  it.each(['when the stars align', '', 'ASAP'])('cannot read %p', (phrase) => {
    expect(parseExpectedPhrase(phrase, monday)).toBeNull();
  });
});
