/** The loader's strictness, continued: state round trips, and the real built add-on loaded (see loader.test.ts). */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillSampleDates } from '../../emulator/cli';
import { Emulator } from '../../emulator/emulator';
import { mailboxFromFile } from '../../emulator/gmail';
import { loadCsvIntoSheet } from '../../emulator/spreadsheet';
import { MENU } from '../e2e/harness';
import { DIST, distOf, emulatorFor, MANIFEST, NINE_AM, RAW_MIME, ROOT, TODAY, TZ } from './loader-setup';

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
    const [first, second, third] = (preview.value as { rows: { rowKey: string }[] }).rows.map((r) => r.rowKey);
    const ARGS: Record<string, unknown[]> = {
      createDrafts: [[first]],
      skipFollowUp: [second, '2026-12-01'],
      markRejected: [third],
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
