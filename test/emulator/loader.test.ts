import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Emulator } from '../../emulator/emulator';
import { ATTEMPT, emulatorFor, fakeDist, MANIFEST, PERMISSION, RAW_MIME, SCOPES, TODAY, TZ } from './loader-setup';

describe('a bundle sees only ECMAScript built-ins, Intl and the Apps Script services', () => {
  const FORBIDDEN: [string, string][] = [
    ['Buffer', "Buffer.from('x')"],
    ['setTimeout', 'setTimeout(function () {}, 0)'],
    ['setInterval', 'setInterval(function () {}, 1000)'],
    ['require', "require('node:fs')"],
    ['process', 'process.env.HOME'],
    ['TextEncoder', 'new TextEncoder()'],
    ['TextDecoder', 'new TextDecoder()'],
    ['URL', "new URL('https://example.com/')"],
    ['fetch', "fetch('https://example.com/')"],
    ['structuredClone', 'structuredClone({})'],
    ['window', 'window.location'],
    ['document', 'document.body'],
    ['global', 'global.x'],
    ['module', 'module.exports'],
  ];

  test.each(FORBIDDEN)('touching %s at load fails the run with a ReferenceError', (name, expression) => {
    const loaded = emulatorFor(`function ping() { return 'loaded'; }`).run('ping');
    expect(loaded).toMatchObject({ ok: true, value: 'loaded' });

    const emulator = emulatorFor(`var probe = ${expression};\nfunction ping() { return 'loaded'; }`);
    const result = emulator.run('ping');
    expect(result).toMatchObject({ ok: false, errorName: 'ReferenceError', error: `${name} is not defined` });
    expect(emulator.executions).toEqual([result]);
  });

  test('a library that feature-detects finds none of them, and the global scope holds nothing else', () => {
    const ECMASCRIPT = [
      ...['globalThis', 'Infinity', 'NaN', 'undefined', 'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt'],
      ...['decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape'],
      ...['Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Date', 'RegExp'],
      ...['Promise', 'Proxy', 'Reflect', 'JSON', 'Math', 'Atomics', 'Iterator', 'Map', 'Set', 'WeakMap', 'WeakSet'],
      ...['WeakRef', 'FinalizationRegistry', 'DisposableStack', 'AsyncDisposableStack'],
      ...['Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError'],
      ...['URIError', 'SuppressedError', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array'],
      ...['Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array'],
      ...['Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'],
      // Not ECMA-262 but part of V8 in Apps Script too.
      'Intl',
      'WebAssembly',
    ];
    const SERVICES = [
      ...['SpreadsheetApp', 'HtmlService', 'Gmail', 'ScriptApp', 'PropertiesService', 'LockService'],
      ...['CacheService', 'Utilities', 'Session', 'Logger', 'console'],
    ];
    const names = FORBIDDEN.map(([name]) => name);
    const emulator = emulatorFor(`
      var detected = ${JSON.stringify(names)}.filter(function (n) { return typeof globalThis[n] !== 'undefined'; });
      function globals() { return { detected: detected, names: Object.getOwnPropertyNames(globalThis) }; }
      function helper() {}`);
    const result = emulator.run('globals');
    expect(result.ok).toBe(true);
    const value = result.value as { detected: string[]; names: string[] };
    expect(value.detected).toEqual([]);
    expect(value.names).toEqual(expect.arrayContaining([...SERVICES, 'Intl', 'globals', 'helper', 'detected']));
    const allowed = new Set([...ECMASCRIPT, ...SERVICES, 'globals', 'helper', 'detected']);
    expect(value.names.filter((n) => !allowed.has(n))).toEqual([]);
  });

  test('every execution gets a fresh global scope: globals a run sets are gone in the next', () => {
    const emulator = emulatorFor(`
      var counter = 0;
      function bump() { counter += 1; globalThis.leftover = (globalThis.leftover || 0) + 1; return [counter, leftover]; }`);
    expect(emulator.run('bump').value).toEqual([1, 1]);
    expect(emulator.run('bump').value).toEqual([1, 1]);
  });

  test('a handler that is not a top-level function is not found', () => {
    const emulator = emulatorFor(`var App = { hidden: function () { return 1; } };\nfunction shown() { return 2; }`);
    expect(emulator.run('shown')).toMatchObject({ ok: true, value: 2 });
    expect(emulator.run('hidden')).toMatchObject({ ok: false, error: 'Script function not found: hidden' });
  });

  test('dist/*.js are loaded as classic scripts, in name order, into one global scope', () => {
    const dir = fakeDist(`function fromCode() { return typeof LibraryThing; }`);
    writeFileSync(join(dir, 'alib.js'), `var LibraryThing = { version: 3 };`);
    const emulator = Emulator.create({ today: TODAY, timeZone: TZ, locale: 'en_GB', distDir: dir });
    expect(emulator.run('fromCode')).toMatchObject({ ok: true, value: 'object' });
  });
});

describe('execution contexts', () => {
  test('SpreadsheetApp.getUi() in a time-driven trigger throws; the spreadsheet is still there', () => {
    const emulator = emulatorFor(`
      function showSomething() { SpreadsheetApp.getUi().alert('Hello'); return 'shown'; }
      function caught() {
        try { SpreadsheetApp.getUi(); return 'no error'; }
        catch (e) { return { message: e.message, isError: e instanceof Error }; }
      }
      function sheetCount() { return SpreadsheetApp.getActiveSpreadsheet().getSheets().length; }`);
    expect(emulator.run('showSomething', 'time-trigger')).toMatchObject({
      ok: false,
      error: 'Cannot call SpreadsheetApp.getUi() from this context.',
    });
    expect(emulator.uiLog.alerts).toEqual([]);
    expect(emulator.run('caught', 'time-trigger').value).toEqual({
      message: 'Cannot call SpreadsheetApp.getUi() from this context.',
      isError: true,
    });
    expect(emulator.run('sheetCount', 'time-trigger')).toMatchObject({ ok: true, value: 1 });

    // The same code from a menu shows its alert.
    expect(emulator.run('showSomething', 'menu')).toMatchObject({ ok: true, value: 'shown' });
    expect(emulator.uiLog.alerts.map((a) => a.message)).toEqual(['Hello']);
  });

  const ON_OPEN = `${ATTEMPT}
    function onOpen(e) {
      SpreadsheetApp.getUi().createMenu('Tools').addItem('Go', 'go').addToUi();
      return {
        authMode: String(e.authMode),
        sheet: attempt(function () { SpreadsheetApp.getActiveSpreadsheet().getName(); }),
        messages: attempt(function () { Gmail.Users.Messages.list('me', { q: 'in:sent' }); }),
        drafts: attempt(function () { Gmail.Users.Drafts.create({ message: { raw: ${RAW_MIME} } }, 'me'); }),
        triggers: attempt(function () { ScriptApp.getProjectTriggers(); }),
        newTrigger: attempt(function () { ScriptApp.newTrigger('go').timeBased().everyDays(1).atHour(8).create(); }),
        properties: attempt(function () { PropertiesService.getDocumentProperties().getProperty('x'); }),
      };
    }
    function onOpenUncaught() { Gmail.Users.Messages.list('me', {}); }
    function go() {}`;

  test('in a simple onOpen Gmail and ScriptApp throw the permission error; menus and the own sheet work', () => {
    const emulator = emulatorFor(ON_OPEN);
    const result = emulator.run('onOpen', 'simple-trigger');
    expect(result.ok).toBe(true);
    expect(result.value).toEqual({
      authMode: 'LIMITED',
      sheet: 'ok',
      messages: PERMISSION('Gmail.Users.Messages.list', SCOPES.readonly),
      drafts: PERMISSION('Gmail.Users.Drafts.create', SCOPES.compose),
      triggers: PERMISSION('ScriptApp.getProjectTriggers', SCOPES.scriptapp),
      newTrigger: PERMISSION('ScriptApp.newTrigger', SCOPES.scriptapp),
      // AuthMode.LIMITED may read properties (Google's own onOpen samples do).
      properties: 'ok',
    });
    expect(emulator.uiLog.menus).toEqual([
      { caption: 'Tools', addon: false, items: [{ caption: 'Go', functionName: 'go' }] },
    ]);
    expect(emulator.state.mailbox.drafts).toEqual([]);
    expect(emulator.state.platform.triggers).toEqual([]);
    expect(emulator.run('onOpenUncaught', 'simple-trigger')).toMatchObject({
      ok: false,
      error: PERMISSION('Gmail.Users.Messages.list', SCOPES.readonly),
    });

    // Run from a menu (AuthMode.FULL) the very same calls go through.
    const full = emulator.run('onOpen', 'menu');
    expect(full.value).toEqual({
      authMode: 'FULL',
      sheet: 'ok',
      messages: 'ok',
      drafts: 'ok',
      triggers: 'ok',
      newTrigger: 'ok',
      properties: 'ok',
    });
    expect(emulator.state.mailbox.drafts).toHaveLength(1);
    expect(emulator.state.platform.triggers).toHaveLength(1);
  });

  test("with propertiesInSimpleTrigger: 'deny', properties in a simple onOpen throw too", () => {
    const dist = fakeDist(ON_OPEN);
    const strict = Emulator.create({
      today: TODAY,
      timeZone: TZ,
      locale: 'en_GB',
      distDir: dist,
      propertiesInSimpleTrigger: 'deny',
    });
    expect(strict.run('onOpen', 'simple-trigger').value).toMatchObject({
      sheet: 'ok',
      properties: 'You do not have permission to call PropertiesService.getDocumentProperties',
    });
    expect(strict.run('onOpen', 'menu').value).toMatchObject({ properties: 'ok' });
  });

  test('an add-on in AuthMode.NONE may build its menu but not read properties or its sheet', () => {
    const emulator = emulatorFor(ON_OPEN);
    const result = emulator.run('onOpen', 'addon-none');
    expect(result.value).toMatchObject({
      authMode: 'NONE',
      sheet: PERMISSION('SpreadsheetApp.getActiveSpreadsheet', SCOPES.sheets),
      messages: PERMISSION('Gmail.Users.Messages.list', SCOPES.readonly),
      triggers: PERMISSION('ScriptApp.getProjectTriggers', SCOPES.scriptapp),
      properties: 'You do not have permission to call PropertiesService.getDocumentProperties',
    });
    expect(emulator.uiLog.menuItemCaptions()).toEqual(['Go']);
  });

  test.each<[string, string, Record<string, string>]>([
    ['gmail.compose', SCOPES.compose, { drafts: PERMISSION('Gmail.Users.Drafts.create', SCOPES.compose) }],
    ['gmail.readonly', SCOPES.readonly, { messages: PERMISSION('Gmail.Users.Messages.list', SCOPES.readonly) }],
    [
      'script.scriptapp',
      SCOPES.scriptapp,
      {
        triggers: PERMISSION('ScriptApp.getProjectTriggers', SCOPES.scriptapp),
        newTrigger: PERMISSION('ScriptApp.newTrigger', SCOPES.scriptapp),
      },
    ],
    [
      'spreadsheets.currentonly',
      SCOPES.sheets,
      { sheet: PERMISSION('SpreadsheetApp.getActiveSpreadsheet', SCOPES.sheets) },
    ],
  ])(
    'a scope missing from appsscript.json (%s) makes its calls fail with the permission error',
    (_name, scope, failures) => {
      const manifest = { ...MANIFEST, oauthScopes: Object.values(SCOPES).filter((s) => s !== scope) };
      const result = emulatorFor(ON_OPEN, manifest).run('onOpen', 'menu');
      // Only the calls needing that scope fail.
      const failed = Object.entries(result.value as Record<string, string>).filter(
        ([k, v]) => k !== 'authMode' && v !== 'ok',
      );
      expect(Object.fromEntries(failed)).toEqual(failures);
    },
  );

  test('without script.container.ui even a menu cannot be built', () => {
    const manifest = { ...MANIFEST, oauthScopes: Object.values(SCOPES).filter((s) => s !== SCOPES.ui) };
    expect(emulatorFor(ON_OPEN, manifest).run('onOpen', 'menu')).toMatchObject({
      ok: false,
      error: PERMISSION('SpreadsheetApp.getUi', SCOPES.ui),
    });
  });

  test('the advanced Gmail service is a global only when appsscript.json enables it, under its userSymbol', () => {
    const code = `function probe() { return [typeof Gmail, typeof GmailApi]; }
      function use() { return Gmail.Users.Messages.list('me', {}).resultSizeEstimate; }`;
    const { dependencies: _omit, ...withoutServices } = MANIFEST;
    const without = emulatorFor(code, withoutServices);
    expect(without.run('probe').value).toEqual(['undefined', 'undefined']);
    expect(without.run('use')).toMatchObject({ ok: false, errorName: 'ReferenceError', error: 'Gmail is not defined' });

    const renamed = { enabledAdvancedServices: [{ userSymbol: 'GmailApi', serviceId: 'gmail', version: 'v1' }] };
    expect(emulatorFor(code, { ...MANIFEST, dependencies: renamed }).run('probe').value).toEqual([
      'undefined',
      'object',
    ]);
    const enabled = emulatorFor(code);
    expect(enabled.run('probe').value).toEqual(['object', 'undefined']);
    expect(enabled.run('use')).toMatchObject({ ok: true, value: 0 });
  });

  test('a manifest without oauthScopes grants what the code uses (Apps Script infers the scopes)', () => {
    const { oauthScopes: _omit, ...inferred } = MANIFEST;
    const value = emulatorFor(ON_OPEN, inferred).run('onOpen', 'menu').value as Record<string, string>;
    expect(Object.values(value).filter((v) => v !== 'ok')).toEqual(['FULL']);
  });
});
