/** The menu commands and the daily run, over the ports: locking, running, and telling the user what happened. */

import type { KeyValueStore, Lock, Scheduler, Ui, Workbook } from '../ports';
import { type RunDeps, type RunResult, runFollowUps } from './followups';
import { isTimeLimit } from './gmail-reading';
import { loadSettings } from './settings';

export interface CommandDeps extends RunDeps {
  lock: Lock;
  /** Null in a time-driven trigger, where there is no UI. */
  ui: Ui | null;
  scheduler: Scheduler;
}

export const MENU_ITEMS: readonly (readonly [string, string] | null)[] = [
  ['Draft follow-ups', 'draftFollowUps'],
  ['Score rows (colour only, no drafts)', 'scoreApplications'],
  ['Preview follow-ups…', 'showPreview'],
  ['Settings…', 'showSettings'],
  null,
  ['Turn on daily drafts', 'turnOnDailyDrafts'],
  ['Turn off daily drafts', 'turnOffDailyDrafts'],
  null,
  ['Set up a tracker sheet', 'setUpTrackerSheet'],
  ['Check setup', 'checkSetup'],
];

/** How long a menu run waits for a run already in progress; the daily run waits longer. */
export const MENU_LOCK_WAIT_MS = 5_000;
export const DAILY_LOCK_WAIT_MS = 60_000;
export const BUSY_MESSAGE =
  'Another follow-up run (probably the daily one) is working on this sheet right now. Try again in a minute.';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line for the toast, e.g. "3 drafts created · 1 row needs an email address". */
export function summaryLine(result: RunResult, drafting: boolean): string {
  const parts: string[] = [];
  const overdue = result.rows.filter((r) => r.status === 'overdue').length;
  const dueToday = result.rows.filter((r) => r.status === 'due-today').length;
  if (drafting) parts.push(`${plural(result.drafted, 'draft')} created`);
  else parts.push(`${overdue} overdue`, `${dueToday} due today`);
  if (result.replies > 0) parts.push(`${plural(result.replies, 'reply', 'replies')} found`);
  if (result.sentRecorded > 0) parts.push(`${plural(result.sentRecorded, 'sent follow-up')} recorded`);
  const needEmail = result.rows.filter((r) => r.problems.some((p) => p.code === 'no-email')).length;
  if (needEmail > 0) parts.push(`${plural(needEmail, 'row')} ${needEmail === 1 ? 'needs' : 'need'} an email address`);
  const otherProblems = result.rows.filter((r) => r.problems.some((p) => p.code !== 'no-email')).length;
  if (otherProblems > 0) parts.push(`${plural(otherProblems, 'row')} to check (see the notes in Follow-up status)`);
  return parts.join(' · ');
}

/**
 * Runs `work` holding the document lock, or returns null when another run holds it for longer than `waitMs`. A
 * LockService error counts as busy: either way the sheet is not ours to write now.
 */
function withLock<T>(deps: CommandDeps, waitMs: number, work: () => T): T | null {
  let locked: boolean;
  try {
    locked = deps.lock.tryLock(waitMs);
  } catch (error) {
    if (isTimeLimit(error)) throw error;
    locked = false;
  }
  if (!locked) return null;
  try {
    return work();
  } finally {
    deps.lock.release();
  }
}

function report(deps: CommandDeps, result: RunResult, drafting: boolean): void {
  if (!deps.ui) return;
  const notes = result.notes.length > 0 ? ` · ${result.notes.join(' · ')}` : '';
  if (result.found) deps.ui.toast(`${summaryLine(result, drafting)}${notes}`);
  if (result.mustAct.length > 0) deps.ui.alert('Follow-ups', result.mustAct.join('\n\n'));
}

/** Menu: Draft follow-ups. */
export function draftFollowUps(deps: CommandDeps, onlyRowKeys?: readonly string[]): RunResult | null {
  const result = withLock(deps, MENU_LOCK_WAIT_MS, () =>
    runFollowUps(deps, { draft: true, ...(onlyRowKeys ? { onlyRowKeys } : {}) }),
  );
  if (result === null) deps.ui?.alert('Follow-ups', BUSY_MESSAGE);
  else report(deps, result, true);
  return result;
}

/** Menu: Score rows (colour only, no drafts). */
export function scoreApplications(deps: CommandDeps): RunResult | null {
  const result = withLock(deps, MENU_LOCK_WAIT_MS, () => runFollowUps(deps, { draft: false, refreshColours: true }));
  if (result === null) deps.ui?.alert('Follow-ups', BUSY_MESSAGE);
  else report(deps, result, false);
  return result;
}

/**
 * The time-driven trigger: what Draft follow-ups does, with no UI; the outcome is kept for Check setup. An
 * unexpected error is noted there too, then rethrown so that Apps Script's failure notice reaches the user.
 */
export function dailyRun(deps: CommandDeps): RunResult | null {
  const note = (summary: string) =>
    deps.store.set({ lastDailyRun: JSON.stringify({ at: new Date(deps.clock.now()).toISOString(), summary }) });
  let result: RunResult | null;
  try {
    result = withLock(deps, DAILY_LOCK_WAIT_MS, () => runFollowUps(deps, { draft: true }));
  } catch (error) {
    if (!isTimeLimit(error)) note(`failed: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
  note(
    result === null
      ? 'skipped: another run held the sheet'
      : [summaryLine(result, true), ...result.notes, ...result.mustAct].join(' · '),
  );
  return result;
}

export function turnOnDailyDrafts(deps: CommandDeps): void {
  const { settings } = loadSettings(deps.store.getAll());
  deps.scheduler.installDaily(settings.dailyHour, deps.workbook.timeZone);
  deps.ui?.toast(
    `Daily drafts are on: every day between ${settings.dailyHour}:00 and ${settings.dailyHour + 1}:00 (${deps.workbook.timeZone}), new follow-ups are drafted in Gmail for you to review.`,
  );
}

export function turnOffDailyDrafts(deps: CommandDeps): void {
  const removed = deps.scheduler.removeDaily();
  deps.ui?.toast(removed > 0 ? 'Daily drafts are off.' : 'Daily drafts were already off.');
}

/** After the settings change, a daily trigger that exists moves to the new hour. */
export function rescheduleIfOn(scheduler: Scheduler, store: KeyValueStore, workbook: Workbook): void {
  if (scheduler.dailyTriggerCount() === 0) return;
  scheduler.installDaily(loadSettings(store.getAll()).settings.dailyHour, workbook.timeZone);
}

export function setUpTrackerSheet(deps: CommandDeps): string {
  const name = deps.workbook.createTrackerSheet();
  deps.ui?.toast(
    `Added the sheet "${name}" with the tracker's columns and an example row. Replace the example with your applications.`,
  );
  return name;
}
