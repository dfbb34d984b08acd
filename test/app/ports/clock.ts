/** In-memory Clock and Lock ports for app tests: time moves only when a test (or `sleep`) moves it. */
import type { Clock, Lock } from '../../../src/ports';

/** A clock at a fixed instant (epoch ms); `sleep` and `advance` move it, nothing else does. */
export class FakeClock implements Clock {
  /** Every `sleep` asked for, in ms (the retry back-off a test can assert). */
  readonly slept: number[] = [];

  constructor(private t: number) {}

  now(): number {
    return this.t;
  }

  sleep(ms: number): void {
    this.slept.push(ms);
    this.t += ms;
  }

  advance(ms: number): void {
    this.t += ms;
  }
}

/**
 * The document lock: free unless `heldElsewhere` is set (another execution holds it); `tryLock` then fails at once
 * rather than waiting out `ms`, since no other execution can release it in a test. Re-entrant, as LockService's is.
 */
export class FakeLock implements Lock {
  heldElsewhere = false;
  held = false;
  readonly waits: number[] = [];

  tryLock(ms: number): boolean {
    this.waits.push(ms);
    if (this.heldElsewhere) return false;
    this.held = true;
    return true;
  }

  /** Releasing a lock not held is taken as the add-on's bug (LockService is silent then: the harsher reading). */
  release(): void {
    if (!this.held) throw new Error('releaseLock without the lock: the run never held it');
    this.held = false;
  }
}
