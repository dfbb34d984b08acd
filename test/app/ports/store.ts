/** In-memory KeyValueStore and Scheduler ports for app tests (document properties and the daily trigger). */
import type { KeyValueStore, Scheduler } from '../../../src/ports';

/** PropertiesService's documented quota: 9 kB per value (Apps Script "Quotas for Google Services"). */
const MAX_VALUE_BYTES = 9 * 1024;

/**
 * Document properties as a plain record. Values must be strings of at most 9 kB (UTF-8), as PropertiesService
 * stores them; the 500 kB store total is not checked. `failSet` makes every later `set` throw its error (a quota or
 * storage failure), so tests can stop a run at a journal write.
 */
export class InMemoryStore implements KeyValueStore {
  readonly values: Record<string, string>;
  failSet: Error | null = null;

  constructor(initial: Record<string, string> = {}) {
    this.values = { ...initial };
  }

  getAll(): Record<string, string> {
    return { ...this.values };
  }

  set(values: Record<string, string>): void {
    if (this.failSet) throw this.failSet;
    for (const [key, value] of Object.entries(values)) {
      if (typeof value !== 'string') throw new TypeError(`property ${key} is not a string`);
      if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
      this.values[key] = value;
    }
  }

  remove(key: string): void {
    delete this.values[key];
  }

  /** Keys starting with `prefix`, sorted (e.g. the journal's `journal.`). */
  keys(prefix = ''): string[] {
    return Object.keys(this.values)
      .filter((k) => k.startsWith(prefix))
      .sort();
  }
}

/** Daily triggers as a list of {hour, timeZone}; no trigger ever fires in a test. */
export class FakeScheduler implements Scheduler {
  readonly triggers: { hour: number; timeZone: string }[] = [];

  dailyTriggerCount(): number {
    return this.triggers.length;
  }

  installDaily(hour: number, timeZone: string): void {
    this.triggers.splice(0, this.triggers.length, { hour, timeZone });
  }

  removeDaily(): number {
    return this.triggers.splice(0, this.triggers.length).length;
  }
}
