/**
 * The spreadsheet's UI over SpreadsheetApp.getUi and HtmlService: the Follow-ups menu, toasts and alerts, and the
 * pages (sidebar, settings dialog) filled with their data before they show.
 */
import { MENU_ITEMS } from '../app/commands';
import type { PageName, Ui } from '../ports';

/**
 * Builds the Follow-ups menu. As an editor add-on not yet used in this document (AuthMode.NONE) the simple trigger
 * may only add the add-on menu and must touch nothing that needs authorisation.
 */
export function addMenu(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  const menu = e && e.authMode === ScriptApp.AuthMode.NONE ? ui.createAddonMenu() : ui.createMenu('Follow-ups');
  for (const item of MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item[0], item[1]);
  }
  menu.addToUi();
}

/** Injects data into a page built by scripts/build.mjs, at its INITIAL_DATA marker, escaped for a script tag. */
function page(file: PageName, data: unknown): GoogleAppsScript.HTML.HtmlOutput {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const content = HtmlService.createHtmlOutputFromFile(file)
    .getContent()
    .replace('/*INITIAL_DATA*/null', () => json);
  return HtmlService.createHtmlOutput(content);
}

export class SpreadsheetUi implements Ui {
  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {}

  toast(message: string): void {
    this.spreadsheet.toast(message, 'Follow-ups', 8);
  }

  alert(title: string, message: string): void {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  }

  showSidebar(file: PageName, title: string, data: unknown): void {
    SpreadsheetApp.getUi().showSidebar(page(file, data).setTitle(title));
  }

  showDialog(file: PageName, title: string, data: unknown, size: { width: number; height: number }): void {
    SpreadsheetApp.getUi().showModalDialog(page(file, data).setWidth(size.width).setHeight(size.height), title);
  }
}
