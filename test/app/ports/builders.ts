/**
 * Named builders for app tests: `aRow({...})` is one application by header, `aTracker(rows)` the sheet holding them,
 * `aMailbox()` the user's Gmail, `aRun()` every port a follow-up run needs, wired together.
 */

import type { RunDeps } from '../../../src/app/followups';
import type { CellValue } from '../../../src/core/cells';
import { MANAGED_HEADERS, MANAGED_KEYS } from '../../../src/core/columns';
import { FakeClock } from './clock';
import { InMemoryMailbox } from './mailbox';
import { InMemoryStore } from './store';
import { InMemorySheet, InMemoryWorkbook } from './tracker';

/** The user of every test mailbox. */
export const ME = 'sam.lee@example.com';
/** "Today" in every run unless a test says otherwise: 2026-12-07 09:00 in London (UTC+0 in December). */
export const NOW = Date.UTC(2026, 11, 7, 9, 0);
export const DAY_MS = 86_400_000;

/** A date cell: midnight of `iso` (yyyy-mm-dd) in London in winter, as Sheets hands a date back. */
export function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** `n` days before NOW's day, as a date cell. */
export function daysAgo(n: number): Date {
  return new Date(Date.UTC(2026, 11, 7) - n * DAY_MS);
}

export type RowSpec = Record<string, CellValue>;

/** One application: a company applied to 20 days ago with a recruiter to write to, overridden by `cells`. */
export function aRow(cells: RowSpec = {}): RowSpec {
  return {
    Company: 'Acme',
    Role: 'Engineer',
    Status: 'Applied',
    Applied: daysAgo(20),
    Recruiter: 'Jo Park',
    'Recruiter email': 'jo@acme.example',
    ...cells,
  };
}

/**
 * A sheet of these rows under the union of their headers (in order of first use); `headers` come first. `marked`:
 * the add-on ran on it before, so its managed headers (Draft, Due…) carry their marks (docs/RULES.md §1).
 */
export function aTracker(
  rows: RowSpec[],
  options: { name?: string; headers?: string[]; marked?: boolean } = {},
): InMemorySheet {
  const headers = [...(options.headers ?? [])];
  for (const row of rows) for (const h of Object.keys(row)) if (!headers.includes(h)) headers.push(h);
  const sheet = new InMemorySheet(options.name ?? 'Applications', [
    headers,
    ...rows.map((r) => headers.map((h) => r[h] ?? '')),
  ]);
  if (options.marked) {
    for (const key of MANAGED_KEYS) {
      const column = headers.indexOf(MANAGED_HEADERS[key]);
      if (column >= 0) sheet.marks.set(key, [column]);
    }
  }
  return sheet;
}

export function aMailbox(me = ME): InMemoryMailbox {
  return new InMemoryMailbox(me);
}

export interface TestRun {
  deps: RunDeps;
  clock: FakeClock;
  workbook: InMemoryWorkbook;
  sheet: InMemorySheet;
  store: InMemoryStore;
  mailbox: InMemoryMailbox;
}

/**
 * The ports of one run over `sheet`: the user named Sam Lee in the settings (so Gmail stages run), Gmail on, the
 * clock at NOW. `gmail: false` leaves the advanced service off; `settings` are merged into the stored ones.
 */
export function aRun(
  sheet: InMemorySheet,
  options: { mailbox?: InMemoryMailbox; settings?: Record<string, unknown>; gmail?: boolean; now?: number } = {},
): TestRun {
  const clock = new FakeClock(options.now ?? NOW);
  const workbook = new InMemoryWorkbook([sheet]);
  const store = new InMemoryStore({ settings: JSON.stringify({ yourName: 'Sam Lee', ...options.settings }) });
  const mailbox = options.mailbox ?? aMailbox();
  const deps: RunDeps = {
    clock,
    workbook,
    store,
    mailbox: () => (options.gmail === false ? null : mailbox),
    ownAddresses: () => [mailbox.me],
  };
  return { deps, clock, workbook, sheet, store, mailbox };
}
