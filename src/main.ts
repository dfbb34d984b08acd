/**
 * The only file that defines Apps Script globals: every export becomes a top-level function in dist/Code.js
 * (menus, triggers and google.script.run call those). Each handler is one line of wiring to a use case; the
 * functions the pages call are checked against ServerApi (src/server-contract.ts).
 */
import { fieldCheckDeps, menuDeps, triggerDeps } from './adapters/deps';
import { SpreadsheetWorkbook } from './adapters/sheets';
import { addMenu } from './adapters/ui';
import * as commands from './app/commands';
import { showFieldCheck } from './app/field-check';
import * as pages from './app/preview';
import { showCheckSetup } from './app/setup';
import type { Preview, SaveSettingsResult, SettingsForm } from './core/pages';

type OpenEvent = GoogleAppsScript.Events.SheetsOnOpen;

/** Simple trigger: builds the menu, touching nothing that needs authorisation. */
export function onOpen(e?: OpenEvent): void {
  addMenu(e);
}

/** Installing the add-on shows the menu without reloading. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  addMenu(e as OpenEvent | undefined);
}

export function draftFollowUps(): void {
  commands.draftFollowUps(menuDeps());
}

export function scoreApplications(): void {
  commands.scoreApplications(menuDeps());
}

/** The daily time-driven trigger: no UI calls at all. */
export function dailyRun(): void {
  commands.dailyRun(triggerDeps());
}

export function turnOnDailyDrafts(): void {
  commands.turnOnDailyDrafts(menuDeps());
}

export function turnOffDailyDrafts(): void {
  commands.turnOffDailyDrafts(menuDeps());
}

export function setUpTrackerSheet(): void {
  commands.setUpTrackerSheet(menuDeps());
}

export function checkSetup(): void {
  showCheckSetup(menuDeps());
}

/** Maintainers: confirms in a real account what the emulator assumes (README "Field check"). */
export function fieldCheck(): void {
  showFieldCheck(fieldCheckDeps());
}

export function showPreview(): void {
  pages.showPreview(menuDeps());
}

export function showSettings(): void {
  pages.showSettings(menuDeps());
}

// Called from the pages with google.script.run (arguments arrive as the page sent them: checked before use).

export function getPreview(): Preview {
  return pages.getPreview(menuDeps());
}

export function createDrafts(rowKeys: string[]): Preview {
  return pages.createDrafts(menuDeps(), Array.isArray(rowKeys) ? rowKeys.map(String) : []);
}

export function createAllDrafts(): Preview {
  return pages.createDrafts(menuDeps());
}

export function skipFollowUp(rowKey: string, untilIso: string): Preview {
  return pages.skipFollowUp(menuDeps(), String(rowKey), String(untilIso));
}

export function markRejected(rowKey: string): Preview {
  return pages.markRejected(menuDeps(), String(rowKey));
}

export function selectRow(sheetName: string, row: number): void {
  new SpreadsheetWorkbook().selectRow(String(sheetName), Number(row));
}

export function getSettingsForm(): SettingsForm {
  return pages.getSettingsForm(menuDeps());
}

export function saveSettings(values: Record<string, unknown>): SaveSettingsResult {
  return pages.saveSettingsForm(menuDeps(), values && typeof values === 'object' ? values : {});
}
