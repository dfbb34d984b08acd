/** The menu commands and the daily run, over the ports: locking, running, and telling the user what happened. */

import type { KeyValueStore, Lock, Scheduler, Ui, Workbook } from '../ports';
import { type RunDeps, type RunMode, type RunResult, runFollowUps } from './followups';
import { isTimeLimit } from './gmail-gate';
import * as say from './messages';
import { loadSettings } from './settings';

export interface CommandDeps extends RunDeps {
  lock: Lock;
  /** Null in a time-driven trigger, where there is no UI. */
  ui: Ui | null;
  scheduler: Scheduler;
}

/** The Follow-ups menu (docs/RULES.md §6): caption and the main.ts handler it calls; null is a separator. */
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
  ['Field check (for maintainers)', 'fieldCheck'],
];

/** How long a menu run waits for a run already in progress; the daily run waits longer. */
export const MENU_LOCK_WAIT_MS = 5_000;
export const DAILY_LOCK_WAIT_MS = 60_000;

/**
 * Runs the pipeline holding the document lock, or returns null when another run holds it for longer than `waitMs`.
 * A LockService error counts as busy: either way the sheet is not ours to write now.
 */
export function runLocked(deps: CommandDeps, mode: RunMode, waitMs = MENU_LOCK_WAIT_MS): RunResult | null {
  let locked: boolean;
  try {
    locked = deps.lock.tryLock(waitMs);
  } catch (error) {
    if (isTimeLimit(error)) throw error;
    locked = false;
  }
  if (!locked) return null;
  try {
    return runFollowUps(deps, mode);
  } finally {
    deps.lock.release();
  }
}

/** A menu run: locked, then a toast with the summary and an alert with what the user must do. */
function menuRun(deps: CommandDeps, mode: RunMode): RunResult | null {
  const result = runLocked(deps, mode);
  if (!deps.ui) return result;
  if (result === null) {
    deps.ui.alert('Follow-ups', say.BUSY);
    return null;
  }
  if (result.found) deps.ui.toast(say.runToast(result, mode.kind === 'draft'));
  if (result.mustAct.length > 0) deps.ui.alert('Follow-ups', result.mustAct.join('\n\n'));
  return result;
}

/** Menu: Draft follow-ups. */
export function draftFollowUps(deps: CommandDeps): RunResult | null {
  return menuRun(deps, { kind: 'draft' });
}

/** Menu: Score rows (colour only, no drafts). */
export function scoreApplications(deps: CommandDeps): RunResult | null {
  return menuRun(deps, { kind: 'score' });
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
    result = runLocked(deps, { kind: 'draft' }, DAILY_LOCK_WAIT_MS);
  } catch (error) {
    if (!isTimeLimit(error)) note(say.daily.failed(say.errorText(error)));
    throw error;
  }
  note(result === null ? say.daily.skippedBusy : say.runAll(result));
  return result;
}

export function turnOnDailyDrafts(deps: CommandDeps): void {
  const { settings } = loadSettings(deps.store.getAll());
  deps.scheduler.installDaily(settings.dailyHour, deps.workbook.timeZone);
  deps.ui?.toast(say.daily.on(settings.dailyHour, deps.workbook.timeZone));
}

export function turnOffDailyDrafts(deps: CommandDeps): void {
  const removed = deps.scheduler.removeDaily();
  deps.ui?.toast(removed > 0 ? say.daily.off : say.daily.alreadyOff);
}

/** After the settings change, a daily trigger that exists moves to the new hour. */
export function rescheduleIfOn(scheduler: Scheduler, store: KeyValueStore, workbook: Workbook): void {
  if (scheduler.dailyTriggerCount() === 0) return;
  scheduler.installDaily(loadSettings(store.getAll()).settings.dailyHour, workbook.timeZone);
}

export function setUpTrackerSheet(deps: CommandDeps): string {
  const name = deps.workbook.createTrackerSheet();
  deps.ui?.toast(say.trackerAdded(name));
  return name;
}
