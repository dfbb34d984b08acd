/** A Spreadsheet service over a fresh state for the emulator's spreadsheet tests, and a helper to catch errors. */
import { Runtime } from '../../emulator/runtime';
import { createSpreadsheetService, createSpreadsheetState } from '../../emulator/spreadsheet';

/** 2026-11-25 09:00 UTC, the emulated clock of these tests. */
export const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);

export function setup(options: { timeZone?: string; locale?: string; userEmail?: string } = {}) {
  const runtime = new Runtime(NOW);
  const state = createSpreadsheetState({
    timeZone: options.timeZone ?? 'Europe/London',
    locale: options.locale ?? 'en_GB',
    sheetName: 'Applications',
  });
  const services = createSpreadsheetService(runtime, state, {
    htmlFiles: () => null,
    ...(options.userEmail ? { userEmail: options.userEmail } : {}),
  });
  runtime.begin('menu', 'test');
  const app = services.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Applications')!;
  return { runtime, state, app, ss, sheet, ...services };
}

export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}
