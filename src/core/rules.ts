/** The follow-up rules of docs/RULES.md §3: for one application, the next action, its due date, status and priority. */
import type { Application, Problem } from './application';
import type { YesRead } from './cells';
import { type CalendarDate, rollToWeekday, toIso } from './dates';
import { implausibleDates } from './plausibility';
import type { Settings } from './settings';
import { DAY, statusText } from './status-text';
import { ACTION_LABELS, type Action } from './templates';

export type { Application, OwnAddress, Problem, ProblemCode } from './application';

export type Status = 'overdue' | 'due-today' | 'upcoming' | 'scheduled' | 'waiting' | 'not-applied' | 'closed';

export interface Recipient {
  email: string;
  name: string;
  /** Which columns the address came from. */
  source: 'interviewer' | 'recruiter';
}

export interface Evaluation {
  action: Action | null;
  /** The due date of the action, after the weekend roll and any skip. */
  due: CalendarDate | null;
  status: Status;
  statusText: string;
  priority: number;
  problems: Problem[];
  hints: string[];
  recipient: Recipient | null;
  /** The last outreach (latest of interview, applied and last follow-up): replies after it stop a check-in. */
  lastOutreach: CalendarDate | null;
}

/**
 * The list in an array of its own length. An array that grew by push keeps room for 16 more entries, and an
 * evaluation's lists are kept for every row of the sheet.
 */
function fitted<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}

function laterOf(...dates: (CalendarDate | null | undefined)[]): CalendarDate | null {
  let best: CalendarDate | null = null;
  for (const d of dates) if (d !== null && d !== undefined && (best === null || d > best)) best = d;
  return best;
}

/**
 * Priority 0–100 keeping docs/RULES.md §3's order: Overdue > Due today > Upcoming > Scheduled > Waiting > Closed and Not
 * applied; an overdue thank-you first among overdue rows, then more days overdue (counted up to 29); sooner-due
 * upcoming rows first.
 */
export function priorityOf(status: Status, action: Action | null, daysFromToday: number): number {
  switch (status) {
    case 'closed':
    case 'not-applied':
      return 0;
    case 'waiting':
      return 10;
    case 'scheduled':
      return 15;
    case 'upcoming':
      return 20 + Math.max(0, 19 - Math.min(19, daysFromToday - 1));
    case 'due-today':
      return action === 'thank-you' ? 55 : 50;
    case 'overdue':
      return action === 'thank-you' ? 90 + Math.min(10, daysFromToday) : 60 + Math.min(29, daysFromToday);
  }
}

/** Who gets an action's draft (docs/RULES.md §4): the thank-you the interviewer first, every other the recruiter first. */
export function chooseRecipient(app: Application, action: Action): Recipient | null {
  const interviewer =
    app.interviewerEmail !== null
      ? { email: app.interviewerEmail, name: app.interviewerName, source: 'interviewer' as const }
      : null;
  const recruiter =
    app.recruiterEmail !== null
      ? { email: app.recruiterEmail, name: app.recruiterName, source: 'recruiter' as const }
      : null;
  return action === 'thank-you' ? (interviewer ?? recruiter) : (recruiter ?? interviewer);
}

interface Decision {
  action: Action | null;
  due: CalendarDate | null;
  waitingReason?: string;
  problems: Problem[];
  hints: string[];
}

/** Who has been followed up since a date: a dated follow-up on/after it, or an undated "yes" or a count. */
function followUpsSince(app: Application, since: CalendarDate): number {
  const last = app.lastFollowUp;
  if (last.yes && last.date !== undefined) return last.date < since ? 0 : Math.max(app.followUps, 1);
  if (last.yes) return Math.max(app.followUps, 1);
  return app.followUps;
}

function heardBackSince(heard: YesRead, since: CalendarDate): boolean {
  return heard.yes && (heard.date === undefined || heard.date >= since);
}

function decide(app: Application, settings: Settings, today: CalendarDate): Decision {
  const roll = (d: CalendarDate): CalendarDate => (settings.skipWeekends ? rollToWeekday(d) : d);
  const problems: Problem[] = [];
  const hints: string[] = [];
  const D = app.interview;
  if (D !== null) {
    const thanked = app.thankYou.yes && (app.thankYou.date === undefined || app.thankYou.date >= D);
    if (!thanked) {
      if (today <= D + settings.thankYouWindowDays) return { action: 'thank-you', due: D, problems, hints };
      hints.push('The thank-you window has passed; the check-in is next.');
    }
    if (heardBackSince(app.heardBack, D)) {
      return { action: null, due: null, waitingReason: 'heard back: update next steps', problems, hints };
    }
    const n = followUpsSince(app, D);
    const firstCheckIn = (withProblems: boolean): CalendarDate => {
      if (app.expected !== null && app.expected >= D) return roll(app.expected + 1);
      if (withProblems) {
        const assumed = `assumed ${DAY(settings.responseWindowDays)}; ask the recruiter`;
        if (app.expectedUnreadable !== null) {
          problems.push({
            code: 'unreadable-expected',
            message: `could not read the expected response "${app.expectedUnreadable}" (${assumed})`,
            blocking: false,
          });
        } else if (app.expected !== null) {
          problems.push({
            code: 'expected-before-interview',
            message: `the expected response date ${toIso(app.expected)} is before the interview (${assumed})`,
            blocking: false,
          });
        } else {
          problems.push({
            code: 'no-response-date',
            message: `no response date recorded (${assumed})`,
            blocking: false,
          });
        }
      }
      return roll(D + settings.responseWindowDays + 1);
    };
    if (n === 0) return { action: 'check-in', due: firstCheckIn(true), problems, hints };
    let last = app.lastFollowUp.date;
    if (last === undefined) {
      last = firstCheckIn(false);
      problems.push({
        code: 'no-follow-up-date',
        message: `Last follow-up has no date, so the next one is counted from ${toIso(last)}; add the date you last followed up`,
        blocking: false,
      });
    }
    if (n === 1) return { action: 'second-follow-up', due: roll(last + settings.secondFollowUpDays), problems, hints };
    if (settings.monthlyCheckIns && n - 2 < settings.maxMonthlyCheckIns) {
      return { action: 'monthly-check-in', due: roll(last + settings.monthlyIntervalDays), problems, hints };
    }
    hints.push(
      `You have followed up ${n} times since the interview. It may be time to ask yourself whether this role is still right for you, and to put your energy into other openings.`,
    );
    return { action: null, due: null, waitingReason: 'no more check-ins planned', problems, hints };
  }
  if (app.status.kind === 'interviewing') {
    problems.push({
      code: 'interviewing-without-date',
      message: `Status says "${app.status.text}" but there is no interview date: add it to get the thank-you and the check-ins`,
      blocking: false,
    });
    return { action: null, due: null, waitingReason: 'add the interview date', problems, hints };
  }
  const A = app.applied;
  if (A !== null) {
    if (settings.applicationFollowUpDays === 0) {
      return { action: null, due: null, waitingReason: 'application check-ins are off', problems, hints };
    }
    if (heardBackSince(app.heardBack, A)) {
      return { action: null, due: null, waitingReason: 'heard back: update next steps', problems, hints };
    }
    if (followUpsSince(app, A) > 0) {
      return { action: null, due: null, waitingReason: 'followed up on the application', problems, hints };
    }
    return { action: 'application-check-in', due: roll(A + settings.applicationFollowUpDays), problems, hints };
  }
  problems.push({
    code: 'no-dates',
    message: 'no applied or interview date: add one so follow-ups can be planned',
    blocking: false,
  });
  return { action: null, due: null, waitingReason: 'no dates yet', problems, hints };
}

/**
 * Decides the next follow-up for one application on `today`.
 * @example evaluate(app, DEFAULT_SETTINGS, today).action // 'check-in'
 */
export function evaluate(app: Application, settings: Settings, today: CalendarDate): Evaluation {
  const kind = app.status.kind;
  if (kind === 'closed' || kind === 'not-applied') {
    const status = kind === 'closed' ? 'closed' : 'not-applied';
    return {
      action: null,
      due: null,
      status,
      statusText: statusText(status, 0, null),
      priority: 0,
      problems: [],
      hints: [],
      recipient: null,
      lastOutreach: null,
    };
  }
  const decision = decide(app, settings, today);
  const problems = [...app.problems, ...decision.problems];
  for (const { code, message } of implausibleDates(app.dateCells, today))
    problems.push({ code, message, blocking: true });
  // The decision's own array, made for this row alone (fitted when returned).
  const hints = decision.hints;
  const lastOutreach = laterOf(app.interview, app.applied, app.lastFollowUp.date);
  if (decision.action === null || decision.due === null) {
    return {
      action: null,
      due: null,
      status: 'waiting',
      statusText: statusText('waiting', 0, null, decision.waitingReason),
      priority: priorityOf('waiting', null, 0),
      problems: fitted(problems),
      hints: fitted(hints),
      recipient: null,
      lastOutreach,
    };
  }
  const action = decision.action;
  let due = decision.due;
  // The user's plan wins when it is not older than the last outreach; the thank-you keeps the interview day.
  const plan = app.plannedFollowUp;
  if (action !== 'thank-you' && plan !== null && lastOutreach !== null && plan >= lastOutreach) due = plan;
  const skip = app.draft;
  if (skip?.kind === 'skipped' && skip.action === action && skip.due === due && skip.until > due) due = skip.until;
  // A draft the user scheduled in Gmail covers the follow-up until it goes out (docs/RULES.md §5).
  const scheduled = skip?.kind === 'draft' && skip.scheduled === true && skip.action === action;
  const status: Status = scheduled ? 'scheduled' : today > due ? 'overdue' : today === due ? 'due-today' : 'upcoming';
  const days = Math.abs(today - due);
  if (action === 'thank-you' && status === 'upcoming') {
    hints.push('Before the interview ends, ask about the next steps and when you can expect to hear back.');
  }
  if (status === 'overdue' && days > settings.staleAfterDays) {
    problems.push({
      code: 'stale-follow-up',
      message: `The ${ACTION_LABELS[action]} has been due since ${toIso(due)} (${DAY(days)}): update the row with what happened since, or close it`,
      blocking: true,
    });
  }
  const recipient = chooseRecipient(app, action);
  for (const own of app.ownAddresses) {
    const whose = own.key === 'interviewerEmail' ? "the interviewer's" : "the recruiter's";
    problems.push({
      code: 'own-address',
      message: `${own.header} "${own.address}": this is your own address: put ${whose} email here`,
      blocking: true,
    });
  }
  if (recipient === null && app.ownAddresses.length === 0) {
    const wanted = action === 'thank-you' ? 'an Interviewer email or a Recruiter email' : 'a Recruiter email';
    problems.push({ code: 'no-email', message: `no valid email address: add ${wanted}`, blocking: true });
  }
  if (action === 'thank-you' && app.personalNote.trim() === '') {
    problems.push({
      code: 'missing-notes',
      message:
        'no personal note for the thank-you: write one in the Personal note column (the draft has a placeholder)',
      blocking: false,
    });
  }
  if (action === 'second-follow-up' && app.update.trim() === '') {
    problems.push({
      code: 'missing-update',
      message:
        'nothing new to share for the second follow-up: add a work sample or achievement in Update (the draft has a placeholder)',
      blocking: false,
    });
  }
  let text = statusText(status, days, action);
  if (skip?.kind === 'skipped' && due === skip.until && status === 'upcoming') text = `${text} · skipped`;
  return {
    action,
    due,
    status,
    statusText: text,
    priority: priorityOf(status, action, days),
    problems: fitted(problems),
    hints: fitted(hints),
    recipient,
    lastOutreach,
  };
}
