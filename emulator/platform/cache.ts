/**
 * CacheService: document, script and user caches with expiry on the modeled clock, in PlatformState.
 *
 * Apps Script facts emulated (CacheService reference): default expiration 600 s, maximum 21600 s (6 h); a key at
 * most 250 characters; a value at most 100 KB; putAll at most 1,000 entries. A missing or expired key reads null.
 */

import { guard, type Runtime } from '../runtime';
import { type PlatformState, type StoreKind, signatureError } from './state';

export const DEFAULT_EXPIRATION_S = 600;
export const MAX_EXPIRATION_S = 21_600;
export const MAX_KEY_LENGTH = 250;
export const MAX_CACHE_VALUE_BYTES = 100 * 1024;

export function createCacheService(runtime: Runtime, state: PlatformState): GoogleAppsScript.Cache.CacheService {
  function checkKey(method: string, key: unknown): string {
    if (typeof key !== 'string') throw signatureError(runtime, method, [key]);
    if (key.length > MAX_KEY_LENGTH) throw runtime.error('Argument too large: key');
    return key;
  }

  function checkValue(value: unknown): string {
    if (value === undefined || value === null) throw runtime.error('Invalid argument: value');
    const s = String(value);
    if (Buffer.byteLength(s, 'utf8') > MAX_CACHE_VALUE_BYTES) throw runtime.error('Argument too large: value');
    return s;
  }

  function expiry(seconds: unknown): number {
    if (seconds === undefined) return runtime.now + DEFAULT_EXPIRATION_S * 1000;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds))
      throw runtime.error('Invalid argument: expirationInSeconds');
    // Longer than 6 hours is silently capped, as the reference notes ("the maximum is 21600 seconds").
    return runtime.now + Math.min(Math.max(Math.floor(seconds), 1), MAX_EXPIRATION_S) * 1000;
  }

  function cache(kind: StoreKind): GoogleAppsScript.Cache.Cache {
    const entries = () => state.caches[kind];
    const read = (key: string): string | null => {
      const entry = entries()[key];
      if (!entry) return null;
      if (entry.expiresAt <= runtime.now) {
        delete entries()[key];
        return null;
      }
      return entry.value;
    };
    const fake: GoogleAppsScript.Cache.Cache = {
      get(key) {
        runtime.charge('CacheService', 'Cache.get');
        return read(checkKey('Cache.get', key));
      },
      getAll(keys) {
        runtime.charge('CacheService', 'Cache.getAll');
        if (!Array.isArray(keys)) throw signatureError(runtime, 'Cache.getAll', [keys]);
        const out: Record<string, string> = {};
        for (const k of keys) {
          const v = read(checkKey('Cache.getAll', k));
          if (v !== null) out[k] = v;
        }
        return runtime.toRealm(out);
      },
      put(key: string, value: string, expirationInSeconds?: number) {
        runtime.charge('CacheService', 'Cache.put');
        const k = checkKey('Cache.put', key);
        entries()[k] = { value: checkValue(value), expiresAt: expiry(expirationInSeconds) };
      },
      putAll(values: Record<string, unknown>, expirationInSeconds?: number) {
        runtime.charge('CacheService', 'Cache.putAll');
        if (typeof values !== 'object' || values === null) throw signatureError(runtime, 'Cache.putAll', [values]);
        const list = Object.entries(values);
        if (list.length > 1000) throw runtime.error('Argument too large: values');
        const expiresAt = expiry(expirationInSeconds);
        const checked = list.map(([k, v]) => [checkKey('Cache.putAll', k), checkValue(v)] as const);
        for (const [k, v] of checked) entries()[k] = { value: v, expiresAt };
      },
      remove(key) {
        runtime.charge('CacheService', 'Cache.remove');
        delete entries()[checkKey('Cache.remove', key)];
      },
      removeAll(keys) {
        runtime.charge('CacheService', 'Cache.removeAll');
        if (!Array.isArray(keys)) throw signatureError(runtime, 'Cache.removeAll', [keys]);
        for (const k of keys) delete entries()[checkKey('Cache.removeAll', k)];
      },
    };
    return guard('Cache', fake);
  }

  const service: GoogleAppsScript.Cache.CacheService = {
    getDocumentCache() {
      runtime.charge('CacheService', 'CacheService.getDocumentCache');
      return cache('document');
    },
    getScriptCache() {
      runtime.charge('CacheService', 'CacheService.getScriptCache');
      return cache('script');
    },
    getUserCache() {
      runtime.charge('CacheService', 'CacheService.getUserCache');
      return cache('user');
    },
  };
  return guard('CacheService', service);
}
