/** Wires the Apps Script adapters into the ports every command runs over: one set per execution. */
import type { CommandDeps } from '../app/commands';
import type { FieldCheckDeps } from '../app/field-check';
import { GmailFieldProbe } from './field-check';
import { GmailMailbox } from './gmail';
import { DocumentLock, DocumentStore, systemClock, TriggerScheduler } from './platform';
import { SpreadsheetWorkbook } from './sheets';
import { SpreadsheetUi } from './ui';

function deps(withUi: boolean): CommandDeps {
  const workbook = new SpreadsheetWorkbook();
  // One mailbox per execution, so the run's users.getProfile call (cached by the mailbox) is made once.
  let opened: GmailMailbox | null | undefined;
  const mailbox = (): GmailMailbox | null => {
    if (opened === undefined) opened = GmailMailbox.open();
    return opened;
  };
  return {
    clock: systemClock,
    workbook,
    store: new DocumentStore(),
    mailbox,
    ownAddresses: () => {
      // The account's address and its send-as aliases; with Gmail off there is none to compare.
      const gmail = mailbox();
      return gmail ? [...new Set([gmail.myAddress(), ...gmail.sendAsAddresses()])].filter((a) => a !== '') : [];
    },
    lock: new DocumentLock(),
    ui: withUi ? new SpreadsheetUi(workbook.spreadsheet) : null,
    scheduler: new TriggerScheduler(),
  };
}

/** For a person's click (menu, sidebar, dialog): the UI is there. */
export const menuDeps = (): CommandDeps => deps(true);

/** For the time-driven trigger: no UI at all (SpreadsheetApp.getUi throws there). */
export const triggerDeps = (): CommandDeps => deps(false);

/** For the field check: a person's click, plus the probe's own Gmail questions. */
export const fieldCheckDeps = (): FieldCheckDeps => ({ ...deps(true), fieldProbe: () => GmailFieldProbe.open() });
