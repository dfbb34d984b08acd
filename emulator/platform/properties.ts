/**
 * PropertiesService: document, user and script stores of string values, in PlatformState.
 *
 * Apps Script facts emulated:
 * - Values are stored as strings; other values are converted with String() (so `true` reads back as "true").
 * - Quotas page: "Properties value size 9 KB / val" → `Argument too large: value`; "Properties total storage
 *   500 KB / property store" → "You have exceeded the property storage quota. Please remove some properties and try
 *   again." (keys count toward the store size).
 * - "Properties read/write" is a daily quota (50,000 consumer): `Service invoked too many times for one day: properties.`
 * - AuthMode.NONE (an add-on's onOpen before it is used in the document) cannot use properties (AuthMode reference:
 *   "a menu item based on properties (doesn't work in AuthMode.NONE)"). AuthMode.LIMITED — a simple onOpen in a
 *   bound script or a used add-on — can: Google's own sample reads document properties there. The `simpleTrigger`
 *   option can make the emulator refuse that too.
 */

import { guard, type Runtime } from '../runtime';
import { type PlatformState, realmArray, type StoreKind, signatureError } from './state';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

export interface PropertiesOptions {
  /** 'allow' (Google's documented LIMITED behaviour, default) or 'deny' (refuse properties in simple triggers too). */
  simpleTrigger?: 'allow' | 'deny';
}

const STORE_GETTER: Record<StoreKind, string> = {
  document: 'PropertiesService.getDocumentProperties',
  user: 'PropertiesService.getUserProperties',
  script: 'PropertiesService.getScriptProperties',
};

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function storeSize(store: Record<string, string>): number {
  let total = 0;
  for (const [k, v] of Object.entries(store)) total += bytes(k) + bytes(v);
  return total;
}

export function createPropertiesService(
  runtime: Runtime,
  state: PlatformState,
  options: PropertiesOptions = {},
): GoogleAppsScript.Properties.PropertiesService {
  function checkMode(callName: string): void {
    const mode = runtime.execution?.mode;
    if (mode === 'addon-none' || (mode === 'simple-trigger' && options.simpleTrigger === 'deny')) {
      throw runtime.error(`You do not have permission to call ${callName}`);
    }
  }

  function call(method: string): void {
    runtime.charge('PropertiesService', method);
    checkMode(method);
    runtime.useQuota('properties', 'properties');
  }

  function key(method: string, k: unknown, args: unknown[]): string {
    if (typeof k !== 'string') throw signatureError(runtime, method, args);
    return k;
  }

  function value(v: unknown): string {
    if (v === undefined || v === null) throw runtime.error('Invalid argument: value');
    const s = String(v);
    if (bytes(s) > MAX_VALUE_BYTES) throw runtime.error('Argument too large: value');
    return s;
  }

  function checkStoreSize(store: Record<string, string>): void {
    if (storeSize(store) > MAX_STORE_BYTES) {
      throw runtime.error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }

  function properties(kind: StoreKind): GoogleAppsScript.Properties.Properties {
    const store = () => state.properties[kind];
    let self: GoogleAppsScript.Properties.Properties;
    const fake: GoogleAppsScript.Properties.Properties = {
      getProperty(k) {
        call('Properties.getProperty');
        const name = key('Properties.getProperty', k, [k]);
        return Object.hasOwn(store(), name) ? store()[name]! : null;
      },
      setProperty(k, v) {
        call('Properties.setProperty');
        const name = key('Properties.setProperty', k, [k, v]);
        const next = { ...store(), [name]: value(v) };
        checkStoreSize(next);
        state.properties[kind] = next;
        return self;
      },
      getProperties() {
        call('Properties.getProperties');
        return runtime.toRealm({ ...store() });
      },
      setProperties(props: { [key: string]: string }, deleteAllOthers?: boolean) {
        call('Properties.setProperties');
        if (typeof props !== 'object' || props === null || Array.isArray(props)) {
          throw signatureError(runtime, 'Properties.setProperties', [props, deleteAllOthers]);
        }
        const next: Record<string, string> = deleteAllOthers === true ? {} : { ...store() };
        for (const [k, v] of Object.entries(props)) next[k] = value(v);
        checkStoreSize(next);
        state.properties[kind] = next;
        return self;
      },
      deleteProperty(k) {
        call('Properties.deleteProperty');
        const name = key('Properties.deleteProperty', k, [k]);
        const next = { ...store() };
        delete next[name];
        state.properties[kind] = next;
        return self;
      },
      deleteAllProperties() {
        call('Properties.deleteAllProperties');
        state.properties[kind] = {};
        return self;
      },
      getKeys() {
        call('Properties.getKeys');
        return realmArray(runtime, Object.keys(store()));
      },
    };
    self = guard('Properties', fake);
    return self;
  }

  const service: GoogleAppsScript.Properties.PropertiesService = {
    getDocumentProperties() {
      runtime.charge('PropertiesService', STORE_GETTER.document);
      checkMode(STORE_GETTER.document);
      return properties('document');
    },
    getUserProperties() {
      runtime.charge('PropertiesService', STORE_GETTER.user);
      checkMode(STORE_GETTER.user);
      return properties('user');
    },
    getScriptProperties() {
      runtime.charge('PropertiesService', STORE_GETTER.script);
      checkMode(STORE_GETTER.script);
      return properties('script');
    },
  };
  return guard('PropertiesService', service);
}
