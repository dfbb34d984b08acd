/**
 * The emulator `npm run demo` prepares from its flags: the built add-on, a --state file or the sample (or given)
 * tracker, mailbox and settings.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LOCALE, DEFAULT_TZ, type Io, type Options, parseArgs, UsageError } from './cli-args';
import { Emulator, startOfDay } from './emulator';
import { MailboxFileError, mailboxFromFile } from './gmail';
import { loadCsvIntoSheet } from './spreadsheet';

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

export function setUp(options: Options, io: Io): { emulator: Emulator; settingsFile: string | undefined } {
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

/**
 * Stores a --settings object as given where the add-on keeps its settings (document property `settings`, on top of
 * what a --state file holds; `templates` under `template.<language>.<action>` / `template.<action>`), unchecked:
 * docs/COMMAND-LINE.md makes a value the add-on cannot use the add-on's to report, not the command line's to refuse.
 */
export function applySettings(emulator: Emulator, file: string): void {
  const values = readJson(file, '--settings');
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    throw new UsageError(`--settings ${file}: must hold one JSON object of settings`);
  }
  const store = emulator.state.platform.properties.document;
  const { templates, ...scalars } = values as Record<string, unknown>;
  let stored: unknown = {};
  try {
    stored = JSON.parse(store.settings ?? '{}');
  } catch {
    stored = {};
  }
  const base = stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
  store.settings = JSON.stringify({ ...base, ...scalars });
  if (templates && typeof templates === 'object') {
    for (const [key, value] of Object.entries(templates as Record<string, unknown>)) {
      const isOverride = value && typeof value === 'object' && ('subject' in value || 'body' in value);
      if (isOverride || typeof value !== 'object' || value === null) store[`template.${key}`] = JSON.stringify(value);
      else for (const [action, o] of Object.entries(value)) store[`template.${key}.${action}`] = JSON.stringify(o);
    }
  }
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
