/** SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs, all recorded in the UiLog. */
import type { Ctx } from './context';
import { HtmlOutputFake } from './html';
import type { ButtonName, ButtonSetName, MenuEntry } from './uilog';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type Button = GoogleAppsScript.Base.Button;

export const UI_SCOPE = 'https://www.googleapis.com/auth/script.container.ui';

const BUTTON = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
const BUTTON_SET = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});

function isButtonSet(value: unknown): value is ButtonSetName {
  return typeof value === 'string' && value in BUTTON_SET;
}

function copyEntries(entries: MenuEntry[]): MenuEntry[] {
  return entries.map((e) =>
    e === '---' || 'functionName' in e ? e : { caption: e.caption, items: copyEntries(e.items) },
  );
}

export class MenuFake implements Pick<Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly self: Menu;
  readonly items: MenuEntry[] = [];

  constructor(
    private readonly ctx: Ctx,
    readonly caption: string,
    readonly addon: boolean,
  ) {
    this.self = ctx.wrap('Menu', this);
  }

  addItem(caption: string, functionName: string): Menu {
    this.ctx.charge('Menu.addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw this.ctx.signatureError('Ui.Menu.addItem', [caption, functionName]);
    }
    this.items.push({ caption, functionName });
    return this.self;
  }

  addSeparator(): Menu {
    this.ctx.charge('Menu.addSeparator');
    this.items.push('---');
    return this.self;
  }

  addSubMenu(menu: Menu): Menu {
    this.ctx.charge('Menu.addSubMenu');
    const sub = this.ctx.unwrap(menu, MenuFake);
    if (!sub) throw this.ctx.signatureError('Ui.Menu.addSubMenu', [menu]);
    this.items.push({ caption: sub.caption, items: sub.items });
    return this.self;
  }

  /** Records the menu; adding a menu with the same caption again replaces it, as reopening the file would. */
  addToUi(): void {
    this.ctx.charge('Menu.addToUi');
    const { menus } = this.ctx.uiLog;
    const record = { caption: this.caption, addon: this.addon, items: copyEntries(this.items) };
    const existing = menus.findIndex((m) => m.caption === this.caption && m.addon === this.addon);
    if (existing >= 0) menus[existing] = record;
    else menus.push(record);
  }
}

type UiMethods =
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'createAddonMenu'
  | 'createMenu'
  | 'prompt'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'showSidebar';

export class PromptResponseFake
  implements Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'>
{
  readonly self: GoogleAppsScript.Base.PromptResponse;
  constructor(
    private readonly ctx: Ctx,
    private readonly button: ButtonName,
    private readonly text: string,
  ) {
    this.self = ctx.wrap('PromptResponse', this);
  }

  getResponseText(): string {
    this.ctx.charge('PromptResponse.getResponseText');
    return this.text;
  }

  getSelectedButton(): Button {
    this.ctx.charge('PromptResponse.getSelectedButton');
    return this.button as unknown as Button;
  }
}

export class UiFake implements Pick<Ui, UiMethods> {
  readonly self: Ui;
  readonly Button = BUTTON as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(private readonly ctx: Ctx) {
    this.self = ctx.wrap('Ui', this);
  }

  /**
   * Dialogs and sidebars need the user's authorization: a simple trigger (onOpen) or an add-on not yet used in
   * the document may build menus only ("You do not have permission to call Ui.showSidebar").
   */
  private requireAuthorized(method: string): void {
    this.ctx.rt.requireAuthorization(`Ui.${method}`, UI_SCOPE);
  }

  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons) as title, message and buttons. */
  private dialogArgs(method: string, args: unknown[]): { title: string; message: string; buttons: ButtonSetName } {
    const [a, b, c] = args;
    if (args.length === 1 && typeof a === 'string') return { title: '', message: a, buttons: 'OK' };
    if (args.length === 2 && typeof a === 'string' && isButtonSet(b)) return { title: '', message: a, buttons: b };
    if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && isButtonSet(c)) {
      return { title: a, message: b, buttons: c };
    }
    throw this.ctx.signatureError(`Ui.${method}`, args);
  }

  alert(...args: unknown[]): Button {
    this.ctx.charge('Ui.alert');
    const { title, message, buttons } = this.dialogArgs('alert', args);
    this.requireAuthorized('alert');
    const { button } = this.ctx.uiLog.takeResponse(buttons, 'alert');
    this.ctx.uiLog.alerts.push({ title, message, buttons, response: button });
    return button as unknown as Button;
  }

  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    this.ctx.charge('Ui.prompt');
    const { title, message, buttons } = this.dialogArgs('prompt', args);
    this.requireAuthorized('prompt');
    const { button, text } = this.ctx.uiLog.takeResponse(buttons, 'prompt');
    this.ctx.uiLog.prompts.push({ title, message, buttons, response: button, responseText: text });
    return new PromptResponseFake(this.ctx, button, text).self;
  }

  createMenu(caption: string): Menu {
    this.ctx.charge('Ui.createMenu');
    if (typeof caption !== 'string') throw this.ctx.signatureError('Ui.createMenu', [caption]);
    return new MenuFake(this.ctx, caption, false).self;
  }

  createAddonMenu(): Menu {
    this.ctx.charge('Ui.createAddonMenu');
    return new MenuFake(this.ctx, this.ctx.options.addonName ?? 'Add-on', true).self;
  }

  private show(method: string, kind: 'sidebar' | 'modal' | 'modeless', output: unknown, title: unknown): void {
    const fake = this.ctx.unwrap(output, HtmlOutputFake);
    if (!fake || (kind !== 'sidebar' && typeof title !== 'string')) {
      throw this.ctx.signatureError(`Ui.${method}`, kind === 'sidebar' ? [output] : [output, title]);
    }
    this.requireAuthorized(method);
    this.ctx.uiLog.dialogs.push({
      kind,
      title: kind === 'sidebar' ? fake.title : String(title),
      html: fake.content,
      width: fake.width,
      height: fake.height,
    });
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.ctx.charge('Ui.showSidebar');
    this.show('showSidebar', 'sidebar', userInterface, undefined);
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.ctx.charge('Ui.showModalDialog');
    this.show('showModalDialog', 'modal', userInterface, title);
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.ctx.charge('Ui.showModelessDialog');
    this.show('showModelessDialog', 'modeless', userInterface, title);
  }
}
