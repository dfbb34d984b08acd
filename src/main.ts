/**
 * The only file that defines Apps Script globals: every export becomes a top-level function in dist/Code.js
 * (menus, triggers and google.script.run call those). Each handler only wires adapters to a use case.
 */
import { GmailMailbox } from './adapters/gmail';
import { DocumentLock, DocumentStore, SpreadsheetUi, systemClock, TriggerScheduler } from './adapters/platform';
import { SpreadsheetWorkbook } from './adapters/sheets';
import * as commands from './app/commands';
import * as preview from './app/preview';
import { checkSetup as runCheckSetup } from './app/setup';

function deps(withUi: boolean): commands.CommandDeps {
  const workbook = new SpreadsheetWorkbook();
  return {
    clock: systemClock,
    workbook,
    store: new DocumentStore(),
    mailbox: () => GmailMailbox.open(),
    lock: new DocumentLock(),
    ui: withUi ? new SpreadsheetUi(workbook.spreadsheet) : null,
    scheduler: new TriggerScheduler(),
  };
}

/**
 * Simple trigger: builds the menu. As an editor add-on not yet used in this document (AuthMode.NONE) it may
 * only add the add-on menu and must touch nothing that needs authorisation.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const menu = e && e.authMode === ScriptApp.AuthMode.NONE ? ui.createAddonMenu() : ui.createMenu('Follow-ups');
  for (const item of commands.MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item[0], item[1]);
  }
  menu.addToUi();
}

/** Installing the add-on runs onOpen so the menu shows without reloading. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function draftFollowUps(): void {
  commands.draftFollowUps(deps(true));
}

export function scoreApplications(): void {
  commands.scoreApplications(deps(true));
}

/** The daily time-driven trigger: no UI calls at all. */
export function dailyRun(): void {
  commands.dailyRun(deps(false));
}

export function turnOnDailyDrafts(): void {
  commands.turnOnDailyDrafts(deps(true));
}

export function turnOffDailyDrafts(): void {
  commands.turnOffDailyDrafts(deps(true));
}

export function setUpTrackerSheet(): void {
  commands.setUpTrackerSheet(deps(true));
}

export function checkSetup(): void {
  const check = runCheckSetup(deps(true));
  const ui = SpreadsheetApp.getUi();
  ui.alert(check.ok ? 'Setup looks good' : 'Setup needs attention', check.lines.join('\n'), ui.ButtonSet.OK);
}

/** Injects data into a page built by scripts/build.mjs, at its INITIAL_DATA marker. */
function page(file: string, data: unknown): GoogleAppsScript.HTML.HtmlOutput {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const content = HtmlService.createHtmlOutputFromFile(file)
    .getContent()
    .replace('/*INITIAL_DATA*/null', () => json);
  return HtmlService.createHtmlOutput(content);
}

/** Menu: Preview follow-ups… (a 300 px sidebar, filled straight away with the preview). */
export function showPreview(): void {
  const output = page('sidebar', preview.getPreview(deps(true))).setTitle('Follow-ups');
  SpreadsheetApp.getUi().showSidebar(output);
}

/** Menu: Settings… (a dialog). */
export function showSettings(): void {
  const output = page('settings', preview.getSettingsForm(deps(true)))
    .setWidth(620)
    .setHeight(680);
  SpreadsheetApp.getUi().showModalDialog(output, 'Follow-up settings');
}

// Called from the pages with google.script.run.

export function getPreview(): preview.Preview {
  return preview.getPreview(deps(true));
}

export function createDrafts(rowKeys: string[]): preview.Preview {
  return preview.createDrafts(deps(true), Array.isArray(rowKeys) ? rowKeys.map(String) : []);
}

export function createAllDrafts(): preview.Preview {
  return preview.createDrafts(deps(true));
}

export function skipFollowUp(rowKey: string, untilIso: string): preview.Preview {
  return preview.skipFollowUp(deps(true), String(rowKey), String(untilIso));
}

export function selectRow(sheetName: string, row: number): void {
  new SpreadsheetWorkbook().selectRow(String(sheetName), Number(row));
}

export function getSettingsForm(): preview.SettingsForm {
  return preview.getSettingsForm(deps(true));
}

export function saveSettings(values: Record<string, unknown>): {
  ok: boolean;
  errors: { setting: string; message: string }[];
} {
  return preview.saveSettingsForm(deps(true), values && typeof values === 'object' ? values : {});
}
