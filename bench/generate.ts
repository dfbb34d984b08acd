/**
 * Deterministic (seeded) trackers and mailboxes for the benchmark. A tracker has the sample tracker's headers;
 * exactly 5 % of its rows are due (overdue or due today) with valid addresses, the rest are upcoming, waiting
 * or closed. The mailbox holds earlier threads with some contacts, replies from some due rows' contacts (which
 * stop their check-ins) and unrelated mail.
 */

import type { CellValue } from '../src/core/cells';
import { type CalendarDate, dateToInstant, fromIso, toIso } from '../src/core/dates';

export const TODAY = '2026-11-25';
export const TIME_ZONE = 'Europe/London';
export const LOCALE = 'en_GB';
export const ME = { email: 'alex@example.com', name: 'Alex Doe' };
export const DUE_SHARE = 0.05;

/**
 * The sample tracker's columns (examples/sample-tracker.csv), plus a column of the user's own. Fixed, not derived
 * from the header matcher: the baseline script reads these columns by position, as scripts of its kind do.
 */
export const HEADERS = [
  'Company',
  'Role',
  'Status',
  'Applied',
  'Interview date',
  'Expected response',
  'Recruiter',
  'Recruiter email',
  'Interviewer',
  'Interviewer email',
  'Thank-you sent',
  'Last follow-up',
  'Follow-ups sent',
  'Heard back',
  'Notes',
  'Update',
  'Salary band',
];

type Header = string;

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DueKind = 'thank-you' | 'check-in' | 'second' | 'monthly' | 'application';
export type OtherKind = 'upcoming-interview' | 'upcoming-check-in' | 'recent-application' | 'heard-back' | 'closed';

export interface GeneratedRow {
  /** 1-based sheet row. */
  sheetRow: number;
  kind: DueKind | OtherKind;
  due: boolean;
  /** Lower-cased addresses in the row. */
  contacts: string[];
  /** Recruiter, the contact check-ins go to. */
  recruiterEmail: string;
  /** The last outreach day (max of applied, interview, last follow-up): replies after it stop a check-in. */
  lastOutreach: CalendarDate;
  company: string;
  role: string;
}

export interface Tracker {
  rows: GeneratedRow[];
  /** Header row plus one row per application; dates as ISO text, checkboxes as TRUE/FALSE, counts as text. */
  cells: string[][];
}

const COMPANIES = ['Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Soylent', 'Hooli', 'Acme'];
const SUFFIXES = ['Traders', 'Labs', 'Health', 'Systems', 'Group', 'Works', 'Analytics', 'Cloud'];
const ROLES = ['Data Analyst', 'Backend Engineer', 'Product Designer', 'SRE', 'QA Lead', 'ML Engineer', 'PM'];
const FIRST = ['Priya', 'Maria', 'Lee', 'Sam', 'Bill', 'Jo', 'Dana', 'Gavin', 'Monica', 'Tom', 'Ana', 'Kim'];
const LAST = ['Shah', 'Gonzalez', 'Chen', 'Lee', 'Lumbergh', 'Park', 'Fox', 'Belson', 'Hall', 'Reyes', 'Silva'];
const NOTES = [
  "Tom's story about rebuilding their sales dashboard in a weekend",
  'Loved the on-call culture discussion',
  'We talked about their move to weekly releases',
  '',
];
const UPDATES = ['Published a case study on cutting pipeline costs by 30%: https://example.com/case-study', ''];
const CLOSED = ['Rejected', 'Offer', 'Withdrawn', 'Accepted', 'Archived'];
const DUE_KINDS: DueKind[] = ['thank-you', 'thank-you', 'check-in', 'check-in', 'second', 'monthly', 'application'];
const OTHER_KINDS: OtherKind[] = [
  'upcoming-interview',
  'upcoming-check-in',
  'recent-application',
  'heard-back',
  'heard-back',
  'closed',
  'closed',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function int(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Which rows are due: exactly round(rows × 5 %), spread evenly (every 20th row, as a seed would scatter them). */
function dueIndexes(rows: number, random: () => number): Set<number> {
  const due = Math.round(rows * DUE_SHARE);
  const picked = new Set<number>();
  const step = rows / due;
  for (let k = 0; k < due; k++) picked.add(Math.min(rows - 1, Math.floor(k * step + random() * step)));
  return picked;
}

/**
 * A tracker of `rows` applications for `today`. Every date offset keeps due rows due whatever the weekday
 * (a check-in moved off a weekend lands on the Monday, at most 2 days later, and is still ≤ today).
 */
export function generateTracker(rows: number, seed: number, today = TODAY): Tracker {
  const random = rng(seed);
  const t = fromIso(today)!;
  const iso = (d: CalendarDate) => toIso(d);
  const due = dueIndexes(rows, random);
  const out: GeneratedRow[] = [];
  const cells: string[][] = [[...HEADERS]];
  for (let i = 0; i < rows; i++) {
    const isDue = due.has(i);
    const kind: DueKind | OtherKind = isDue ? pick(random, DUE_KINDS) : pick(random, OTHER_KINDS);
    const company = `${pick(random, COMPANIES)} ${pick(random, SUFFIXES)} ${i + 1}`;
    const domain = `c${i + 1}.example`;
    const recruiterFirst = pick(random, FIRST);
    const recruiterLast = pick(random, LAST);
    const interviewerFirst = pick(random, FIRST);
    const interviewerLast = pick(random, LAST);
    const recruiterEmail = `${recruiterFirst}.${recruiterLast}@${domain}`.toLowerCase();
    const interviewerEmail = `${interviewerFirst}.${interviewerLast}.${i + 1}@${domain}`.toLowerCase();
    const row: Partial<Record<Header, string>> = {
      Company: company,
      Role: pick(random, ROLES),
      Status: 'Interviewing',
      Recruiter: `${recruiterFirst} ${recruiterLast}`,
      'Recruiter email': recruiterEmail,
      Notes: pick(random, NOTES),
      Update: pick(random, UPDATES),
      'Salary band': random() < 0.3 ? '£45–50k' : '',
    };
    const withInterviewer = () => {
      row.Interviewer = `${interviewerFirst} ${interviewerLast}`;
      row['Interviewer email'] = interviewerEmail;
    };
    let lastOutreach = t;
    switch (kind) {
      case 'thank-you': {
        // Interview today (due today) or up to 2 days ago (overdue), no thank-you yet: inside the thank-you window
        // (thankYouWindowDays, 2 by default, docs/RULES.md §3); a day later the row moves on to its check-in.
        const interview = t - int(random, 0, 2);
        row.Applied = iso(interview - int(random, 10, 30));
        row['Interview date'] = iso(interview);
        row['Expected response'] = pick(random, ['end of next week', 'Friday', '']);
        row['Thank-you sent'] = 'FALSE';
        withInterviewer();
        lastOutreach = interview;
        break;
      }
      case 'check-in': {
        // Thanked; the promised answer day passed: due roll(E + 1) ≤ today.
        const expected = t - int(random, 4, 20);
        const interview = expected - int(random, 5, 10);
        row.Applied = iso(interview - int(random, 10, 30));
        row['Interview date'] = iso(interview);
        row['Expected response'] = iso(expected);
        row['Thank-you sent'] = iso(interview);
        withInterviewer();
        lastOutreach = interview;
        break;
      }
      case 'second': {
        // One check-in sent secondFollowUpDays (7) or more days ago.
        const last = t - 7 - int(random, 0, 10);
        const interview = last - int(random, 8, 14);
        row.Applied = iso(interview - int(random, 10, 30));
        row['Interview date'] = iso(interview);
        row['Expected response'] = iso(interview + 5);
        row['Thank-you sent'] = 'yes';
        row['Last follow-up'] = iso(last);
        row['Follow-ups sent'] = '1';
        lastOutreach = last;
        break;
      }
      case 'monthly': {
        const last = t - 30 - int(random, 0, 10);
        const interview = last - int(random, 20, 40);
        row.Applied = iso(interview - int(random, 10, 30));
        row['Interview date'] = iso(interview);
        row['Thank-you sent'] = '✓';
        row['Last follow-up'] = iso(last);
        row['Follow-ups sent'] = '2';
        lastOutreach = last;
        break;
      }
      case 'application': {
        const applied = t - 14 - int(random, 0, 20);
        row.Status = 'Applied';
        row.Applied = iso(applied);
        lastOutreach = applied;
        break;
      }
      case 'upcoming-interview': {
        const interview = t + int(random, 1, 20);
        row.Status = 'Interview booked';
        row.Applied = iso(t - int(random, 5, 25));
        row['Interview date'] = iso(interview);
        withInterviewer();
        break;
      }
      case 'upcoming-check-in': {
        const interview = t - int(random, 1, 4);
        row.Applied = iso(interview - int(random, 10, 30));
        row['Interview date'] = iso(interview);
        row['Expected response'] = iso(t + int(random, 5, 15));
        row['Thank-you sent'] = 'TRUE';
        withInterviewer();
        break;
      }
      case 'recent-application': {
        row.Status = 'Applied';
        row.Applied = iso(t - int(random, 0, 10));
        break;
      }
      case 'heard-back': {
        const interview = t - int(random, 5, 40);
        row.Applied = iso(interview - int(random, 10, 30));
        row['Interview date'] = iso(interview);
        row['Thank-you sent'] = 'yes';
        row['Heard back'] = iso(interview + int(random, 1, 4));
        row.Status = 'Waiting';
        break;
      }
      case 'closed': {
        const interview = t - int(random, 10, 90);
        row.Status = pick(random, CLOSED);
        row.Applied = iso(interview - int(random, 10, 30));
        row['Interview date'] = iso(interview);
        row['Thank-you sent'] = 'yes';
        break;
      }
    }
    const contacts = [recruiterEmail, ...(row['Interviewer email'] ? [interviewerEmail] : [])];
    out.push({
      sheetRow: i + 2,
      kind,
      due: isDue,
      contacts,
      recruiterEmail,
      lastOutreach,
      company,
      role: row.Role!,
    });
    cells.push(HEADERS.map((h) => row[h] ?? ''));
  }
  return { rows: out, cells };
}

/** CSV text of the tracker (every cell quoted). */
export function trackerCsv(tracker: Tracker): string {
  return tracker.cells.map((line) => line.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
}

const DATE_HEADERS = new Set<string>(['Applied', 'Interview date', 'Last follow-up', 'Heard back']);

/**
 * The grid as `Range.getValues()` returns it: date cells as Date objects (midnight in the sheet's zone),
 * checkboxes as booleans, counts as numbers, the rest as text.
 */
export function trackerValues(tracker: Tracker, timeZone = TIME_ZONE): CellValue[][] {
  const dateColumns = HEADERS.map((h) => DATE_HEADERS.has(h) || h === 'Expected response' || h === 'Thank-you sent');
  return tracker.cells.map((line, r) =>
    r === 0
      ? [...line]
      : line.map((c, i): CellValue => {
          if (c === 'TRUE') return true;
          if (c === 'FALSE') return false;
          if (/^\d+$/.test(c)) return Number(c);
          if (dateColumns[i] && /^\d{4}-\d{2}-\d{2}$/.test(c)) return new Date(dateToInstant(fromIso(c)!, timeZone));
          return c;
        }),
  );
}

/** A message as the emulator's mailbox file takes it. */
export interface BenchMessage {
  id: string;
  threadId: string;
  messageId: string;
  from: string;
  to: string[];
  date: string;
  subject: string;
  text: string;
  labels: string[];
  references?: string[];
  inReplyTo?: string;
}

export interface Mailbox {
  messages: BenchMessage[];
  /** Sheet rows of the due rows whose contact replied after the last outreach: no check-in is drafted for them. */
  repliedRows: number[];
}

const MS_PER_DAY = 86_400_000;

/**
 * The mailbox: earlier two-message threads (their invitation, my answer) with 40 % of the due check-in rows'
 * recruiters and 10 % of the other rows' recruiters; a reply after the last outreach from 15 % of the due
 * check-in rows' recruiters; and unrelated mail (job boards, newsletters), half as many as rows.
 */
export function generateMailbox(tracker: Tracker, seed: number): Mailbox {
  const random = rng(seed);
  const messages: BenchMessage[] = [];
  let n = 0;
  const at = (day: CalendarDate, hour: number) => new Date(day * MS_PER_DAY + hour * 3_600_000).toISOString();
  const add = (m: Omit<BenchMessage, 'id' | 'messageId'>): BenchMessage => {
    n++;
    const message = {
      id: (0x1700000000000000n + BigInt(n)).toString(16),
      messageId: `<bench.${n}@mail.example>`,
      ...m,
    };
    messages.push(message);
    return message;
  };
  const me = `${ME.name} <${ME.email}>`;
  const repliedRows: number[] = [];
  for (const row of tracker.rows) {
    const checkIn = row.due && row.kind !== 'thank-you';
    const threadChance = checkIn ? 0.4 : 0.1;
    const recruiter = row.recruiterEmail;
    if (random() < threadChance) {
      const day = row.lastOutreach - int(random, 3, 12);
      const threadId = `th${row.sheetRow}`;
      const subject = `Interview for the ${row.role} role at ${row.company}`;
      const first = add({
        threadId,
        from: recruiter,
        to: [ME.email],
        date: at(day, 10),
        subject,
        text: 'Hi Alex, could you do a video call next week? Best regards',
        labels: ['INBOX'],
      });
      add({
        threadId,
        from: me,
        to: [recruiter],
        date: at(day, 15),
        subject: `Re: ${subject}`,
        text: 'Hi, that works for me. See you then! Alex',
        labels: ['SENT'],
        inReplyTo: first.messageId,
        references: [first.messageId],
      });
    }
    if (checkIn && random() < 0.15) {
      repliedRows.push(row.sheetRow);
      add({
        threadId: `re${row.sheetRow}`,
        from: recruiter,
        to: [ME.email],
        date: at(row.lastOutreach + 1, 11),
        subject: `Update on your application to ${row.company}`,
        text: 'Hi Alex, thanks for your patience: we will get back to you next week.',
        labels: ['INBOX'],
      });
    }
  }
  const today = fromIso(TODAY)!;
  const unrelated = Math.max(50, Math.floor(tracker.rows.length / 2));
  for (let k = 0; k < unrelated; k++) {
    const sender = pick(random, ['noreply@jobs.example', 'news@weekly.example', 'alerts@board.example']);
    add({
      threadId: `u${k}`,
      from: `Job Board <${sender}>`,
      to: [ME.email],
      date: at(today - int(random, 0, 120), int(random, 6, 20)),
      subject: `${int(random, 3, 40)} new jobs for you`,
      text: 'See the latest jobs.',
      labels: ['INBOX'],
    });
  }
  return { messages, repliedRows };
}
