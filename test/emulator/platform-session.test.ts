import { createPlatformServices, createPlatformState } from '../../emulator/platform';
import { Runtime } from '../../emulator/runtime';

function setup() {
  const runtime = new Runtime(Date.UTC(2026, 10, 25, 9, 30));
  const services = createPlatformServices(runtime, createPlatformState(), {
    scriptTimeZone: 'Europe/London',
    spreadsheetId: 'sheet-1',
    userEmail: 'alex@example.com',
    locale: 'en_GB',
  });
  return { runtime, ...services };
}

describe('Session', () => {
  test('time zone, locale and user', () => {
    const { Session } = setup();
    expect(Session.getScriptTimeZone()).toBe('Europe/London');
    expect(Session.getActiveUserLocale()).toBe('en_GB');
    expect(Session.getActiveUser().getEmail()).toBe('alex@example.com');
    expect(Session.getEffectiveUser().getEmail()).toBe('alex@example.com');
    expect(Session.getTemporaryActiveUserKey()).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test('the user needs the userinfo.email scope; a simple trigger sees an empty email', () => {
    const { Session, runtime } = setup();
    runtime.scopes = new Set(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(() => Session.getActiveUser()).toThrow(
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    runtime.begin('simple-trigger', 'onOpen');
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getScriptTimeZone()).toBe('Europe/London');
  });
});

describe('Logger and console', () => {
  test('Logger.log substitutes %s, chains, and keeps a log; console lines go to runtime.logs', () => {
    const { Logger, console: scriptConsole, runtime } = setup();
    expect(Logger.log('Drafted %s of %s', 3, 5)).toBe(Logger);
    Logger.log({ a: 1 });
    expect(Logger.getLog()).toBe('11/25/2026 09:30:00\tDrafted 3 of 5\n11/25/2026 09:30:00\t{"a":1}\n');
    Logger.clear();
    expect(Logger.getLog()).toBe('');
    scriptConsole.log('rows: %d', 12);
    scriptConsole.info('info', { b: 2 });
    scriptConsole.warn('careful');
    scriptConsole.error(new Error('boom').message);
    expect(runtime.logs).toEqual([
      'Drafted 3 of 5',
      '{"a":1}',
      'rows: 12',
      'info {"b":2}',
      '[warn] careful',
      '[error] boom',
    ]);
    expect(runtime.calls.Logger).toBe(5); // log, log, getLog, clear, getLog
    expect(runtime.calls.Session).toBeUndefined();
  });
});
