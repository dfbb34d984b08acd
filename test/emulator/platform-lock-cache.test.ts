import { LATENCY_TABLES } from '../../emulator/latency';
import {
  createPlatformServices,
  createPlatformState,
  holdLockForOtherExecution,
  releaseLocksOf,
} from '../../emulator/platform';
import { Runtime } from '../../emulator/runtime';

const LATENCY = LATENCY_TABLES.central.figures;

const NOW = Date.UTC(2026, 10, 25, 9);

function setup() {
  const runtime = new Runtime(NOW);
  const state = createPlatformState();
  const services = createPlatformServices(runtime, state, { scriptTimeZone: 'UTC', spreadsheetId: 'sheet-1' });
  return { runtime, state, ...services };
}

describe('LockService on the modeled clock', () => {
  test('a free lock is taken at once and released', () => {
    const { LockService, runtime, state } = setup();
    const exec = runtime.begin('menu', 'draft');
    const lock = LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(state.locks.document).toEqual({ executionId: exec.id, until: null });
    expect(runtime.modeledMs).toBe(LATENCY.lockMs);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(state.locks.document).toBeNull();
    expect(() => lock.tryLock('soon' as unknown as number)).toThrow(
      "The parameters (String) don't match the method signature for Lock.tryLock.",
    );
  });

  test('contention: waiting advances the clock; tryLock gives up after its timeout; waitLock throws', () => {
    const { LockService, runtime, state } = setup();
    runtime.begin('time-trigger', 'dailyRun');
    holdLockForOtherExecution(state, 'script', NOW + 30_000);
    const lock = LockService.getScriptLock();

    const before = runtime.now;
    expect(lock.tryLock(10_000)).toBe(false);
    expect(runtime.now - before).toBe(LATENCY.lockMs + 10_000);
    expect(lock.hasLock()).toBe(false);

    expect(() => lock.waitLock(5_000)).toThrow('Lock timeout: another process was holding the lock for too long.');

    // The other execution lets go at NOW + 30 s: a long enough wait gets the lock then.
    expect(lock.tryLock(60_000)).toBe(true);
    expect(runtime.now).toBe(NOW + 30_000);
    expect(lock.hasLock()).toBe(true);
  });

  test('a lock held until released is never had by waiting; locks die with their execution', () => {
    const { LockService, runtime, state } = setup();
    holdLockForOtherExecution(state, 'user', null, 'other-run');
    runtime.begin('menu', 'draft');
    const lock = LockService.getUserLock();
    expect(lock.tryLock(300_000)).toBe(false);
    releaseLocksOf(state, 'other-run');
    expect(lock.tryLock(0)).toBe(true);
    const exec = runtime.execution!;
    runtime.end();
    releaseLocksOf(state, exec.id);
    expect(state.locks.user).toBeNull();
  });

  test('waiting past the 6-minute limit ends the execution', () => {
    const { LockService, runtime, state } = setup();
    runtime.begin('menu', 'draft');
    holdLockForOtherExecution(state, 'document', null);
    const lock = LockService.getDocumentLock();
    lock.tryLock(300_000);
    expect(() => lock.tryLock(300_000)).toThrow('Exceeded maximum execution time');
  });
});

describe('CacheService', () => {
  test('put/get/remove with expiry on the modeled clock', () => {
    const { CacheService, runtime } = setup();
    const cache = CacheService.getScriptCache();
    cache.put('a', 'x');
    cache.put('b', 'y', 60);
    expect(cache.get('a')).toBe('x');
    runtime.advance(61_000);
    expect(cache.get('b')).toBeNull();
    expect(cache.get('a')).toBe('x');
    runtime.advance(600_000);
    expect(cache.get('a')).toBeNull();
    cache.putAll({ c: '1', d: 2 }, 30_000); // capped at 6 h
    expect(cache.getAll(['c', 'd', 'zz'])).toEqual({ c: '1', d: '2' });
    runtime.advance(21_600_000);
    expect(cache.get('c')).toBeNull();
    cache.put('e', 'z');
    cache.remove('e');
    expect(cache.get('e')).toBeNull();
    cache.putAll({ f: '1', g: '2' });
    cache.removeAll(['f', 'g']);
    expect(cache.getAll(['f', 'g'])).toEqual({});
  });

  test('limits: key 250 characters, value 100 KB; the three caches are separate', () => {
    const { CacheService } = setup();
    const doc = CacheService.getDocumentCache()!;
    expect(() => doc.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => doc.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    doc.put('shared', 'doc');
    expect(CacheService.getUserCache().get('shared')).toBeNull();
    expect(CacheService.getDocumentCache()!.get('shared')).toBe('doc');
  });
});
