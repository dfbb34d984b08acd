import { Emulator, startOfDay } from '../../emulator/emulator';
import { MAX_STORE_BYTES, MAX_TRIGGERS_PER_USER, MAX_VALUE_BYTES } from '../../emulator/platform';
import { MAX_EXECUTION_MS } from '../../emulator/runtime';
import { emulatorFor, fakeDist, LATENCY, MANIFEST, NINE_AM, RAW_MIME, TODAY, TZ } from './loader-setup';

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
