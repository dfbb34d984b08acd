/** Shared set-up for end-to-end tests: the built add-on in the emulator, with a tracker and a mailbox. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillSampleDates } from '../../emulator/cli';
import { Emulator, type ExecutionResult } from '../../emulator/emulator';
import { createMailboxState, type MailboxFileMessage, mailboxFromFile } from '../../emulator/gmail';
import { buildReport, type ReportRow } from '../../emulator/report';
import { loadCsvIntoSheet } from '../../emulator/spreadsheet';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const SHEET = 'Applications';

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
  if (options.settings !== null) {
    const saved = w.run('saveSettings', [options.settings ?? { yourName: 'Alex Doe' }]);
    if (!saved.ok || !(saved.value as { ok: boolean }).ok)
      throw new Error(`settings refused: ${JSON.stringify(saved)}`);
  }
  return w;
}

/** Moves the emulated clock to 09:00 of a later day. */
export function nextDay(w: World, day: string): void {
  w.emulator.setDay(day, 9);
}
