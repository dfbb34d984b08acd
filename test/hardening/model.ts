/**
 * The hardening model: generated trackers (headers and hostile cells), the things a person and Google do between
 * runs, and the invariants checked after every step. The invariants read the emulator's state directly (the sheet's
 * cells, the mailbox's raw MIME, the document properties) and are written from docs/RULES.md, not from the add-on's code:
 * header matching and the recording rule are re-derived here.
 *
 * After every run of the add-on: it did not fail (unless a fault allowed it) and showed no unexpected message;
 * user cells (values, formulas, notes, colours, the header row) are unchanged except Heard back, Thank-you sent and
 * Last follow-up filled when blank or moved to a later date, and Follow-ups sent going up by one (or back to 1) with
 * Last follow-up; it added only its own columns, none twice; every formula it wrote is its own Gmail link, current
 * after a drafting run; the journal is empty after a clean run. After every step: each new draft has clean MIME
 * headers (no bare CR/LF, only the expected fields), an HTML body that is the escaped plain text in the add-on's
 * frame, one valid To address taken from its own row, and is recorded in a Draft cell or the journal; no row has two
 * live drafts for one action, nor a live draft for an action whose draft the person scheduled. After every run, the
 * invariants about employers' answers of mail-invariants.ts: no check-in after a rejection that still applies to its
 * row, no answer recorded from an acknowledgement alone.
 */

import fc from 'fast-check';
import { type Emulator, startOfDay } from '../../emulator/emulator';
import { type MailboxFileMessage, parseAddressList } from '../../emulator/gmail';
import { parseTopHeaders } from '../../emulator/gmail/mime';
import { newMessageId } from '../../emulator/gmail/state';
import type { CallInfo } from '../../emulator/runtime';
import { cellValue, columnMetadata, moveColumnTo } from '../../emulator/spreadsheet';
import { gridGet, lastColumn, lastRow, requireSheet, type SheetState } from '../../emulator/spreadsheet/state';
import { DISTINCT_HEADERS } from '../../src/app/managed-columns';
import { readDate } from '../../src/core/cells';
import { COLUMN_HEADERS, type ColumnKey, MANAGED_HEADERS, type ManagedKey } from '../../src/core/columns';
import { fromIso } from '../../src/core/dates';
import { PROMPTS } from '../../src/core/templates';
import { type CellSpec, ME, putCell, SHEET, type World, world } from '../e2e/harness';
import { MailLedger } from './mail-invariants';
import { type MailStep, mailStepArb } from './mail-steps';

export const TODAY = '2026-11-25';
/** `FUZZ_RUNS=2000 npm run fuzz` raises every property's run count; `FUZZ_SEED` changes the seed. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 0;
export const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
export function runs(quick: number): number {
  return FUZZ_RUNS > 0 ? FUZZ_RUNS : quick;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

/** Text chosen to break things: markup, header injection, formula look-alikes, placeholders, odd Unicode. */
export const HOSTILE_TEXT = [
  'Acme',
  'Ünïcödé GmbH',
  '株式会社テスト',
  '🚀 Rocket Inc 👩‍💻',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'Tom & Jerry "Ltd"',
  "O'Reilly & Sons",
  '</p><p>injected',
  'a<br>b',
  '<span style="background:#fff2cc">x</span>',
  '&amp; &lt; &#39;',
  'line1\r\nBcc: evil@evil.example',
  'one\ntwo',
  'one\r\n\r\ntwo\n\n\nthree',
  '\r\n',
  '=HYPERLINK("http://evil.example","click")',
  '=1+1',
  '+1-555-0100',
  '-2',
  '@SUM(1)',
  "'quoted",
  '{{yourName}} {{#notes}}x{{/notes}}',
  '{{nope}}',
  'tab\there',
  'sep\u2028line\u2029para',
  'nul\u0000bell\u0007',
  'Subject: hi',
  '=?UTF-8?B?PHNjcmlwdD4=?=',
  ' padded ',
  'x'.repeat(5000),
  '😀'.repeat(400),
  '\u202eRTL override',
];

const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** Text a person typed (typed entry: `=` makes a formula) or text kept verbatim (a plain-text cell). */
export const textCell: fc.Arbitrary<CellSpec> = fc.oneof(
  hostileText.map((s) => ({ typed: s })),
  hostileText.map((s) => ({ text: s })),
);

const FORMULAS = [
  '=1+1',
  '=UPPER("acme")',
  '=HYPERLINK("http://evil.example","click me")',
  '=CONCATENATE("sam","@acme.example")',
  '=IF(TRUE,"yes","no")',
  '=NOSUCHFUNCTION()',
  '=1/0',
];
const formulaCell: fc.Arbitrary<CellSpec> = fc.constantFrom(...FORMULAS).map((f) => ({ formula: f }));

const blankCell: fc.Arbitrary<CellSpec> = fc.constantFrom<CellSpec>(null, { text: '   ' }, { typed: '' });

function isoPlus(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date near today in one of the ways people and Sheets hold dates, or an impossible or unreadable one. */
export const dateCell: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 14, arbitrary: fc.integer({ min: -70, max: 8 }).chain((offset) => dateForms(isoPlus(TODAY, offset))) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<CellSpec>(
      { typed: '2026-02-30' },
      { typed: '31/04/2026' },
      { typed: '13/13/2026' },
      { text: 'next Tuesday' },
      { text: 'sometime' },
      { number: -5 },
      { number: 1e12 },
      { bool: true },
      { text: '0000-00-00' },
      { text: '9999-12-31' },
    ),
  },
  { weight: 1, arbitrary: blankCell },
  { weight: 1, arbitrary: formulaCell },
);

function dateForms(iso: string): fc.Arbitrary<CellSpec> {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return fc.constantFrom<CellSpec>(
    { date: iso },
    { typed: iso },
    { text: iso },
    { typed: `${d}/${m}/${y}` },
    { typed: `${m}/${d}/${y}` },
    { text: `${d} ${MONTHS[m - 1]} ${y}` },
    { text: `${MONTHS[m - 1]} ${d}, ${y}` },
    { number: Math.round(startOfDay(iso, 'UTC') / 86_400_000) + 25_569 },
  );
}

const expectedCell: fc.Arbitrary<CellSpec> = fc.oneof(
  dateCell,
  fc
    .constantFrom('Friday', 'by Friday', 'end of the week', 'end of next week', 'in 2 weeks', '10 days', '24 hours')
    .map((s) => ({ text: s })),
  textCell,
);

export const CONTACTS = [
  'sam@acme.example',
  'kim@globex.example',
  'Jo.Park@Umbrella.example',
  'x+tag@sub.example.co.uk',
  "o'brien@initech.example",
];

const INVALID_EMAILS = [
  'sam@',
  'not an email',
  'a@b',
  'sam@acme.example, kim@globex.example',
  'Sam <sam@acme.example>',
  'sam@acme.example\r\nBcc: evil@evil.example',
  'kim@globex.example\nCc: evil@evil.example',
  'sam@acme..example',
  'sam@-acme.example',
  '"evil@evil.example"@acme.example',
  'sam@acme.example>',
  '<kim@globex.example',
];

const emailCell: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CONTACTS).map((s) => ({ typed: s })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...CONTACTS).map((s) => ({ typed: ` mailto:${s.toUpperCase()} ` })),
  },
  { weight: 2, arbitrary: fc.constantFrom(...INVALID_EMAILS).map((s) => ({ text: s })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<CellSpec>({ formula: '=CONCATENATE("sam","@acme.example")' }, null),
  },
);

const NAMES = [
  'Sam Lee',
  'Dr. Kim Park',
  'Zoë "Z" Ünal',
  'Lee, Sam',
  '<b>Bob</b>',
  'Ann\r\nBcc: evil@evil.example',
  'Ms',
  '  ',
  '😀 Emoji',
  'Jo (she/her)',
];
const nameCell: fc.Arbitrary<CellSpec> = fc.oneof(
  fc.constantFrom(...NAMES).map((s) => ({ typed: s })),
  textCell,
);

const yesCell: fc.Arbitrary<CellSpec> = fc.oneof(
  fc.constantFrom<CellSpec>(
    null,
    { typed: 'yes' },
    { typed: 'TRUE' },
    { bool: true },
    { bool: false },
    { text: 'x' },
    { text: '✓' },
    { text: 'no' },
    { text: 'maybe later' },
  ),
  dateCell,
);

const countCell: fc.Arbitrary<CellSpec> = fc.constantFrom<CellSpec>(
  null,
  { number: 0 },
  { number: 1 },
  { number: 2 },
  { number: 3 },
  { number: 4 },
  { typed: '2' },
  { text: '1' },
  { text: 'two' },
  { number: -1 },
  { number: 2.5 },
  { formula: '=1+1' },
);

const statusCell: fc.Arbitrary<CellSpec> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<CellSpec>(null, { typed: 'Applied' }, { typed: 'Interviewing' }, { typed: 'Waiting' }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<CellSpec>(
      { typed: 'Rejected' },
      { typed: 'Offer' },
      { typed: 'withdrawn - found another' },
      { typed: 'Not selected.' },
    ),
  },
  { weight: 1, arbitrary: textCell },
);

const companyCell: fc.Arbitrary<CellSpec> = fc.oneof(
  { weight: 5, arbitrary: textCell },
  { weight: 1, arbitrary: blankCell },
  { weight: 1, arbitrary: formulaCell },
);

/** What is already in a managed column the user made or copied: junk, formulas, forged records and links. */
const managedCell: fc.Arbitrary<CellSpec> = fc.oneof(
  textCell,
  formulaCell,
  fc.constantFrom<CellSpec>(
    { text: '=1+1' },
    { text: '=HYPERLINK("http://evil.example","x")' },
    { text: '+44 20 7946 0000' },
    { text: 'Check-in · due 2026-11-20 · draft r-1 made 2026-11-20' },
    { text: 'Thank-you note · due 2026-11-25 · sent 2026-11-25' },
    {
      formula:
        '=HYPERLINK("https://mail.google.com/mail/#drafts?compose=forged1", "Check-in · due 2026-11-20 · draft r-99 made 2026-11-20")',
    },
  ),
);

type Key = ColumnKey | ManagedKey | 'extra';

const CELLS: Record<ColumnKey, fc.Arbitrary<CellSpec>> = {
  company: companyCell,
  role: textCell,
  status: statusCell,
  applied: dateCell,
  interview: dateCell,
  expected: expectedCell,
  plannedFollowUp: dateCell,
  recruiter: nameCell,
  recruiterEmail: emailCell,
  interviewer: nameCell,
  interviewerEmail: emailCell,
  thankYou: yesCell,
  lastFollowUp: yesCell,
  followUps: countCell,
  heardBack: yesCell,
  personalNote: textCell,
  update: textCell,
  notes: textCell,
};

/** A header for a key: one of its accepted spellings, decorated the ways docs/RULES.md §1 says must still match. */
function headerFor(key: Key): fc.Arbitrary<string> {
  const base =
    key === 'extra'
      ? fc.constantFrom('Salary band', 'Link', 'Notes 2 (mine)', 'Referral?', 'Location', '=1+1', '')
      : fc.constantFrom(
          ...(key in COLUMN_HEADERS ? COLUMN_HEADERS[key as ColumnKey] : [MANAGED_HEADERS[key as ManagedKey]]),
        );
  if (key === 'extra') return base;
  return fc.tuple(base, fc.constantFrom('plain', 'upper', 'hash', 'optional', 'dashes', 'spaces')).map(([h, how]) => {
    switch (how) {
      case 'upper':
        return h.toUpperCase();
      case 'hash':
        return `# ${h}`;
      case 'optional':
        return `${h} (optional)`;
      case 'dashes':
        return h.replace(/ /g, '-').toLowerCase();
      case 'spaces':
        return `  ${h.replace(/ /g, '  ')} `;
      default:
        return h;
    }
  });
}

export interface SheetPlan {
  timeZone: string;
  locale: string;
  settings: Record<string, unknown>;
  /** Row 1 then the data rows, as cells; column `idColumn` holds the test's own row ids ("Fuzz id"). */
  grid: CellSpec[][];
  idColumn: number;
  messages: MailboxFileMessage[];
}

const SCENES = [
  { timeZone: 'Europe/London', locale: 'en_GB' },
  { timeZone: 'America/Los_Angeles', locale: 'en_US' },
  { timeZone: 'Pacific/Auckland', locale: 'en_NZ' },
  { timeZone: 'Europe/Berlin', locale: 'de_DE' },
];

const ALL_COLUMN_KEYS = Object.keys(COLUMN_HEADERS) as ColumnKey[];
const ALL_MANAGED_KEYS = Object.keys(MANAGED_HEADERS) as ManagedKey[];

const columnsArb: fc.Arbitrary<{ key: Key; header: string }[]> = fc
  .record({
    // Half the trackers have every column (so most rows get as far as a draft), half a random subset.
    present: fc.oneof(
      fc.constant(ALL_COLUMN_KEYS.map(() => true)),
      fc.tuple(...ALL_COLUMN_KEYS.map((k) => fc.boolean().map((b) => b || k === 'company' || k === 'recruiterEmail'))),
    ),
    companyMissing: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
    duplicated: fc.uniqueArray(fc.constantFrom<Key>(...ALL_COLUMN_KEYS, ...ALL_MANAGED_KEYS), { maxLength: 2 }),
    managed: fc.subarray(ALL_MANAGED_KEYS),
    extras: fc.integer({ min: 0, max: 2 }),
  })
  .chain(({ present, companyMissing, duplicated, managed, extras }) => {
    const keys: Key[] = [
      ...ALL_COLUMN_KEYS.filter((k, i) => present[i] && !(k === 'company' && companyMissing)),
      ...managed,
      ...duplicated,
      ...Array.from({ length: extras }, () => 'extra' as const),
    ];
    return fc
      .tuple(...keys.map((k) => headerFor(k).map((header) => ({ key: k, header }))))
      .chain((columns) => fc.shuffledSubarray(columns, { minLength: columns.length, maxLength: columns.length }));
  });

export const sheetPlanArb: fc.Arbitrary<SheetPlan> = fc
  .record({
    scene: fc.constantFrom(...SCENES),
    columns: columnsArb,
    rows: fc.integer({ min: 0, max: 8 }),
    idAt: fc.nat(),
    yourName: fc.constantFrom('Alex Doe', 'Zoë <Dev> & "Co"', '😀 Ærø Ünal', '=cmd|x', 'Lee, Alex'),
    skipWeekends: fc.boolean(),
    responseWindowDays: fc.integer({ min: 1, max: 10 }),
    secondFollowUpDays: fc.integer({ min: 1, max: 10 }),
    monthlyIntervalDays: fc.integer({ min: 7, max: 20 }),
    applicationFollowUpDays: fc.integer({ min: 0, max: 20 }),
    messages: fc.array(
      fc.record({
        contact: fc.constantFrom(...CONTACTS),
        fromThem: fc.boolean(),
        daysAgo: fc.integer({ min: 1, max: 40 }),
        subject: fc.constantFrom(
          'Interview for the SRE role',
          'Re: Next steps 🚀',
          '<b>Offer</b> & "stuff"',
          'x'.repeat(300),
          '=1+1',
          'Ünïcödé',
        ),
      }),
      { maxLength: 4 },
    ),
  })
  .chain((p) => {
    const columnCells = p.columns.map((c) =>
      fc.array(cellFor(c.key), { minLength: p.rows, maxLength: p.rows }).map((cells) => ({ ...c, cells })),
    );
    return fc.tuple(...columnCells).map((cols) => {
      const idColumn = p.idAt % (cols.length + 1);
      const headerRow: CellSpec[] = cols.map((c) => ({ typed: c.header }));
      headerRow.splice(idColumn, 0, { text: 'Fuzz id' });
      const grid: CellSpec[][] = [headerRow];
      for (let r = 0; r < p.rows; r++) {
        const line = cols.map((c) => c.cells[r]!);
        line.splice(idColumn, 0, { text: `row ${r + 1}` });
        grid.push(line);
      }
      const messages: MailboxFileMessage[] = p.messages.map((m, i) => ({
        id: `m${i}`,
        threadId: `t${i}`,
        from: m.fromThem ? `Them <${m.contact}>` : `${ME.name} <${ME.email}>`,
        to: [m.fromThem ? ME.email : m.contact],
        date: new Date(startOfDay(isoPlus(TODAY, -m.daysAgo), 'UTC') + 10 * 3_600_000).toISOString(),
        subject: m.subject,
        text: 'Hello',
        labels: m.fromThem ? ['INBOX'] : ['SENT'],
      }));
      return {
        timeZone: p.scene.timeZone,
        locale: p.scene.locale,
        settings: {
          yourName: p.yourName,
          skipWeekends: p.skipWeekends,
          responseWindowDays: p.responseWindowDays,
          secondFollowUpDays: p.secondFollowUpDays,
          monthlyIntervalDays: p.monthlyIntervalDays,
          applicationFollowUpDays: p.applicationFollowUpDays,
        },
        grid,
        idColumn,
        messages,
      };
    });
  });

function cellFor(key: Key): fc.Arbitrary<CellSpec> {
  if (key === 'extra') return fc.oneof(textCell, formulaCell, dateCell);
  if (key in CELLS) return CELLS[key as ColumnKey];
  return managedCell;
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

export const SHEETS_FAILED =
  'Service Spreadsheets failed while accessing document with id 1EmuLatedSpreadsheetId0000000000000000000000.';

/** A realistic error for a call of each service. */
export function faultFor(call: CallInfo, pick: number): string {
  switch (call.service) {
    case 'Gmail': {
      const rest = call.method.replace(/^Gmail\./, 'gmail.').toLowerCase();
      return [
        `API call to ${rest} failed with error: Backend Error`,
        `API call to ${rest} failed with error: User-rate limit exceeded.  Retry after 2026-11-25T10:00:00.000Z`,
        'Service invoked too many times for one day: gmail.',
        `You do not have permission to call ${call.method}. Required permissions: https://www.googleapis.com/auth/gmail.compose`,
        `API call to ${rest} failed with error: Bad Request`,
      ][pick % 5]!;
    }
    case 'SpreadsheetApp':
      return SHEETS_FAILED;
    case 'PropertiesService':
      return 'Service error: PropertiesService';
    case 'LockService':
      return 'There are too many LockService operations against the same script.';
    default:
      return `Service error: ${call.service}`;
  }
}

/**
 * Calls that may fail a run outright: reading the sheet and the settings before anything is done, releasing the
 * lock after everything is done, and the UI that would have shown the message. Apps Script then shows Google's own
 * message; nothing is half done.
 */
// The developer metadata finder is part of the run's first read (docs/RULES.md §1): failing there loses nothing.
export const MAY_FAIL_THE_RUN =
  /^(SpreadsheetApp\.(getActiveSpreadsheet|flush|getUi)|Spreadsheet\.|Ui\.|Sheet\.(getDataRange|getLastColumn|getName|createDeveloperMetadataFinder)|DeveloperMetadataFinder\.|DeveloperMetadata\.(getValue|getLocation)|DeveloperMetadataLocation\.getColumn|Range\.getColumn$|Range\.(getValues|getFormulas)|PropertiesService\.|Properties\.getProperties|LockService\.getDocumentLock|Lock\.(hasLock|releaseLock))/;

export type Step =
  | { t: 'open' }
  | { t: 'score' }
  | { t: 'draft' }
  | { t: 'daily' }
  | { t: 'preview' }
  | { t: 'send' }
  | { t: 'day'; days: number }
  | { t: 'sort'; column: number; ascending: boolean }
  | { t: 'deleteDraft'; pick: number }
  | { t: 'editDraft'; pick: number }
  | { t: 'edit'; row: number; column: number; cell: CellSpec }
  | { t: 'move'; pick: number; to: number }
  | { t: 'reply'; row: number; pick: number }
  /** The person's Gmail steps of docs/COMMAND-LINE.md on a draft picked by `pick`, and Gmail delivering them. */
  | { t: 'editTo'; pick: number }
  | { t: 'editSubject'; pick: number }
  | { t: 'sendOne'; pick: number }
  | { t: 'schedule'; pick: number }
  | { t: 'deliver' }
  /** Mail for a row: an auto-reply, a newsletter, a rejection or an acknowledgement (mail-steps.ts). */
  | MailStep
  /** A draft run hit by a fault at its `at`-th call, then the next draft run (see `crash`). */
  | { t: 'crash'; at: number; again: number | null; kind: 'once' | 'service-down' | 'time-limit'; pick: number };

/**
 * The person's Gmail steps (docs/COMMAND-LINE.md) and mail that arrives: every invariant holds with today's add-on.
 * A scheduled draft is never drafted again while it waits (checkDrafts). Not checked here: that an auto-reply or a
 * newsletter leaves Heard back empty (the e2e tests of replies do).
 */
export const gmailStepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('sendOne' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('editTo' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('editSubject' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('schedule' as const), pick: fc.nat() }),
  fc.constant<Step>({ t: 'deliver' }),
  mailStepArb,
);

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: gmailStepArb },
  fc.constant<Step>({ t: 'open' }),
  fc.constant<Step>({ t: 'score' }),
  { weight: 3, arbitrary: fc.constant<Step>({ t: 'draft' }) },
  { weight: 2, arbitrary: fc.constant<Step>({ t: 'daily' }) },
  fc.constant<Step>({ t: 'preview' }),
  { weight: 2, arbitrary: fc.constant<Step>({ t: 'send' }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 9 }).map((days): Step => ({ t: 'day', days })) },
  fc.record({ t: fc.constant('sort' as const), column: fc.nat(), ascending: fc.boolean() }),
  fc.record({ t: fc.constant('deleteDraft' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('editDraft' as const), pick: fc.nat() }),
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      row: fc.nat(),
      column: fc.nat(),
      cell: fc.oneof(textCell, dateCell, emailCell, yesCell, countCell, blankCell),
    }),
  },
  fc.record({ t: fc.constant('move' as const), pick: fc.nat(), to: fc.nat() }),
  fc.record({ t: fc.constant('reply' as const), row: fc.nat(), pick: fc.nat() }),
  fc.record({
    t: fc.constant('crash' as const),
    at: fc.nat({ max: 160 }),
    again: fc.option(fc.nat({ max: 160 })),
    kind: fc.constantFrom('once' as const, 'service-down' as const, 'time-limit' as const),
    pick: fc.nat(),
  }),
);

// ---------------------------------------------------------------------------------------------------------------
// Reading the sheet as docs/RULES.md §1 defines it (re-derived here, not the add-on's code)

export function normaliseHeader(header: unknown): string {
  return String(header ?? '')
    .trim()
    .toLowerCase()
    .replace(/^#\s*/, '')
    .replace(/\(\s*optional\s*\)\s*$/, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const HEADER_KEY = new Map<string, ColumnKey | ManagedKey>();
for (const key of ALL_COLUMN_KEYS) for (const h of COLUMN_HEADERS[key]) HEADER_KEY.set(normaliseHeader(h), key);
for (const key of ALL_MANAGED_KEYS) HEADER_KEY.set(normaliseHeader(MANAGED_HEADERS[key]), key);

const DATED = new Set<ColumnKey | ManagedKey>([
  'applied',
  'interview',
  'expected',
  'plannedFollowUp',
  'lastFollowUp',
  'heardBack',
  'thankYou',
]);

export const RECORDING_KEYS = ['heardBack', 'thankYou', 'lastFollowUp', 'followUps'] as const;
type RecordingKey = (typeof RECORDING_KEYS)[number];
/**
 * Headers the add-on may append: its own columns (with their distinct headers beside a user's column named like
 * one, docs/RULES.md §1) and the first header of each recording column.
 */
const ADDABLE = new Map<string, ColumnKey | ManagedKey>([
  ...ALL_MANAGED_KEYS.map((k) => [normaliseHeader(MANAGED_HEADERS[k]), k] as const),
  ...ALL_MANAGED_KEYS.map((k) => [normaliseHeader(DISTINCT_HEADERS[k]), k] as const),
  ...RECORDING_KEYS.map((k) => [normaliseHeader(COLUMN_HEADERS[k][0]!), k] as const),
]);

export interface Layout {
  width: number;
  height: number;
  /** Column of each key: the first header that matches it. */
  first: Map<ColumnKey | ManagedKey, number>;
  /** How many headers match each key. */
  count: Map<ColumnKey | ManagedKey, number>;
  idColumn: number;
}

export function sheetOf(em: Emulator): SheetState {
  return requireSheet(em.state.spreadsheet, SHEET);
}

export function layoutOf(em: Emulator): Layout {
  const sheet = sheetOf(em);
  const width = lastColumn(sheet);
  const first = new Map<ColumnKey | ManagedKey, number>();
  const count = new Map<ColumnKey | ManagedKey, number>();
  let idColumn = -1;
  for (let c = 0; c < width; c++) {
    const header = cellValue(em.state.spreadsheet, sheet, 0, c);
    if (header === 'Fuzz id') idColumn = c;
    const key = typeof header === 'string' ? HEADER_KEY.get(normaliseHeader(header)) : undefined;
    if (!key || MANAGED_KEY_SET.has(key)) continue;
    // RULES §1 as the add-on resolves it: for a date column, a header naming a date beats an earlier one without.
    const dated = (h: unknown) => DATED.has(key) && normaliseHeader(h).includes('date');
    const held = first.get(key);
    if (held === undefined || (dated(header) && !dated(cellValue(em.state.spreadsheet, sheet, 0, held)))) {
      first.set(key, c);
    }
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  managedLayout(em, width, first, count);
  return { width, height: lastRow(sheet), first, count, idColumn };
}

const MANAGED_KEY_SET = new Set<ColumnKey | ManagedKey>(ALL_MANAGED_KEYS);

/**
 * The add-on's columns as docs/RULES.md §1 finds them: by their marks (counted, so a second mark is a second column);
 * unmarked, by the add-on's distinct header first (a run stopped before it marked the column), then its header.
 */
function managedLayout(
  em: Emulator,
  width: number,
  first: Map<ColumnKey | ManagedKey, number>,
  count: Map<ColumnKey | ManagedKey, number>,
): void {
  const marks = columnMetadata(em.state.spreadsheet, SHEET).filter((m) => m.key === 'followups.managed');
  const headers = Array.from({ length: width }, (_, c) =>
    normaliseHeader(cellValue(em.state.spreadsheet, sheetOf(em), 0, c)),
  );
  for (const key of ALL_MANAGED_KEYS) {
    const mine = marks.filter((m) => m.value === key).map((m) => m.column - 1);
    if (mine.length > 0) {
      first.set(key, Math.min(...mine));
      count.set(key, mine.length);
      continue;
    }
    const marked = new Set(marks.map((m) => m.column - 1));
    const at = (h: string) => headers.findIndex((x, c) => !marked.has(c) && x === h);
    const c = [at(normaliseHeader(DISTINCT_HEADERS[key])), at(normaliseHeader(MANAGED_HEADERS[key]))].find(
      (i) => i >= 0,
    );
    if (c === undefined) continue;
    first.set(key, c);
    count.set(key, 1);
  }
}

function managedColumns(layout: Layout): Set<number> {
  return new Set(ALL_MANAGED_KEYS.map((k) => layout.first.get(k)).filter((c): c is number => c !== undefined));
}

interface CellSnap {
  v: unknown;
  f: string | null;
  note: string | null;
  bg: string | null;
  fmt: string | null;
}

export interface Snapshot {
  layout: Layout;
  cells: CellSnap[][];
  /** Formulas anywhere in the sheet, by "r:c". */
  formulas: Map<string, string>;
  /** The ids of the drafts in Gmail. */
  drafts: Set<string>;
}

export function snapshot(em: Emulator): Snapshot {
  const sheet = sheetOf(em);
  const layout = layoutOf(em);
  const cells: CellSnap[][] = [];
  const formulas = new Map<string, string>();
  const rows = Math.max(layout.height, sheet.cells.formulas.length);
  for (let r = 0; r < rows; r++) {
    const line: CellSnap[] = [];
    for (let c = 0; c < Math.max(layout.width, sheet.cells.formulas[r]?.length ?? 0); c++) {
      const f = gridGet(sheet.cells.formulas, r, c);
      if (f !== null) formulas.set(`${r}:${c}`, f);
      line.push({
        v: structuredClone(gridGet(sheet.cells.values, r, c)),
        f,
        note: gridGet(sheet.cells.notes, r, c),
        bg: gridGet(sheet.cells.backgrounds, r, c),
        fmt: gridGet(sheet.cells.formats, r, c),
      });
    }
    cells.push(line);
  }
  return { layout, cells, formulas, drafts: new Set(em.state.mailbox.drafts.map((d) => d.id)) };
}

// ---------------------------------------------------------------------------------------------------------------
// The recording rule (docs/RULES.md §5): the only changes allowed in user columns

const EMPTY_SNAP: CellSnap = { v: null, f: null, note: null, bg: null, fmt: null };

function isBlankValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function isDateCell(v: unknown): v is { d: number } {
  return typeof v === 'object' && v !== null && typeof (v as { d?: unknown }).d === 'number';
}

/** The calendar day a stored cell value names, when it names one (a Date cell, a serial number, a text date). */
export function dayOf(v: unknown, em: Emulator, today: number): number | null {
  const { timeZone, locale } = em.state.spreadsheet;
  const value = isDateCell(v) ? new Date(v.d) : v;
  const read = readDate(value, { timeZone, locale, today });
  return read.kind === 'date' ? read.date : null;
}

function countOf(v: unknown): number | null {
  if (isBlankValue(v)) return 0;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

function recordingProblem(
  key: RecordingKey,
  before: CellSnap,
  after: CellSnap,
  em: Emulator,
  today: number,
  lastFollowUpMoved: boolean,
): string | null {
  if (before.f !== null) return 'a formula cell was written';
  if (key === 'followUps') {
    const was = countOf(before.v);
    if (!lastFollowUpMoved) return 'Follow-ups sent changed without Last follow-up moving forward';
    if (typeof after.v !== 'number') return 'Follow-ups sent is no longer a number';
    if (was === null) return 'Follow-ups sent overwrote text that is not a count';
    return after.v === was + 1 || after.v === 1 ? null : `Follow-ups sent went from ${was} to ${after.v}`;
  }
  if (before.v === false && after.v === true) return null;
  if (!isDateCell(after.v)) return `wrote ${JSON.stringify(after.v)}, not a date`;
  if (isBlankValue(before.v)) return null;
  const was = dayOf(before.v, em, today);
  const now = dayOf(after.v, em, today);
  if (was === null) return `overwrote ${JSON.stringify(before.v)}, which is not a date`;
  return now !== null && now > was ? null : 'moved a date backwards or left it';
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------------------------------------------------------
// Drafts

export interface DraftOwner {
  rowId: string;
  action: string;
  messageId: string;
}

export const LABEL =
  /(Thank-you note|Check-in|Second follow-up|Monthly check-in|Application check-in) · due \d{4}-\d{2}-\d{2} · draft (r-\d+) made \d{4}-\d{2}-\d{2}/;
const OWN_FORMULA =
  /^=HYPERLINK\("https:\/\/mail\.google\.com\/mail\/#drafts\?compose=([A-Za-z0-9_-]+)", "((?:Thank-you note|Check-in|Second follow-up|Monthly check-in|Application check-in) · due \d{4}-\d{2}-\d{2} · draft (r-\d+) made \d{4}-\d{2}-\d{2})"\)$/;
export const STRICT_EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
const HEADER_NAMES = new Set([
  'date',
  'from',
  'to',
  'subject',
  'message-id',
  'mime-version',
  'content-type',
  'in-reply-to',
  'references',
]);

/** Problems in a draft's raw MIME header block: line breaks other than folding, unknown or repeated fields. */
export function headerProblems(raw: string): string[] {
  const problems: string[] = [];
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return ['no CRLF CRLF between the headers and the body'];
  const block = raw.slice(0, end);
  if (/\r(?!\n)|(?<!\r)\n/.test(block)) problems.push('a bare CR or LF in the headers');
  const seen = new Set<string>();
  for (const line of block.split('\r\n')) {
    if (/^[ \t]/.test(line)) continue;
    const m = /^([!-9;-~]+):/.exec(line);
    if (!m) {
      problems.push(`not a header line: ${JSON.stringify(line.slice(0, 60))}`);
      continue;
    }
    const name = m[1]!.toLowerCase();
    if (!HEADER_NAMES.has(name)) problems.push(`unexpected header ${m[1]}`);
    if (seen.has(name)) problems.push(`header ${m[1]} twice`);
    seen.add(name);
  }
  if (/[^\t\r\n\x20-\x7e]/.test(block)) problems.push('raw non-ASCII or control characters in the headers');
  return problems;
}

const ENTITY = /&(?:amp|lt|gt|quot|#39);/g;
const DECODE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const OPEN_DIV = /^<div style="[^"<>&]*">/;
const HIGHLIGHT = '<span style="background:#fff2cc">';

/**
 * Problems in a draft's HTML body: it must be the add-on's frame (one div, paragraphs, <br>, highlight spans
 * around the placeholders) around escaped text — no other tag, no raw `<`, `>`, `"`, a `&` only in an entity — and
 * read back as exactly the plain-text body.
 */
export function htmlProblems(html: string, text: string): string[] {
  const problems: string[] = [];
  const open = OPEN_DIV.exec(html);
  if (!open || !html.endsWith('</div>')) return ['the HTML is not one <div>'];
  const inner = html.slice(open[0].length, -'</div>'.length);
  const paragraphs: string[] = [];
  for (const p of inner.split('\n')) {
    if (!p.startsWith('<p>') || !p.endsWith('</p>')) {
      problems.push(`not a paragraph: ${JSON.stringify(p.slice(0, 60))}`);
      continue;
    }
    let body = p.slice(3, -4);
    const spans: string[] = [];
    body = body.replace(/<span style="background:#fff2cc">([^<]*)<\/span>/g, (_, inside: string) => {
      spans.push(inside);
      return inside;
    });
    for (const s of spans) {
      const decoded = s.replace(ENTITY, (e) => DECODE[e]!);
      if (!PROMPTS.includes(decoded)) problems.push(`a highlight around ${s}`);
    }
    const plain = body.split('<br>');
    for (const piece of plain) {
      if (/[<>"]/.test(piece)) problems.push(`unescaped markup: ${JSON.stringify(piece.slice(0, 80))}`);
      if (/&(?!(?:amp|lt|gt|quot|#39);)/.test(piece))
        problems.push(`a bare & in ${JSON.stringify(piece.slice(0, 80))}`);
    }
    paragraphs.push(plain.map((piece) => piece.replace(ENTITY, (e) => DECODE[e]!)).join('\n'));
  }
  if (html.includes(HIGHLIGHT) && !PROMPTS.some((p) => text.includes(p)))
    problems.push('a highlight without a placeholder');
  const expected = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (!same(paragraphs, expected)) problems.push('the HTML does not read back as the plain-text body');
  return problems;
}

/** Addresses a row's cells hold (trimmed, without mailto:, lower-cased): the only places a draft may go. */
export function rowAddresses(em: Emulator, row: number, width: number): Set<string> {
  const sheet = sheetOf(em);
  const out = new Set<string>();
  for (let c = 0; c < width; c++) {
    const v = cellValue(em.state.spreadsheet, sheet, row, c);
    if (typeof v !== 'string') continue;
    // A cell may hold `Name <address>` or a list (docs/RULES.md §2): every address in it belongs to the row.
    for (const found of v.matchAll(/(?:mailto:)?([^\s<>,;"]+@[^\s<>,;"]+)/gi)) out.add(found[1]!.toLowerCase());
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The runner

export interface StepReport {
  step: Step | { t: 'setup' };
  ok: boolean;
}

export class Violation extends Error {}

/** Runs a plan and steps, checking every invariant after each step; throws a Violation naming the first break. */
export class Fuzz {
  readonly w: World;
  /** Every draft the add-on made, by draft id: the row (by the test's own id) and action it was made for. */
  readonly owners = new Map<string, DraftOwner>();
  readonly log: string[] = [];
  /** The mail that arrived (the `mail` steps), and the invariants about the answers it carries. */
  readonly mail = new MailLedger();
  /**
   * Set by fault tests around the run a fault hits: it may then show any message, leave notes in the journal, and
   * fail outright when `mayFail` says the fault allows it. Every other invariant still holds.
   */
  tolerate: { mayFail(run: { ok: boolean; error?: string }): boolean } | null = null;
  /** The last run was hit by a fault: this one may finish its recording writes (a count without its date). */
  private afterFault = false;
  private alertsSeen = 0;
  private stepCount = 0;

  constructor(readonly plan: SheetPlan) {
    this.w = world({
      timeZone: plan.timeZone,
      locale: plan.locale,
      grid: plan.grid,
      messages: plan.messages,
      settings: plan.settings,
    });
    const install = this.w.run('turnOnDailyDrafts');
    if (!install.ok) throw new Violation(`Turn on daily drafts failed: ${install.error}`);
    this.alertsSeen = this.w.emulator.uiLog.alerts.length;
  }

  get em(): Emulator {
    return this.w.emulator;
  }

  get steps(): number {
    return this.stepCount;
  }

  private today(): number {
    return fromIso(this.day())!;
  }

  day(): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: this.em.timeZone }).format(new Date(this.em.runtime.now));
  }

  fail(message: string): never {
    throw new Violation(`${message}\nsteps so far:\n${this.log.join('\n')}`);
  }

  /** One step: a run of the add-on (checked against the snapshot before it) or something a person or Google does. */
  /** How many steps of each kind ran. */
  readonly kinds: Record<string, number> = {};

  step(step: Step): void {
    this.stepCount++;
    this.kinds[step.t] = (this.kinds[step.t] ?? 0) + 1;
    const label = JSON.stringify(step).slice(0, 200);
    this.log.push(label);
    if (step.t === 'crash') {
      this.crash(step);
      return;
    }
    const before = snapshot(this.em);
    const addOn = this.perform(step, before);
    if (addOn) {
      this.checkRun(before, addOn);
      this.afterFault = this.tolerate !== null;
    }
    this.checkDrafts();
  }

  /**
   * A draft run hit by a fault at one call (that call fails, or every later call of its service, or the run passes
   * six minutes there), checked with the tolerance of a faulty run; optionally a second faulty run (`again`, the
   * call index of its fault); then the next draft run, checked in full.
   */
  private crash(step: Extract<Step, { t: 'crash' }>): void {
    this.faultyRun(step.at, step.kind, step.pick);
    this.afterFault = true;
    if (step.again !== null) this.faultyRun(step.again, step.kind, step.pick + 1);
    const before = snapshot(this.em);
    this.checkRun(before, this.w.run('draftFollowUps'));
    this.afterFault = false;
    this.checkDrafts();
  }

  private faultyRun(index: number, kind: Extract<Step, { t: 'crash' }>['kind'], pick: number): void {
    const faults = this.em.runtime.faults;
    let n = 0;
    let down: string | null = null;
    let last: CallInfo | null = null;
    const hook = (call: CallInfo): string | undefined => {
      const at = n++;
      if (at === index) down = call.service;
      if (at !== index && !(at > index && kind === 'service-down' && call.service === down)) return undefined;
      last = call;
      if (kind !== 'time-limit') return faultFor(call, pick);
      this.em.runtime.advance(7 * 60_000);
      return undefined;
    };
    faults.push(hook);
    this.tolerate = {
      mayFail: (run) => {
        const failed = last as CallInfo | null;
        if (kind === 'time-limit') return run.error === 'Exceeded maximum execution time';
        return failed !== null && MAY_FAIL_THE_RUN.test(failed.method) && run.error === faultFor(failed, pick);
      },
    };
    try {
      const before = snapshot(this.em);
      this.checkRun(before, this.w.run('draftFollowUps'));
      this.checkDrafts();
    } finally {
      faults.splice(faults.indexOf(hook), 1);
      this.tolerate = null;
    }
  }

  /** Performs a step; returns what the add-on's run returned, or null for a person's or Google's action. */
  private perform(step: Step, before: Snapshot): { ok: boolean; error?: string; handler: string } | null {
    const em = this.em;
    const sheet = sheetOf(em);
    const dataRows = Math.max(0, before.layout.height - 1);
    switch (step.t) {
      case 'crash':
        throw new Error('a crash is two runs; step() performs it');
      case 'open':
        return em.run('onOpen', 'simple-trigger');
      case 'score':
        return this.w.run('scoreApplications');
      case 'draft':
        return this.w.run('draftFollowUps');
      case 'preview':
        return this.w.run('showPreview');
      case 'daily': {
        const results = em.fireDailyTriggers();
        if (results.length !== 1) this.fail(`expected one daily trigger, fired ${results.length}`);
        return results[0]!;
      }
      case 'send':
        em.sendDrafts();
        return null;
      case 'day':
        em.setDay(isoPlus(this.day(), step.days), 9);
        return null;
      case 'sort':
        if (before.layout.width > 0) em.sortSheet(SHEET, (step.column % before.layout.width) + 1, step.ascending);
        return null;
      case 'deleteDraft': {
        const drafts = em.drafts();
        if (drafts.length > 0) em.deleteDraft(drafts[step.pick % drafts.length]!.id);
        return null;
      }
      case 'editDraft': {
        // The person edits a draft in Gmail: Gmail gives its message a new id; the draft id stays.
        const box = em.state.mailbox;
        if (box.drafts.length === 0) return null;
        const draft = box.drafts[step.pick % box.drafts.length]!;
        const message = box.messages.find((m) => m.id === draft.messageId)!;
        const id = newMessageId(box);
        box.messages = box.messages.filter((m) => m !== message);
        box.messages.push({ ...message, id, threadId: message.threadId === message.id ? id : message.threadId });
        draft.messageId = id;
        return null;
      }
      case 'edit': {
        const editable = [...Array(before.layout.width).keys()].filter(
          (c) => c !== before.layout.idColumn && !managedColumns(before.layout).has(c),
        );
        if (dataRows === 0 || editable.length === 0) return null;
        putCell(em, SHEET, 1 + (step.row % dataRows), editable[step.column % editable.length]!, step.cell);
        return null;
      }
      case 'move': {
        const managed = [...managedColumns(before.layout)];
        if (managed.length === 0) return null;
        const from = managed[step.pick % managed.length]!;
        const to = step.to % before.layout.width;
        // Not past another column with the same heading: with two "Draft" columns the first is the add-on's
        // (docs/RULES.md §1, first match wins), so swapping them hands it the other one, which is a different request.
        const key = HEADER_KEY.get(normaliseHeader(cellValue(em.state.spreadsheet, sheet, 0, from)));
        for (let c = Math.min(from, to); c <= Math.max(from, to); c++) {
          const other = HEADER_KEY.get(normaliseHeader(cellValue(em.state.spreadsheet, sheet, 0, c)));
          if (c !== from && other === key) return null;
        }
        moveColumnTo(em.state.spreadsheet, SHEET, from + 1, to + 1);
        return null;
      }
      case 'editTo':
      case 'editSubject':
      case 'sendOne':
      case 'schedule':
      case 'deliver':
        this.gmailStep(step);
        return null;
      case 'mail':
        if (dataRows > 0) this.mail.arrive(em, step, 1 + (step.row % dataRows), before.layout);
        return null;
      case 'reply': {
        if (dataRows === 0) return null;
        const row = 1 + (step.row % dataRows);
        const contacts = [...rowAddresses(em, row, before.layout.width)].filter((a) => STRICT_EMAIL.test(a));
        if (contacts.length === 0) return null;
        em.receive({
          from: `Them <${contacts[step.pick % contacts.length]}>`,
          to: [ME.email],
          date: new Date(em.runtime.now).toISOString(),
          subject: 'Re: your application',
          text: 'Thanks, we will be in touch.',
          labels: ['INBOX'],
        });
        em.runtime.advance(60_000);
        return null;
      }
    }
  }

  /** The person's Gmail steps (host functions of emulator/gmail/host.ts) on the `pick`-th live draft. */
  private gmailStep(step: Extract<Step, { t: 'editTo' | 'editSubject' | 'sendOne' | 'schedule' | 'deliver' }>): void {
    const em = this.em;
    if (step.t === 'deliver') {
      em.deliverScheduled();
      return;
    }
    const drafts = em.drafts().filter((d) => d.to.length > 0);
    if (drafts.length === 0) return;
    const draft = drafts[step.pick % drafts.length]!;
    if (step.t === 'editTo') em.editDraft(draft.id, { to: 'someone.else@elsewhere.example' });
    else if (step.t === 'editSubject') em.editDraft(draft.id, { subject: `${draft.subject} (edited)` });
    else if (step.t === 'sendOne') em.sendDraft(draft.id);
    else em.scheduleDraft(draft.id);
    em.runtime.advance(60_000);
  }

  /** Invariants over one run of the add-on. */
  private checkRun(before: Snapshot, run: { ok: boolean; error?: string; handler: string }): void {
    const em = this.em;
    if (!run.ok && !this.tolerate?.mayFail(run)) this.fail(`${run.handler} failed: ${run.error}`);
    const after = snapshot(em);
    const alerts = em.uiLog.alerts.slice(this.alertsSeen).map((a) => a.message);
    this.alertsSeen = em.uiLog.alerts.length;
    const hasTracker = before.layout.first.has('company');
    for (const alert of alerts) {
      const noTracker = /^No tracker sheet found/.test(alert) && !hasTracker;
      if (!noTracker && !this.tolerate) this.fail(`unexpected alert: ${alert}`);
    }
    const lastDaily = em.state.platform.properties.document.lastDailyRun;
    if (run.handler === 'dailyRun' && lastDaily && !this.tolerate) {
      const summary = String(JSON.parse(lastDaily).summary);
      if (/failed|refused|not answering|daily limit|may not use Gmail|could not save|No tracker/.test(summary)) {
        if (!(hasTracker === false && /No tracker/.test(summary))) this.fail(`daily run summary: ${summary}`);
      }
    }
    const journal = Object.keys(em.state.platform.properties.document).filter((k) => k.startsWith('journal.'));
    if (journal.length > 0 && !this.tolerate) this.fail(`journal left behind: ${journal.join(', ')}`);
    this.checkUserCells(before, after);
    this.checkColumns(before, after);
    this.checkFormulas(before, after, run.handler === 'draftFollowUps' || run.handler === 'dailyRun');
    this.checkNotes(after);
    const mail = this.mail.checkRun(em, before, after, this.today());
    if (mail) this.fail(mail);
  }

  private checkUserCells(before: Snapshot, after: Snapshot): void {
    const { layout } = before;
    const managed = managedColumns(layout);
    const recording = new Map<number, RecordingKey>();
    for (const key of RECORDING_KEYS) {
      const c = layout.first.get(key);
      if (c !== undefined) recording.set(c, key);
    }
    // A Last follow-up column the run added is compared with blank cells.
    const lastFollowUp = layout.first.get('lastFollowUp') ?? after.layout.first.get('lastFollowUp');
    const today = this.today();
    if (after.layout.height > Math.max(before.layout.height, 1)) this.fail('the add-on added rows');
    for (let r = 0; r < before.cells.length; r++) {
      for (let c = 0; c < layout.width; c++) {
        if (managed.has(c) && r > 0) continue;
        const b = before.cells[r]?.[c] ?? EMPTY_SNAP;
        const a = after.cells[r]?.[c] ?? EMPTY_SNAP;
        if (same(b, a)) continue;
        const key = recording.get(c);
        const where = `row ${r + 1} column ${c + 1} (${String(before.cells[0]?.[c]?.v)})`;
        if (r === 0 || key === undefined)
          this.fail(`user cell ${where} changed: ${JSON.stringify(b)} → ${JSON.stringify(a)}`);
        if (b.note !== a.note || b.bg !== a.bg) this.fail(`user cell ${where}: note or colour changed`);
        const moved =
          this.afterFault ||
          (lastFollowUp !== undefined && !same(before.cells[r]?.[lastFollowUp]?.v, after.cells[r]?.[lastFollowUp]?.v));
        const problem = recordingProblem(key, b, a, this.em, today, moved);
        if (problem)
          this.fail(`recording rule broken at ${where}: ${problem}: ${JSON.stringify(b.v)} → ${JSON.stringify(a.v)}`);
      }
    }
  }

  private checkColumns(before: Snapshot, after: Snapshot): void {
    for (let c = before.layout.width; c < after.layout.width; c++) {
      const header = cellValue(this.em.state.spreadsheet, sheetOf(this.em), 0, c);
      const key = ADDABLE.get(normaliseHeader(header));
      if (!key) this.fail(`the add-on added a column "${String(header)}"`);
    }
    for (const [key, n] of after.layout.count) {
      if (n > Math.max(1, before.layout.count.get(key) ?? 0)) this.fail(`column ${key} now appears ${n} times`);
    }
  }

  /**
   * New formulas are only the add-on's own links; after a drafting run every link to a live draft on an
   * application row is current (a row with a blank Company is left alone, docs/RULES.md §1).
   */
  private checkFormulas(before: Snapshot, after: Snapshot, readGmail: boolean): void {
    const draftColumn = after.layout.first.get('draft');
    const companyColumn = after.layout.first.get('company');
    const live = new Map(this.em.state.mailbox.drafts.map((d) => [d.id, d.messageId]));
    const application = (row: number) =>
      companyColumn !== undefined &&
      !isBlankValue(cellValue(this.em.state.spreadsheet, sheetOf(this.em), row, companyColumn));
    for (const [at, formula] of after.formulas) {
      const own = OWN_FORMULA.exec(formula);
      const [row, column] = at.split(':').map(Number) as [number, number];
      if (readGmail && own && column === draftColumn && live.has(own[3]!) && application(row) && !this.tolerate) {
        if (own[1] !== live.get(own[3]!))
          this.fail(`a stale link at ${at}: draft ${own[3]} is message ${live.get(own[3]!)}`);
      }
      if (before.formulas.get(at) === formula) continue;
      if (column !== draftColumn || !own) this.fail(`a formula was written at ${at}: ${formula}`);
      const draftId = own[3]!;
      const owner = this.owners.get(draftId);
      const expected = live.get(draftId) ?? owner?.messageId;
      if (!owner && !live.has(draftId)) this.fail(`a link to a draft the add-on never made: ${formula}`);
      if (own[1] !== expected) this.fail(`a link to ${own[1]}, but draft ${draftId} is message ${expected}`);
    }
  }

  private checkNotes(after: Snapshot): void {
    const status = after.layout.first.get('followUpStatus');
    if (status === undefined) return;
    for (let r = 1; r < after.cells.length; r++) {
      const note = after.cells[r]?.[status]?.note ?? '';
      if (/Gmail refused|template has a mistake/.test(note) && !this.tolerate) this.fail(`row ${r + 1}: ${note}`);
    }
  }

  /** Every new draft is well formed and owned by one row; no row has two live drafts for one action. */
  checkDrafts(): void {
    const em = this.em;
    const layout = layoutOf(em);
    for (const draft of em.drafts()) {
      const known = this.owners.get(draft.id);
      if (known) known.messageId = draft.messageId;
      else this.checkNewDraft(draft);
      if (known && !known.rowId.startsWith('journal:')) continue;
      const recorded = this.recordedOn(draft.id, layout);
      if (recorded) {
        const address = draft.to[0]!.toLowerCase();
        if (!rowAddresses(em, recorded.row, layout.width).has(address))
          this.fail(`draft ${draft.id} goes to ${address}, which is not in its row ${recorded.row + 1}`);
        const rowId = String(cellValue(em.state.spreadsheet, sheetOf(em), recorded.row, layout.idColumn));
        this.owners.set(draft.id, { rowId, action: recorded.action, messageId: draft.messageId });
        continue;
      }
      if (known) continue;
      const journal = this.journalFor(draft.id, draft.rfcMessageId);
      if (!journal)
        this.fail(`draft ${draft.id} (to ${draft.to}) is neither recorded in a Draft cell nor in the journal`);
      this.owners.set(draft.id, {
        rowId: `journal:${journal.rowKey}`,
        action: journal.action,
        messageId: draft.messageId,
      });
    }
    const seen = new Map<string, string>();
    for (const draft of em.drafts()) {
      const owner = this.owners.get(draft.id)!;
      const key = `${owner.rowId} / ${owner.action}`;
      if (seen.has(key)) this.fail(`two live drafts for ${key}: ${seen.get(key)} and ${draft.id}`);
      seen.set(key, draft.id);
    }
    // A draft the person scheduled waits in Gmail (SCHEDULED): the add-on must not draft it again (docs/RULES.md §5).
    const owned = new Map([...this.owners.values()].map((o) => [o.messageId, o]));
    for (const m of em.state.mailbox.messages.filter((x) => x.labelIds.includes('SCHEDULED'))) {
      const owner = owned.get(m.id);
      const key = owner && `${owner.rowId} / ${owner.action}`;
      if (key && seen.has(key)) this.fail(`${key} drafted again (${seen.get(key)}) while ${m.id} waits scheduled`);
    }
  }

  /** Headers, HTML and recipient of a draft seen for the first time. */
  private checkNewDraft(draft: ReturnType<Emulator['drafts']>[number]): void {
    const headers = headerProblems(draft.raw);
    if (headers.length > 0) this.fail(`draft ${draft.id} headers: ${headers.join('; ')}\n${draft.raw.slice(0, 600)}`);
    const html = htmlProblems(draft.html ?? '', draft.text ?? '');
    if (html.length > 0) this.fail(`draft ${draft.id} HTML: ${html.join('; ')}\n${draft.html}`);
    const to = parseTopHeaders(draft.raw).filter((h) => h.name.toLowerCase() === 'to');
    const addresses = to.flatMap((h) => parseAddressList(h.value));
    if (to.length !== 1 || addresses.length !== 1 || draft.cc.length + draft.bcc.length > 0)
      this.fail(`draft ${draft.id} is not to exactly one address: ${JSON.stringify(to)}`);
    const address = addresses[0]!.address.toLowerCase();
    if (!STRICT_EMAIL.test(address)) this.fail(`draft ${draft.id} to an invalid address ${address}`);
  }

  /** The row whose Draft cell names a draft, and the action it says. */
  private recordedOn(draftId: string, layout: Layout): { row: number; action: string } | null {
    const draftColumn = layout.first.get('draft');
    if (draftColumn === undefined) return null;
    const sheet = sheetOf(this.em);
    let found: { row: number; action: string } | null = null;
    for (let r = 1; r < layout.height; r++) {
      const v = cellValue(this.em.state.spreadsheet, sheet, r, draftColumn);
      const m = typeof v === 'string' ? LABEL.exec(v) : null;
      if (m?.[2] !== draftId) continue;
      if (found) this.fail(`draft ${draftId} is recorded on rows ${found.row + 1} and ${r + 1}`);
      found = { row: r, action: m[1]! };
    }
    return found;
  }

  /** The journal note that lets the next run record a draft: by its id, or an intent by the draft's Message-ID. */
  private journalFor(draftId: string, rfcMessageId: string | null): { rowKey: string; action: string } | null {
    for (const [key, value] of Object.entries(this.em.state.platform.properties.document)) {
      if (!key.startsWith('journal.')) continue;
      type Note = { draftId?: string; rfcMessageId?: string; rowKey?: string; action?: string };
      const parsed = JSON.parse(value) as Note | Note[];
      // A batch's note holds several drafts (journal.ts).
      for (const entry of Array.isArray(parsed) ? parsed : [parsed]) {
        const intended = entry.draftId === undefined && rfcMessageId !== null && entry.rfcMessageId === rfcMessageId;
        if (entry.draftId === draftId || intended)
          return { rowKey: String(entry.rowKey), action: String(entry.action) };
      }
    }
    return null;
  }
}
