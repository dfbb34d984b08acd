/** Thin adapters over PropertiesService, ScriptApp, LockService and the clock. */
import type { Clock, KeyValueStore, Lock, Scheduler } from '../ports';

export const DAILY_HANDLER = 'dailyRun';

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => Utilities.sleep(ms),
};

/** Per-spreadsheet storage: settings, the draft journal and bookkeeping live in document properties. */
export class DocumentStore implements KeyValueStore {
  private readonly properties = PropertiesService.getDocumentProperties();

  getAll(): Record<string, string> {
    return this.properties.getProperties();
  }

  set(values: Record<string, string>): void {
    this.properties.setProperties(values);
  }

  remove(key: string): void {
    this.properties.deleteProperty(key);
  }
}

export class DocumentLock implements Lock {
  private readonly lock = LockService.getDocumentLock();

  tryLock(ms: number): boolean {
    return this.lock.tryLock(ms);
  }

  release(): void {
    if (this.lock.hasLock()) {
      try {
        SpreadsheetApp.flush();
      } finally {
        // Released even when the flush fails, so the next run does not wait for a lock nobody will give back.
        this.lock.releaseLock();
      }
    }
  }
}

export class TriggerScheduler implements Scheduler {
  private daily(): GoogleAppsScript.Script.Trigger[] {
    return ScriptApp.getProjectTriggers().filter(
      (t) => t.getHandlerFunction() === DAILY_HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK,
    );
  }

  dailyTriggerCount(): number {
    return this.daily().length;
  }

  installDaily(hour: number, timeZone: string): void {
    for (const trigger of this.daily()) ScriptApp.deleteTrigger(trigger);
    ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(hour).inTimezone(timeZone).create();
  }

  removeDaily(): number {
    const triggers = this.daily();
    for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
    return triggers.length;
  }
}
