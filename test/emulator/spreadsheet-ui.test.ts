/** SpreadsheetApp.getUi() (menus, toasts, alerts, prompts, sidebars, dialogs) and HtmlService. */
import * as vm from 'node:vm';
import { type ExecutionMode, Runtime } from '../../emulator/runtime';
import { createSpreadsheetService, createSpreadsheetState, UI_SCOPE } from '../../emulator/spreadsheet';

const FILES: Record<string, string> = {
  Sidebar: '<h1>Follow-ups</h1>',
  Preview: '<ul><? for (const r of rows) { ?><li><?= r ?></li><? } ?></ul><?!= footer ?>',
  Uses: '<p><?= greet(name) ?></p>',
};

function setup(mode: ExecutionMode = 'menu', scriptFunction?: FunctionConstructor) {
  const runtime = new Runtime(Date.UTC(2026, 10, 25, 9));
  const state = createSpreadsheetState({ timeZone: 'Europe/London', locale: 'en_GB' });
  const services = createSpreadsheetService(runtime, state, {
    htmlFiles: (name) => FILES[name] ?? null,
    addonName: 'Job Follow-ups',
    ...(scriptFunction ? { scriptFunction } : {}),
  });
  runtime.begin(mode, 'test');
  return { runtime, state, ...services };
}

describe('menus', () => {
  it('records menus with items, separators and submenus', () => {
    const { SpreadsheetApp, uiLog } = setup('simple-trigger');
    const ui = SpreadsheetApp.getUi();
    ui.createMenu('Follow-ups')
      .addItem('Draft follow-ups', 'draftFollowUps')
      .addSeparator()
      .addSubMenu(ui.createMenu('Daily drafts').addItem('Turn on daily drafts', 'turnOnDaily'))
      .addToUi();
    ui.createAddonMenu().addItem('Score rows', 'scoreRows').addToUi();
    expect(uiLog.menus).toEqual([
      {
        caption: 'Follow-ups',
        addon: false,
        items: [
          { caption: 'Draft follow-ups', functionName: 'draftFollowUps' },
          '---',
          { caption: 'Daily drafts', items: [{ caption: 'Turn on daily drafts', functionName: 'turnOnDaily' }] },
        ],
      },
      { caption: 'Job Follow-ups', addon: true, items: [{ caption: 'Score rows', functionName: 'scoreRows' }] },
    ]);
    expect(uiLog.menuItemCaptions()).toEqual(['Draft follow-ups', 'Turn on daily drafts', 'Score rows']);
  });

  it('replaces a menu added again rather than stacking it', () => {
    const { SpreadsheetApp, uiLog } = setup();
    SpreadsheetApp.getUi().createMenu('Follow-ups').addItem('A', 'a').addToUi();
    SpreadsheetApp.getUi().createMenu('Follow-ups').addItem('B', 'b').addToUi();
    expect(uiLog.menus).toHaveLength(1);
    expect(uiLog.menus[0]!.items).toEqual([{ caption: 'B', functionName: 'b' }]);
  });

  it('refuses a menu item without a function name', () => {
    const { SpreadsheetApp } = setup();
    expect(() =>
      (SpreadsheetApp.getUi().createMenu('X') as unknown as { addItem(c: string): void }).addItem('Only caption'),
    ).toThrow("The parameters (String,null) don't match the method signature for Ui.Menu.addItem.");
  });
});

describe('toasts, alerts and prompts', () => {
  it('records toasts in every mode, including a time-driven trigger', () => {
    const { SpreadsheetApp, uiLog, runtime } = setup('time-trigger');
    SpreadsheetApp.getActiveSpreadsheet().toast('Drafted 3 follow-ups', 'Follow-ups', 10);
    SpreadsheetApp.getActiveSpreadsheet().toast('Done');
    expect(uiLog.toasts).toEqual([
      { message: 'Drafted 3 follow-ups', title: 'Follow-ups', timeoutSeconds: 10, at: expect.any(Number) },
      { message: 'Done', title: '', timeoutSeconds: 5, at: runtime.now },
    ]);
  });

  it('answers alerts with the queued response, else the first button', () => {
    const { SpreadsheetApp, uiLog } = setup();
    const ui = SpreadsheetApp.getUi();
    uiLog.respond('NO');
    expect(ui.alert('Turn on?', 'Draft every morning?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Saved')).toBe(ui.Button.OK);
    expect(uiLog.alerts).toEqual([
      { title: 'Turn on?', message: 'Draft every morning?', buttons: 'YES_NO', response: 'NO' },
      { title: '', message: 'Saved', buttons: 'OK', response: 'OK' },
    ]);
  });

  it('refuses a queued response that the dialog does not offer', () => {
    const { SpreadsheetApp, uiLog } = setup();
    const ui = SpreadsheetApp.getUi();
    uiLog.respond('YES');
    expect(() => ui.alert('Saved')).toThrow('uiLog.respond: YES is not a button of a OK alert');
  });

  it('answers prompts with queued text, else CANCEL', () => {
    const { SpreadsheetApp, uiLog } = setup();
    const ui = SpreadsheetApp.getUi();
    uiLog.respond('OK', 'Alex Doe');
    const answered = ui.prompt('Your name', ui.ButtonSet.OK_CANCEL);
    expect([answered.getSelectedButton(), answered.getResponseText()]).toEqual([ui.Button.OK, 'Alex Doe']);
    const cancelled = ui.prompt('Your name', ui.ButtonSet.OK_CANCEL);
    expect([cancelled.getSelectedButton(), cancelled.getResponseText()]).toEqual([ui.Button.CANCEL, '']);
    expect(uiLog.prompts).toHaveLength(2);
    expect(uiLog.pendingResponses()).toBe(0);
  });

  it('refuses an alert with a button set it does not know', () => {
    const { SpreadsheetApp } = setup();
    expect(() => SpreadsheetApp.getUi().alert('t', 'm', 'MAYBE' as unknown as GoogleAppsScript.Base.ButtonSet)).toThrow(
      "The parameters (String,String,String) don't match the method signature for Ui.alert.",
    );
  });
});

describe('sidebars and dialogs', () => {
  it('records sidebars and dialogs with their HTML, title and size', () => {
    const { SpreadsheetApp, HtmlService, uiLog } = setup();
    const ui = SpreadsheetApp.getUi();
    ui.showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Follow-ups'));
    ui.showModalDialog(HtmlService.createHtmlOutput('<p>hi</p>').setWidth(400).setHeight(300), 'Preview');
    ui.showModelessDialog(HtmlService.createHtmlOutput().append('<b>x</b>').appendUntrusted('<i>'), 'Log');
    expect(uiLog.dialogs).toEqual([
      { kind: 'sidebar', title: 'Follow-ups', html: '<h1>Follow-ups</h1>', width: null, height: null },
      { kind: 'modal', title: 'Preview', html: '<p>hi</p>', width: 400, height: 300 },
      { kind: 'modeless', title: 'Log', html: '<b>x</b>&lt;i&gt;', width: null, height: null },
    ]);
  });

  it.each(['simple-trigger', 'addon-none'] as const)('cannot open a sidebar in %s mode', (mode) => {
    const { SpreadsheetApp, HtmlService } = setup(mode);
    expect(() => SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x'))).toThrow(
      `You do not have permission to call Ui.showSidebar. Required permissions: ${UI_SCOPE}`,
    );
  });

  it('refuses something that is not an HtmlOutput', () => {
    const { SpreadsheetApp } = setup();
    expect(() => SpreadsheetApp.getUi().showSidebar('<p>' as unknown as GoogleAppsScript.HTML.HtmlOutput)).toThrow(
      "The parameters (String) don't match the method signature for Ui.showSidebar.",
    );
  });
});

describe('HtmlService', () => {
  it('reports a missing file in Apps Script words', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow('No HTML file named Nope was found.');
    expect(() => HtmlService.createTemplateFromFile('Nope')).toThrow('No HTML file named Nope was found.');
  });

  it('evaluates templates: escaped and raw output, scriptlets and properties', () => {
    const { HtmlService } = setup();
    const template = HtmlService.createTemplateFromFile('Preview');
    template.rows = ['<b>Acme</b>', 'Beta & Co'];
    template.footer = '<hr>';
    const html = template.evaluate().getContent();
    expect(html).toBe('<ul><li>&lt;b&gt;Acme&lt;/b&gt;</li><li>Beta &amp; Co</li></ul><hr>');
    expect(template.getRawContent()).toBe(FILES.Preview);
  });

  it('fails on a name the template does not define', () => {
    const { HtmlService } = setup();
    expect(() => HtmlService.createTemplateFromFile('Uses').evaluate()).toThrow('greet is not defined');
  });

  it("runs scriptlets in the script's realm when given its Function, so they can call the script", () => {
    const context = vm.createContext({});
    vm.runInContext('function greet(n) { return "Hi " + n; }', context);
    const scriptFunction = vm.runInContext('Function', context) as FunctionConstructor;
    const { HtmlService } = setup('menu', scriptFunction);
    const template = HtmlService.createTemplateFromFile('Uses');
    template.name = 'Sam <3';
    expect(template.evaluate().getContent()).toBe('<p>Hi Sam &lt;3</p>');
  });

  it('keeps HtmlOutput state and counts calls under HtmlService', () => {
    const { HtmlService, runtime } = setup();
    const out = HtmlService.createHtmlOutput('<p>a</p>').setTitle('T').setContent('<p>b</p>');
    expect([out.getTitle(), out.getContent(), String(out)]).toEqual(['T', '<p>b</p>', 'HtmlOutput']);
    expect(runtime.calls.HtmlService).toBe(5);
    expect(() => (out as unknown as { getBlob(): void }).getBlob()).toThrow(
      'not implemented in the emulator: HtmlOutput.getBlob',
    );
  });
});
