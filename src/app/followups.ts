/**
 * The follow-up run behind every command: read the tracker once into the run's model, sync with Gmail, draft, and
 * write back — each stage in its own module, the stages a mode asks for in this order.
 */

import { isTrackerHeader } from '../core/columns';
import { type CalendarDate, instantToDate } from '../core/dates';
import { ACTION_LABELS } from '../core/templates';
import type { Clock, KeyValueStore, Mailbox, Workbook } from '../ports';
import { Drafting } from './drafting';
import { GmailFailure, GmailStop, gmailGate, isTimeLimit } from './gmail-gate';
import { GmailSync } from './gmail-sync';
import { readCellJournal, readJournal, readTraces } from './journal';
import { markRowRejected } from './mark-rejected';
import * as say from './messages';
import { outcomes, type RunResult } from './results';
import { loadSettings } from './settings';
import { TrackerModel } from './tracker-model';
import { writeBack } from './write-back';

export type { RowOutcome, RunResult } from './results';

/** Drafting stops at about 4.5 minutes so the run can write its results before Apps Script's 6-minute limit. */
export const DRAFTING_BUDGET_MS = 270_000;

/**
 * What a run does. score: the managed columns and colours, no Gmail (Score rows). draft: Gmail sync, then the due
 * drafts (Draft follow-ups, the daily run, the sidebar's Create draft). preview: Gmail read as a draft run would,
 * nothing drafted or written. check: the sheet scored in memory only. skip: a preview's Gmail read, then one row's
 * follow-up deferred to a day, written back. reject: a preview's Gmail read, then one row's Status cell set to
 * Rejected (see mark-rejected.ts), written back.
 */
export type RunMode =
  | { kind: 'score' }
  | { kind: 'draft'; onlyRowKeys?: readonly string[]; budgetMs?: number }
  | { kind: 'preview' }
  | { kind: 'check' }
  | { kind: 'skip'; rowKey: string; until: CalendarDate }
  | { kind: 'reject'; rowKey: string };

export interface RunDeps {
  clock: Clock;
  workbook: Workbook;
  store: KeyValueStore;
  /** The Gmail mailbox, or null when the advanced Gmail service is not enabled. */
  mailbox: () => Mailbox | null;
  /** The user's Gmail address and send-as aliases, never a recipient (docs/RULES.md §2); none known when absent. */
  ownAddresses?: () => readonly string[];
}

interface Stages {
  model: TrackerModel;
  sync: GmailSync | null;
  drafting: Drafting | null;
  journalKeys: string[];
}

export function runFollowUps(deps: RunDeps, mode: RunMode): RunResult {
  const started = deps.clock.now();
  const stored = deps.store.getAll();
  const { settings, errors } = loadSettings(stored);
  const result: RunResult = {
    found: false,
    sheetName: () => null,
    rows: [],
    drafted: 0,
    replies: 0,
    sentRecorded: 0,
    leftForNextRun: 0,
    mustAct: errors.map((e) => say.settingProblem(e.message)),
    notes: [],
    settings,
    settingErrors: errors,
    headers: null,
  };
  const tracker = deps.workbook.findTracker(settings.trackerSheet);
  if (!tracker || !isTrackerHeader(tracker.values[0] ?? [])) {
    result.mustAct.push(say.noTracker(settings.trackerSheet));
    return result;
  }
  result.found = true;
  result.sheetName = () => tracker.name;
  const { timeZone, locale } = deps.workbook;
  const today = instantToDate(started, timeZone);
  // Only runs that may draft ask Gmail who the user is; the colouring-only run (score) never calls Gmail.
  const ownAddresses = mode.kind === 'score' ? [] : ownAddressesOf(deps);
  const model = new TrackerModel(tracker, settings, { timeZone, locale, today, ownAddresses }, result.notes);
  const cellJournal = readCellJournal(stored);
  model.recoverCells(cellJournal);
  const stages: Stages = { model, sync: null, drafting: null, journalKeys: cellJournal.map((e) => e.key) };
  if (mode.kind !== 'score' && mode.kind !== 'check') syncAndDraft(deps, mode, stages, result, started, stored);
  if (mode.kind === 'skip') result.refused = skipRow(stages, mode.rowKey, mode.until);
  if (mode.kind === 'reject') result.refused = markRowRejected(model, mode.rowKey);
  if (mode.kind !== 'preview' && mode.kind !== 'check' && result.refused === undefined) {
    write(deps, mode, stages, result, stored);
  }
  result.rows = outcomes(model);
  result.headers = model.headers;
  return result;
}

/** The user's own addresses, or none when Gmail cannot say (off, or refusing): then nothing is held back. */
function ownAddressesOf(deps: RunDeps): readonly string[] {
  try {
    return deps.ownAddresses?.() ?? [];
  } catch (error) {
    if (isTimeLimit(error)) throw error;
    return [];
  }
}

/** The Gmail stages: sync for every mode that reads Gmail, then drafting (or its preview). */
function syncAndDraft(
  deps: RunDeps,
  mode: RunMode,
  stages: Stages,
  result: RunResult,
  started: number,
  stored: Record<string, string>,
): void {
  if (!result.settings.yourName) {
    result.mustAct.push(say.NO_NAME);
    return;
  }
  const mailbox = deps.mailbox();
  if (!mailbox) {
    result.mustAct.push(say.GMAIL_OFF);
    return;
  }
  const budgetMs = (mode.kind === 'draft' ? mode.budgetMs : undefined) ?? DRAFTING_BUDGET_MS;
  const overBudget = () => deps.clock.now() - started > budgetMs;
  const gate = gmailGate(deps.clock, () => stages.drafting?.drafted ?? 0);
  const sync = new GmailSync(stages.model, mailbox, gate, overBudget, { stored, startedMs: started });
  const { model } = stages;
  const { settings } = result;
  const drafting = new Drafting({
    model,
    sync,
    mailbox,
    gate,
    store: deps.store,
    settings,
    ctx: model.ctx,
    overBudget,
    started,
  });
  stages.sync = sync;
  stages.drafting = drafting;
  try {
    sync.run(readJournal(stored), readTraces(stored));
    if (mode.kind === 'draft') drafting.draftDue(mode.onlyRowKeys);
    else drafting.previewDue();
  } catch (error) {
    if (isTimeLimit(error)) throw error;
    const drafted = drafting.drafted;
    if (error instanceof GmailStop) result.mustAct.push(error.message);
    else if (error instanceof GmailFailure) result.mustAct.push(say.gmailStopped.failed(error.message, drafted));
    else result.mustAct.push(say.gmailStopped.draftingStopped(say.errorText(error), drafted));
  }
  Object.assign(result, {
    drafted: drafting.drafted,
    replies: sync.replies,
    sentRecorded: sync.sentRecorded,
    leftForNextRun: drafting.leftForNextRun,
  });
  if (drafting.leftForNextRun > 0) result.notes.push(say.leftForNextRun(drafting.leftForNextRun));
  if (sync.recovered > 0) result.notes.push(say.recoveredDrafts(sync.recovered));
}

/** The sidebar's Skip: refused (a sentence) when the row has no follow-up any more or a live draft covers it. */
function skipRow(stages: Stages, rowKey: string, until: CalendarDate): string | undefined {
  const row = stages.model.byKey(rowKey);
  const action = row?.evaluation.action;
  if (!row || !action) return say.skip.nothingToSkip;
  const record = row.app.draft;
  if (record?.kind === 'draft' && record.action === action && stages.sync?.isLive(record.draftId)) {
    return say.skip.alreadyDrafted(row.app.company, ACTION_LABELS[action]);
  }
  stages.model.skip(row, until);
  return undefined;
}

function write(deps: RunDeps, mode: RunMode, stages: Stages, result: RunResult, stored: Record<string, string>): void {
  try {
    const added = writeBack(stages.model, {
      store: deps.store,
      stored,
      linksKnown: stages.sync?.linksKnown ?? false,
      refreshColours: mode.kind === 'score',
      mailMark: stages.sync?.nextMark(),
      mailAnswers: stages.sync?.nextAnswers(),
      // Each property once: a batch's note holds several drafts (one Properties call clears it).
      journalKeys: [
        ...new Set([
          ...stages.journalKeys,
          ...(stages.sync?.journalKeys ?? []),
          ...(stages.drafting?.journalKeys ?? []),
        ]),
      ],
    });
    result.notes.push(...added);
  } catch (error) {
    if (isTimeLimit(error)) throw error;
    // The drafts made are in Gmail and in the journal (document properties): the next run records them.
    result.mustAct.push(say.notSaved(say.errorText(error), result.drafted));
  }
}
