import { LATENCY_TABLES } from '../../emulator/latency';
import {
  AuthMode,
  authModeFor,
  createPlatformServices,
  createPlatformState,
  MAX_TRIGGERS_PER_USER,
  type PlatformState,
  platformStateFromJson,
  platformStateToJson,
} from '../../emulator/platform';
import { Runtime } from '../../emulator/runtime';

const LATENCY = LATENCY_TABLES.central.figures;

const NOW = Date.UTC(2026, 10, 25, 9);

function setup(options: { addon?: boolean } = {}, state: PlatformState = createPlatformState()) {
  const runtime = new Runtime(NOW);
  const services = createPlatformServices(runtime, state, {
    scriptTimeZone: 'Europe/London',
    spreadsheetId: 'sheet-1',
    ...options,
  });
  return { runtime, state, ...services };
}

describe('ScriptApp triggers', () => {
  test('newTrigger(fn).timeBased().everyDays(1).atHour(8).create(), list and delete; state is plain JSON', () => {
    const { ScriptApp, state, runtime } = setup();
    runtime.begin('menu', 'installTrigger');
    const trigger = ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(8).create();
    expect(trigger.getHandlerFunction()).toBe('dailyRun');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(String(trigger.getEventType())).toBe('CLOCK');
    expect(trigger.getUniqueId()).toMatch(/^\d+$/);
    expect(String(trigger)).toBe('Trigger');

    expect(state.triggers).toEqual([
      {
        id: trigger.getUniqueId(),
        handler: 'dailyRun',
        eventType: 'CLOCK',
        source: 'CLOCK',
        everyDays: 1,
        atHour: 8,
        timeZone: 'Europe/London',
        createdAt: expect.any(Number),
      },
    ]);
    const saved = JSON.parse(JSON.stringify(platformStateToJson(state)));

    const hourly = ScriptApp.newTrigger('poll').timeBased().everyHours(6).inTimezone('America/New_York').create();
    const listed = ScriptApp.getProjectTriggers();
    expect(listed.map((t) => t.getHandlerFunction())).toEqual(['dailyRun', 'poll']);
    expect(state.triggers[1]).toMatchObject({ everyHours: 6, timeZone: 'America/New_York' });
    const spreadsheet = {} as GoogleAppsScript.Spreadsheet.Spreadsheet;
    expect(ScriptApp.getUserTriggers(spreadsheet).map((t) => t.getUniqueId())).toEqual(
      listed.map((t) => t.getUniqueId()),
    );

    ScriptApp.deleteTrigger(listed[0]!);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([hourly.getUniqueId()]);

    // A later run starts from the saved state.
    const later = setup({}, platformStateFromJson(saved));
    later.runtime.begin('time-trigger', 'dailyRun');
    expect(later.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['dailyRun']);
  });

  test('the 21st trigger is refused with Apps Script’s message', () => {
    const { ScriptApp, state } = setup();
    for (let i = 0; i < MAX_TRIGGERS_PER_USER; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(state.triggers).toHaveLength(20);
    expect(() => ScriptApp.newTrigger('oneTooMany').timeBased().everyDays(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]!);
    expect(() => ScriptApp.newTrigger('nowFits').timeBased().everyDays(1).create()).not.toThrow();
  });

  test('an add-on may not run triggers more often than hourly; schedules are checked', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(5)).toThrow(
      'Add-ons can only create time-based triggers that run at most once per hour',
    );
    expect(() => ScriptApp.newTrigger('f').timeBased().create()).toThrow('The trigger has no schedule');
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(2).atHour(3).create()).toThrow(
      'atHour and nearMinute can only be used with everyDays or everyWeeks.',
    );
    expect(() => ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(24)).toThrow(
      'hour must be a whole number from 0 to 23',
    );
    expect(() => ScriptApp.newTrigger('f').timeBased().everyDays(0)).toThrow('Invalid argument');
    expect(() => ScriptApp.newTrigger('f').timeBased().everyDays(1).inTimezone('Mars/Base')).toThrow(
      'Invalid argument: timezone',
    );
    const weekly = ScriptApp.newTrigger('weekly')
      .timeBased()
      .everyWeeks(1)
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(9)
      .create();
    expect(weekly.getHandlerFunction()).toBe('weekly');
    const script = setup({ addon: false }).ScriptApp;
    expect(script.newTrigger('f').timeBased().everyMinutes(15).create().getHandlerFunction()).toBe('f');
    expect(() => script.newTrigger('f').timeBased().everyMinutes(7)).toThrow('everyMinutes must be 1, 5, 10, 15 or 30');
  });

  test('a simple trigger may not manage triggers; nor may a script without the script.scriptapp scope', () => {
    const { ScriptApp, runtime } = setup();
    runtime.begin('simple-trigger', 'onOpen');
    expect(() => ScriptApp.newTrigger('dailyRun')).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(() => ScriptApp.getProjectTriggers()).toThrow(
      'You do not have permission to call ScriptApp.getProjectTriggers.',
    );
    // Reading the enums needs no authorization.
    expect(ScriptApp.AuthMode.LIMITED).toBe(AuthMode.LIMITED);
    runtime.end();
    runtime.scopes = new Set(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(() => ScriptApp.getProjectTriggers()).toThrow(
      'Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });

  test('enums print their names and map execution modes; calls are counted, builder steps cost no time', () => {
    const { ScriptApp, runtime } = setup();
    expect(String(ScriptApp.AuthMode.FULL)).toBe('FULL');
    expect(JSON.stringify({ mode: ScriptApp.AuthMode.NONE })).toBe('{"mode":"NONE"}');
    expect(authModeFor('addon-none')).toBe(ScriptApp.AuthMode.NONE);
    expect(authModeFor('simple-trigger')).toBe(ScriptApp.AuthMode.LIMITED);
    expect(authModeFor('time-trigger')).toBe(ScriptApp.AuthMode.FULL);
    ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(8).create();
    expect(runtime.calls.ScriptApp).toBe(5);
    expect(runtime.modeledMs).toBe(LATENCY.scriptAppMs);
  });

  test('unimplemented parts of ScriptApp throw', () => {
    const { ScriptApp } = setup();
    const app = ScriptApp as unknown as Record<string, () => unknown>;
    expect(() => app.getOAuthToken!()).toThrow('not implemented in the emulator: ScriptApp.getOAuthToken');
    const builder = ScriptApp.newTrigger('f') as unknown as Record<string, () => unknown>;
    expect(() => builder.forSpreadsheet!()).toThrow('not implemented in the emulator: TriggerBuilder.forSpreadsheet');
    expect(() => ScriptApp.deleteTrigger({} as GoogleAppsScript.Script.Trigger)).toThrow(
      "The parameters (Object) don't match the method signature for ScriptApp.deleteTrigger.",
    );
  });
});
