/** Shared set-up for end-to-end tests: the built add-on in the emulator, with a tracker and a mailbox. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillSampleDates } from '../../emulator/cli';
import { Emulator, type ExecutionResult, startOfDay } from '../../emulator/emulator';
import { createMailboxState, type MailboxFileMessage, mailboxFromFile } from '../../emulator/gmail';
import { buildReport, type ReportRow } from '../../emulator/report';
import { loadCsvIntoSheet, parseTypedEntry, requireSheet } from '../../emulator/spreadsheet';
import { gridSet } from '../../emulator/spreadsheet/state';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const SHEET = 'Applications';

/** The Follow-ups menu of docs/RULES.md §6, as a person reads it. */
export const MENU = [
  'Draft follow-ups',
  'Score rows (colour only, no drafts)',
  'Preview follow-ups…',
  'Settings…',
  'Turn on daily drafts',
  'Turn off daily drafts',
  'Set up a tracker sheet',
  'Check setup',
  'Field check (for maintainers)',
];

export interface World {
  emulator: Emulator;
  run(handler: string, args?: unknown[]): ExecutionResult;
  rows(): ReportRow[];
  row(company: string): ReportRow;
  /** Display values of a column (by header) for a company's row. */
  cell(company: string, header: string): string;
  toasts(): string[];
  alerts(): string[];
}

export interface WorldOptions {
  today?: string;
  timeZone?: string;
  locale?: string;
  /** CSV text; `{{today-3}}` style dates are filled in. */
  csv?: string;
  messages?: MailboxFileMessage[];
  settings?: Record<string, unknown> | null;
  gmailEnabled?: boolean;
  /** Cells written straight into the sheet (row 1 = headers), after any CSV. */
  grid?: CellSpec[][];
}

/**
 * A cell as a test sets it up: text a person typed (read by typed entry: `=...` becomes a formula, ISO text a date),
 * text kept as it is (a plain-text cell, or typed with a leading apostrophe), a Date cell (midnight of a day in the
 * spreadsheet's zone), a number, a boolean, a real formula, or nothing.
 */
export type CellSpec =
  | { typed: string }
  | { text: string }
  | { date: string }
  | { number: number }
  | { bool: boolean }
  | { formula: string }
  | null;

/** Sets one cell (0-based row and column) as a person would, replacing its value or formula. */
export function putCell(emulator: Emulator, sheetName: string, row: number, column: number, spec: CellSpec): void {
  const state = emulator.state.spreadsheet;
  const sheet = requireSheet(state, sheetName);
  sheet.maxRows = Math.max(sheet.maxRows, row + 1);
  sheet.maxColumns = Math.max(sheet.maxColumns, column + 1);
  let value: unknown = null;
  let formula: string | null = null;
  let format: string | null | undefined;
  if (spec === null) value = null;
  else if ('typed' in spec) {
    const entry = parseTypedEntry(spec.typed, state.locale, state.timeZone);
    value = entry.value;
    formula = entry.formula;
    if (entry.format !== null) format = entry.format;
  } else if ('text' in spec) value = spec.text === '' ? null : spec.text;
  else if ('date' in spec) {
    value = { d: startOfDay(spec.date, state.timeZone) };
    format = 'yyyy-mm-dd';
  } else if ('number' in spec) value = spec.number;
  else if ('bool' in spec) value = spec.bool;
  else formula = spec.formula;
  gridSet(sheet.cells.values, row, column, value as never);
  gridSet(sheet.cells.formulas, row, column, formula);
  if (format !== undefined) gridSet(sheet.cells.formats, row, column, format);
}

/** Writes a grid of cells from A1. */
export function loadGrid(emulator: Emulator, sheetName: string, grid: readonly (readonly CellSpec[])[]): void {
  grid.forEach((line, r) => {
    line.forEach((spec, c) => {
      putCell(emulator, sheetName, r, c, spec);
    });
  });
}

export const ME = { email: 'alex@example.com', name: 'Alex Doe' };

export function sampleCsv(): string {
  return readFileSync(join(ROOT, 'examples', 'sample-tracker.csv'), 'utf8');
}

export function sampleMessages(today: string): MailboxFileMessage[] {
  return mailboxFromFileMessages(
    fillSampleDates(readFileSync(join(ROOT, 'examples', 'sample-mailbox.json'), 'utf8'), today),
  );
}

function mailboxFromFileMessages(json: string): MailboxFileMessage[] {
  return (JSON.parse(json) as { messages: MailboxFileMessage[] }).messages;
}

export function world(options: WorldOptions = {}): World {
  const today = options.today ?? '2026-11-25';
  const mailbox = options.messages
    ? mailboxFromFile({ me: ME, messages: options.messages.map((m) => ({ ...m })) })
    : createMailboxState(ME);
  const emulator = Emulator.create({
    today,
    timeZone: options.timeZone ?? 'Europe/London',
    locale: options.locale ?? 'en_GB',
    mailbox,
    distDir: DIST,
    ...(options.gmailEnabled === false ? { gmailEnabled: false } : {}),
  });
  if (options.csv !== undefined)
    loadCsvIntoSheet(emulator.state.spreadsheet, SHEET, fillSampleDates(options.csv, today));
  if (options.grid) loadGrid(emulator, SHEET, options.grid);
  const w = worldOver(emulator, today);
  if (options.settings !== null) {
    const saved = w.run('saveSettings', [options.settings ?? { yourName: 'Alex Doe' }]);
    if (!saved.ok || !(saved.value as { ok: boolean }).ok)
      throw new Error(`settings refused: ${JSON.stringify(saved)}`);
  }
  return w;
}

/** The World helpers over an emulator (a world reloaded from saved state, say); `today` is the report's day. */
export function worldOver(emulator: Emulator, today: string): World {
  const w: World = {
    emulator,
    run(handler, args = []) {
      return emulator.run(handler, 'menu', args);
    },
    rows() {
      return buildReport(emulator, { today, sent: [], errors: [] }).report.rows;
    },
    row(company) {
      const found = w.rows().find((r) => r.company === company);
      if (!found) throw new Error(`no row for ${company}`);
      return found;
    },
    cell(company, header) {
      const values = emulator.displayValues(SHEET);
      const column = values[0]!.indexOf(header);
      const line = values.find((l) => l.includes(company));
      if (column < 0 || !line) throw new Error(`no cell ${header} for ${company}`);
      return line[column] ?? '';
    },
    toasts: () => emulator.uiLog.toasts.map((t) => t.message),
    alerts: () => emulator.uiLog.alerts.map((a) => a.message),
  };
  return w;
}

/** Moves the emulated clock to 09:00 of a later day. */
export function nextDay(w: World, day: string): void {
  w.emulator.setDay(day, 9);
}
