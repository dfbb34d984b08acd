/** One application row as the reader hands it to the rules (see tracker.ts), and the problems found in it. */
import type { YesRead } from './cells';
import type { CalendarDate } from './dates';
import type { DraftRecord } from './draftcell';
import type { DateCell, DatedField } from './plausibility';
import type { ApplicationStatus } from './status';

export type ProblemCode =
  | 'unreadable-date'
  | 'time-only-date'
  | 'unreadable-count'
  | 'unreadable-expected'
  | 'expected-before-interview'
  | 'no-response-date'
  | 'no-follow-up-date'
  | 'no-email'
  | 'invalid-email'
  | 'extra-addresses'
  | 'own-address'
  | 'interviewing-without-date'
  | 'interview-before-applied'
  | 'applied-after-today'
  | 'far-future-date'
  | 'stale-follow-up'
  | 'missing-notes'
  | 'missing-update'
  | 'no-dates'
  | 'template-error'
  | 'gmail-refused';

export interface Problem {
  code: ProblemCode;
  message: string;
  /** A blocking problem stops this row's draft (never other rows). */
  blocking: boolean;
}

/** An email cell that holds one of the user's own addresses (docs/RULES.md §2): never a recipient. */
export interface OwnAddress {
  key: 'recruiterEmail' | 'interviewerEmail';
  /** The column's header as the sheet shows it. */
  header: string;
  address: string;
}

export interface Application {
  /** 1-based sheet row. */
  row: number;
  company: string;
  role: string;
  /** The Status cell read by its words; a heard-back text that reads as closed closes it too. */
  status: ApplicationStatus;
  applied: CalendarDate | null;
  interview: CalendarDate | null;
  /** The expected response date, already resolved against the interview date when it was a phrase. */
  expected: CalendarDate | null;
  /** The expected-response text when it could not be read. */
  expectedUnreadable: string | null;
  /** The date the user chose for the next follow-up (docs/RULES.md §3: the user's plan wins). */
  plannedFollowUp: CalendarDate | null;
  /** How each date cell was read, for the plausibility problems that name it. */
  dateCells: Partial<Record<DatedField, DateCell>>;
  recruiterName: string;
  recruiterEmail: string | null;
  interviewerName: string;
  interviewerEmail: string | null;
  /** Email cells that hold the user's own address; their address is not in recruiterEmail/interviewerEmail. */
  ownAddresses: OwnAddress[];
  thankYou: YesRead;
  heardBack: YesRead;
  lastFollowUp: YesRead;
  followUps: number;
  /** The sentence to quote in the thank-you (the personalNote column). */
  personalNote: string;
  /** The user's private notes: never put into a draft. */
  notes: string;
  update: string;
  draft: DraftRecord | null;
  /** Problems found while reading the row's cells. */
  problems: Problem[];
}
