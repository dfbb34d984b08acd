/** The menu commands and the daily run through in-memory ports: the lock, the UI's words, the daily trigger. */
import {
  type CommandDeps,
  DAILY_LOCK_WAIT_MS,
  dailyRun,
  draftFollowUps,
  MENU_LOCK_WAIT_MS,
  rescheduleIfOn,
  setUpTrackerSheet,
  turnOffDailyDrafts,
  turnOnDailyDrafts,
} from '../../src/app/commands';
import * as say from '../../src/app/messages';
import { aRow, aRun, aTracker, FakeLock, FakeScheduler, FakeUi, type TestRun } from './ports';

function commandsOf(run: TestRun, ui: FakeUi | null = new FakeUi()) {
  const lock = new FakeLock();
  const scheduler = new FakeScheduler();
  const deps: CommandDeps = { ...run.deps, lock, ui, scheduler };
  return { deps, lock, scheduler, ui };
}

describe('commands', () => {
  it('Draft follow-ups holds the lock for the run, releases it, and toasts the summary', () => {
    const run = aRun(aTracker([aRow()]));
    const { deps, lock, ui } = commandsOf(run);
    const result = draftFollowUps(deps)!;
    expect(lock.waits).toEqual([MENU_LOCK_WAIT_MS]);
    expect(lock.held).toBe(false);
    expect(result.drafted).toBe(1);
    expect(ui!.shown).toEqual([{ kind: 'toast', message: say.runToast(result, true) }]);
  });

  it('says the sheet is busy, and touches nothing, while another run holds the lock', () => {
    const run = aRun(aTracker([aRow()]));
    const { deps, lock, ui } = commandsOf(run);
    lock.heldElsewhere = true;
    const grid = structuredClone(run.sheet.grid);
    expect(draftFollowUps(deps)).toBeNull();
    expect(ui!.shown).toEqual([{ kind: 'alert', title: 'Follow-ups', message: say.BUSY }]);
    expect(run.sheet.grid).toEqual(grid);
    expect(run.mailbox.calls).toEqual([]);
  });

  it('counts a LockService error as busy, and releases the lock when the run throws', () => {
    const run = aRun(aTracker([aRow()]));
    const { deps, lock, ui } = commandsOf(run);
    lock.tryLock = () => {
      throw new Error('Lock service unavailable');
    };
    expect(draftFollowUps(deps)).toBeNull();
    expect(ui!.shown).toEqual([{ kind: 'alert', title: 'Follow-ups', message: say.BUSY }]);
    const held = commandsOf(run);
    run.workbook.findTracker = () => {
      throw new Error('Service Spreadsheets timed out');
    };
    expect(() => draftFollowUps(held.deps)).toThrow('Service Spreadsheets timed out');
    expect(held.lock.held).toBe(false);
  });

  it('the daily run waits longer for the lock and keeps its outcome for Check setup', () => {
    const run = aRun(aTracker([aRow()]));
    const { deps, lock } = commandsOf(run, null);
    const result = dailyRun(deps)!;
    expect(lock.waits).toEqual([DAILY_LOCK_WAIT_MS]);
    expect(JSON.parse(run.store.values.lastDailyRun!)).toEqual({
      at: new Date(run.clock.now()).toISOString(),
      summary: say.runAll(result),
    });
    lock.heldElsewhere = true;
    expect(dailyRun(deps)).toBeNull();
    expect(JSON.parse(run.store.values.lastDailyRun!).summary).toBe(say.daily.skippedBusy);
  });

  it('turns the daily trigger on at the set hour, moves it when the hour changes, and turns it off', () => {
    const run = aRun(aTracker([aRow()]), { settings: { dailyHour: 7 } });
    const { deps, scheduler, ui } = commandsOf(run);
    turnOnDailyDrafts(deps);
    expect(scheduler.triggers).toEqual([{ hour: 7, timeZone: 'Europe/London' }]);
    run.store.set({ settings: JSON.stringify({ yourName: 'Sam Lee', dailyHour: 18 }) });
    rescheduleIfOn(scheduler, run.store, run.workbook);
    expect(scheduler.triggers).toEqual([{ hour: 18, timeZone: 'Europe/London' }]);
    turnOffDailyDrafts(deps);
    turnOffDailyDrafts(deps);
    expect(scheduler.triggers).toEqual([]);
    expect(ui!.shown.map((s) => (s.kind === 'toast' ? s.message : s.kind))).toEqual([
      say.daily.on(7, 'Europe/London'),
      say.daily.off,
      say.daily.alreadyOff,
    ]);
    rescheduleIfOn(scheduler, run.store, run.workbook);
    expect(scheduler.triggers).toEqual([]);
  });

  it('sets up a tracker sheet under a free name', () => {
    const run = aRun(aTracker([aRow()]));
    const { deps } = commandsOf(run);
    expect(setUpTrackerSheet(deps)).toBe('Applications 2');
    expect(run.workbook.sheet('Applications 2').grid[0]).toContain('Company');
  });
});
