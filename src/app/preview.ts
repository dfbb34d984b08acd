/**
 * What the sidebar and the settings dialog ask of the server (through google.script.run): the preview of due
 * follow-ups, drafting some or all of them, skipping one, marking one as rejected, selecting a row, and reading and
 * saving settings. Each click runs the pipeline once, and the list it answers with is that run's.
 */
import { COLUMN_KEYS, KEY_LABELS, matchHeaders } from '../core/columns';
import { fromIso, instantToDate, toIso } from '../core/dates';
import type { Preview, PreviewRow, SaveSettingsResult, SettingsForm } from '../core/pages';
import { looksRejected } from '../core/reply-verdict';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import {
  ACTION_LABELS,
  ACTIONS,
  builtInTemplates,
  draftLanguage,
  LANGUAGE_PACKS,
  LANGUAGES,
  languageOfLocale,
  PLACEHOLDERS,
  placeUnsetTemplates,
} from '../core/templates';
import { type CommandDeps, rescheduleIfOn, runLocked } from './commands';
import { type RowOutcome, type RunResult, runFollowUps } from './followups';
import * as say from './messages';
import { loadSettings, updateSettings } from './settings';
import { renderFor } from './wording';

type Rendered = { subject: string; text: string } | { error: string } | null;

function previewRow(outcome: RowOutcome, rendered: Rendered): PreviewRow {
  const draft = rendered && 'subject' in rendered ? rendered : null;
  const templateProblems = rendered && 'error' in rendered ? [{ message: rendered.error, blocking: true }] : [];
  const lines = (draft?.text ?? '').split('\n').filter((l) => l.trim() !== '');
  const record = outcome.draft;
  return {
    row: outcome.row,
    rowKey: outcome.rowKey,
    company: outcome.company,
    role: outcome.role,
    action: outcome.action ?? '',
    actionLabel: outcome.action ? ACTION_LABELS[outcome.action] : '',
    due: outcome.due ?? '',
    status: outcome.status,
    statusText: outcome.statusText,
    priority: outcome.priority,
    to: outcome.recipient
      ? outcome.recipient.name
        ? `${outcome.recipient.name} <${outcome.recipient.email}>`
        : outcome.recipient.email
      : '',
    subject: outcome.replySubject ?? draft?.subject ?? '',
    bodyStart: lines.slice(0, 3).join('\n'),
    problems: [...outcome.problems.map((p) => ({ message: p.message, blocking: p.blocking })), ...templateProblems],
    notes: outcome.application.notes,
    mayMarkRejected: rejectionRow(outcome),
    rejectedOn: rejectionRow(outcome) ? toIso(outcome.mail!.reply!.day) : '',
    drafted:
      record !== null &&
      record.kind !== 'skipped' &&
      record.action === outcome.action &&
      (record.kind === 'sent' ? record.due === (outcome.due ? fromIso(outcome.due) : null) : true),
  };
}

/** A row whose mail looks like a rejection and whose Status does not close it yet: "Mark as rejected" is offered. */
function rejectionRow(outcome: RowOutcome): boolean {
  return looksRejected(outcome.mail) && outcome.status !== 'closed';
}

/**
 * The sidebar's list from a run's results: the due rows by priority, each with the draft it would get, then the rows
 * whose mail looks like a rejection, by sheet row (a rejection stops the follow-up, so none of them is due).
 */
function previewOf(deps: CommandDeps, result: RunResult, message?: string): Preview {
  const { timeZone, locale } = deps.workbook;
  const today = instantToDate(deps.clock.now(), timeZone);
  const ctx = { timeZone, locale, today };
  const render = (o: RowOutcome): Rendered => {
    if (!o.action) return null;
    try {
      return renderFor(o.application, o.evaluation, result.settings, ctx);
    } catch (error) {
      return { error: say.draftProblem.template(ACTION_LABELS[o.action], say.errorText(error)) };
    }
  };
  const rows = result.rows
    .filter((r) => r.status === 'overdue' || r.status === 'due-today')
    .sort((a, b) => b.priority - a.priority || a.row - b.row)
    .map((r) => previewRow(r, render(r)));
  rows.push(...result.rows.filter(rejectionRow).map((r) => previewRow(r, null)));
  return {
    sheetName: result.sheetName(),
    today: toIso(today),
    rows,
    mustAct: result.mustAct,
    ...(message ? { message } : {}),
  };
}

/** The rows with a due or overdue follow-up, by priority, with the draft each would get. Writes nothing. */
export function getPreview(deps: CommandDeps, message?: string): Preview {
  return previewOf(deps, runFollowUps(deps, { kind: 'preview' }), message);
}

/** Menu: Preview follow-ups… (a sidebar, filled straight away with the preview). */
export function showPreview(deps: CommandDeps): void {
  deps.ui?.showSidebar('sidebar', 'Follow-ups', getPreview(deps));
}

/** Menu: Settings… (a dialog). */
export function showSettings(deps: CommandDeps): void {
  deps.ui?.showDialog('settings', 'Follow-up settings', getSettingsForm(deps), { width: 620, height: 680 });
}

/** Sidebar: Create draft (some rows) or Create all drafts (no keys); answers with the run's refreshed list. */
export function createDrafts(deps: CommandDeps, rowKeys?: readonly string[]): Preview {
  const result = runLocked(deps, { kind: 'draft', ...(rowKeys ? { onlyRowKeys: rowKeys } : {}) });
  if (result === null) return getPreview(deps, say.BUSY);
  return previewOf(deps, result, say.runAll(result));
}

/** Sidebar: Skip defers a row's follow-up until a chosen date, kept in its Draft cell and respected by every run. */
export function skipFollowUp(deps: CommandDeps, rowKey: string, untilIso: string): Preview {
  const until = fromIso(String(untilIso));
  const today = instantToDate(deps.clock.now(), deps.workbook.timeZone);
  if (until === null || until <= today) throw new Error(say.skip.chooseLater(toIso(today), toIso(today + 7)));
  const result = runLocked(deps, { kind: 'skip', rowKey, until });
  if (result === null) throw new Error(say.BUSY);
  if (result.refused !== undefined) throw new Error(result.refused);
  const row = result.rows.find((r) => r.rowKey === rowKey)!;
  return previewOf(deps, result, say.skip.done(row.company, ACTION_LABELS[row.action!], toIso(until)));
}

/**
 * Sidebar: Mark as rejected sets one row's Status to Rejected (the allowed value that reads so, with a list
 * validation), the one write into Status (docs/RULES.md §5), under the run lock; answers with the refreshed list.
 * @throws Error with a sentence saying what to fix when refused (see markRowRejected) or when another run is busy
 */
export function markRejected(deps: CommandDeps, rowKey: string): Preview {
  const result = runLocked(deps, { kind: 'reject', rowKey });
  if (result === null) throw new Error(say.BUSY);
  if (result.refused !== undefined) throw new Error(result.refused);
  const row = result.rows.find((r) => r.rowKey === rowKey)!;
  return previewOf(deps, result, say.reject.done(row.company, row.application.status.text));
}

export function getSettingsForm(deps: CommandDeps): SettingsForm {
  const { settings, errors } = loadSettings(deps.store.getAll());
  const language = draftLanguage(settings.language, deps.workbook.locale);
  return {
    values: { ...settings, templates: placeUnsetTemplates(settings.templates, language) },
    defaults: { ...DEFAULT_SETTINGS },
    defaultTemplates: Object.fromEntries(
      LANGUAGES.map((l) => [l, builtInTemplates(l)]),
    ) as SettingsForm['defaultTemplates'],
    languages: LANGUAGES.map((l) => ({
      language: l,
      name: LANGUAGE_PACKS[l].name,
      englishName: LANGUAGE_PACKS[l].englishName,
    })),
    localeLanguage: languageOfLocale(deps.workbook.locale),
    actions: ACTIONS.map((action) => ({ action, label: ACTION_LABELS[action] })),
    placeholders: PLACEHOLDERS,
    timeZone: deps.workbook.timeZone,
    locale: deps.workbook.locale,
    errors,
    ...columnChoices(deps, settings),
  };
}

/** The Column headers picker: the sheet's headers and what each key reads now (one read of the tracker sheet). */
function columnChoices(deps: CommandDeps, settings: Settings): Pick<SettingsForm, 'sheetHeaders' | 'columnReads'> {
  const tracker = deps.workbook.findTracker(settings.trackerSheet);
  const headers = matchHeaders(tracker?.values[0] ?? [], { overrides: settings.columns });
  const managed = new Set(Object.values(headers.managed));
  return {
    sheetHeaders: headers.row.filter((h, i) => h.trim() !== '' && !managed.has(i)),
    columnReads: COLUMN_KEYS.map((key) => ({ key, label: KEY_LABELS[key], reads: headers.labels[key] ?? null })),
  };
}

/** Saves the dialog's settings (all-or-nothing) and moves a daily trigger to a new hour. */
export function saveSettingsForm(deps: CommandDeps, values: Record<string, unknown>): SaveSettingsResult {
  const { errors } = updateSettings(deps.store, values);
  if (errors.length === 0) rescheduleIfOn(deps.scheduler, deps.store, deps.workbook);
  return { ok: errors.length === 0, errors };
}
