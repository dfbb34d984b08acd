/**
 * The rules table: one row per rule, default and example of docs/RULES.md §1–§3. Today is Wednesday 2026-11-25
 * unless a row says otherwise. Cells are typed as a person would type them (text dates are read like Sheets).
 */
import { dateToInstant } from '../../src/core/dates';
import type { Settings } from '../../src/core/settings';
import { day, type RowCells, score } from './helpers';

interface Case {
  rule: string;
  cells: RowCells;
  today?: string;
  settings?: Partial<Settings>;
  timeZone?: string;
  locale?: string;
  ownAddresses?: string[];
  action: string | null;
  due: string | null;
  status: string;
  problems?: string[];
}

const THANKED = { 'Thank-you sent': 'yes', 'Recruiter email': 'sam@acme.example' } as const;

const cases: Case[] = [
  // Rule 1: closed statuses end everything.
  {
    rule: '1 closed: Rejected',
    cells: { Status: 'Rejected', 'Interview date': '2026-11-20' },
    action: null,
    due: null,
    status: 'closed',
  },
  {
    rule: '1 closed: "Offer extended"',
    cells: { Status: 'Offer extended', Applied: '2026-11-01' },
    action: null,
    due: null,
    status: 'closed',
  },
  {
    rule: '1 closed: "not selected"',
    cells: { Status: 'Not selected', Applied: '2026-11-01' },
    action: null,
    due: null,
    status: 'closed',
  },
  {
    rule: '1 open status is not closed',
    cells: { Status: 'Applied', Applied: '2026-11-11', 'Recruiter email': 'sam@acme.example' },
    action: 'application-check-in',
    due: '2026-11-25',
    status: 'due-today',
  },

  // Rule 2: the thank-you note, due the same day as the interview, never rolled.
  {
    rule: '2 thank-you due today',
    cells: {
      'Interview date': '2026-11-25',
      'Interviewer email': 'kim@acme.example',
      'Personal note': 'Loved the roadmap talk',
    },
    action: 'thank-you',
    due: '2026-11-25',
    status: 'due-today',
    problems: [],
  },
  {
    rule: '2 thank-you overdue',
    cells: { 'Interview date': '2026-11-24', 'Interviewer email': 'kim@acme.example', 'Personal note': 'x' },
    action: 'thank-you',
    due: '2026-11-24',
    status: 'overdue',
  },
  {
    rule: '2 thank-you on a Saturday is not rolled',
    cells: { 'Interview date': '2026-11-21', 'Interviewer email': 'kim@acme.example', 'Personal note': 'x' },
    today: '2026-11-23',
    action: 'thank-you',
    due: '2026-11-21',
    status: 'overdue',
  },
  {
    rule: '2 future interview: upcoming thank-you',
    cells: { 'Interview date': '2026-11-27', 'Interviewer email': 'kim@acme.example', 'Personal note': 'x' },
    action: 'thank-you',
    due: '2026-11-27',
    status: 'upcoming',
  },
  {
    rule: '2 thank-you dated before the interview does not count',
    cells: {
      'Interview date': '2026-11-24',
      'Thank-you sent': '2026-11-10',
      'Recruiter email': 'sam@acme.example',
      'Personal note': 'x',
    },
    action: 'thank-you',
    due: '2026-11-24',
    status: 'overdue',
  },
  {
    rule: '2 unticked checkbox is not a thank-you',
    cells: {
      'Interview date': '2026-11-25',
      'Thank-you sent': false,
      'Recruiter email': 'sam@acme.example',
      'Personal note': 'x',
    },
    action: 'thank-you',
    due: '2026-11-25',
    status: 'due-today',
  },
  {
    rule: '2 no notes: placeholder problem, not blocking',
    cells: { 'Interview date': '2026-11-25', 'Interviewer email': 'kim@acme.example' },
    action: 'thank-you',
    due: '2026-11-25',
    status: 'due-today',
    problems: ['missing-notes'],
  },

  // Rule 3: heard back since the interview.
  {
    rule: '3 heard back after the interview',
    cells: { ...THANKED, 'Interview date': '2026-11-18', 'Heard back': '2026-11-20' },
    action: null,
    due: null,
    status: 'waiting',
  },
  {
    rule: '3 heard back marked yes without a date',
    cells: { ...THANKED, 'Interview date': '2026-11-18', 'Heard back': 'y' },
    action: null,
    due: null,
    status: 'waiting',
  },
  {
    rule: '3 heard back before the interview does not count',
    cells: {
      ...THANKED,
      'Interview date': '2026-11-16',
      'Expected response': '2026-11-20',
      'Heard back': '2026-11-10',
    },
    action: 'check-in',
    due: '2026-11-23',
    status: 'overdue',
  },

  // Rule 4: the first check-in, the day after the promised date (rolled off weekends).
  {
    rule: '4 check-in the day after E, rolled Sat → Mon',
    cells: { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': '2026-11-20' },
    action: 'check-in',
    due: '2026-11-23',
    status: 'overdue',
    problems: [],
  },
  {
    rule: '4 no E: D + 7 + 1 with a problem',
    cells: { ...THANKED, 'Interview date': '2026-11-16' },
    action: 'check-in',
    due: '2026-11-24',
    status: 'overdue',
    problems: ['no-response-date'],
  },
  {
    rule: '4 responseWindowDays setting',
    cells: { ...THANKED, 'Interview date': '2026-11-16' },
    settings: { responseWindowDays: 3 },
    action: 'check-in',
    due: '2026-11-20',
    status: 'overdue',
  },
  {
    rule: '4 skipWeekends off keeps Saturday',
    cells: { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': '2026-11-20' },
    settings: { skipWeekends: false },
    action: 'check-in',
    due: '2026-11-21',
    status: 'overdue',
  },
  {
    rule: '4 phrase "Friday"',
    cells: { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': 'Friday' },
    action: 'check-in',
    due: '2026-11-23',
    status: 'overdue',
  },
  {
    rule: '4 phrase "by Friday"',
    cells: { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': 'by Friday' },
    action: 'check-in',
    due: '2026-11-23',
    status: 'overdue',
  },
  {
    rule: '4 phrase "Friday" on a Friday interview means next Friday',
    cells: { ...THANKED, 'Interview date': '2026-11-13', 'Expected response': 'Friday' },
    action: 'check-in',
    due: '2026-11-23',
    status: 'overdue',
  },
  {
    rule: '4 phrase "end of the week"',
    cells: { ...THANKED, 'Interview date': '2026-11-17', 'Expected response': 'end of the week' },
    action: 'check-in',
    due: '2026-11-23',
    status: 'overdue',
  },
  {
    rule: '4 phrase "end of next week"',
    cells: { ...THANKED, 'Interview date': '2026-11-17', 'Expected response': 'end of next week' },
    action: 'check-in',
    due: '2026-11-30',
    status: 'upcoming',
  },
  {
    rule: '4 phrase "in 2 weeks"',
    cells: { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': 'in 2 weeks' },
    action: 'check-in',
    due: '2026-12-01',
    status: 'upcoming',
  },
  {
    rule: '4 phrase "within a week"',
    cells: { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': 'within a week' },
    action: 'check-in',
    due: '2026-11-24',
    status: 'overdue',
  },
  {
    rule: '4 phrase "10 days"',
    cells: { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': '10 days' },
    action: 'check-in',
    due: '2026-11-27',
    status: 'upcoming',
  },
  {
    rule: '4 phrase "24 hours"',
    cells: { ...THANKED, 'Interview date': '2026-11-23', 'Expected response': '24 hours' },
    action: 'check-in',
    due: '2026-11-25',
    status: 'due-today',
  },
  {
    rule: '4 unreadable phrase: problem and the default window',
    cells: { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': 'when the stars align' },
    action: 'check-in',
    due: '2026-11-24',
    status: 'overdue',
    problems: ['unreadable-expected'],
  },
  {
    rule: '4 E before D is ignored with a problem',
    cells: { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': '2026-11-01' },
    action: 'check-in',
    due: '2026-11-24',
    status: 'overdue',
    problems: ['expected-before-interview'],
  },
  {
    rule: '4 follow-ups before the latest interview do not count',
    cells: {
      ...THANKED,
      'Interview date': '2026-11-16',
      'Expected response': '2026-11-20',
      'Last follow-up': '2026-11-01',
      'Follow-ups sent': 3,
    },
    action: 'check-in',
    due: '2026-11-23',
    status: 'overdue',
  },

  // Rule 5: the second follow-up, secondFollowUpDays after the first.
  {
    rule: '5 second follow-up L + 7',
    cells: {
      ...THANKED,
      'Interview date': '2026-11-10',
      'Last follow-up': '2026-11-18',
      'Follow-ups sent': 1,
      Update: 'New portfolio piece',
    },
    action: 'second-follow-up',
    due: '2026-11-25',
    status: 'due-today',
    problems: [],
  },
  {
    rule: '5 dated follow-up with a blank count is one',
    cells: { ...THANKED, 'Interview date': '2026-11-10', 'Last follow-up': '2026-11-18', Update: 'x' },
    action: 'second-follow-up',
    due: '2026-11-25',
    status: 'due-today',
  },
  {
    rule: '5 secondFollowUpDays setting, rolled Sun → Mon',
    cells: {
      ...THANKED,
      'Interview date': '2026-11-10',
      'Last follow-up': '2026-11-18',
      'Follow-ups sent': 1,
      Update: 'x',
    },
    settings: { secondFollowUpDays: 4 },
    action: 'second-follow-up',
    due: '2026-11-23',
    status: 'overdue',
  },
  {
    rule: '5 nothing new to share: placeholder problem',
    cells: { ...THANKED, 'Interview date': '2026-11-10', 'Last follow-up': '2026-11-18', 'Follow-ups sent': 1 },
    action: 'second-follow-up',
    due: '2026-11-25',
    status: 'due-today',
    problems: ['missing-update'],
  },
  {
    rule: '5 undated follow-up counts from the first check-in',
    cells: {
      ...THANKED,
      'Interview date': '2026-11-10',
      'Expected response': '2026-11-13',
      'Last follow-up': 'yes',
      Update: 'x',
    },
    action: 'second-follow-up',
    due: '2026-11-23',
    status: 'overdue',
    problems: ['no-follow-up-date'],
  },

  // Rule 6: monthly check-ins, capped.
  {
    rule: '6 first monthly check-in L + 30',
    cells: { ...THANKED, 'Interview date': '2026-10-01', 'Last follow-up': '2026-10-26', 'Follow-ups sent': 2 },
    action: 'monthly-check-in',
    due: '2026-11-25',
    status: 'due-today',
  },
  {
    rule: '6 third monthly check-in still allowed (n = 4)',
    cells: { ...THANKED, 'Interview date': '2026-08-01', 'Last follow-up': '2026-10-26', 'Follow-ups sent': 4 },
    action: 'monthly-check-in',
    due: '2026-11-25',
    status: 'due-today',
  },
  {
    rule: '6 cap reached (n − 2 = 3): stop and wait',
    cells: { ...THANKED, 'Interview date': '2026-08-01', 'Last follow-up': '2026-10-26', 'Follow-ups sent': 5 },
    action: null,
    due: null,
    status: 'waiting',
  },
  {
    rule: '6 monthlyCheckIns off',
    cells: { ...THANKED, 'Interview date': '2026-10-01', 'Last follow-up': '2026-10-26', 'Follow-ups sent': 2 },
    settings: { monthlyCheckIns: false },
    action: null,
    due: null,
    status: 'waiting',
  },
  {
    rule: '6 monthlyIntervalDays setting, rolled Sat → Mon',
    cells: { ...THANKED, 'Interview date': '2026-10-01', 'Last follow-up': '2026-11-07', 'Follow-ups sent': 2 },
    settings: { monthlyIntervalDays: 14 },
    action: 'monthly-check-in',
    due: '2026-11-23',
    status: 'overdue',
  },
  {
    rule: '6 maxMonthlyCheckIns setting',
    cells: { ...THANKED, 'Interview date': '2026-10-01', 'Last follow-up': '2026-10-26', 'Follow-ups sent': 3 },
    settings: { maxMonthlyCheckIns: 1 },
    action: null,
    due: null,
    status: 'waiting',
  },

  // Rule 1 (v2): a Not applied status is not a follow-up, and missing dates are not a complaint.
  {
    rule: '1 not applied: "Wishlist" with no dates, no problems',
    cells: { Status: 'Wishlist' },
    action: null,
    due: null,
    status: 'not-applied',
    problems: [],
  },
  {
    rule: '1 not applied: "Not applied" is not the applied stage',
    cells: { Status: 'Not applied', Applied: '2026-11-01', 'Recruiter email': 'sam@acme.example' },
    action: null,
    due: null,
    status: 'not-applied',
    problems: [],
  },

  // Rule 2 (v2): the thank-you window.
  {
    rule: '2 window: two days after the interview it is still the thank-you',
    cells: { 'Interview date': '2026-11-23', 'Recruiter email': 'sam@acme.example', 'Personal note': 'x' },
    action: 'thank-you',
    due: '2026-11-23',
    status: 'overdue',
    problems: [],
  },
  {
    rule: '2 window passed: on to the check-in (D + 7 + 1, Sat → Mon)',
    cells: { 'Interview date': '2026-11-20', 'Recruiter email': 'sam@acme.example' },
    action: 'check-in',
    due: '2026-11-30',
    status: 'upcoming',
    problems: ['no-response-date'],
  },
  {
    rule: '2 thankYouWindowDays 0: the thank-you only on the interview day',
    cells: { 'Interview date': '2026-11-24', 'Recruiter email': 'sam@acme.example' },
    settings: { thankYouWindowDays: 0 },
    action: 'check-in',
    due: '2026-12-02',
    status: 'upcoming',
    problems: ['no-response-date'],
  },

  // Rule 7 (v2): the status says interviewing but there is no interview date.
  {
    rule: '7 "Phone screen" with no interview date: waiting, never an application check-in',
    cells: { Status: 'Phone screen', Applied: '2026-11-01', 'Recruiter email': 'sam@acme.example' },
    action: null,
    due: null,
    status: 'waiting',
    problems: ['interviewing-without-date'],
  },
  {
    rule: '7 "5 - Technical round" with no interview date',
    cells: { Status: '5 - Technical round', Applied: '2026-11-01' },
    action: null,
    due: null,
    status: 'waiting',
    problems: ['interviewing-without-date'],
  },

  // Rule 8: no interview yet: the application check-in.
  {
    rule: '8 application check-in A + 14',
    cells: { Applied: '2026-11-11', 'Recruiter email': 'sam@acme.example' },
    action: 'application-check-in',
    due: '2026-11-25',
    status: 'due-today',
  },
  {
    rule: '8 rolled Sat → Mon',
    cells: { Applied: '2026-11-07', 'Recruiter email': 'sam@acme.example' },
    action: 'application-check-in',
    due: '2026-11-23',
    status: 'overdue',
  },
  {
    rule: '8 applicationFollowUpDays 0 turns it off',
    cells: { Applied: '2026-11-07' },
    settings: { applicationFollowUpDays: 0 },
    action: null,
    due: null,
    status: 'waiting',
  },
  {
    rule: '8 heard back since applying',
    cells: { Applied: '2026-11-07', 'Heard back': '2026-11-12' },
    action: null,
    due: null,
    status: 'waiting',
  },
  {
    rule: '8 followed up since applying',
    cells: { Applied: '2026-11-07', 'Last follow-up': '2026-11-23' },
    action: null,
    due: null,
    status: 'waiting',
  },
  {
    rule: '8 upcoming',
    cells: { Applied: '2026-11-20', 'Recruiter email': 'sam@acme.example' },
    action: 'application-check-in',
    due: '2026-12-04',
    status: 'upcoming',
  },

  // Rule 9: nothing to go on.
  {
    rule: '9 no dates: waiting with a problem',
    cells: {},
    action: null,
    due: null,
    status: 'waiting',
    problems: ['no-dates'],
  },

  // §3 the user's plan wins: due on the planned day, exactly (not rolled), when not before the last contact.
  {
    rule: 'plan: a planned Saturday after the applied date is the due day, not rolled',
    cells: { Applied: '2026-11-02', 'Follow-up date': '2026-11-28', 'Recruiter email': 'sam@acme.example' },
    action: 'application-check-in',
    due: '2026-11-28',
    status: 'upcoming',
  },
  {
    rule: 'plan: a planned day before the last contact is ignored',
    cells: { Applied: '2026-11-10', 'Follow-up date': '2026-11-05', 'Recruiter email': 'sam@acme.example' },
    action: 'application-check-in',
    due: '2026-11-24',
    status: 'overdue',
  },
  {
    rule: 'plan: the check-in after an interview moves to the planned day',
    cells: { ...THANKED, 'Interview date': '2026-11-16', 'Follow-up date': '2026-11-26' },
    action: 'check-in',
    due: '2026-11-26',
    status: 'upcoming',
    problems: ['no-response-date'],
  },
  {
    rule: 'plan: the thank-you stays on the interview day',
    cells: {
      'Interview date': '2026-11-24',
      'Follow-up date': '2026-11-27',
      'Recruiter email': 'sam@acme.example',
      'Personal note': 'x',
    },
    action: 'thank-you',
    due: '2026-11-24',
    status: 'overdue',
  },

  // §2/§3 staleAfterDays: a follow-up far overdue is held back.
  {
    rule: 'stale: overdue 71 days (more than 45) is held back',
    cells: { Applied: '2026-09-01', 'Recruiter email': 'sam@acme.example' },
    action: 'application-check-in',
    due: '2026-09-15',
    status: 'overdue',
    problems: ['stale-follow-up'],
  },
  {
    rule: 'stale: overdue 44 days is still drafted',
    cells: { Applied: '2026-09-28', 'Recruiter email': 'sam@acme.example' },
    action: 'application-check-in',
    due: '2026-10-12',
    status: 'overdue',
    problems: [],
  },
  {
    rule: 'stale: staleAfterDays 8 holds back a follow-up 9 days overdue',
    cells: { Applied: '2026-11-01', 'Recruiter email': 'sam@acme.example' },
    settings: { staleAfterDays: 8 },
    action: 'application-check-in',
    due: '2026-11-16',
    status: 'overdue',
    problems: ['stale-follow-up'],
  },

  // §2 plausibility: dates that are probably mistyped hold the row back.
  {
    rule: 'plausibility: the interview before the application',
    cells: { ...THANKED, Applied: '2026-11-20', 'Interview date': '2026-11-10' },
    action: 'check-in',
    due: '2026-11-18',
    status: 'overdue',
    problems: ['no-response-date', 'interview-before-applied'],
  },
  {
    rule: 'plausibility: the application after today',
    cells: { Applied: '2026-12-01', 'Recruiter email': 'sam@acme.example' },
    action: 'application-check-in',
    due: '2026-12-15',
    status: 'upcoming',
    problems: ['applied-after-today'],
  },
  {
    rule: 'plausibility: an interview more than 60 days ahead',
    cells: { 'Interview date': '2027-03-01', 'Recruiter email': 'sam@acme.example', 'Personal note': 'x' },
    action: 'thank-you',
    due: '2027-03-01',
    status: 'upcoming',
    problems: ['far-future-date'],
  },
  {
    rule: 'plausibility: an interview 60 days ahead is plausible',
    cells: { 'Interview date': '2027-01-24', 'Recruiter email': 'sam@acme.example', 'Personal note': 'x' },
    action: 'thank-you',
    due: '2027-01-24',
    status: 'upcoming',
    problems: [],
  },

  // §2 the user's own address is never a recipient.
  {
    rule: 'own address: the only address is yours, held back',
    cells: { Applied: '2026-11-02', 'Recruiter email': 'Me <ME@home.example>' },
    ownAddresses: ['me@home.example'],
    action: 'application-check-in',
    due: '2026-11-16',
    status: 'overdue',
    problems: ['own-address'],
  },
  {
    rule: 'own address: beside the recruiter in a list, still held back',
    cells: { Applied: '2026-11-02', 'Recruiter email': 'me@home.example; sam@acme.example' },
    ownAddresses: ['me@home.example'],
    action: 'application-check-in',
    due: '2026-11-16',
    status: 'overdue',
    problems: ['own-address'],
  },

  // §2 text dates by locale and month names.
  {
    rule: '§2 en_US reads 11/10/2026 month first',
    cells: { Applied: '11/10/2026', 'Recruiter email': 'sam@acme.example' },
    locale: 'en_US',
    action: 'application-check-in',
    due: '2026-11-24',
    status: 'overdue',
  },
  {
    rule: '§2 en_GB reads 11/10/2026 day first',
    cells: { Applied: '11/10/2026', 'Recruiter email': 'sam@acme.example' },
    locale: 'en_GB',
    action: 'application-check-in',
    due: '2026-10-26',
    status: 'overdue',
  },
  {
    rule: '§2 de_DE reads 11.10.2026 day first',
    cells: { Applied: '11.10.2026', 'Recruiter email': 'sam@acme.example' },
    locale: 'de_DE',
    action: 'application-check-in',
    due: '2026-10-26',
    status: 'overdue',
  },
  {
    rule: '§2 "25 Nov 2026"',
    cells: { 'Interview date': '25 Nov 2026', 'Recruiter email': 'sam@acme.example', 'Personal note': 'x' },
    action: 'thank-you',
    due: '2026-11-25',
    status: 'due-today',
  },
  {
    rule: '§2 "Nov 25, 2026"',
    cells: { 'Interview date': 'Nov 25, 2026', 'Recruiter email': 'sam@acme.example', 'Personal note': 'x' },
    action: 'thank-you',
    due: '2026-11-25',
    status: 'due-today',
  },
  {
    rule: '§2 "November 25" takes the nearest year',
    cells: { 'Interview date': 'November 25', 'Recruiter email': 'sam@acme.example', 'Personal note': 'x' },
    action: 'thank-you',
    due: '2026-11-25',
    status: 'due-today',
  },
  {
    rule: '§2 unreadable date is a problem, row still scored',
    cells: {
      Applied: 'last Tuesday-ish',
      'Interview date': '2026-11-25',
      'Recruiter email': 'sam@acme.example',
      'Personal note': 'x',
    },
    action: 'thank-you',
    due: '2026-11-25',
    status: 'due-today',
    problems: ['unreadable-date'],
  },

  // §2 DST weeks: calendar arithmetic on Date cells in the spreadsheet's zone.
  {
    rule: '§2 DST ends in New York inside the window',
    cells: { ...THANKED, 'Interview date': new Date(dateToInstant(day('2026-10-30'), 'America/New_York')) },
    timeZone: 'America/New_York',
    today: '2026-11-09',
    action: 'check-in',
    due: '2026-11-09',
    status: 'due-today',
  },
  {
    rule: '§2 DST starts in New York inside the window',
    cells: { ...THANKED, 'Interview date': new Date(dateToInstant(day('2026-03-06'), 'America/New_York')) },
    timeZone: 'America/New_York',
    today: '2026-03-16',
    action: 'check-in',
    due: '2026-03-16',
    status: 'due-today',
  },
  {
    rule: '§2 DST starts in Auckland inside the window',
    cells: { ...THANKED, 'Interview date': new Date(dateToInstant(day('2026-09-25'), 'Pacific/Auckland')) },
    timeZone: 'Pacific/Auckland',
    today: '2026-10-05',
    action: 'check-in',
    due: '2026-10-05',
    status: 'due-today',
  },
  {
    rule: '§2 DST ends in Auckland inside the window',
    cells: { ...THANKED, 'Interview date': new Date(dateToInstant(day('2026-04-03'), 'Pacific/Auckland')) },
    timeZone: 'Pacific/Auckland',
    today: '2026-04-13',
    action: 'check-in',
    due: '2026-04-13',
    status: 'due-today',
  },
  {
    rule: '§2 a Date cell is read in the spreadsheet zone, not UTC',
    cells: {
      'Interview date': new Date(Date.UTC(2026, 10, 24, 23, 30)),
      'Recruiter email': 'sam@acme.example',
      'Personal note': 'x',
    },
    timeZone: 'Pacific/Auckland',
    action: 'thank-you',
    due: '2026-11-25',
    status: 'due-today',
  },
];

describe('rules table (docs/RULES.md §1–§3)', () => {
  it.each(cases.map((c) => [c.rule, c] as const))('%s', (_name, c) => {
    const outcome = score(c.cells, c.today ?? '2026-11-25', c.settings ?? {}, {
      ...(c.timeZone ? { timeZone: c.timeZone } : {}),
      ...(c.locale ? { locale: c.locale } : {}),
      ...(c.ownAddresses ? { ownAddresses: c.ownAddresses } : {}),
    });
    expect({ action: outcome.action, due: outcome.due, status: outcome.status }).toEqual({
      action: c.action,
      due: c.due,
      status: c.status,
    });
    if (c.problems) expect(outcome.problems.filter((p) => p !== 'no-email')).toEqual(c.problems);
  });
});

describe('evaluate', () => {
  it('explains an upcoming thank-you with a reminder to ask about next steps', () => {
    const { evaluation } = score(
      { 'Interview date': '2026-11-27', 'Recruiter email': 'a@b.co', 'Personal note': 'x' },
      '2026-11-25',
    );
    expect(evaluation.statusText).toBe('Upcoming · interview in 2 days');
    expect(evaluation.hints.join(' ')).toMatch(/next steps/);
  });

  it('suggests thinking about the role once the monthly check-ins run out', () => {
    const { evaluation } = score(
      { ...THANKED, 'Interview date': '2026-08-01', 'Last follow-up': '2026-10-26', 'Follow-ups sent': 5 },
      '2026-11-25',
    );
    expect(evaluation.hints.join(' ')).toMatch(/still right for you/);
  });

  it('writes the overdue days into the status text', () => {
    const { evaluation } = score({ ...THANKED, 'Interview date': '2026-11-16' }, '2026-11-25');
    expect(evaluation.statusText).toBe('Overdue · 1 day');
  });

  it('says which email to add when there is none, as a blocking problem', () => {
    const { evaluation } = score({ 'Interview date': '2026-11-25', 'Personal note': 'x' }, '2026-11-25');
    expect(evaluation.problems).toEqual([
      {
        code: 'no-email',
        message: 'no valid email address: add an Interviewer email or a Recruiter email',
        blocking: true,
      },
    ]);
  });

  it('flags an invalid address and blocks the draft', () => {
    const { problems } = score(
      { 'Interview date': '2026-11-25', 'Recruiter email': 'sam at acme', 'Personal note': 'x' },
      '2026-11-25',
    );
    expect(problems).toEqual(['invalid-email', 'no-email']);
  });

  it.each([
    ['thank-you', { 'Interview date': '2026-11-25', 'Personal note': 'x' }, 'kim@acme.example', 'interviewer'],
    ['check-in', { ...THANKED, 'Interview date': '2026-11-16' }, 'sam@acme.example', 'recruiter'],
  ] as const)('sends the %s to the right person', (_action, cells, email, source) => {
    const { evaluation } = score(
      { ...cells, 'Recruiter email': 'sam@acme.example', 'Interviewer email': 'kim@acme.example' },
      '2026-11-25',
    );
    expect(evaluation.recipient).toMatchObject({ email, source });
  });

  it('falls back to the other address when the preferred one is missing', () => {
    const { evaluation } = score(
      { ...THANKED, 'Recruiter email': '', 'Interview date': '2026-11-16', 'Interviewer email': 'kim@acme.example' },
      '2026-11-25',
    );
    expect(evaluation.recipient).toMatchObject({ email: 'kim@acme.example', source: 'interviewer' });
  });

  it('defers a skipped follow-up to the chosen date', () => {
    const draft = 'Check-in · due 2026-11-23 · skipped until 2026-11-30';
    const outcome = score(
      { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': '2026-11-20', Draft: draft },
      '2026-11-25',
    );
    expect(outcome).toMatchObject({ action: 'check-in', due: '2026-11-30', status: 'upcoming' });
  });

  it('ignores a skip recorded for another due date', () => {
    const draft = 'Check-in · due 2026-11-10 · skipped until 2026-11-30';
    const outcome = score(
      { ...THANKED, 'Interview date': '2026-11-16', 'Expected response': '2026-11-20', Draft: draft },
      '2026-11-25',
    );
    expect(outcome).toMatchObject({ due: '2026-11-23', status: 'overdue' });
  });
});

describe('priority (docs/RULES.md §3)', () => {
  const overdueThankYou = score(
    { 'Interview date': '2026-11-24', 'Recruiter email': 'a@b.co', 'Personal note': 'x' },
    '2026-11-25',
  );
  const overdueCheckIn20 = score({ ...THANKED, 'Interview date': '2026-10-20' }, '2026-11-25');
  const overdueCheckIn1 = score({ ...THANKED, 'Interview date': '2026-11-16' }, '2026-11-25');
  const dueToday = score({ Applied: '2026-11-11', 'Recruiter email': 'a@b.co' }, '2026-11-25');
  const upcomingSoon = score({ Applied: '2026-11-13', 'Recruiter email': 'a@b.co' }, '2026-11-25');
  const upcomingLater = score({ Applied: '2026-11-20', 'Recruiter email': 'a@b.co' }, '2026-11-25');
  const waiting = score({}, '2026-11-25');
  const closed = score({ Status: 'Withdrawn' }, '2026-11-25');

  it('ranks an overdue thank-you first, then more days overdue, then due today, upcoming, waiting, closed', () => {
    const order = [
      overdueThankYou,
      overdueCheckIn20,
      overdueCheckIn1,
      dueToday,
      upcomingSoon,
      upcomingLater,
      waiting,
      closed,
    ];
    const priorities = order.map((o) => o.priority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);
    expect(new Set(priorities).size).toBe(priorities.length);
    expect(closed.priority).toBe(0);
    expect(Math.max(...priorities)).toBeLessThanOrEqual(100);
  });
});
