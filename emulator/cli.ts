/**
 * `npm run demo`: the built add-on run in the emulator, as docs/COMMAND-LINE.md specifies (flags, actions,
 * --state, the JSON report, out/). Exit 0 when every action ran, 1 when one threw, 2 for bad flags or input.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  type Action,
  type ActionName,
  DEFAULT_LOCALE,
  DEFAULT_TZ,
  type Io,
  type Options,
  parseArgs,
  UsageError,
} from './cli-args';
import { helpText, previewTable, rowsTable, sentLines, summaryLine, unscored } from './cli-output';
import { applySettings, setUp } from './cli-setup';
import type { Emulator } from './emulator';
import type { SentMessage } from './gmail';
import { buildReport, type Report, type ReportDraft } from './report';
import { parseUserStep, runUserStep } from './user-steps';

export { ACTIONS } from './cli-args';
export { fillSampleDates, prepareEmulator } from './cli-setup';

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

/** A user step in Gmail; its failure is the action's error, and the next actions still run. */
function runGmailStep(emulator: Emulator, action: Action, outcome: Outcome): boolean {
  const step = parseUserStep(action);
  if (step === null) return false;
  try {
    outcome.sent.push(...runUserStep(emulator, step));
  } catch (error) {
    outcome.errors.push({ action, message: (error as Error).message });
  }
  return true;
}

/** True for the actions that send mail, after which the output says what was sent. */
function isSendingAction(action: Action): boolean {
  return action === 'send-drafts' || action === 'deliver-scheduled' || action.startsWith('send-draft:');
}

function runActions(emulator: Emulator, actions: readonly Action[]): Outcome {
  const outcome: Outcome = { sent: [], errors: [], preview: null };
  for (const action of actions) {
    if (runGmailStep(emulator, action, outcome)) continue;
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
    const result = emulator.run(HANDLERS[action as ActionName]!, 'menu', []);
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
  for (const line of sentLines(report, options.actions.some(isSendingAction))) io.stdout(`${line}\n`);
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
