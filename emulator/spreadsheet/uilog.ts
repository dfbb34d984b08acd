/** The record of everything the script showed a person: menus, toasts, alerts, prompts, sidebars and dialogs. */

export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export interface MenuItemRecord {
  caption: string;
  functionName: string;
}

export interface SubMenuRecord {
  caption: string;
  items: MenuEntry[];
}

export type MenuEntry = MenuItemRecord | SubMenuRecord | '---';

export interface MenuRecord {
  caption: string;
  /** True for `createAddonMenu()` (the Extensions menu). */
  addon: boolean;
  items: MenuEntry[];
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
  /** Modeled time (epoch ms) when it was shown. */
  at: number;
}

export interface AlertRecord {
  title: string;
  message: string;
  buttons: ButtonSetName;
  response: ButtonName;
}

export interface PromptRecord extends AlertRecord {
  responseText: string;
}

export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}

export const BUTTONS_OF: Readonly<Record<ButtonSetName, readonly ButtonName[]>> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export class UiLog {
  readonly menus: MenuRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  private readonly queue: { button: ButtonName; text: string }[] = [];

  /**
   * Queues what the person does with the next alert or prompt: the button clicked (CLOSE = the dialog's close
   * box) and, for a prompt, the text typed. Without a queued response an alert gets its first button and a
   * prompt CANCEL (CLOSE when its buttons have no Cancel).
   */
  respond(button: ButtonName, text = ''): this {
    this.queue.push({ button, text });
    return this;
  }

  /** The next queued response for a dialog with these buttons. */
  takeResponse(buttons: ButtonSetName, kind: 'alert' | 'prompt'): { button: ButtonName; text: string } {
    const allowed = BUTTONS_OF[buttons];
    const next = this.queue.shift();
    if (next) {
      if (next.button !== 'CLOSE' && !allowed.includes(next.button)) {
        throw new Error(`uiLog.respond: ${next.button} is not a button of a ${buttons} ${kind}`);
      }
      return next;
    }
    if (kind === 'alert') return { button: allowed[0]!, text: '' };
    return { button: allowed.includes('CANCEL') ? 'CANCEL' : 'CLOSE', text: '' };
  }

  /** Every menu item caption in order, submenus flattened (what the report lists as `ui.menu`). */
  menuItemCaptions(): string[] {
    const out: string[] = [];
    const walk = (entries: MenuEntry[]) => {
      for (const e of entries) {
        if (e === '---') continue;
        if ('functionName' in e) out.push(e.caption);
        else walk(e.items);
      }
    };
    for (const menu of this.menus) walk(menu.items);
    return out;
  }

  /** Responses queued but never used (a test can assert that every expected dialog appeared). */
  pendingResponses(): number {
    return this.queue.length;
  }
}
