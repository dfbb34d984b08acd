/**
 * What one execution of the loaded add-on is made of, apart from the Emulator class: the manifest it reads, the
 * modeled clock inside the script, fresh quotas, and results and errors as the host sees them.
 */

import { zonedTimeToUtc } from './platform';
import type { ExecutionMode, QuotaState } from './runtime';

export interface ExecutionResult {
  handler: string;
  mode: ExecutionMode;
  ok: boolean;
  value?: unknown;
  /** The error's message, as Apps Script's execution log shows it after the error's name. */
  error?: string;
  /** The error's name (`ReferenceError`, `TypeError`, `Exception`…), when the failure was an Error object. */
  errorName?: string;
  /** Modeled milliseconds this execution took. */
  modeledMs: number;
}

export interface Manifest {
  timeZone?: string;
  /** Without it Apps Script infers the scopes from the code: every scope the script uses is granted. */
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol?: string; serviceId?: string; version?: string }[] };
}

/** The global name the manifest gives the advanced Gmail service, or null when it is not enabled. */
export function gmailSymbol(manifest: Manifest): string | null {
  const entry = manifest.dependencies?.enabledAdvancedServices?.find((s) => s.serviceId === 'gmail');
  return entry ? (entry.userSymbol ?? 'Gmail') : null;
}

/** Makes `Date.now()` and `new Date()` inside the script read the modeled clock. */
export const CLOCK_SHIM = `(function (clock) {
  var RealDate = Date;
  function ModeledDate() {
    if (!new.target) return new RealDate(clock()).toString();
    if (arguments.length === 0) return new RealDate(clock());
    return new (Function.prototype.bind.apply(RealDate, [null].concat(Array.prototype.slice.call(arguments))))();
  }
  Object.defineProperty(ModeledDate, 'name', { value: 'Date' });
  Object.defineProperty(ModeledDate, 'length', { value: 7 });
  ModeledDate.prototype = RealDate.prototype;
  ModeledDate.now = function () { return clock(); };
  ModeledDate.UTC = RealDate.UTC;
  ModeledDate.parse = RealDate.parse;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ModeledDate, writable: true, configurable: true });
  globalThis.Date = ModeledDate;
})`;

/** The quotas of a new state: full for the day `now` falls on (UTC). */
export function freshQuotas(now: number): Record<'gmail' | 'properties', QuotaState> {
  const day = new Date(now).toISOString().slice(0, 10);
  return { gmail: { limit: 20_000, used: 0, day }, properties: { limit: 50_000, used: 0, day } };
}

/** Epoch ms of `hour`:`minute` on a calendar day in a time zone. */
export function startOfDay(day: string, timeZone: string, hour = 0, minute = 0): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`not a date: ${day} (use YYYY-MM-DD)`);
  return zonedTimeToUtc(timeZone, Number(m[1]), Number(m[2]), Number(m[3]), hour, minute);
}

/** The name Apps Script logs before an error's message, when the error is an Error-like object. */
export function errorName(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'name' in error && 'message' in error) {
    return String((error as { name: unknown }).name);
  }
  return undefined;
}

/** The message an execution log shows for anything thrown. */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

export function toHost(value: unknown): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return String(value);
  }
}
