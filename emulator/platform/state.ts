/**
 * Plain-JSON state of the platform services (saved with the emulator state): property stores, installed triggers,
 * lock holders and cache entries. Plus Apps Script-style enums and small shared helpers.
 */

import type { Runtime } from '../runtime';

export type StoreKind = 'document' | 'user' | 'script';

export interface TriggerRecord {
  /** Apps Script-style unique id (digits). */
  id: string;
  handler: string;
  eventType: 'CLOCK';
  source: 'CLOCK';
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  /** For weekly triggers: SUNDAY..SATURDAY. */
  weekDay?: string;
  atHour?: number;
  nearMinute?: number;
  /** The zone atHour is read in (the script's zone unless inTimezone was called). */
  timeZone: string;
  /** Modeled epoch ms at creation. */
  createdAt: number;
}

export interface LockHolder {
  /** The execution holding the lock (Runtime execution id), or a label for an emulated other execution. */
  executionId: number | string;
  /** Modeled epoch ms when the holder lets go; null: until released. */
  until: number | null;
}

export interface CacheEntry {
  value: string;
  /** Modeled epoch ms. */
  expiresAt: number;
}

export interface PlatformState {
  properties: Record<StoreKind, Record<string, string>>;
  triggers: TriggerRecord[];
  locks: Record<StoreKind, LockHolder | null>;
  caches: Record<StoreKind, Record<string, CacheEntry>>;
  nextTriggerId: number;
}

export function createPlatformState(): PlatformState {
  return {
    properties: { document: {}, user: {}, script: {} },
    triggers: [],
    locks: { document: null, user: null, script: null },
    caches: { document: {}, user: {}, script: {} },
    nextTriggerId: 1,
  };
}

/** A deep copy as plain JSON. */
export function platformStateToJson(state: PlatformState): PlatformState {
  return JSON.parse(JSON.stringify(state)) as PlatformState;
}

/** Loads a state saved by `platformStateToJson`, checking its shape. */
export function platformStateFromJson(json: unknown): PlatformState {
  const fresh = createPlatformState();
  if (typeof json !== 'object' || json === null) throw new Error('saved platform state is not an object');
  const j = json as Partial<PlatformState>;
  if (!j.properties || !Array.isArray(j.triggers)) throw new Error('saved platform state lacks properties or triggers');
  return platformStateToJson({ ...fresh, ...j } as PlatformState);
}

/** An Apps Script enum value: prints as its name (`String(ScriptApp.AuthMode.FULL) === 'FULL'`). */
export class EnumValue {
  constructor(
    private readonly enumName: string,
    private readonly valueName: string,
    private readonly index: number,
  ) {
    Object.freeze(this);
  }
  toString(): string {
    return this.valueName;
  }
  toJSON(): string {
    return this.valueName;
  }
  name(): string {
    return this.valueName;
  }
  ordinal(): number {
    return this.index;
  }
  get [Symbol.toStringTag](): string {
    return this.enumName;
  }
}

export function makeEnum<const K extends string>(
  enumName: string,
  names: readonly K[],
): Readonly<Record<K, EnumValue>> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = new EnumValue(enumName, n, i);
  });
  return Object.freeze(out);
}

/** Apps Script's type words in "The parameters (...) don't match the method signature" messages. */
function typeWord(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length > 0 ? `${typeWord(value[0])}[]` : 'Object[]';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  switch (typeof value) {
    case 'string':
      return 'String';
    case 'number':
      return 'number';
    case 'boolean':
      return 'Boolean';
    case 'undefined':
      return 'undefined';
    default:
      return value instanceof EnumValue ? String(Object.prototype.toString.call(value).slice(8, -1)) : 'Object';
  }
}

/** `The parameters (String,number) don't match the method signature for Utilities.formatDate.` */
export function signatureError(runtime: Runtime, method: string, args: readonly unknown[]): Error {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const words = args.slice(0, n).map(typeWord).join(',');
  return runtime.error(`The parameters (${words}) don't match the method signature for ${method}.`);
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** An array of the script's realm holding these items as they are (host objects such as guarded fakes stay as is). */
export function realmArray<T>(runtime: Runtime, items: readonly T[]): T[] {
  const out = new runtime.realm.Array(items.length) as T[];
  for (let i = 0; i < items.length; i++) out[i] = items[i]!;
  return out;
}
