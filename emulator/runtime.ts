/**
 * The emulator's shared machinery: the modeled clock and its latency table, per-service call counts, daily
 * quotas, the execution context (simple trigger, menu, time-driven trigger), fault injection, the guard that
 * makes every fake throw on methods it does not implement, and marshalling into the script's realm.
 */

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

/**
 * Modeled latency per call, in milliseconds. Sources:
 * - Google's Apps Script best-practices page: colouring a 100×100 grid with 10,000 single-cell calls took about
 *   70 s, one batched `setBackgrounds` about 1 s. Hence a Spreadsheet-family call costs 10 ms, plus 0.1 ms per
 *   cell read or written in a batch (10,000 cells ≈ 1 s).
 * - A published book sample: 1,000 per-cell getValue/setValue took 318,580 ms (~160 ms a call
 *   against a live sheet); one getValues/setValues 333 ms. We keep the lower, documented 10 ms figure.
 * - Gmail REST through the advanced service: a round trip to googleapis.com, about 250 ms; creating or updating
 *   a draft (MIME upload and indexing) about 400 ms.
 * - PropertiesService 5 ms, LockService 10 ms, ScriptApp 50 ms (trigger management is a project API call),
 *   CacheService 5 ms; Utilities, Session, HtmlService and Logger run in-process: 0 ms (they are still counted).
 */
export const LATENCY = {
  spreadsheetCall: 10,
  spreadsheetPerCell: 0.1,
  gmailCall: 250,
  gmailDraftWrite: 400,
  propertiesCall: 5,
  lockCall: 10,
  scriptAppCall: 50,
  cacheCall: 5,
  localCall: 0,
} as const;

export const BASE_LATENCY: Readonly<Record<ServiceName, number>> = {
  SpreadsheetApp: LATENCY.spreadsheetCall,
  Gmail: LATENCY.gmailCall,
  ScriptApp: LATENCY.scriptAppCall,
  PropertiesService: LATENCY.propertiesCall,
  LockService: LATENCY.lockCall,
  CacheService: LATENCY.cacheCall,
  Utilities: LATENCY.localCall,
  Session: LATENCY.localCall,
  HtmlService: LATENCY.localCall,
  Logger: LATENCY.localCall,
};

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
  readonly calls: Record<string, number> = {};
  readonly methodCalls: Record<string, number> = {};
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
    return this.execution;
  }

  end(): void {
    this.execution = null;
  }

  /** Advances the modeled clock (Utilities.sleep, waiting for a lock, or a day passing between runs). */
  advance(ms: number): void {
    this.now += ms;
  }

  /**
   * Records one call: counts it, runs fault hooks, charges its latency to the clock, and enforces the
   * execution time limit. Every fake method calls this first.
   */
  charge(service: ServiceName, method: string, extraMs = 0): void {
    if (this.killed) throw this.error('Exceeded maximum execution time');
    this.calls[service] = (this.calls[service] ?? 0) + 1;
    const count = (this.methodCalls[method] ?? 0) + 1;
    this.methodCalls[method] = count;
    const info: CallInfo = { service, method, count, execution: this.execution };
    for (const hook of this.faults) {
      const fault = hook(info);
      if (fault !== undefined) throw this.error(fault instanceof Error ? fault.message : fault);
    }
    const ms = BASE_LATENCY[service] + extraMs;
    this.now += ms;
    this.modeledMs += ms;
    this.checkTime();
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
