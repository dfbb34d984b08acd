/**
 * LockService on the modeled clock. PlatformState records who holds each lock; a harness can make "another
 * execution" hold one until a modeled time (`holdLockForOtherExecution`). Waiting advances the runtime clock.
 *
 * Apps Script facts emulated:
 * - tryLock(ms) waits up to ms and returns false if the lock could not be had; waitLock(ms) throws
 *   "Lock timeout: another process was holding the lock for too long." instead.
 * - hasLock() is true only after this Lock object acquired the lock and has not released it.
 * - Locks are released when the execution ends (the Emulator calls `releaseLocksOf`).
 */

import { guard, type Runtime } from '../runtime';
import { type LockHolder, type PlatformState, type StoreKind, signatureError } from './state';

const HOST_EXECUTION = 0;

/** Test/harness hook: another execution holds the lock until `untilMs` (null: until `releaseLocksOf` it). */
export function holdLockForOtherExecution(
  state: PlatformState,
  kind: StoreKind,
  untilMs: number | null,
  executionId: number | string = 'other',
): void {
  state.locks[kind] = { executionId, until: untilMs };
}

/** Releases every lock held by an execution (Apps Script does this when the execution ends). */
export function releaseLocksOf(state: PlatformState, executionId: number | string): void {
  for (const kind of Object.keys(state.locks) as StoreKind[]) {
    if (state.locks[kind]?.executionId === executionId) state.locks[kind] = null;
  }
}

export function createLockService(runtime: Runtime, state: PlatformState): GoogleAppsScript.Lock.LockService {
  const current = () => runtime.execution?.id ?? HOST_EXECUTION;

  function holderNow(kind: StoreKind): LockHolder | null {
    const holder = state.locks[kind];
    if (holder && holder.until !== null && holder.until <= runtime.now) {
      state.locks[kind] = null;
      return null;
    }
    return holder;
  }

  /** Waits (on the modeled clock) up to timeout ms; true when the lock is ours. */
  function acquire(kind: StoreKind, timeoutMs: number): boolean {
    const holder = holderNow(kind);
    if (holder === null || holder.executionId === current()) {
      state.locks[kind] = { executionId: current(), until: null };
      return true;
    }
    if (holder.until !== null && holder.until - runtime.now <= timeoutMs) {
      runtime.advance(holder.until - runtime.now);
      runtime.checkTime();
      state.locks[kind] = { executionId: current(), until: null };
      return true;
    }
    runtime.advance(timeoutMs);
    runtime.checkTime();
    return false;
  }

  function timeout(method: string, ms: unknown): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw signatureError(runtime, method, [ms]);
    return Math.floor(ms);
  }

  function lock(kind: StoreKind): GoogleAppsScript.Lock.Lock {
    let acquired = false;
    const fake: GoogleAppsScript.Lock.Lock = {
      tryLock(timeoutInMillis) {
        runtime.charge('LockService', 'Lock.tryLock');
        acquired = acquire(kind, timeout('Lock.tryLock', timeoutInMillis));
        return acquired;
      },
      waitLock(timeoutInMillis) {
        runtime.charge('LockService', 'Lock.waitLock');
        acquired = acquire(kind, timeout('Lock.waitLock', timeoutInMillis));
        if (!acquired) throw runtime.error('Lock timeout: another process was holding the lock for too long.');
      },
      releaseLock() {
        runtime.charge('LockService', 'Lock.releaseLock');
        if (state.locks[kind]?.executionId === current()) state.locks[kind] = null;
        acquired = false;
      },
      hasLock() {
        runtime.charge('LockService', 'Lock.hasLock');
        return acquired && state.locks[kind]?.executionId === current();
      },
    };
    return guard('Lock', fake);
  }

  const service: GoogleAppsScript.Lock.LockService = {
    getDocumentLock() {
      runtime.charge('LockService', 'LockService.getDocumentLock');
      return lock('document');
    },
    getScriptLock() {
      runtime.charge('LockService', 'LockService.getScriptLock');
      return lock('script');
    },
    getUserLock() {
      runtime.charge('LockService', 'LockService.getUserLock');
      return lock('user');
    },
  };
  return guard('LockService', service);
}
