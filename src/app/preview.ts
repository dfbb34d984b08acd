/**
 * What the sidebar and the settings dialog ask of the server (through google.script.run): the preview of due
 * follow-ups, drafting some or all of them, skipping one, selecting a row, and reading and saving settings.
 */
import { fromIso, instantToDate, toIso } from '../core/dates';
import type { Preview, PreviewRow, SettingsForm } from '../core/pages';
import { DEFAULT_SETTINGS, type SettingError } from '../core/settings';
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
import { type CommandDeps, draftFollowUps, rescheduleIfOn, summaryLine } from './commands';
import { type RowOutcome, runFollowUps } from './followups';
import { loadSettings, updateSettings } from './settings';
import { renderFor } from './wording';

type Rendered = { subject: string; text: string } | { error: string } | null;

function previewRow(outcome: RowOutcome, render: (o: RowOutcome) => Rendered): PreviewRow {
  const rendered = render(outcome);
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
    drafted:
      record !== null &&
      record.kind !== 'skipped' &&
      record.action === outcome.action &&
      (record.kind === 'sent' ? record.due === (outcome.due ? fromIso(outcome.due) : null) : true),
  };
}

/** The rows with a due or overdue follow-up, by priority, with the draft each would get. Writes nothing. */
export function getPreview(deps: CommandDeps, message?: string): Preview {
  const result = runFollowUps(deps, { draft: false, dryRun: true, readGmailOnly: true });
  const { settings } = loadSettings(deps.store.getAll());
  const today = instantToDate(deps.clock.now(), deps.workbook.timeZone);
  const ctx = { timeZone: deps.workbook.timeZone, locale: deps.workbook.locale, today };
  const render = (o: RowOutcome): Rendered => {
    if (!o.action) return null;
    try {
      return renderFor(o.application, o.evaluation, settings, ctx);
    } catch (error) {
      return { error: `the ${ACTION_LABELS[o.action]} template has a mistake: ${(error as Error).message}` };
    }
  };
  const rows = result.rows
    .filter((r) => r.status === 'overdue' || r.status === 'due-today')
    .sort((a, b) => b.priority - a.priority || a.row - b.row)
    .map((r) => previewRow(r, render));
  return {
    sheetName: result.sheetName(),
    today: toIso(today),
    rows,
    mustAct: result.mustAct,
    ...(message ? { message } : {}),
  };
}

/** Sidebar: Create draft (some rows) or Create all drafts (no keys); answers with the refreshed preview. */
export function createDrafts(deps: CommandDeps, rowKeys?: readonly string[]): Preview {
  const result = draftFollowUps(deps, rowKeys);
  if (result === null)
    return getPreview(deps, 'Another follow-up run is working on this sheet right now. Try again in a minute.');
  const parts = [summaryLine(result, true), ...result.notes, ...result.mustAct];
  return getPreview(deps, parts.join(' · '));
}

/** Sidebar: Skip defers a row's follow-up until a chosen date, kept in its Draft cell and respected by every run. */
export function skipFollowUp(deps: CommandDeps, rowKey: string, untilIso: string): Preview {
  const until = fromIso(String(untilIso));
  const today = instantToDate(deps.clock.now(), deps.workbook.timeZone);
  if (until === null || until <= today) {
    throw new Error(`Choose a day after today (${toIso(today)}) to skip to, written like ${toIso(today + 7)}.`);
  }
  const preview = runFollowUps(deps, { draft: false, dryRun: true });
  const row = preview.rows.find((r) => r.rowKey === rowKey);
  if (!row?.action) throw new Error('That row has no follow-up to skip any more; the list has been refreshed.');
  if (row.draft?.kind === 'draft' && row.draft.action === row.action) {
    const mailbox = deps.mailbox();
    if (mailbox?.liveDrafts().has(row.draft.draftId)) {
      throw new Error(
        `${row.company} already has a ${ACTION_LABELS[row.action]} draft in Gmail; delete it there first if you want to skip this follow-up.`,
      );
    }
  }
  const locked = deps.lock.tryLock(5_000);
  if (!locked) throw new Error('Another follow-up run is working on this sheet right now. Try again in a minute.');
  try {
    runFollowUps(deps, { draft: false, skips: new Map([[rowKey, until]]) });
  } finally {
    deps.lock.release();
  }
  return getPreview(deps, `${row.company}: ${ACTION_LABELS[row.action]} skipped until ${toIso(until)}.`);
}

export function getSettingsForm(deps: CommandDeps): SettingsForm {
  const all = deps.store.getAll();
  const { settings, errors } = loadSettings(all);
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
  };
}

/** Saves the dialog's settings (all-or-nothing) and moves a daily trigger to a new hour. */
export function saveSettingsForm(
  deps: CommandDeps,
  values: Record<string, unknown>,
): { ok: boolean; errors: SettingError[] } {
  const { errors } = updateSettings(deps.store, values);
  if (errors.length === 0) rescheduleIfOn(deps.scheduler, deps.store, deps.workbook);
  return { ok: errors.length === 0, errors };
}

export type { Preview, PreviewRow, SettingsForm };
