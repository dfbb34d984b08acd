/**
 * Two runs at once: a fault hook starts run B (through the emulator, nested) in the middle of run A, as Apps Script
 * would start a menu run while the daily trigger is working. B must wait briefly for the document lock, then say the
 * sheet is busy (a menu run) or note that it skipped (the daily run), and write nothing; A's writes and B's never
 * interleave. Today is Wednesday 2026-11-25 in Europe/London; the sample tracker has six follow-ups due.
 */
import type { Emulator, ExecutionResult } from '../../emulator/emulator';
import type { CallInfo } from '../../emulator/runtime';
import { sampleCsv, sampleMessages, type World, world } from '../e2e/harness';
import { snapshot } from './model';

const TODAY = '2026-11-25';
const BUSY =
  'Another follow-up run (probably the daily one) is working on this sheet right now. Try again in a minute.';
/** Calls that change the sheet or Gmail. */
const WRITES =
  /^(Range\.(set|insert|clear)|Sheet\.(insert|delete|set)|Spreadsheet\.(insert|delete)|Gmail\.Users\.Drafts\.(create|update|remove))/;

interface Logged {
  method: string;
  execution: number;
  handler: string;
}

function sample(): World {
  return world({
    csv: sampleCsv(),
    messages: sampleMessages(TODAY),
    settings: { yourName: 'Alex Doe', skipWeekends: false },
  });
}

/** Logs every write with the execution that made it. */
function logWrites(em: Emulator): Logged[] {
  const log: Logged[] = [];
  em.runtime.faults.push((call) => {
    if (WRITES.test(call.method) && call.execution)
      log.push({ method: call.method, execution: call.execution.id, handler: call.execution.handler });
    return undefined;
  });
  return log;
}

/**
 * Starts a second execution from inside the current one (a fault hook), then gives the first execution back its
 * context: the emulator runs one execution at a time, so the nesting is undone by hand.
 */
function nested<T>(em: Emulator, start: () => T): T {
  const runtime = em.runtime;
  const saved = { execution: runtime.execution, realm: runtime.realm, killed: runtime.killed };
  try {
    return start();
  } finally {
    runtime.execution = saved.execution;
    runtime.realm = saved.realm;
    runtime.killed = saved.killed;
  }
}

/** The writes of each execution form one unbroken stretch of the log. */
function expectNoInterleaving(log: readonly Logged[]): void {
  const order = log.map((l) => l.execution).filter((id, i, all) => i === 0 || all[i - 1] !== id);
  expect(new Set(order).size).toBe(order.length);
}

function liveRecorded(w: World): string[] {
  return w
    .rows()
    .map((r) => / · draft (r-\d+) made /.exec(r.draft ?? '')?.[1])
    .filter((id): id is string => id !== undefined)
    .sort();
}

describe('a menu run and the daily run at once', () => {
  it('a menu run while the daily run holds the lock waits briefly, says the sheet is busy, and writes nothing; the daily run finishes alone', () => {
    const w = sample();
    w.run('turnOnDailyDrafts');
    const log = logWrites(w.emulator);
    let menu: { result: ExecutionResult; waited: number; before: unknown; after: unknown; drafts: number } | null =
      null;
    w.emulator.runtime.faults.push((call: CallInfo) => {
      if (menu || call.method !== 'Gmail.Users.Drafts.create' || call.execution?.mode !== 'time-trigger')
        return undefined;
      if (w.emulator.state.mailbox.drafts.length < 2) return undefined;
      // The daily run has made two drafts and holds the lock; the person chooses Draft follow-ups now.
      const before = snapshot(w.emulator);
      const drafts = w.emulator.state.mailbox.drafts.length;
      const start = w.emulator.runtime.now;
      const result = nested(w.emulator, () => w.emulator.run('draftFollowUps', 'menu'));
      menu = {
        result,
        waited: w.emulator.runtime.now - start,
        before,
        after: snapshot(w.emulator),
        drafts: w.emulator.state.mailbox.drafts.length - drafts,
      };
      return undefined;
    });
    const [daily] = w.emulator.fireDailyTriggers();
    expect(menu).not.toBeNull();
    const m = menu!;
    expect(m.result).toMatchObject({ handler: 'draftFollowUps', ok: true });
    expect(w.alerts()).toEqual([BUSY]);
    expect(m.waited).toBeGreaterThanOrEqual(5_000);
    expect(m.waited).toBeLessThan(60_000);
    expect(m.after).toEqual(m.before);
    expect(m.drafts).toBe(0);
    // The daily run went on and finished: six drafts, each recorded once.
    expect(daily).toMatchObject({ handler: 'dailyRun', ok: true });
    expect(w.emulator.drafts()).toHaveLength(6);
    expect(liveRecorded(w)).toEqual(
      w.emulator
        .drafts()
        .map((d) => d.id)
        .sort(),
    );
    expect(log.filter((l) => l.handler === 'draftFollowUps')).toEqual([]);
    expect(log.filter((l) => l.handler === 'dailyRun').length).toBeGreaterThan(6);
    expectNoInterleaving(log);
  });

  it('the daily run firing while a menu run holds the lock waits up to a minute, skips, and says so in Check setup', () => {
    const w = sample();
    w.run('turnOnDailyDrafts');
    const log = logWrites(w.emulator);
    let daily: ExecutionResult | null = null;
    let sheetDuring: { before: unknown; after: unknown } | null = null;
    let waited = 0;
    w.emulator.runtime.faults.push((call) => {
      if (daily || call.method !== 'Gmail.Users.Drafts.create' || call.execution?.mode !== 'menu') return undefined;
      const before = snapshot(w.emulator);
      const start = w.emulator.runtime.now;
      daily = nested(w.emulator, () => w.emulator.fireDailyTriggers())[0] ?? null;
      waited = w.emulator.runtime.now - start;
      sheetDuring = { before, after: snapshot(w.emulator) };
      return undefined;
    });
    expect(w.run('draftFollowUps').ok).toBe(true);
    expect(daily).toMatchObject({ handler: 'dailyRun', mode: 'time-trigger', ok: true });
    expect(waited).toBeGreaterThanOrEqual(60_000);
    expect(waited).toBeLessThan(2 * 60_000);
    expect(sheetDuring!.after).toEqual(sheetDuring!.before);
    expect(log.filter((l) => l.handler === 'dailyRun')).toEqual([]);
    expectNoInterleaving(log);
    expect(w.emulator.drafts()).toHaveLength(6);
    w.run('checkSetup');
    expect(w.alerts().at(-1)).toMatch(/Last daily run .*skipped: another run held the sheet/);
    // Tomorrow's daily run finds nothing left to draft and makes no duplicate.
    w.emulator.setDay('2026-11-26', 7);
    const [tomorrow] = w.emulator.fireDailyTriggers();
    expect(tomorrow!.ok).toBe(true);
    expect(w.emulator.drafts()).toHaveLength(6);
    expect(liveRecorded(w)).toEqual(
      w.emulator
        .drafts()
        .map((d) => d.id)
        .sort(),
    );
  });

  it('a menu run started as the daily run lets go of the lock goes ahead, after it, and drafts nothing twice', () => {
    const w = sample();
    w.run('turnOnDailyDrafts');
    const log = logWrites(w.emulator);
    let menu: ExecutionResult | null = null;
    w.emulator.runtime.faults.push((call) => {
      if (menu || call.method !== 'Properties.setProperties' || call.execution?.mode !== 'time-trigger')
        return undefined;
      // The daily run writes its summary for Check setup after releasing the lock.
      if (w.emulator.state.platform.locks.document !== null) return undefined;
      menu = nested(w.emulator, () => w.emulator.run('draftFollowUps', 'menu'));
      return undefined;
    });
    const [daily] = w.emulator.fireDailyTriggers();
    expect(daily!.ok).toBe(true);
    expect(menu).toMatchObject({ ok: true });
    expect(w.alerts()).toEqual([]);
    expect(w.toasts().at(-1)).toMatch(/^0 drafts created/);
    expect(w.emulator.drafts()).toHaveLength(6);
    expect(log.some((l) => l.handler === 'draftFollowUps')).toBe(true);
    expectNoInterleaving(log);
  });
});
