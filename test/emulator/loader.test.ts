/**
 * The loader's strictness, through the Emulator class: bundles are loaded as classic scripts into a fresh
 * `node:vm` context per execution holding only ECMAScript built-ins, Intl and the Apps Script services; execution
 * contexts, scopes, the modeled clock, limits, call counting and state round trips behave as Apps Script does.
 * Most cases use a tiny fake dist/ in a temp folder; the last ones load the real built add-on.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillSampleDates } from '../../emulator/cli';
import { Emulator, startOfDay } from '../../emulator/emulator';
import { mailboxFromFile } from '../../emulator/gmail';
import { LATENCY_TABLES } from '../../emulator/latency';
import { MAX_STORE_BYTES, MAX_TRIGGERS_PER_USER, MAX_VALUE_BYTES } from '../../emulator/platform';
import { MAX_EXECUTION_MS } from '../../emulator/runtime';
import { loadCsvIntoSheet } from '../../emulator/spreadsheet';
import { MENU } from '../e2e/harness';

const LATENCY = LATENCY_TABLES.central.figures;

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const TODAY = '2026-11-25';
const TZ = 'Europe/London';
/** 09:00 on TODAY in London (GMT in November): where Emulator.create starts the clock. */
const NINE_AM = Date.UTC(2026, 10, 25, 9);

const SCOPES = {
  sheets: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  compose: 'https://www.googleapis.com/auth/gmail.compose',
  readonly: 'https://www.googleapis.com/auth/gmail.readonly',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
} as const;

const GMAIL_SERVICE = { enabledAdvancedServices: [{ userSymbol: 'Gmail', serviceId: 'gmail', version: 'v1' }] };

interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  dependencies?: unknown;
}

const MANIFEST: Manifest = {
  timeZone: TZ,
  dependencies: GMAIL_SERVICE,
  oauthScopes: Object.values(SCOPES),
};

const tempDirs: string[] = [];
/** The fake dist/ each emulator was made from (to load its saved state again). */
const distOf = new WeakMap<Emulator, string>();

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A dist/ folder holding `code` as Code.js and `manifest` as appsscript.json. */
function fakeDist(code: string, manifest: Manifest = MANIFEST): string {
  const dir = mkdtempSync(join(tmpdir(), 'emu-dist-'));
  tempDirs.push(dir);
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  return dir;
}

function emulatorFor(code: string, manifest: Manifest = MANIFEST, csv?: string): Emulator {
  const emulator = Emulator.create({ today: TODAY, timeZone: TZ, locale: 'en_GB', distDir: fakeDist(code, manifest) });
  distOf.set(emulator, tempDirs.at(-1)!);
  if (csv !== undefined) loadCsvIntoSheet(emulator.state.spreadsheet, 'Applications', csv);
  return emulator;
}

/** A raw MIME message as the Gmail REST API wants it (base64url), built inside the script. */
const RAW_MIME = `Utilities.base64EncodeWebSafe(
  'From: me@example.com\\r\\nTo: sam@acme.example\\r\\nSubject: Hello\\r\\nContent-Type: text/plain; charset=UTF-8\\r\\n\\r\\nHi Sam')`;

/** `attempt(fn)`: 'ok' or the message of what fn threw, so one run can report several calls. */
const ATTEMPT = `function attempt(fn) { try { fn(); return 'ok'; } catch (e) { return e.message; } }`;

const PERMISSION = (call: string, scope: string) =>
  `You do not have permission to call ${call}. Required permissions: ${scope}`;

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

describe('Apps Script limits', () => {
  test("a size mismatch in setValues/setBackgrounds throws Apps Script's message and writes nothing", () => {
    const emulator = emulatorFor(`
      function tooFewRows() { SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 3).setValues([[1, 2, 3]]); }
      function tooManyColumns() { SpreadsheetApp.getActiveSheet().getRange('A1:X1').setValues([[1, 2, 3, 4, 5]]); }
      function raggedRows() { SpreadsheetApp.getActiveSheet().getRange('A1:B2').setValues([[1, 2], [3]]); }
      function backgrounds() { SpreadsheetApp.getActiveSheet().getRange('A1:B2').setBackgrounds([['#ff0000', '#00ff00']]); }
      function rightSize() { SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 3).setValues([[1, 2, 3], [4, 5, 6]]); }`);
    expect(emulator.run('tooFewRows').error).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(emulator.run('tooManyColumns').error).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 24.',
    );
    expect(emulator.run('raggedRows').error).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(emulator.run('backgrounds').error).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(emulator.displayValues('Applications')).toEqual([]);
    expect(
      emulator
        .backgrounds('Applications')
        .flat()
        .filter((c) => c !== '#ffffff'),
    ).toEqual([]);
    expect(emulator.run('rightSize').ok).toBe(true);
    expect(emulator.displayValues('Applications')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  test('past 6 modeled minutes every call throws "Exceeded maximum execution time", even if the script catches it', () => {
    const emulator = emulatorFor(`
      var caught = [];
      function spin() {
        for (var i = 0; i < 50000; i++) {
          try { SpreadsheetApp.flush(); } catch (e) { caught.push(e.message); if (caught.length === 3) break; }
        }
        return caught;  // returns normally: the script swallowed the error
      }
      function quick() { SpreadsheetApp.flush(); return 'fine'; }`);
    const result = emulator.run('spin');
    expect(result).toMatchObject({ ok: false, error: 'Exceeded maximum execution time', errorName: 'Exception' });
    // The call that crossed 6 minutes is the last one counted; later ones are refused before they run.
    const flushes = Math.floor(MAX_EXECUTION_MS / LATENCY.sheetsCommitMs) + 1;
    expect(emulator.runtime.methodCalls['SpreadsheetApp.flush']).toBe(flushes);
    expect(result.modeledMs).toBe(flushes * LATENCY.sheetsCommitMs);
    expect(result.modeledMs).toBeGreaterThan(MAX_EXECUTION_MS);

    // The next execution has its own 6 minutes.
    expect(emulator.run('quick')).toMatchObject({ ok: true, value: 'fine', modeledMs: LATENCY.sheetsCommitMs });
  });

  test('a loop that calls no service still stops: a real-time limit stands in for the 6 minutes', () => {
    const dir = fakeDist('function forever() { for (;;) {} }\nfunction quick() { return 1; }');
    const emulator = Emulator.create({
      today: TODAY,
      timeZone: TZ,
      locale: 'en_GB',
      distDir: dir,
      realTimeLimitMs: 200,
    });
    expect(emulator.run('forever')).toMatchObject({ ok: false, error: 'Exceeded maximum execution time' });
    expect(emulator.run('quick')).toMatchObject({ ok: true, value: 1 });
  });

  test('Utilities.sleep spends modeled time: 5 minutes pass, 10 do not, and catching the error does not save the run', () => {
    const emulator = emulatorFor(`
      function sleepy(times) {
        var log = [];
        try { for (var i = 0; i < times; i++) { Utilities.sleep(300000); log.push(Date.now()); } }
        catch (e) { log.push(e.message); }
        return log;
      }`);
    const once = emulator.run('sleepy', 'menu', [1]);
    expect(once).toMatchObject({ ok: true, value: [NINE_AM + 300_000], modeledMs: 300_000 });
    const twice = emulator.run('sleepy', 'menu', [2]);
    expect(twice).toMatchObject({ ok: false, error: 'Exceeded maximum execution time', modeledMs: 600_000 });
    expect(emulator.runtime.now).toBe(NINE_AM + 900_000);
  });

  test('the 21st trigger is refused', () => {
    const emulator = emulatorFor(`
      function makeTriggers(n) {
        var made = 0;
        try {
          for (var i = 0; i < n; i++) { ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(8).create(); made++; }
        } catch (e) { return { made: made, error: e.message }; }
        return { made: made };
      }
      function deleteOne() { ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]); }
      function tick() {}`);
    const tooMany =
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
    expect(emulator.run('makeTriggers', 'menu', [MAX_TRIGGERS_PER_USER + 1]).value).toEqual({
      made: MAX_TRIGGERS_PER_USER,
      error: tooMany,
    });
    expect(MAX_TRIGGERS_PER_USER).toBe(20);
    expect(emulator.state.platform.triggers).toHaveLength(20);
    expect(emulator.run('makeTriggers', 'menu', [1]).value).toEqual({ made: 0, error: tooMany });
    expect(emulator.run('deleteOne').ok).toBe(true);
    expect(emulator.run('makeTriggers', 'menu', [1]).value).toEqual({ made: 1 });
    expect(emulator.state.platform.triggers).toHaveLength(20);
  });

  test('a property over 9 KB (in UTF-8 bytes) is refused, and so is a store over 500 KB', () => {
    const emulator = emulatorFor(`
      function put(key, value) {
        PropertiesService.getDocumentProperties().setProperty(key, value);
        return PropertiesService.getDocumentProperties().getProperty(key).length;
      }
      function fill(size) {
        var store = PropertiesService.getUserProperties();
        var value = new Array(size + 1).join('y');
        for (var i = 0; i < 100; i++) {
          try { store.setProperty('k' + i, value); }
          catch (e) { return { stored: i, error: e.message, keys: store.getKeys().length }; }
        }
        return { stored: 100 };
      }`);
    expect(MAX_VALUE_BYTES).toBe(9 * 1024);
    expect(emulator.run('put', 'menu', ['fits', 'x'.repeat(MAX_VALUE_BYTES)])).toMatchObject({
      ok: true,
      value: MAX_VALUE_BYTES,
    });
    expect(emulator.run('put', 'menu', ['big', 'x'.repeat(MAX_VALUE_BYTES + 1)])).toMatchObject({
      ok: false,
      error: 'Argument too large: value',
    });
    // 3,073 characters, but 9,219 bytes in UTF-8.
    expect(emulator.run('put', 'menu', ['euros', '€'.repeat(3073)])).toMatchObject({
      ok: false,
      error: 'Argument too large: value',
    });
    expect(Object.keys(emulator.state.platform.properties.document)).toEqual(['fits']);

    const size = 9000;
    let expected = 0;
    for (let total = 0; total + `k${expected}`.length + size <= MAX_STORE_BYTES; expected++) {
      total += `k${expected}`.length + size;
    }
    expect(emulator.run('fill', 'menu', [size]).value).toEqual({
      stored: expected,
      error: 'You have exceeded the property storage quota. Please remove some properties and try again.',
      keys: expected,
    });
  });
});

describe('the modeled clock and the script realm', () => {
  test('Date.now() and new Date() inside the script read the modeled clock, which service calls advance', () => {
    const emulator = emulatorFor(`
      function clock() {
        var a = Date.now(), b = new Date().getTime();
        Utilities.sleep(1500);
        var c = Date.now();
        SpreadsheetApp.flush();
        var d = new Date().getTime();
        return {
          times: [a, b, c, d],
          name: Date.name,
          called: typeof Date(),
          calledYear: Date().indexOf('2026') >= 0,
          parts: new Date(2026, 0, 2, 3, 4).getMonth(),
          epoch: new Date(0).getTime(),
          utc: Date.UTC(2026, 10, 25),
          parsed: Date.parse('2026-11-25T00:00:00Z'),
          isDate: new Date() instanceof Date,
        };
      }`);
    expect(Date.now()).not.toBe(NINE_AM); // the host's clock is not the modeled one
    const result = emulator.run('clock');
    expect(result.value).toEqual({
      times: [NINE_AM, NINE_AM, NINE_AM + 1500, NINE_AM + 1500 + LATENCY.sheetsCommitMs],
      name: 'Date',
      called: 'string',
      calledYear: true,
      parts: 0,
      epoch: 0,
      utc: Date.UTC(2026, 10, 25),
      parsed: Date.UTC(2026, 10, 25),
      isDate: true,
    });
    expect(emulator.runtime.now).toBe(NINE_AM + 1500 + LATENCY.sheetsCommitMs);

    // A later day: the clock starts at 09:00 in the spreadsheet's zone (BST does not apply in November).
    emulator.setDay('2026-11-26');
    expect((emulator.run('clock').value as { times: number[] }).times[0]).toBe(startOfDay('2026-11-26', TZ, 9));
    expect(() => emulator.setDay('2026-11-20')).toThrow(/time only moves forward/);
  });

  test('Dates and arrays returned by getValues belong to the script realm', () => {
    const emulator = emulatorFor(
      `function dates() {
        var range = SpreadsheetApp.getActiveSheet().getRange('A2:B2');
        var values = range.getValues();
        var d = values[0][0];
        return {
          isDate: d instanceof Date,
          prototype: Object.getPrototypeOf(d) === Date.prototype,
          constructor: d.constructor === Date,
          tag: Object.prototype.toString.call(d),
          time: d.getTime(),
          arrays: values instanceof Array && values[0] instanceof Array,
          single: range.getCell(1, 1).getValue() instanceof Date,
          other: [typeof values[0][1], values[0][1]],
        };
      }`,
      MANIFEST,
      'Applied,Notes\n2026-11-20,hello\n',
    );
    expect(emulator.run('dates').value).toEqual({
      isDate: true,
      prototype: true,
      constructor: true,
      tag: '[object Date]',
      time: startOfDay('2026-11-20', TZ),
      arrays: true,
      single: true,
      other: ['string', 'hello'],
    });
  });

  test('calls are counted per service and modeledMs follows the latency table', () => {
    const emulator = emulatorFor(`
      function sequence() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Applications');   // 2 calls
        var range = sheet.getRange(1, 1, 10, 10);                                            // 1 call
        range.getValues();                                                                   // 100 cells
        var colours = [];
        for (var r = 0; r < 10; r++) { colours.push([]); for (var c = 0; c < 10; c++) colours[r].push('#f4c7c3'); }
        range.setBackgrounds(colours);                                                       // 100 cells
        PropertiesService.getDocumentProperties().getProperty('settings');                  // 2 calls
        Gmail.Users.Messages.list('me', { q: 'in:sent' });                                   // a REST call
        Gmail.Users.Drafts.create({ message: { raw: ${RAW_MIME} } }, 'me');                  // a draft write
        var lock = LockService.getDocumentLock();
        lock.tryLock(1000);
        lock.releaseLock();
        ScriptApp.getProjectTriggers();
        Utilities.formatDate(new Date(), 'Europe/London', 'yyyy-MM-dd');
        return Date.now();
      }`);
    const before = emulator.runtime.modeledMs;
    const result = emulator.run('sequence');
    expect(result.ok).toBe(true);
    expect(emulator.runtime.calls).toEqual({
      SpreadsheetApp: 5,
      PropertiesService: 2,
      Gmail: 2,
      LockService: 3,
      ScriptApp: 1,
      Utilities: 2,
    });
    // getActiveSpreadsheet, getSheetByName, getRange, getDocumentLock and getDocumentProperties make no round trip;
    // the setBackgrounds write stays in the write cache until the execution ends, which pays its commit.
    const commit = LATENCY.sheetsCommitMs + 100 * LATENCY.sheetsCommitPerCellMs;
    const beforeEnd =
      LATENCY.sheetsRoundTripMs +
      100 * LATENCY.sheetsReadPerCellMs +
      LATENCY.sheetsWriteMs +
      100 * LATENCY.sheetsWritePerCellMs +
      LATENCY.propertiesGetMs +
      LATENCY.gmailCallMs +
      LATENCY.draftWriteMs +
      2 * LATENCY.lockMs +
      LATENCY.scriptAppMs;
    const expected = beforeEnd + commit;
    expect(emulator.runtime.roundTrips).toEqual({
      SpreadsheetApp: 2,
      PropertiesService: 1,
      Gmail: 2,
      LockService: 2,
      ScriptApp: 1,
    });
    expect(emulator.runtime.modeledMs - before).toBeCloseTo(expected, 6);
    expect(result.modeledMs).toBeCloseTo(expected, 6);
    expect(result.value as number).toBeCloseTo(NINE_AM + beforeEnd, 6);
  });
});

describe('state', () => {
  test('fromJSON(JSON of toJSON()) gives the same sheet, drafts, properties, triggers and clock', () => {
    const emulator = emulatorFor(
      `function work() {
        var sheet = SpreadsheetApp.getActiveSheet();
        sheet.getRange('B2').setValue(new Date(2026, 10, 1)).setNumberFormat('d mmm yyyy');
        sheet.getRange('A2').setBackground('#fce8b2').setNote('a note');
        PropertiesService.getDocumentProperties().setProperty('settings', '{"yourName":"Alex"}');
        PropertiesService.getUserProperties().setProperty('seen', 'yes');
        ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(7).create();
        Gmail.Users.Drafts.create({ message: { raw: ${RAW_MIME} } }, 'me');
        Utilities.sleep(65000);
      }
      function read() {
        return {
          settings: PropertiesService.getDocumentProperties().getProperty('settings'),
          triggers: ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction(); }),
          drafts: Gmail.Users.Drafts.list('me').drafts.length,
          cell: SpreadsheetApp.getActiveSheet().getRange('B2').getDisplayValue(),
          note: SpreadsheetApp.getActiveSheet().getRange('A2').getNote(),
          background: SpreadsheetApp.getActiveSheet().getRange('A2').getBackground(),
          now: Date.now(),
        };
      }
      function tick() {}`,
      MANIFEST,
      'Company,Applied\nAcme,2026-11-20\n',
    );
    expect(emulator.run('work').ok).toBe(true);
    const copy = Emulator.fromJSON(JSON.parse(JSON.stringify(emulator.toJSON())), { distDir: distOf.get(emulator)! });
    expect(copy.displayValues('Applications')).toEqual(emulator.displayValues('Applications'));
    expect(copy.displayValues('Applications')[1]).toEqual(['Acme', '1 Nov 2026']);
    expect(copy.backgrounds('Applications')).toEqual(emulator.backgrounds('Applications'));
    expect(copy.drafts()).toEqual(emulator.drafts());
    expect(copy.drafts()).toHaveLength(1);
    expect(copy.state.platform.properties).toEqual(emulator.state.platform.properties);
    expect(copy.state.platform.triggers).toEqual(emulator.state.platform.triggers);
    expect(copy.runtime.now).toBe(emulator.runtime.now);
    expect(copy.runtime.now).toBeGreaterThanOrEqual(NINE_AM + 65_000);
    expect(JSON.stringify(copy.toJSON())).toBe(JSON.stringify(emulator.toJSON()));

    // Both go on alike.
    const a = emulator.run('read');
    const b = copy.run('read');
    expect(b.value).toEqual(a.value);
    expect(b.value).toMatchObject({
      settings: '{"yourName":"Alex"}',
      triggers: ['tick'],
      drafts: 1,
      cell: '1 Nov 2026',
      note: 'a note',
      background: '#fce8b2',
    });
  });

  test('fromJSON refuses what is not a saved state', () => {
    expect(() => Emulator.fromJSON({ version: 2 }, { distDir: DIST })).toThrow('not an emulator state file');
    expect(() => Emulator.fromJSON(null, { distDir: DIST })).toThrow('not an emulator state file');
  });
});

describe('the real add-on (dist/ built from src/)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
  });

  function exportsOfMain(): string[] {
    const source = readFileSync(join(ROOT, 'src', 'main.ts'), 'utf8');
    return [...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]!).sort();
  }

  function sampleEmulator(): Emulator {
    const read = (file: string) => fillSampleDates(readFileSync(join(ROOT, 'examples', file), 'utf8'), TODAY);
    const emulator = Emulator.create({
      today: TODAY,
      timeZone: TZ,
      locale: 'en_GB',
      distDir: DIST,
      mailbox: mailboxFromFile(JSON.parse(read('sample-mailbox.json'))),
    });
    loadCsvIntoSheet(emulator.state.spreadsheet, 'Applications', read('sample-tracker.csv'));
    const saved = emulator.run('saveSettings', 'menu', [JSON.parse(read('sample-settings.json'))]);
    expect(saved).toMatchObject({ ok: true, value: { ok: true } });
    return emulator;
  }

  test('every export of src/main.ts is a handler the emulator runs', () => {
    const emulator = sampleEmulator();
    const preview = emulator.run('getPreview');
    const [first, second] = (preview.value as { rows: { rowKey: string }[] }).rows.map((r) => r.rowKey);
    const ARGS: Record<string, unknown[]> = {
      createDrafts: [[first]],
      skipFollowUp: [second, '2026-12-01'],
      selectRow: ['Applications', 2],
      saveSettings: [{ yourName: 'Alex Doe' }],
    };
    const MODE: Record<string, 'simple-trigger' | 'time-trigger'> = {
      onOpen: 'simple-trigger',
      onInstall: 'simple-trigger',
      dailyRun: 'time-trigger',
    };
    const names = exportsOfMain();
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'draftFollowUps', 'dailyRun', 'saveSettings']));
    // The two that act on one preview row first, before other handlers draft everything.
    const order = [
      'skipFollowUp',
      'createDrafts',
      ...names.filter((n) => n !== 'skipFollowUp' && n !== 'createDrafts'),
    ];
    const failures = order
      .map((name) => emulator.run(name, MODE[name] ?? 'menu', ARGS[name] ?? []))
      .filter((r) => !r.ok)
      .map((r) => `${r.handler}: ${r.error}`);
    expect(failures).toEqual([]);
    expect(emulator.run('notAHandler')).toMatchObject({ ok: false, error: 'Script function not found: notAHandler' });
  });

  test('onOpen as a simple trigger lists the docs/RULES.md §6 menu, each item calling an existing handler', () => {
    const emulator = sampleEmulator();
    const callsBefore = { ...emulator.runtime.calls };
    expect(emulator.run('onOpen', 'simple-trigger')).toMatchObject({ ok: true });
    expect(emulator.uiLog.menus).toHaveLength(1);
    const menu = emulator.uiLog.menus[0]!;
    expect(menu).toMatchObject({ caption: 'Follow-ups', addon: false });
    expect(emulator.uiLog.menuItemCaptions()).toEqual(expect.arrayContaining(MENU));
    const handlers = new Set(exportsOfMain());
    const items = menu.items.filter(
      (i): i is { caption: string; functionName: string } => i !== '---' && 'functionName' in i,
    );
    expect(items.filter((i) => !handlers.has(i.functionName))).toEqual([]);
    for (const service of ['Gmail', 'ScriptApp']) expect(emulator.runtime.calls[service]).toBe(callsBefore[service]);

    // It reads no properties either, so it also opens under the stricter reading of simple triggers.
    const strict = Emulator.fromJSON(JSON.parse(JSON.stringify(emulator.toJSON())), {
      distDir: DIST,
      propertiesInSimpleTrigger: 'deny',
    });
    expect(strict.run('onOpen', 'simple-trigger')).toMatchObject({ ok: true });
    expect(strict.uiLog.menuItemCaptions()).toEqual(emulator.uiLog.menuItemCaptions());
  });

  test('as an add-on in AuthMode.NONE onOpen uses createAddonMenu and touches nothing needing authorisation', () => {
    const emulator = sampleEmulator();
    const callsBefore = { ...emulator.runtime.calls };
    expect(emulator.run('onOpen', 'addon-none')).toMatchObject({ ok: true });
    expect(emulator.uiLog.menus.map((m) => ({ caption: m.caption, addon: m.addon }))).toEqual([
      { caption: 'Follow-ups', addon: true },
    ]);
    expect(emulator.uiLog.menuItemCaptions()).toEqual(expect.arrayContaining(MENU));
    const used = Object.keys(emulator.runtime.calls).filter((s) => emulator.runtime.calls[s] !== callsBefore[s]);
    expect(used).toEqual(['SpreadsheetApp']);
  });

  test('the add-on state round-trips through JSON and the copy carries on without drafting twice', () => {
    const emulator = sampleEmulator();
    expect(emulator.run('draftFollowUps').ok).toBe(true);
    expect(emulator.run('turnOnDailyDrafts').ok).toBe(true);
    const drafts = emulator.drafts();
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    const copy = Emulator.fromJSON(JSON.parse(JSON.stringify(emulator.toJSON())), { distDir: DIST });
    expect(copy.displayValues('Applications')).toEqual(emulator.displayValues('Applications'));
    expect(copy.backgrounds('Applications')).toEqual(emulator.backgrounds('Applications'));
    expect(copy.drafts()).toEqual(drafts);
    expect(copy.state.platform).toEqual(emulator.state.platform);
    expect(copy.state.platform.triggers.map((t) => t.handler)).toEqual(['dailyRun']);
    expect(copy.runtime.now).toBe(emulator.runtime.now);

    copy.setDay('2026-11-26');
    const fired = copy.fireDailyTriggers();
    expect(fired).toMatchObject([{ handler: 'dailyRun', mode: 'time-trigger', ok: true }]);
    expect(copy.drafts().map((d) => d.id)).toEqual(drafts.map((d) => d.id));
  });
});
