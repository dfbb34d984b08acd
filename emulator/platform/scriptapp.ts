/**
 * ScriptApp: enums and installable time-driven triggers, kept in PlatformState.
 *
 * Apps Script facts emulated:
 * - Trigger management needs `https://www.googleapis.com/auth/script.scriptapp`; in a simple trigger it throws
 *   `You do not have permission to call ScriptApp.newTrigger. Required permissions: ...`.
 * - 20 triggers per user per script; the 21st create throws "This script has too many triggers. Triggers must be
 *   deleted from the script before more can be added." (Apps Script quotas page: "Triggers: 20 / user / script").
 * - Add-ons may use time-driven triggers at most once an hour (Installable triggers guide), so everyMinutes is
 *   refused for an add-on.
 */

import { guard, type Runtime } from '../runtime';
import { type EnumValue, makeEnum, type PlatformState, realmArray, signatureError, type TriggerRecord } from './state';
import { isValidTimeZone } from './timezone';

const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
export const MAX_TRIGGERS_PER_USER = 20;

export const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const EventType = makeEnum('EventType', [
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TriggerSource = makeEnum('TriggerSource', ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR']);
export const WeekDay = makeEnum('Weekday', [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);
export const AuthorizationStatus = makeEnum('AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED']);
export const InstallationSource = makeEnum('InstallationSource', [
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
]);

/** The AuthMode an execution mode runs in (for the event object `e.authMode`). */
export function authModeFor(mode: 'simple-trigger' | 'addon-none' | 'menu' | 'time-trigger'): EnumValue {
  return mode === 'addon-none' ? AuthMode.NONE : mode === 'simple-trigger' ? AuthMode.LIMITED : AuthMode.FULL;
}

export interface ScriptAppOptions {
  scriptTimeZone: string;
  /** True (default) for an add-on: time-driven triggers at most hourly. */
  addon?: boolean;
}

type ScriptAppFake = Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'EventType'
  | 'TriggerSource'
  | 'WeekDay'
  | 'AuthorizationStatus'
  | 'InstallationSource'
  | 'newTrigger'
  | 'getProjectTriggers'
  | 'getUserTriggers'
  | 'deleteTrigger'
>;

export function createScriptApp(runtime: Runtime, state: PlatformState, options: ScriptAppOptions): ScriptAppFake {
  const addon = options.addon !== false;
  const triggerIds = new WeakMap<object, string>();
  /** Local builder calls are counted but cost no modeled time; only the project API calls do. */
  const local = (method: string) => runtime.charge('ScriptApp', method);
  const authorize = (callName: string) => runtime.requireAuthorization(callName, SCRIPTAPP_SCOPE);

  function wrapTrigger(record: TriggerRecord): GoogleAppsScript.Script.Trigger {
    const fake: GoogleAppsScript.Script.Trigger = {
      getHandlerFunction: () => {
        local('Trigger.getHandlerFunction');
        return record.handler;
      },
      getEventType: () => {
        local('Trigger.getEventType');
        return EventType.CLOCK as unknown as GoogleAppsScript.Script.EventType;
      },
      getTriggerSource: () => {
        local('Trigger.getTriggerSource');
        return TriggerSource.CLOCK as unknown as GoogleAppsScript.Script.TriggerSource;
      },
      // Clock triggers have no source id.
      getTriggerSourceId: () => {
        local('Trigger.getTriggerSourceId');
        return null as unknown as string;
      },
      getUniqueId: () => {
        local('Trigger.getUniqueId');
        return record.id;
      },
    };
    const proxy = guard('Trigger', fake);
    triggerIds.set(proxy, record.id);
    return proxy;
  }

  function positiveInt(method: string, n: unknown, max = Number.MAX_SAFE_INTEGER): number {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > max) {
      throw runtime.error(
        `Invalid argument: ${method} expects a whole number from 1 to ${max === Number.MAX_SAFE_INTEGER ? '...' : max}, got ${String(n)}`,
      );
    }
    return n;
  }

  function clockBuilder(handler: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    const spec: Partial<TriggerRecord> = {};
    let self: GoogleAppsScript.Script.ClockTriggerBuilder;
    const recurrence = (): string[] =>
      (['everyMinutes', 'everyHours', 'everyDays', 'everyWeeks'] as const).filter((k) => spec[k] !== undefined);
    const fake: Pick<
      GoogleAppsScript.Script.ClockTriggerBuilder,
      | 'everyMinutes'
      | 'everyHours'
      | 'everyDays'
      | 'everyWeeks'
      | 'onWeekDay'
      | 'atHour'
      | 'nearMinute'
      | 'inTimezone'
      | 'create'
    > = {
      everyMinutes(n) {
        local('ClockTriggerBuilder.everyMinutes');
        if (addon) {
          throw runtime.error(
            'Add-ons can only create time-based triggers that run at most once per hour: use everyHours, everyDays or everyWeeks.',
          );
        }
        // Apps Script accepts 1, 5, 10, 15 or 30 minutes.
        if (![1, 5, 10, 15, 30].includes(n as number)) {
          throw runtime.error('Invalid argument: everyMinutes must be 1, 5, 10, 15 or 30');
        }
        spec.everyMinutes = n;
        return self;
      },
      everyHours(n) {
        local('ClockTriggerBuilder.everyHours');
        spec.everyHours = positiveInt('everyHours', n);
        return self;
      },
      everyDays(n) {
        local('ClockTriggerBuilder.everyDays');
        spec.everyDays = positiveInt('everyDays', n);
        return self;
      },
      everyWeeks(n) {
        local('ClockTriggerBuilder.everyWeeks');
        spec.everyWeeks = positiveInt('everyWeeks', n);
        return self;
      },
      onWeekDay(day) {
        local('ClockTriggerBuilder.onWeekDay');
        const name = Object.values(WeekDay).find((w) => w === (day as unknown));
        if (!name) throw signatureError(runtime, 'ClockTriggerBuilder.onWeekDay', [day]);
        spec.weekDay = name.toString();
        return self;
      },
      atHour(hour) {
        local('ClockTriggerBuilder.atHour');
        if (typeof hour !== 'number' || !Number.isInteger(hour) || hour < 0 || hour > 23) {
          throw runtime.error(`Invalid argument: hour must be a whole number from 0 to 23, got ${String(hour)}`);
        }
        spec.atHour = hour;
        return self;
      },
      nearMinute(minute) {
        local('ClockTriggerBuilder.nearMinute');
        if (typeof minute !== 'number' || !Number.isInteger(minute) || minute < 0 || minute > 59) {
          throw runtime.error(`Invalid argument: minute must be a whole number from 0 to 59, got ${String(minute)}`);
        }
        spec.nearMinute = minute;
        return self;
      },
      inTimezone(timezone) {
        local('ClockTriggerBuilder.inTimezone');
        if (typeof timezone !== 'string' || !isValidTimeZone(timezone))
          throw runtime.error('Invalid argument: timezone');
        spec.timeZone = timezone;
        return self;
      },
      create() {
        runtime.charge('ScriptApp', 'ClockTriggerBuilder.create');
        authorize('ClockTriggerBuilder.create');
        const kinds = recurrence();
        if (kinds.length !== 1) {
          throw runtime.error(
            kinds.length === 0
              ? 'The trigger has no schedule: call everyHours, everyDays or everyWeeks before create().'
              : `The trigger has conflicting schedules: ${kinds.join(', ')}.`,
          );
        }
        if ((spec.atHour !== undefined || spec.nearMinute !== undefined) && !spec.everyDays && !spec.everyWeeks) {
          throw runtime.error('atHour and nearMinute can only be used with everyDays or everyWeeks.');
        }
        if (spec.weekDay !== undefined && !spec.everyWeeks)
          throw runtime.error('onWeekDay can only be used with everyWeeks.');
        if (state.triggers.length >= MAX_TRIGGERS_PER_USER) {
          throw runtime.error(
            'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
          );
        }
        const record: TriggerRecord = {
          id: String(6_300_000_000_000_000_000n + BigInt(state.nextTriggerId++)),
          handler,
          eventType: 'CLOCK',
          source: 'CLOCK',
          ...spec,
          timeZone: spec.timeZone ?? options.scriptTimeZone,
          createdAt: runtime.now,
        };
        state.triggers.push(record);
        return wrapTrigger(record);
      },
    };
    self = guard('ClockTriggerBuilder', fake) as GoogleAppsScript.Script.ClockTriggerBuilder;
    return self;
  }

  // The enum objects stand in for @types' numeric enums: they print their names, as Apps Script's do.
  const fake: ScriptAppFake = {
    AuthMode: AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode,
    EventType: EventType as unknown as typeof GoogleAppsScript.Script.EventType,
    TriggerSource: TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource,
    WeekDay: WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday,
    AuthorizationStatus: AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus,
    InstallationSource: InstallationSource as unknown as typeof GoogleAppsScript.Script.InstallationSource,
    newTrigger(functionName) {
      runtime.charge('ScriptApp', 'ScriptApp.newTrigger');
      authorize('ScriptApp.newTrigger');
      if (typeof functionName !== 'string' || functionName === '') {
        throw signatureError(runtime, 'ScriptApp.newTrigger', [functionName]);
      }
      const builder: Pick<GoogleAppsScript.Script.TriggerBuilder, 'timeBased'> = {
        timeBased() {
          local('TriggerBuilder.timeBased');
          return clockBuilder(functionName);
        },
      };
      return guard('TriggerBuilder', builder) as GoogleAppsScript.Script.TriggerBuilder;
    },
    getProjectTriggers() {
      runtime.charge('ScriptApp', 'ScriptApp.getProjectTriggers');
      authorize('ScriptApp.getProjectTriggers');
      return realmArray(runtime, state.triggers.map(wrapTrigger));
    },
    getUserTriggers(container: unknown) {
      runtime.charge('ScriptApp', 'ScriptApp.getUserTriggers');
      authorize('ScriptApp.getUserTriggers');
      if (typeof container !== 'object' || container === null) {
        throw signatureError(runtime, 'ScriptApp.getUserTriggers', [container]);
      }
      // "All installable triggers owned by the user in the given spreadsheet, for this script or add-on only": the
      // emulated project is bound to one spreadsheet, so these are the user's triggers.
      return realmArray(runtime, state.triggers.map(wrapTrigger));
    },
    deleteTrigger(trigger) {
      runtime.charge('ScriptApp', 'ScriptApp.deleteTrigger');
      authorize('ScriptApp.deleteTrigger');
      const id = typeof trigger === 'object' && trigger !== null ? triggerIds.get(trigger) : undefined;
      if (id === undefined) throw signatureError(runtime, 'ScriptApp.deleteTrigger', [trigger]);
      state.triggers = state.triggers.filter((t) => t.id !== id);
    },
  };
  return guard('ScriptApp', fake);
}
