/**
 * The follow-up run behind "Score rows", "Draft follow-ups" and the daily trigger: read the tracker once,
 * decide in memory, read Gmail in batches, draft, then write the managed columns back in one batch.
 */
import type { CellValue, ReadContext } from '../core/cells';
import {
  COLUMN_HEADERS,
  type HeaderMap,
  isTrackerHeader,
  MANAGED_HEADERS,
  MANAGED_KEYS,
  matchHeaders,
} from '../core/columns';
import { type CalendarDate, dateToInstant, instantToDate, toIso } from '../core/dates';
import { type DraftRecord, draftCellValue, messageIdFromFormula } from '../core/draftcell';
import {
  batches,
  contactQuery,
  findReply,
  findSent,
  latestThreadWith,
  type MessageMeta,
  replyHeaders,
} from '../core/mail';
import { awaitsSentCheck, type CellWrite, contactsOf, planDraft, recordReply, recordSent, rowKey } from '../core/plan';
import { type Application, type Evaluation, evaluate, type Problem } from '../core/rules';
import type { Settings } from '../core/settings';
import { ACTION_LABELS, type Action, oneLine, renderDraft, TemplateError } from '../core/templates';
import { isApplicationRow, readApplication } from '../core/tracker';
import type { Clock, KeyValueStore, Mailbox, TrackerSheet, Workbook } from '../ports';
import { readJournal, writeJournal } from './journal';
import { loadSettings } from './settings';
import { templateData } from './wording';

export const COLOURS = { overdue: '#f4c7c3', dueToday: '#fce8b2' } as const;
/** Drafting stops at about 4.5 minutes so the run can write its results before Apps Script's 6-minute limit. */
export const DRAFTING_BUDGET_MS = 270_000;
const CONTACTS_PER_QUERY = 20;
const HISTORY_DAYS = 180;

export interface RunDeps {
  clock: Clock;
  workbook: Workbook;
  store: KeyValueStore;
  /** The Gmail mailbox, or null when the advanced Gmail service is not enabled. */
  mailbox: () => Mailbox | null;
}

export interface RunOptions {
  draft: boolean;
  /** Rebuild the colour rules even when the layout looks unchanged (Score rows does). */
  refreshColours?: boolean;
  /** Only draft these rows (by row key); all rows are still scored. */
  onlyRowKeys?: readonly string[];
  /** Defer these rows' current follow-up until a date (the sidebar's Skip), recorded in their Draft cells. */
  skips?: ReadonlyMap<string, CalendarDate>;
  /** Score in memory only: nothing is written (the preview). */
  dryRun?: boolean;
  budgetMs?: number;
}

export interface RowOutcome {
  row: number;
  rowKey: string;
  company: string;
  role: string;
  action: Action | null;
  due: string | null;
  status: Evaluation['status'];
  statusText: string;
  priority: number;
  problems: Problem[];
  hints: string[];
  recipient: { email: string; name: string } | null;
  draft: DraftRecord | null;
  application: Application;
  evaluation: Evaluation;
}

export interface RunResult {
  /** False when there is no tracker sheet (nothing was read or written). */
  found: boolean;
  /** The tracker's name, read on demand (it costs a call). */
  sheetName(): string | null;
  rows: RowOutcome[];
  drafted: number;
  kept: number;
  replies: number;
  sentRecorded: number;
  leftForNextRun: number;
  /** Things the user must do before the add-on can go on (shown in an alert from the menu). */
  mustAct: string[];
  /** Things worth knowing (shown in the toast). */
  notes: string[];
}

interface RowState {
  index: number;
  app: Application;
  evaluation: Evaluation;
  record: DraftRecord | null;
  messageId: string | undefined;
  key: string;
}

class GmailStop extends Error {}

function isDue(e: Evaluation): boolean {
  return e.action !== null && (e.status === 'overdue' || e.status === 'due-today');
}

function recipientFor(app: Application, action: Action): string | null {
  const preferInterviewer = action === 'thank-you';
  const first = preferInterviewer ? app.interviewerEmail : app.recruiterEmail;
  const second = preferInterviewer ? app.recruiterEmail : app.interviewerEmail;
  return (first ?? second)?.toLowerCase() ?? null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const TRANSIENT =
  /rate limit|user-rate|too many requests|429|backend error|internal error|service unavailable|50[0-4]|timed out|try again/i;

export function runFollowUps(deps: RunDeps, options: RunOptions): RunResult {
  const started = deps.clock.now();
  const all = deps.store.getAll();
  const { settings, errors } = loadSettings(all);
  const result: RunResult = {
    found: false,
    sheetName: () => null,
    rows: [],
    drafted: 0,
    kept: 0,
    replies: 0,
    sentRecorded: 0,
    leftForNextRun: 0,
    mustAct: errors.map((e) => `Settings: ${e.message}`),
    notes: [],
  };
  const tracker = deps.workbook.findTracker(settings.trackerSheet);
  if (!tracker || !isTrackerHeader(tracker.values[0] ?? [])) {
    result.mustAct.push(
      settings.trackerSheet
        ? `There is no sheet named "${settings.trackerSheet}" with a Company header (the trackerSheet setting). Fix the name in Follow-ups › Settings…, or clear it.`
        : 'No tracker sheet found: add a Company header in row 1 of your applications sheet, or use Follow-ups › Set up a tracker sheet.',
    );
    return result;
  }
  result.found = true;
  result.sheetName = () => tracker.name;
  const { timeZone, locale } = deps.workbook;
  const ctx: ReadContext = { timeZone, locale, today: instantToDate(started, timeZone) };
  const run = new Run(deps, options, settings, tracker, ctx, result, all, started);
  run.score();
  if (options.skips) run.skip(options.skips);
  if (options.draft) run.draft();
  if (!options.dryRun) run.write();
  result.rows = run.outcomes();
  return result;
}

class Run {
  private headers: HeaderMap;
  private readonly rows: RowState[] = [];
  private readonly writes: CellWrite[] = [];
  private readonly journalKeys: string[] = [];
  private readonly messagesByAddress = new Map<string, MessageMeta[]>();
  private readonly fetched = new Set<string>();
  /** Headers of columns this run appends to the right of the sheet. */
  private readonly newHeaders: string[] = [];

  constructor(
    private readonly deps: RunDeps,
    private readonly options: RunOptions,
    private readonly settings: Settings,
    private readonly tracker: TrackerSheet,
    private readonly ctx: ReadContext,
    private readonly result: RunResult,
    private readonly stored: Record<string, string>,
    private readonly started: number,
  ) {
    this.headers = matchHeaders(tracker.values[0]!);
  }

  score(): void {
    const draftColumn = this.headers.managed.draft;
    for (let index = 1; index < this.tracker.values.length; index++) {
      const cells = this.tracker.values[index]!;
      if (!isApplicationRow(cells, this.headers)) continue;
      const app = readApplication(cells, index + 1, this.headers, this.ctx);
      const formula = draftColumn === undefined ? undefined : this.tracker.formulas[index]?.[draftColumn];
      this.rows.push({
        index,
        app,
        evaluation: evaluate(app, this.settings, this.ctx.today),
        record: app.draft,
        messageId: messageIdFromFormula(formula),
        key: rowKey(app),
      });
    }
    for (const problem of this.headersProblems()) this.result.notes.push(problem);
  }

  /** Records a skip: the row's current follow-up waits until the chosen day (RULES.md §3 evaluates the record). */
  skip(skips: ReadonlyMap<string, CalendarDate>): void {
    for (const row of this.rows) {
      const until = skips.get(row.key);
      const { action, due } = row.evaluation;
      if (until === undefined || action === null || due === null) continue;
      const previous = row.record?.kind === 'skipped' && row.record.action === action ? row.record.due : due;
      row.record = { kind: 'skipped', action, due: previous, until };
      row.app = { ...row.app, draft: row.record };
      row.evaluation = evaluate(row.app, this.settings, this.ctx.today);
    }
  }

  private headersProblems(): string[] {
    return this.headers.duplicates.map((d) => `Column "${d.header}" repeats another heading, so it is left alone.`);
  }

  private rescore(row: RowState): void {
    row.app = {
      ...readApplication(this.tracker.values[row.index]!, row.index + 1, this.headers, this.ctx),
      draft: row.record,
    };
    row.evaluation = evaluate(row.app, this.settings, this.ctx.today);
  }

  private overBudget(): boolean {
    return this.deps.clock.now() - this.started > (this.options.budgetMs ?? DRAFTING_BUDGET_MS);
  }

  draft(): void {
    if (!this.settings.yourName) {
      this.result.mustAct.push('Add your name in Follow-ups › Settings… (it signs every draft); nothing was drafted.');
      return;
    }
    const mailbox = this.deps.mailbox();
    if (!mailbox) {
      this.result.mustAct.push(
        'Gmail is not switched on for this script: in the Apps Script editor, add the Gmail API under Services, then run Draft follow-ups again.',
      );
      return;
    }
    try {
      this.recoverJournal();
      const live = this.gmail(() => mailbox.liveDrafts());
      const isLive = (id: string) => live.has(id);
      for (const row of this.rows)
        if (row.record?.kind === 'draft' && live.has(row.record.draftId))
          row.messageId ||= live.get(row.record.draftId);
      const pending = this.rows.filter((r) => awaitsSentCheck({ ...r.app, draft: r.record }, isLive));
      const dueCheckIns = (): RowState[] =>
        this.rows.filter(
          (r) => isDue(r.evaluation) && r.evaluation.action !== 'thank-you' && contactsOf(r.app).length > 0,
        );
      this.readMail(mailbox, [...new Set([...pending, ...dueCheckIns()])]);
      for (const row of pending) this.detectSent(row);
      for (const row of dueCheckIns()) this.detectReply(row);
      this.createDrafts(mailbox, isLive);
    } catch (error) {
      if (error instanceof GmailStop) this.result.mustAct.push(error.message);
      else if (/maximum execution time/i.test(messageOf(error))) throw error;
      else {
        this.result.mustAct.push(
          `Gmail failed (${messageOf(error)}); ${this.result.drafted} draft${this.result.drafted === 1 ? ' was' : 's were'} made and kept. Run Draft follow-ups again later.`,
        );
      }
    }
  }

  /** Runs a Gmail call, retrying twice on transient errors; quota and permission errors stop the Gmail work. */
  private gmail<T>(call: () => T): T {
    for (let attempt = 0; ; attempt++) {
      try {
        return call();
      } catch (error) {
        const message = messageOf(error);
        if (/too many times for one day/i.test(message)) {
          throw new GmailStop(
            `Gmail's daily limit was reached after ${this.result.drafted} draft${this.result.drafted === 1 ? '' : 's'}; the rest will be drafted on the next run (tomorrow's daily run, or Draft follow-ups later).`,
          );
        }
        if (/permission|authori[sz]/i.test(message)) {
          throw new GmailStop(
            'The add-on may not use Gmail any more: choose Follow-ups › Draft follow-ups and accept the permissions it asks for.',
          );
        }
        if (/maximum execution time/i.test(message)) throw error;
        if (TRANSIENT.test(message) && attempt < 2) {
          this.deps.clock.sleep(1000 * 2 ** attempt);
          continue;
        }
        if (TRANSIENT.test(message)) {
          throw new GmailStop(
            `Gmail is not answering properly right now (${message}); ${this.result.drafted} draft${this.result.drafted === 1 ? ' was' : 's were'} made and the rest will follow on the next run.`,
          );
        }
        throw error;
      }
    }
  }

  private recoverJournal(): void {
    for (const entry of readJournal(this.stored)) {
      this.journalKeys.push(entry.key);
      const row = this.rows.find((r) => r.key === entry.rowKey);
      if (!row) continue;
      const record = row.record;
      const known =
        (record?.kind === 'draft' && record.draftId === entry.draftId) ||
        (record?.kind === 'sent' && record.action === entry.action && record.due === entry.due);
      if (known) continue;
      row.record = { kind: 'draft', action: entry.action, due: entry.due, draftId: entry.draftId, made: entry.made };
      row.messageId = entry.messageId;
      row.app = { ...row.app, draft: row.record };
    }
  }

  /** Batched reads: one query per 20 rows finds every message to or from their contacts. */
  private readMail(mailbox: Mailbox, rows: RowState[]): void {
    for (const batch of batches(rows, CONTACTS_PER_QUERY)) {
      if (this.overBudget()) return;
      const addresses = [...new Set(batch.flatMap((r) => contactsOf(r.app)))];
      if (addresses.length === 0) continue;
      const known = batch
        .flatMap((r) => [
          r.app.applied,
          r.app.interview,
          r.evaluation.lastOutreach,
          r.record?.kind === 'draft' ? r.record.made : null,
        ])
        .filter((d): d is CalendarDate => d !== null);
      const earliest = known.length > 0 ? Math.min(...known) : this.ctx.today;
      const after = dateToInstant(earliest - HISTORY_DAYS, this.ctx.timeZone) / 1000;
      const ids = this.gmail(() => mailbox.search(contactQuery(addresses, after)));
      for (const id of ids) {
        if (this.fetched.has(id)) continue;
        if (this.overBudget()) return;
        const meta = this.gmail(() => mailbox.message(id));
        this.fetched.add(id);
        for (const address of new Set([...meta.from, ...meta.to, ...meta.cc])) {
          const list = this.messagesByAddress.get(address) ?? [];
          list.push(meta);
          this.messagesByAddress.set(address, list);
        }
      }
    }
  }

  private messagesWith(addresses: readonly string[]): MessageMeta[] {
    const seen = new Set<string>();
    const out: MessageMeta[] = [];
    for (const address of addresses) {
      for (const m of this.messagesByAddress.get(address) ?? []) {
        if (!seen.has(m.id)) {
          seen.add(m.id);
          out.push(m);
        }
      }
    }
    return out;
  }

  /** Appends columns to the in-memory grid; write() adds them to the sheet. */
  private extend(headers: readonly string[]): void {
    if (headers.length === 0) return;
    this.tracker.values.forEach((row, i) => {
      row.push(...(i === 0 ? headers : headers.map(() => '')));
    });
    for (const row of this.tracker.formulas) row.push(...headers.map(() => ''));
    this.newHeaders.push(...headers);
    this.headers = matchHeaders(this.tracker.values[0]!);
  }

  /** Applies recording writes to the grid (never into a formula) and scores the row again on the new facts. */
  private applyAndRescore(row: RowState, writes: CellWrite[]): void {
    for (const write of writes) {
      if (this.headers.columns[write.column] === undefined) this.extend([COLUMN_HEADERS[write.column][0]!]);
      const column = this.headers.columns[write.column]!;
      if (this.tracker.formulas[row.index]?.[column]) {
        this.result.notes.push(
          `${COLUMN_HEADERS[write.column][0]} on row ${row.app.row} holds a formula, so the add-on did not write into it`,
        );
        continue;
      }
      this.writes.push(write);
      this.tracker.values[row.index]![column] = this.cellValue(write);
    }
    this.rescore(row);
  }

  private cellValue(write: CellWrite): CellValue {
    return write.update.kind === 'date'
      ? new Date(dateToInstant(write.update.date, this.ctx.timeZone))
      : write.update.value;
  }

  private detectSent(row: RowState): void {
    const record = row.record;
    if (record?.kind !== 'draft') return;
    const recipient = recipientFor(row.app, record.action);
    if (recipient === null) return;
    const sent = findSent(this.messagesWith([recipient]), recipient, record.made, this.ctx.timeZone);
    if (sent === null) return;
    const writes = recordSent(
      { app: row.app, cells: this.tracker.values[row.index]!, headers: this.headers, ctx: this.ctx },
      record.action,
      sent,
    );
    row.record = { kind: 'sent', action: record.action, due: record.due, sent };
    row.messageId = undefined;
    this.result.sentRecorded++;
    this.applyAndRescore(row, writes);
  }

  private detectReply(row: RowState): void {
    const contacts = contactsOf(row.app);
    const lastOutreach = row.evaluation.lastOutreach;
    if (lastOutreach === null) return;
    const replied = findReply(this.messagesWith(contacts), new Set(contacts), lastOutreach, this.ctx.timeZone);
    if (replied === null) return;
    this.result.replies++;
    const writes = recordReply(
      { app: row.app, cells: this.tracker.values[row.index]!, headers: this.headers, ctx: this.ctx },
      replied,
      lastOutreach,
    );
    this.applyAndRescore(row, writes);
    if (row.evaluation.action !== null) {
      // The user's Heard back cell said something else, so it was left alone; this run still stops the follow-up.
      row.evaluation = { ...row.evaluation, action: null, due: null, status: 'waiting', priority: 10 };
    }
    const liveDraft = row.record?.kind === 'draft' ? ' (the draft in Gmail is no longer needed)' : '';
    row.evaluation = { ...row.evaluation, statusText: `Waiting · they replied on ${toIso(replied)}${liveDraft}` };
  }

  private createDrafts(mailbox: Mailbox, isLive: (id: string) => boolean): void {
    const only = this.options.onlyRowKeys ? new Set(this.options.onlyRowKeys) : null;
    const queue: RowState[] = [];
    for (const row of this.rows) {
      const plan = planDraft({ ...row.app, draft: row.record }, row.evaluation, isLive);
      if (plan.kind === 'keep') {
        row.record = plan.record;
        this.result.kept++;
      } else if (plan.kind === 'create' && (only === null || only.has(row.key))) {
        queue.push(row);
      }
    }
    queue.sort((a, b) => b.evaluation.priority - a.evaluation.priority || a.index - b.index);
    let me: string | null = null;
    for (const row of queue) {
      if (this.overBudget()) {
        this.result.leftForNextRun++;
        continue;
      }
      me ??= this.gmail(() => mailbox.myAddress());
      this.draftOne(mailbox, row, me);
    }
    if (this.result.leftForNextRun > 0) {
      this.result.notes.push(
        `${this.result.leftForNextRun} follow-up${this.result.leftForNextRun === 1 ? '' : 's'} left for the next run (this one was close to Apps Script's time limit)`,
      );
    }
  }

  private draftOne(mailbox: Mailbox, row: RowState, me: string): void {
    const { action, due, recipient } = row.evaluation;
    if (action === null || due === null || recipient === null) return;
    let rendered: ReturnType<typeof renderDraft>;
    try {
      rendered = renderDraft(
        action,
        templateData(row.app, row.evaluation, this.settings, this.ctx),
        this.settings.templates[action],
      );
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      row.evaluation.problems.push({
        code: 'template-error',
        message: `the ${ACTION_LABELS[action]} template has a mistake: ${error.message}`,
        blocking: true,
      });
      return;
    }
    let thread: { threadId: string; subject: string; inReplyTo: string; references: string } | null = null;
    if (action !== 'thank-you') {
      const contacts = contactsOf(row.app);
      const threadId = latestThreadWith(this.messagesWith(contacts), new Set(contacts));
      if (threadId) {
        const headers = replyHeaders(this.gmail(() => mailbox.thread(threadId)));
        if (headers) thread = { threadId, ...headers };
      }
    }
    let created: ReturnType<Mailbox['createDraft']>;
    try {
      created = this.createOne(mailbox, me, row, rendered, thread);
    } catch (error) {
      if (error instanceof GmailStop || /maximum execution time/i.test(messageOf(error))) throw error;
      row.evaluation.problems.push({
        code: 'gmail-refused',
        message: `Gmail refused this draft (${messageOf(error)}); check the email address and wording`,
        blocking: true,
      });
      return;
    }
    this.journalKeys.push(
      writeJournal(this.deps.store, {
        rowKey: row.key,
        action,
        due,
        draftId: created.draftId,
        messageId: created.messageId,
        made: this.ctx.today,
      }),
    );
    row.record = { kind: 'draft', action, due, draftId: created.draftId, made: this.ctx.today };
    row.messageId = created.messageId;
    this.result.drafted++;
  }

  private createOne(
    mailbox: Mailbox,
    me: string,
    row: RowState,
    rendered: ReturnType<typeof renderDraft>,
    thread: { threadId: string; subject: string; inReplyTo: string; references: string } | null,
  ): ReturnType<Mailbox['createDraft']> {
    const recipient = row.evaluation.recipient!;
    return this.gmail(() =>
      mailbox.createDraft({
        fromName: this.settings.yourName,
        fromAddress: me,
        to: recipient.email,
        toName: oneLine(recipient.name),
        subject: thread?.subject ?? rendered.subject,
        text: rendered.text,
        html: rendered.html,
        ...(thread ? { threadId: thread.threadId, inReplyTo: thread.inReplyTo, references: thread.references } : {}),
      }),
    );
  }

  write(): void {
    const recordedColumns = new Set(this.writes.map((w) => w.column));
    const dateColumns = [...recordedColumns].filter(
      (k) => k !== 'followUps' && this.newHeaders.includes(COLUMN_HEADERS[k][0]!),
    );
    this.extend(MANAGED_KEYS.filter((k) => this.headers.managed[k] === undefined).map((k) => MANAGED_HEADERS[k]));
    if (this.newHeaders.length > 0) {
      this.tracker.addColumns(this.newHeaders);
      this.result.notes.push(
        `added the column${this.newHeaders.length === 1 ? '' : 's'} ${this.newHeaders.join(', ')}`,
      );
      const formats = [
        ...(this.newHeaders.includes(MANAGED_HEADERS.due) ? [this.headers.managed.due!] : []),
        ...dateColumns.map((k) => this.headers.columns[k]!),
      ];
      for (const column of formats) this.tracker.formatColumn(column, 'yyyy-mm-dd');
    }
    this.writeManaged();
    for (const write of this.writes) {
      this.tracker.writeCell(write.row, this.headers.columns[write.column]!, this.cellValue(write));
    }
    this.colour();
    for (const key of this.journalKeys) this.deps.store.remove(key);
  }

  private managedCell(row: RowState | undefined, key: (typeof MANAGED_KEYS)[number], index: number): CellValue {
    if (!row) return '';
    const e = row.evaluation;
    switch (key) {
      case 'nextFollowUp':
        return e.action ? ACTION_LABELS[e.action] : '';
      case 'due':
        return e.due === null ? '' : new Date(dateToInstant(e.due, this.ctx.timeZone));
      case 'followUpStatus':
        return e.statusText;
      case 'priority':
        return e.priority;
      case 'draft': {
        if (row.record === null) {
          const column = this.headers.managed.draft;
          if (column === undefined) return '';
          return this.tracker.formulas[index]?.[column] || (this.tracker.values[index]?.[column] ?? '');
        }
        return draftCellValue(row.record, row.record.kind === 'draft' ? row.messageId : undefined);
      }
    }
  }

  private noteFor(row: RowState | undefined): string {
    if (!row) return '';
    return [
      ...row.evaluation.problems.map((p) => `${p.blocking ? 'To fix before drafting' : 'Check'}: ${p.message}`),
      ...row.evaluation.hints.map((h) => `Tip: ${h}`),
    ].join('\n');
  }

  private writeManaged(): void {
    const dataRows = this.tracker.values.length - 1;
    if (dataRows <= 0) return;
    const byIndex = new Map(this.rows.map((r) => [r.index, r]));
    const columns = MANAGED_KEYS.map((key) => ({ key, column: this.headers.managed[key]! })).sort(
      (a, b) => a.column - b.column,
    );
    // Consecutive managed columns are written together; a column the user moved away is written on its own.
    const runs: (typeof columns)[] = [];
    for (const c of columns) {
      const last = runs[runs.length - 1];
      if (last && last[last.length - 1]!.column === c.column - 1) last.push(c);
      else runs.push([c]);
    }
    for (const run of runs) {
      const values: CellValue[][] = [];
      const notes: string[][] = [];
      const hasStatus = run.some((c) => c.key === 'followUpStatus');
      for (let index = 1; index <= dataRows; index++) {
        const row = byIndex.get(index);
        values.push(run.map((c) => this.managedCell(row, c.key, index)));
        if (hasStatus) notes.push(run.map((c) => (c.key === 'followUpStatus' ? this.noteFor(row) : '')));
      }
      this.tracker.writeColumns(run[0]!.column, values, hasStatus ? notes : undefined);
    }
  }

  private colour(): void {
    const status = this.headers.managed.followUpStatus!;
    const key = this.tracker.layoutKey(status);
    if (!this.options.refreshColours && this.stored.colours === key) return;
    this.tracker.colourRows(status, COLOURS);
    this.deps.store.set({ colours: key });
  }

  outcomes(): RowOutcome[] {
    return this.rows.map((r) => ({
      row: r.app.row,
      rowKey: r.key,
      company: r.app.company,
      role: r.app.role,
      action: r.evaluation.action,
      due: r.evaluation.due === null ? null : toIso(r.evaluation.due),
      status: r.evaluation.status,
      statusText: r.evaluation.statusText,
      priority: r.evaluation.priority,
      problems: r.evaluation.problems,
      hints: r.evaluation.hints,
      recipient: r.evaluation.recipient
        ? { email: r.evaluation.recipient.email, name: r.evaluation.recipient.name }
        : null,
      draft: r.record,
      application: r.app,
      evaluation: r.evaluation,
    }));
  }
}
