/**
 * The platform services a script sees as globals: ScriptApp, PropertiesService, LockService, CacheService,
 * Utilities, Session, Logger and console, over one plain-JSON PlatformState.
 */

import type { Runtime } from '../runtime';
import { createCacheService } from './cache';
import { createLockService } from './lock';
import { createPropertiesService, type PropertiesOptions } from './properties';
import { createScriptApp } from './scriptapp';
import { createConsole, createLogger, createSession, type EmulatedConsole } from './session';
import type { PlatformState } from './state';
import { createUtilities } from './utilities';

export { createCacheService } from './cache';
export { formatJavaDate } from './java-date';
export { createLockService, holdLockForOtherExecution, releaseLocksOf } from './lock';
export { createPropertiesService, MAX_STORE_BYTES, MAX_VALUE_BYTES } from './properties';
export {
  AuthMode,
  authModeFor,
  createScriptApp,
  EventType,
  MAX_TRIGGERS_PER_USER,
  TriggerSource,
  WeekDay,
} from './scriptapp';
export { createConsole, createLogger, createSession } from './session';
export {
  createPlatformState,
  EnumValue,
  type LockHolder,
  type PlatformState,
  platformStateFromJson,
  platformStateToJson,
  type StoreKind,
  type TriggerRecord,
} from './state';
export { formatOffset, formatRfc5322Date, isValidTimeZone, zonedParts, zonedTimeToUtc } from './timezone';
export { Charset, DigestAlgorithm } from './utilities';

export interface PlatformOptions {
  /** The script's time zone (appsscript.json `timeZone`): Session.getScriptTimeZone(), trigger hours. */
  scriptTimeZone: string;
  /** The bound spreadsheet's id (document stores, locks and caches belong to it). */
  spreadsheetId: string;
  /** The active user's email (Session.getActiveUser().getEmail()). */
  userEmail?: string;
  /** Session.getActiveUserLocale(); default `en`. */
  locale?: string;
  /** An add-on (default): time-driven triggers at most hourly. */
  addon?: boolean;
  /** Properties in a simple trigger (AuthMode.LIMITED): 'allow' as Google documents (default) or 'deny'. */
  propertiesInSimpleTrigger?: PropertiesOptions['simpleTrigger'];
}

export interface PlatformServices {
  ScriptApp: ReturnType<typeof createScriptApp>;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Utilities: ReturnType<typeof createUtilities>;
  Session: GoogleAppsScript.Base.Session;
  Logger: GoogleAppsScript.Base.Logger;
  console: EmulatedConsole;
}

export function createPlatformServices(
  runtime: Runtime,
  state: PlatformState,
  options: PlatformOptions,
): PlatformServices {
  return {
    ScriptApp: createScriptApp(runtime, state, { scriptTimeZone: options.scriptTimeZone, addon: options.addon }),
    PropertiesService: createPropertiesService(runtime, state, { simpleTrigger: options.propertiesInSimpleTrigger }),
    LockService: createLockService(runtime, state),
    CacheService: createCacheService(runtime, state),
    Utilities: createUtilities(runtime),
    Session: createSession(runtime, {
      scriptTimeZone: options.scriptTimeZone,
      userEmail: options.userEmail,
      locale: options.locale,
    }),
    Logger: createLogger(runtime, { scriptTimeZone: options.scriptTimeZone }),
    console: createConsole(runtime),
  };
}
