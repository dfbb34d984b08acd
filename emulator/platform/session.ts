/**
 * Session, Logger and console.
 *
 * Apps Script facts emulated:
 * - Session.getActiveUser()/getEffectiveUser() need `https://www.googleapis.com/auth/userinfo.email` (Session
 *   reference, "Authorization"); with a manifest that lists its scopes and omits it, the call throws the usual
 *   permission error. In a simple trigger the user's identity is generally not available: getEmail() is "".
 * - Logger.log(format, ...values) substitutes %s and returns Logger; getLog() gives the lines logged in this
 *   execution, each prefixed with a timestamp; clear() empties it.
 */

import { format } from 'node:util';
import { guard, type Runtime } from '../runtime';
import { formatJavaDate } from './java-date';

const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

export interface SessionOptions {
  scriptTimeZone: string;
  /** The active user's email (the mailbox owner). */
  userEmail?: string;
  /** Session.getActiveUserLocale(), e.g. `en` (default) or `en_GB`. */
  locale?: string;
}

export function createSession(runtime: Runtime, options: SessionOptions): GoogleAppsScript.Base.Session {
  function user(callName: string): GoogleAppsScript.Base.User {
    const mode = runtime.execution?.mode;
    const limited = mode === 'simple-trigger' || mode === 'addon-none';
    if (!limited) runtime.requireAuthorization(callName, EMAIL_SCOPE);
    const email = limited ? '' : (options.userEmail ?? '');
    const fake: Pick<GoogleAppsScript.Base.User, 'getEmail'> = {
      getEmail() {
        runtime.charge('Session', 'User.getEmail');
        return email;
      },
    };
    return guard('User', fake) as GoogleAppsScript.Base.User;
  }

  const fake: Pick<
    GoogleAppsScript.Base.Session,
    'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'
  > = {
    getActiveUser() {
      runtime.charge('Session', 'Session.getActiveUser');
      return user('Session.getActiveUser');
    },
    getEffectiveUser() {
      runtime.charge('Session', 'Session.getEffectiveUser');
      return user('Session.getEffectiveUser');
    },
    getScriptTimeZone() {
      runtime.charge('Session', 'Session.getScriptTimeZone');
      return options.scriptTimeZone;
    },
    getActiveUserLocale() {
      runtime.charge('Session', 'Session.getActiveUserLocale');
      return options.locale ?? 'en';
    },
    getTemporaryActiveUserKey() {
      runtime.charge('Session', 'Session.getTemporaryActiveUserKey');
      return Buffer.from(`emulator:${options.userEmail ?? ''}`).toString('base64url');
    },
  };
  return guard('Session', fake) as GoogleAppsScript.Base.Session;
}

function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  if (Object.prototype.toString.call(value) === '[object Date]') return String(value);
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json;
  } catch {
    return String(value);
  }
}

export function createLogger(runtime: Runtime, options: { scriptTimeZone: string }): GoogleAppsScript.Base.Logger {
  let entries: string[] = [];
  let self: GoogleAppsScript.Base.Logger;
  const fake: Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> = {
    log(data: unknown, ...values: unknown[]) {
      runtime.charge('Logger', 'Logger.log');
      let line: string;
      if (typeof data === 'string' && values.length > 0) {
        let i = 0;
        line = data.replace(/%s/g, () => (i < values.length ? render(values[i++]) : '%s'));
      } else line = render(data);
      runtime.log(line);
      const stamp = formatJavaDate(runtime.now, options.scriptTimeZone, 'M/d/yyyy HH:mm:ss');
      entries.push(`${stamp}\t${line}`);
      return self;
    },
    getLog() {
      runtime.charge('Logger', 'Logger.getLog');
      return entries.length ? `${entries.join('\n')}\n` : '';
    },
    clear() {
      runtime.charge('Logger', 'Logger.clear');
      entries = [];
    },
  };
  self = guard('Logger', fake) as GoogleAppsScript.Base.Logger;
  return self;
}

export interface EmulatedConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** console.* lines go to runtime.logs (warn/error prefixed with their level). console is not a counted service. */
export function createConsole(runtime: Runtime): EmulatedConsole {
  const line = (args: unknown[]) =>
    typeof args[0] === 'string'
      ? format(args[0], ...args.slice(1).map((a) => (typeof a === 'object' && a !== null ? render(a) : a)))
      : args.map(render).join(' ');
  const fake: EmulatedConsole = {
    log: (...args) => runtime.log(line(args)),
    info: (...args) => runtime.log(line(args)),
    warn: (...args) => runtime.log(`[warn] ${line(args)}`),
    error: (...args) => runtime.log(`[error] ${line(args)}`),
  };
  return guard('console', fake);
}
