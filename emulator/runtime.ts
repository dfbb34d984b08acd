/**
 * The emulator's shared machinery: the modeled clock priced by the latency model (emulator/latency.ts), per-service
 * call, round-trip and builder-call counts, daily quotas, the execution context (simple trigger, menu, time-driven trigger), fault injection, the guard that
 * makes every fake throw on methods it does not implement, and marshalling into the script's realm.
 */

import { DEFAULT_LATENCY, isRoundTrip, LatencyModel, type LatencyName, latencyTable } from './latency';
import { callKind } from './latency-kinds';

/** Services as Apps Script names them; calls are counted under these names. */
export type ServiceName =
  | 'SpreadsheetApp'
  | 'Gmail'
  | 'ScriptApp'
  | 'PropertiesService'
  | 'LockService'
  | 'CacheService'
  | 'Utilities'
  | 'Session'
  | 'HtmlService'
  | 'Logger';

/** Apps Script's limit per execution. */
export const MAX_EXECUTION_MS = 6 * 60 * 1000;

/**
 * How the current execution was started:
 * - `simple-trigger`: onOpen in a bound script (AuthMode.LIMITED): menus only; Gmail, ScriptApp and Properties throw.
 * - `addon-none`: onOpen of an add-on not yet used in this document (AuthMode.NONE): only menus.
 * - `menu`: a menu item or google.script.run from a sidebar/dialog (AuthMode.FULL, UI available).
 * - `time-trigger`: an installable time-driven trigger (AuthMode.FULL, no UI).
 */
export type ExecutionMode = 'simple-trigger' | 'addon-none' | 'menu' | 'time-trigger';

export interface Execution {
  id: number;
  mode: ExecutionMode;
  handler: string;
  startedAt: number;
}

export interface CallInfo {
  service: ServiceName;
  /** `Class.method`, e.g. `Range.setValues` or `Gmail.Users.Drafts.create`. */
  method: string;
  /** How many calls this method has had in this runtime so far, this one included. */
  count: number;
  execution: Execution | null;
}

/** A fault hook returns an error message to throw (as Apps Script would), or undefined to let the call through. */
export type FaultHook = (call: CallInfo) => string | Error | undefined;

/** The script realm's constructors: values handed to the script must come from its realm. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  JSON: JSON;
}

export const HOST_REALM: Realm = { Date, Error, Array, Object, JSON };

export interface QuotaState {
  limit: number;
  used: number;
  /** The calendar day (yyyy-mm-dd, UTC) the counter belongs to; it resets when the day changes. */
  day: string;
}

export class Runtime {
  /** The modeled wall clock, epoch milliseconds. */
  now: number;
  /** Every method call, by service (builders and in-process helpers included). */
  readonly calls: Record<string, number> = {};
  /** Calls that leave the script's process (priced by the latency model), by service. */
  readonly roundTrips: Record<string, number> = {};
  /** Handle and builder calls (getRange, newConditionalFormatRule()…): no round trip, counted apart, by service. */
  readonly builderCalls: Record<string, number> = {};
  /** Spreadsheet write-cache commits (the first read or flush after a write, or the end of an execution). */
  commits = 0;
  readonly methodCalls: Record<string, number> = {};
  /** Prices every call; the central table unless `useLatency` picks another. */
  readonly latency = new LatencyModel(latencyTable(DEFAULT_LATENCY));
  /** Modeled milliseconds spent in service calls since the runtime was made. */
  modeledMs = 0;
  execution: Execution | null = null;
  /**
   * Set once an execution passes the time limit: Apps Script kills it, so even a script that catches the error
   * gets nowhere — every later call of that execution throws again, and the run counts as failed.
   */
  killed = false;
  readonly faults: FaultHook[] = [];
  readonly quotas: Record<'gmail' | 'properties', QuotaState>;
  readonly logs: string[] = [];
  realm: Realm = HOST_REALM;
  /** OAuth scopes granted (from the manifest); null means every scope. */
  scopes: Set<string> | null = null;
  private nextExecutionId = 1;

  constructor(now: number, quotas: Partial<Record<'gmail' | 'properties', number>> = {}) {
    this.now = now;
    const day = new Date(now).toISOString().slice(0, 10);
    this.quotas = {
      gmail: { limit: quotas.gmail ?? 20_000, used: 0, day },
      properties: { limit: quotas.properties ?? 50_000, used: 0, day },
    };
  }

  /** Starts an execution; the 6-minute budget counts from here. */
  begin(mode: ExecutionMode, handler: string): Execution {
    this.execution = { id: this.nextExecutionId++, mode, handler, startedAt: this.now };
    this.killed = false;
    this.latency.begin();
    return this.execution;
  }

  /** Ends the execution; Apps Script commits the Spreadsheet writes still buffered, and that time is charged. */
  end(): void {
    this.pay(this.latency.settle());
    this.execution = null;
  }

  /** Prices every later call with the named table (`optimistic`, `central` or `pessimistic`). */
  useLatency(name: LatencyName): void {
    this.latency.table = latencyTable(name);
  }

  /** Advances the modeled clock (Utilities.sleep, waiting for a lock, or a day passing between runs). */
  advance(ms: number): void {
    this.now += ms;
  }

  /**
   * Records one call: counts it, runs fault hooks, charges its price to the clock, and enforces the execution
   * time limit. Every fake method calls this first. `method` is `Class.method` as emulator/latency-kinds.ts
   * lists it (an unlisted name throws); `cells` is how many cells a Spreadsheet read or write touches.
   */
  charge(service: ServiceName, method: string, cells = 0): void {
    if (this.killed) throw this.error('Exceeded maximum execution time');
    const kind = callKind(method);
    this.calls[service] = (this.calls[service] ?? 0) + 1;
    const counter = isRoundTrip(kind) ? this.roundTrips : kind === 'builder' ? this.builderCalls : null;
    if (counter) counter[service] = (counter[service] ?? 0) + 1;
    const count = (this.methodCalls[method] ?? 0) + 1;
    this.methodCalls[method] = count;
    const info: CallInfo = { service, method, count, execution: this.execution };
    for (const hook of this.faults) {
      const fault = hook(info);
      if (fault !== undefined) throw this.error(fault instanceof Error ? fault.message : fault);
    }
    this.pay(this.latency.price(kind, cells));
    this.checkTime();
  }

  private pay(price: { ms: number; committed: boolean }): void {
    if (price.committed) this.commits += 1;
    this.now += price.ms;
    this.modeledMs += price.ms;
  }

  /** Throws Apps Script's message once the current execution has run past 6 modeled minutes. */
  checkTime(): void {
    if (this.execution && this.now - this.execution.startedAt > MAX_EXECUTION_MS) {
      this.killed = true;
      throw this.error('Exceeded maximum execution time');
    }
  }

  /** Counts one unit of a daily quota; past the limit, throws Apps Script's over-quota message. */
  useQuota(kind: 'gmail' | 'properties', serviceWord: string): void {
    const quota = this.quotas[kind];
    const day = new Date(this.now).toISOString().slice(0, 10);
    if (quota.day !== day) {
      quota.day = day;
      quota.used = 0;
    }
    if (quota.used >= quota.limit) throw this.error(`Service invoked too many times for one day: ${serviceWord}.`);
    quota.used += 1;
  }

  /** Throws Apps Script's permission error unless the execution may use this service and the scope is granted. */
  requireAuthorization(callName: string, scope: string): void {
    const mode = this.execution?.mode;
    if (mode === 'simple-trigger' || mode === 'addon-none' || (this.scopes !== null && !this.scopes.has(scope))) {
      throw this.error(`You do not have permission to call ${callName}. Required permissions: ${scope}`);
    }
  }

  /** An Error from the script's realm, so `instanceof Error` holds inside the script. */
  error(message: string, name = 'Exception'): Error {
    const error = new this.realm.Error(message);
    if (name !== 'Error') error.name = name;
    return error;
  }

  /** Deep-copies plain data (arrays, objects, Dates, primitives) into the script's realm. */
  toRealm<T>(value: T): T {
    return toRealm(value, this.realm) as T;
  }

  log(line: string): void {
    this.logs.push(line);
  }
}

export function toRealm(value: unknown, realm: Realm): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return new realm.Date((value as Date).getTime());
  if (Array.isArray(value)) {
    const out = new realm.Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toRealm(value[i], realm);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && proto !== realm.Object.prototype) return value;
  const out = new realm.Object() as Record<string, unknown>;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toRealm(v, realm);
  return out;
}

/**
 * Wraps a fake so that any method it lacks throws `not implemented in the emulator: Class.method` (instead of
 * quietly returning undefined), and `toString()` gives the real class name, as Apps Script objects do.
 */
export function guard<T extends object>(className: string, fake: T): T {
  return new Proxy(fake, {
    get(target, property, receiver) {
      if (property === 'toString') return () => className;
      if (typeof property === 'symbol' || property in target) return Reflect.get(target, property, receiver);
      if (property === 'then' || property === 'toJSON' || property === 'constructor') return undefined;
      return () => {
        throw new Error(`not implemented in the emulator: ${className}.${String(property)}`);
      };
    },
  });
}
