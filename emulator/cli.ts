/**
 * `npm run demo`: the built add-on run in the emulator, as docs/COMMAND-LINE.md specifies (flags, actions,
 * --state, the JSON report, out/). Exit 0 when every action ran, 1 when one threw, 2 for bad flags or input.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { helpText, previewTable, rowsTable, sentLines, summaryLine, unscored } from './cli-output';
import { Emulator, startOfDay } from './emulator';
import { MailboxFileError, mailboxFromFile, type SentMessage } from './gmail';
import { isValidTimeZone } from './platform';
import { buildReport, type Report, type ReportDraft } from './report';
import { loadCsvIntoSheet } from './spreadsheet';

export const ACTIONS = [
  'open',
  'score',
  'draft',
  'daily',
  'install-trigger',
  'remove-trigger',
  'send-drafts',
  'preview',
] as const;
export type ActionName = (typeof ACTIONS)[number];

export interface Options {
  sheet?: string;
  mailbox?: string;
  settings?: string;
  state?: string;
  today: string;
  tz?: string;
  locale?: string;
  actions: ActionName[];
  json: boolean;
  out: string;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The real date, for the default --today. */
  now: () => Date;
  /** Where examples/ and dist/ are. */
  root: string;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['sheet', 'mailbox', 'settings', 'state', 'today', 'tz', 'locale', 'action', 'out']);
const DEFAULT_TZ = 'Europe/London';
const DEFAULT_LOCALE = 'en_GB';

function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

export function parseArgs(argv: readonly string[], now: Date): Options {
  const raw: Record<string, string> = {};
  const actions: ActionName[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"; flags start with -- (see npm run demo -- --help)`);
    const name = m[1]!;
    if (name === 'json') {
      if (m[2] !== undefined) throw new UsageError('--json takes no value');
      json = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) {
      throw new UsageError(
        `unknown flag --${name}; the flags are --sheet --mailbox --settings --state --today --tz --locale --action --json --out (--help explains them)`,
      );
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    if (name === 'action') {
      if (!(ACTIONS as readonly string[]).includes(value)) {
        throw new UsageError(`unknown action "${value}"; the actions are ${ACTIONS.join(', ')}`);
      }
      actions.push(value as ActionName);
      continue;
    }
    if (raw[name] !== undefined) throw new UsageError(`--${name} is given twice`);
    raw[name] = value;
  }
  if (raw.tz !== undefined && !isValidTimeZone(raw.tz)) {
    throw new UsageError(`--tz "${raw.tz}" is not a time zone; use an IANA name such as Europe/London`);
  }
  if (raw.locale !== undefined && !/^[a-z]{2,3}(?:_[A-Z]{2})?$/.test(raw.locale)) {
    throw new UsageError(`--locale "${raw.locale}" is not a locale; use a form such as en_US or en_GB`);
  }
  const today = raw.today ?? todayIn(raw.tz ?? DEFAULT_TZ, now);
  if (!isCalendarDay(today)) {
    throw new UsageError(`--today "${today}" is not a date; use YYYY-MM-DD`);
  }
  if (raw.state && existsSync(raw.state) && (raw.sheet || raw.mailbox)) {
    throw new UsageError(
      `--state ${raw.state} already holds a sheet and mailbox; drop --sheet/--mailbox or use a new state file`,
    );
  }
  return {
    ...(raw.sheet ? { sheet: raw.sheet } : {}),
    ...(raw.mailbox ? { mailbox: raw.mailbox } : {}),
    ...(raw.settings ? { settings: raw.settings } : {}),
    ...(raw.state ? { state: raw.state } : {}),
    ...(raw.tz ? { tz: raw.tz } : {}),
    ...(raw.locale ? { locale: raw.locale } : {}),
    today,
    actions: actions.length > 0 ? actions : ['open', 'draft'],
    json,
    out: raw.out ?? 'out',
  };
}

/** YYYY-MM-DD naming a real day (Date.parse alone lets 2026-02-30 through as 2 March). */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

function readText(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag} ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function readJson(path: string, flag: string): unknown {
  const text = readText(path, flag);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${flag} ${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** The sample files write dates as {{today}}, {{today-3}} or {{today+2}}, laid out around the run's day. */
export function fillSampleDates(text: string, today: string): string {
  const base = Date.parse(`${today}T00:00:00Z`);
  return text.replace(/\{\{today(?:([+-]\d+))?\}\}/g, (_all, offset: string | undefined) =>
    new Date(base + Number(offset ?? 0) * 86_400_000).toISOString().slice(0, 10),
  );
}

/** The sample tracker written in the locale's language when examples/ has one (sample-tracker.fr.csv), else English. */
function sampleTracker(examples: string, locale: string): string {
  const own = join(examples, `sample-tracker.${locale.split(/[_-]/)[0]!.toLowerCase()}.csv`);
  return existsSync(own) ? own : join(examples, 'sample-tracker.csv');
}

function setUp(options: Options, io: Io): { emulator: Emulator; settingsFile: string | undefined } {
  const dist = join(io.root, 'dist');
  const examples = join(io.root, 'examples');
  if (!existsSync(join(dist, 'Code.js'))) {
    throw new UsageError(`no built add-on in ${dist}: run npm run build first`);
  }
  if (options.state && existsSync(options.state)) {
    const json = readJson(options.state, '--state');
    let emulator: Emulator;
    try {
      emulator = Emulator.fromJSON(json, { distDir: dist });
    } catch (error) {
      throw new UsageError(`--state ${options.state}: not a saved emulator state (${(error as Error).message})`);
    }
    const { timeZone, locale } = emulator.state.spreadsheet;
    if (options.tz && options.tz !== timeZone) {
      throw new UsageError(`--tz ${options.tz} differs from the saved state's time zone ${timeZone}; drop --tz`);
    }
    if (options.locale && options.locale !== locale) {
      throw new UsageError(`--locale ${options.locale} differs from the saved state's locale ${locale}; drop --locale`);
    }
    const nineAm = startOfDay(options.today, timeZone, 9);
    const savedDay = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(emulator.runtime.now));
    if (options.today < savedDay) {
      throw new UsageError(
        `--today ${options.today} is before the saved state's day ${savedDay}; time only moves forward`,
      );
    }
    if (nineAm > emulator.runtime.now) emulator.runtime.now = nineAm;
    return { emulator, settingsFile: options.settings };
  }
  const sample = !options.sheet && !options.mailbox;
  const timeZone = options.tz ?? DEFAULT_TZ;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const mailboxText = options.mailbox
    ? readText(options.mailbox, '--mailbox')
    : sample
      ? fillSampleDates(readFileSync(join(examples, 'sample-mailbox.json'), 'utf8'), options.today)
      : null;
  let mailbox: ReturnType<typeof mailboxFromFile> | undefined;
  if (mailboxText !== null) {
    try {
      mailbox = mailboxFromFile(JSON.parse(mailboxText));
    } catch (error) {
      const what = error instanceof MailboxFileError ? error.message : `not valid JSON (${(error as Error).message})`;
      throw new UsageError(`--mailbox ${options.mailbox ?? 'sample'}: ${what}`);
    }
  }
  const emulator = Emulator.create({
    today: options.today,
    timeZone,
    locale,
    distDir: dist,
    ...(mailbox ? { mailbox } : {}),
  });
  const csv = options.sheet
    ? readText(options.sheet, '--sheet')
    : sample
      ? fillSampleDates(readFileSync(sampleTracker(examples, locale), 'utf8'), options.today)
      : '';
  try {
    if (csv.trim() !== '') loadCsvIntoSheet(emulator.state.spreadsheet, 'Applications', csv, emulator.runtime.now);
  } catch (error) {
    throw new UsageError(`--sheet ${options.sheet ?? 'sample'}: ${(error as Error).message}`);
  }
  return { emulator, settingsFile: options.settings ?? (sample ? join(examples, 'sample-settings.json') : undefined) };
}

function applySettings(emulator: Emulator, file: string): void {
  const values = readJson(file, '--settings');
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    throw new UsageError(`--settings ${file}: must hold one JSON object of settings`);
  }
  const result = emulator.run('saveSettings', 'menu', [values]);
  const value = result.value as { ok: boolean; errors: { message: string }[] } | undefined;
  if (!result.ok) throw new UsageError(`--settings ${file}: ${result.error}`);
  if (!value?.ok) throw new UsageError(`--settings ${file}: ${value?.errors[0]?.message ?? 'rejected'}`);
}

/**
 * The emulator as `main` prepares it for these flags (the sample tracker, mailbox and settings unless files are
 * given), before any action runs: for tests and tools that then drive the add-on themselves.
 */
export function prepareEmulator(argv: readonly string[], root: string, now = new Date()): Emulator {
  const options = parseArgs(argv, now);
  const setup = setUp(options, { stdout: () => {}, stderr: () => {}, now: () => now, root });
  if (setup.settingsFile) applySettings(setup.emulator, setup.settingsFile);
  return setup.emulator;
}

const HANDLERS: Partial<Record<ActionName, string>> = {
  score: 'scoreApplications',
  draft: 'draftFollowUps',
  'install-trigger': 'turnOnDailyDrafts',
  'remove-trigger': 'turnOffDailyDrafts',
  preview: 'showPreview',
};

interface Outcome {
  sent: SentMessage[];
  errors: { action: string; message: string }[];
  preview: string | null;
}

function runActions(emulator: Emulator, actions: readonly ActionName[]): Outcome {
  const outcome: Outcome = { sent: [], errors: [], preview: null };
  for (const action of actions) {
    if (action === 'send-drafts') {
      outcome.sent.push(...emulator.sendDrafts());
      continue;
    }
    if (action === 'open') {
      const result = emulator.run('onOpen', 'simple-trigger', []);
      if (!result.ok) outcome.errors.push({ action, message: result.error ?? 'failed' });
      continue;
    }
    if (action === 'daily') {
      const results = emulator.fireDailyTriggers();
      if (results.length === 0) {
        outcome.errors.push({ action, message: 'no daily trigger is installed (add --action install-trigger first)' });
      }
      for (const r of results) if (!r.ok) outcome.errors.push({ action, message: r.error ?? 'failed' });
      continue;
    }
    const before = emulator.uiLog.dialogs.length;
    const result = emulator.run(HANDLERS[action]!, 'menu', []);
    if (!result.ok) outcome.errors.push({ action, message: result.error ?? 'failed' });
    if (action === 'preview') {
      const sidebar = emulator.uiLog.dialogs.slice(before).find((d) => d.kind === 'sidebar');
      outcome.preview = sidebar?.html ?? null;
    }
  }
  return outcome;
}

/** Makes --out (and the --state file's folder) exist before anything runs, so a bad path is a usage error. */
function prepareOutputs(options: Options): void {
  const folders: [string, string][] = [[join(options.out, 'drafts'), '--out']];
  if (options.state) folders.push([dirname(resolve(options.state)), '--state']);
  for (const [folder, flag] of folders) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new UsageError(`${flag} ${flag === '--out' ? options.out : options.state}: cannot write there (${code})`);
    }
  }
}

function writeOutputs(
  dir: string,
  emulator: Emulator,
  report: Report,
  drafts: ReportDraft[],
  preview: string | null,
): void {
  mkdirSync(join(dir, 'drafts'), { recursive: true });
  // out/ shows this run: drafts and a preview left by an earlier run would pass for this one's.
  for (const old of readdirSync(join(dir, 'drafts'))) {
    if (old.endsWith('.eml')) rmSync(join(dir, 'drafts', old), { force: true });
  }
  if (preview === null) rmSync(join(dir, 'preview.html'), { force: true });
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, 'sheet.html'), emulator.sheetHtml(report.sheet.name));
  for (const draft of drafts) {
    const name = [draft.row === null ? 'row-unknown' : `row-${draft.row}`, draft.action ?? 'draft', draft.id].join('-');
    writeFileSync(join(dir, 'drafts', `${name}.eml`), draft.raw.replace(/\r?\n/g, '\r\n'));
  }
  if (preview !== null) writeFileSync(join(dir, 'preview.html'), preview);
}

/** True when the person asked for the help text (anywhere on the line, as most command lines allow). */
function wantsHelp(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--help' || arg === '-h');
}

/** The plain output: the rows (or the preview's follow-ups), toasts and alerts, what was sent, the summary. */
function printPlain(io: Io, options: Options, report: Report, outcome: Outcome): void {
  const previewOnly = outcome.preview !== null && unscored(report);
  io.stdout(`${previewOnly ? previewTable(outcome.preview!) : rowsTable(report)}\n\n`);
  if (outcome.preview !== null && !previewOnly) io.stdout(`${previewTable(outcome.preview)}\n\n`);
  for (const toast of report.ui.toasts) io.stdout(`toast: ${toast}\n`);
  for (const alert of report.ui.alerts) io.stdout(`alert: ${alert}\n`);
  for (const line of sentLines(report, options.actions.includes('send-drafts'))) io.stdout(`${line}\n`);
  io.stdout(`\n${summaryLine(report)}\n`);
  const written = [
    join(options.out, 'report.json'),
    join(options.out, 'sheet.html'),
    `${join(options.out, 'drafts')}/`,
  ];
  if (outcome.preview !== null) written.push(join(options.out, 'preview.html'));
  io.stdout(`Wrote ${written.slice(0, -1).join(', ')} and ${written.at(-1)}\n`);
  if (options.state) io.stdout(`Saved the emulator state to ${options.state}\n`);
}

export function main(argv: readonly string[], io: Io): number {
  if (wantsHelp(argv)) {
    io.stdout(helpText({ timeZone: DEFAULT_TZ, locale: DEFAULT_LOCALE }));
    return 0;
  }
  let options: Options;
  let emulator: Emulator;
  try {
    options = parseArgs(argv, io.now());
    const setup = setUp(options, io);
    emulator = setup.emulator;
    if (setup.settingsFile) applySettings(emulator, setup.settingsFile);
    prepareOutputs(options);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`demo: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const outcome = runActions(emulator, options.actions);
  const { report, drafts } = buildReport(emulator, {
    today: options.today,
    sent: outcome.sent,
    errors: outcome.errors,
  });
  const out = resolve(options.out);
  writeOutputs(out, emulator, report, drafts, outcome.preview);
  if (options.state) writeFileSync(options.state, JSON.stringify(emulator.toJSON()));
  for (const error of outcome.errors) io.stderr(`demo: ${error.action}: ${error.message}\n`);
  if (options.json) io.stdout(`${JSON.stringify(report)}\n`);
  else printPlain(io, options, report, outcome);
  return outcome.errors.length > 0 ? 1 : 0;
}
