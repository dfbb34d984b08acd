/**
 * The follow-up run behind "Score rows", "Draft follow-ups" and the daily trigger: read the tracker once,
 * decide in memory, read Gmail in batches, draft, then write the managed columns back in one batch.
 */
import { type CellValue, isBlank, type ReadContext } from '../core/cells';
import {
  COLUMN_HEADERS,
  type HeaderMap,
  isTrackerHeader,
  MANAGED_HEADERS,
  MANAGED_KEYS,
  matchHeaders,
} from '../core/columns';
import { type CalendarDate, dateToInstant, instantToDate, toIso } from '../core/dates';
import { type DraftRecord, draftCellValue } from '../core/draftcell';
import { batches, contactQuery, findReply, findSent, latestThreadWith, replyHeaders } from '../core/mail';
import {
  awaitsSentCheck,
  type CellWrite,
  cellToken,
  columnStretches,
  contactsOf,
  planDraft,
  recordReply,
  recordSent,
  rowKey,
  tokenUpdate,
  updateToken,
} from '../core/plan';
import { type Application, type Evaluation, evaluate, type Problem } from '../core/rules';
import type { Settings } from '../core/settings';
import { ACTION_LABELS, type Action, oneLine, type renderDraft, TemplateError } from '../core/templates';
import { isApplicationRow, readApplication } from '../core/tracker';
import type { Clock, KeyValueStore, Mailbox, TrackerSheet, Workbook } from '../ports';
import { GmailFailure, type GmailGate, GmailStop, gmailGate, isTimeLimit, MailIndex, messageOf } from './gmail-reading';
import {
  type CellNote,
  type JournalEntry,
  readCellJournal,
  readJournal,
  writeCellJournal,
  writeJournal,
} from './journal';
import { loadSettings } from './settings';
import { renderFor } from './wording';

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
  /**
   * Read Gmail as a draft run would (replies, sent drafts, the thread a check-in would reply in) but create
   * nothing: what the preview shows is then what Draft follow-ups will do.
   */
  readGmailOnly?: boolean;
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
  /** Set by a preview when a check-in would reply in an existing thread: that thread's "Re:" subject. */
  replySubject?: string;
}

export interface RunResult {
  /** False when there is no tracker sheet (nothing was read or written). */
  found: boolean;
  /** The tracker's name, read on demand (it costs a call). */
  sheetName(): string | null;
  rows: RowOutcome[];
  drafted: number;
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
  /** The record the Draft cell showed when the run read it. */
  shown: DraftRecord | null;
  messageId: string | undefined;
  key: string;
  /** The subject a check-in gets when it replies in a thread (found by the preview). */
  replySubject?: string | undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The domain for the add-on's Message-IDs: the user's own, as mail clients do. */
function domainOf(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/.test(domain) ? domain : 'job-follow-ups.invalid';
}

function sameRecord(a: DraftRecord | null, b: DraftRecord | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isDue(e: Evaluation): boolean {
  return e.action !== null && (e.status === 'overdue' || e.status === 'due-today');
}

function recipientFor(app: Application, action: Action): string | null {
  const preferInterviewer = action === 'thank-you';
  const first = preferInterviewer ? app.interviewerEmail : app.recruiterEmail;
  const second = preferInterviewer ? app.recruiterEmail : app.interviewerEmail;
  return (first ?? second)?.toLowerCase() ?? null;
}

export function runFollowUps(deps: RunDeps, options: RunOptions): RunResult {
  const started = deps.clock.now();
  const all = deps.store.getAll();
  const { settings, errors } = loadSettings(all);
  const result: RunResult = {
    found: false,
    sheetName: () => null,
    rows: [],
    drafted: 0,
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
  if (options.draft || options.readGmailOnly) run.draft(!options.readGmailOnly);
  if (!options.dryRun) {
    try {
      run.write();
    } catch (error) {
      if (isTimeLimit(error)) throw error;
      // The drafts made are in Gmail and in the journal (document properties): the next run records them.
      const drafted =
        result.drafted > 0
          ? ` The ${plural(result.drafted, 'draft')} made in Gmail ${result.drafted === 1 ? 'is' : 'are'} kept and noted, so the next run records ${result.drafted === 1 ? 'it' : 'them'} instead of drafting again.`
          : '';
      result.mustAct.push(
        `This run's results could not all be saved in the sheet (${messageOf(error)}).${drafted} Run Draft follow-ups again in a minute.`,
      );
    }
  }
  result.rows = run.outcomes();
  return result;
}

class Run {
  private headers: HeaderMap;
  private readonly rows: RowState[] = [];
  private readonly writes: CellWrite[] = [];
  /** The recording writes by row key, cell before and after, for the journal. */
  private readonly cellNotes = new Map<string, CellNote[]>();
  private readonly journalKeys: string[] = [];
  private recovered = 0;
  private draftsStarted = 0;
  private readonly gmail: GmailGate;
  private mailIndex: MailIndex | null = null;
  /** True once Drafts.list was read: the Draft cells' links can then be written from Gmail's current ids. */
  private linksKnown = false;
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
    this.gmail = gmailGate(deps.clock, () => result.drafted);
  }

  score(): void {
    for (let index = 1; index < this.tracker.values.length; index++) {
      const cells = this.tracker.values[index]!;
      if (!isApplicationRow(cells, this.headers)) continue;
      const app = readApplication(cells, index + 1, this.headers, this.ctx);
      this.rows.push({
        index,
        app,
        evaluation: evaluate(app, this.settings, this.ctx.today),
        record: app.draft,
        shown: app.draft,
        messageId: undefined,
        key: rowKey(app),
      });
    }
    // Rows that read the same (the same application entered twice) are told apart by their order, so that each has
    // its own journal notes; sorting can only swap rows that are the same application.
    const seen = new Map<string, number>();
    for (const row of this.rows) {
      const n = (seen.get(row.key) ?? 0) + 1;
      seen.set(row.key, n);
      if (n > 1) row.key = `${row.key}#${n}`;
    }
    for (const problem of this.headersProblems()) this.result.notes.push(problem);
    this.recoverCells();
  }

  /** Finishes the recording writes an interrupted run noted but may not have made (see writeCellJournal). */
  private recoverCells(): void {
    for (const entry of readCellJournal(this.stored)) {
      this.journalKeys.push(entry.key);
      const row = this.rows.find((r) => r.key === entry.rowKey);
      if (!row) continue;
      const writes: CellWrite[] = [];
      for (const note of entry.notes) {
        const column = this.headers.columns[note.column];
        const now = column === undefined ? '' : cellToken(this.tracker.values[row.index]?.[column], this.ctx.timeZone);
        const update = tokenUpdate(note.to);
        if (now === note.from && update) writes.push({ row: row.app.row, column: note.column, update });
      }
      if (writes.length > 0) this.applyAndRescore(row, writes);
    }
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

  draft(create = true): void {
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
    this.mailIndex = new MailIndex(mailbox, this.gmail);
    try {
      const live = this.gmail(() => mailbox.liveDrafts());
      this.linksKnown = true;
      const isLive = (id: string) => live.has(id);
      // Gmail gives a draft's message a new id whenever the draft is edited: the link follows Gmail's current one.
      for (const row of this.rows)
        if (row.record?.kind === 'draft' && live.has(row.record.draftId))
          row.messageId = live.get(row.record.draftId) || row.messageId;
      const journal = this.journalRows();
      const pending = (): RowState[] => this.rows.filter((r) => awaitsSentCheck({ ...r.app, draft: r.record }, isLive));
      const dueCheckIns = (): RowState[] =>
        this.rows.filter(
          (r) => isDue(r.evaluation) && r.evaluation.action !== 'thank-you' && contactsOf(r.app).length > 0,
        );
      const journalRows = journal.map((j) => j.row).filter((r): r is RowState => r !== null);
      this.readMail([...new Set([...pending(), ...dueCheckIns(), ...journalRows])]);
      // The Draft cells first: a send of the draft a cell records is recorded before the journal's newer draft (made by
      // an interrupted run) takes that cell; then a recovered draft the user has sent meanwhile is recorded too.
      for (const row of pending()) this.detectSent(row);
      const recovered = this.recoverJournal(journal, live);
      for (const row of recovered) if (awaitsSentCheck({ ...row.app, draft: row.record }, isLive)) this.detectSent(row);
      for (const row of dueCheckIns()) this.detectReply(row);
      if (create) this.createDrafts(mailbox, isLive);
      else this.planReplies(isLive);
    } catch (error) {
      if (error instanceof GmailStop) this.result.mustAct.push(error.message);
      else if (isTimeLimit(error)) throw error;
      else if (error instanceof GmailFailure) {
        this.result.mustAct.push(
          `Gmail failed (${error.message}); ${this.result.drafted} draft${this.result.drafted === 1 ? ' was' : 's were'} made and kept. Run Draft follow-ups again later.`,
        );
      } else {
        this.result.mustAct.push(
          `Drafting stopped (${messageOf(error)}); ${this.result.drafted} draft${this.result.drafted === 1 ? ' was' : 's were'} made and kept. Run Draft follow-ups again in a minute.`,
        );
      }
    }
    this.noteRecovered();
  }

  /** The journal's notes with their rows (by row key, which survives sorting; null for a row no longer there). */
  private journalRows(): { row: RowState | null; entry: JournalEntry }[] {
    return readJournal(this.stored).map((entry) => ({
      row: this.rows.find((r) => r.key === entry.rowKey) ?? null,
      entry,
    }));
  }

  /**
   * Records the drafts an interrupted run made that the Draft cells do not show: by the ids in the journal, or, for
   * a draft the run only intended, by finding its Message-ID among the messages read from Gmail — still a draft
   * (recorded as that draft) or already sent by the user (recorded by its message id, so the sent check records
   * the send). An intended draft not found was never made, and is drafted as usual. Returns the rows recovered.
   */
  private recoverJournal(
    journal: readonly { row: RowState | null; entry: JournalEntry }[],
    live: ReadonlyMap<string, string>,
  ): RowState[] {
    const draftOf = new Map([...live].map(([draftId, messageId]) => [messageId, draftId]));
    const recovered: RowState[] = [];
    for (const { row, entry } of journal) {
      // Cleared once this run writes the sheet; a run stopped before this point leaves the note for the next.
      this.journalKeys.push(entry.key);
      if (!row) continue;
      const record = row.record;
      const known =
        (record?.kind === 'draft' &&
          (entry.draftId === null
            ? record.action === entry.action && record.due === entry.due && record.made === entry.made
            : record.draftId === entry.draftId)) ||
        (record?.kind === 'sent' && record.action === entry.action && record.due === entry.due);
      if (known) continue;
      let draftId = entry.draftId;
      let messageId: string | undefined = entry.messageId;
      if (draftId === null) {
        // The run died while Gmail made the draft: look it up by the Message-ID it was given (drafts included).
        const found = this.mail.byMessageId(entry.rfcMessageId);
        if (!found) continue;
        draftId = draftOf.get(found.id) ?? found.id;
        messageId = draftOf.has(found.id) ? found.id : undefined;
      }
      row.record = { kind: 'draft', action: entry.action, due: entry.due, draftId, made: entry.made };
      row.messageId = live.get(draftId) || messageId;
      row.app = { ...row.app, draft: row.record };
      recovered.push(row);
    }
    this.recovered += recovered.length;
    return recovered;
  }

  private noteRecovered(): void {
    if (this.recovered === 0) return;
    this.result.notes.push(
      `recorded ${plural(this.recovered, 'draft')} that an interrupted run had made in Gmail (none was drafted twice)`,
    );
  }

  /** Batched reads: one query per 20 rows finds every message to or from their contacts, read thread by thread. */
  private readMail(rows: RowState[]): void {
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
      this.mail.search(contactQuery(addresses, after), () => this.overBudget());
    }
  }

  /** The mail read this run (set once the run has a mailbox). */
  private get mail(): MailIndex {
    if (!this.mailIndex) throw new Error('no mailbox in this run');
    return this.mailIndex;
  }

  /** Appends columns to the in-memory grid; write() adds them to the sheet. */
  private extend(headers: readonly string[]): void {
    if (headers.length === 0) return;
    this.tracker.values.forEach((row, i) => {
      row.push(...(i === 0 ? headers : headers.map(() => '')));
    });
    this.newHeaders.push(...headers);
    this.headers = matchHeaders(this.tracker.values[0]!);
  }

  /** Applies recording writes to the grid (never into a formula) and scores the row again on the new facts. */
  private applyAndRescore(row: RowState, writes: CellWrite[]): void {
    for (const write of writes) {
      if (this.headers.columns[write.column] === undefined) this.extend([COLUMN_HEADERS[write.column][0]!]);
      const column = this.headers.columns[write.column]!;
      if (this.tracker.columnFormulas(column)[row.index - 1]) {
        this.result.notes.push(
          `${COLUMN_HEADERS[write.column][0]} on row ${row.app.row} holds a formula, so the add-on did not write into it`,
        );
        continue;
      }
      this.writes.push(write);
      const notes = this.cellNotes.get(row.key) ?? [];
      notes.push({
        column: write.column,
        from: cellToken(this.tracker.values[row.index]![column], this.ctx.timeZone),
        to: updateToken(write.update),
      });
      this.cellNotes.set(row.key, notes);
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
    const sent = findSent(this.mail.with([recipient]), recipient, record.made, this.ctx.timeZone);
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
    const replied = findReply(this.mail.with(contacts), new Set(contacts), lastOutreach, this.ctx.timeZone);
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

  /** What createDrafts would do, without Gmail writes: kept drafts, and the thread each check-in would reply in. */
  private planReplies(isLive: (id: string) => boolean): void {
    for (const row of this.rows) {
      const plan = planDraft({ ...row.app, draft: row.record }, row.evaluation, isLive);
      if (plan.kind === 'keep') row.record = plan.record;
      if (plan.kind !== 'create' || row.evaluation.action === 'thank-you') continue;
      if (this.overBudget()) return;
      const contacts = contactsOf(row.app);
      const threadId = latestThreadWith(this.mail.with(contacts), new Set(contacts));
      if (threadId) row.replySubject = replyHeaders(this.mail.thread(threadId))?.subject;
    }
  }

  private draftOne(mailbox: Mailbox, row: RowState, me: string): void {
    const { action, due, recipient } = row.evaluation;
    if (action === null || due === null || recipient === null) return;
    let rendered: ReturnType<typeof renderDraft>;
    try {
      rendered = renderFor(row.app, row.evaluation, this.settings, this.ctx);
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
      const threadId = latestThreadWith(this.mail.with(contacts), new Set(contacts));
      if (threadId) {
        const headers = replyHeaders(this.mail.thread(threadId));
        if (headers) thread = { threadId, ...headers };
      }
    }
    // The intent goes in the journal first: if the run dies while Gmail makes the draft, the next run finds it.
    const rfcMessageId = `<${this.started.toString(36)}.${++this.draftsStarted}.followup@${domainOf(me)}>`;
    const intent = { rowKey: row.key, action, due, made: this.ctx.today, rfcMessageId };
    this.journalKeys.push(writeJournal(this.deps.store, { ...intent, draftId: null, messageId: '' }));
    let created: ReturnType<Mailbox['createDraft']>;
    try {
      created = this.createOne(mailbox, me, row, rendered, thread, rfcMessageId);
    } catch (error) {
      if (error instanceof GmailStop || isTimeLimit(error)) throw error;
      row.evaluation.problems.push({
        code: 'gmail-refused',
        message: `Gmail refused this draft (${messageOf(error)}); check the email address and wording`,
        blocking: true,
      });
      return;
    }
    // Recorded in memory first, so the Draft cell written at the end of this run records the draft even when the
    // journal cannot be updated; that failure then stops drafting (the next intent could not be noted either).
    row.record = { kind: 'draft', action, due, draftId: created.draftId, made: this.ctx.today };
    row.messageId = created.messageId;
    this.result.drafted++;
    writeJournal(this.deps.store, { ...intent, draftId: created.draftId, messageId: created.messageId });
  }

  private createOne(
    mailbox: Mailbox,
    me: string,
    row: RowState,
    rendered: ReturnType<typeof renderDraft>,
    thread: { threadId: string; subject: string; inReplyTo: string; references: string } | null,
    rfcMessageId: string,
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
        rfcMessageId,
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
    // The facts first (the recording writes in user cells, noted beforehand), then the Draft cells that rely on
    // them: a run stopped in between leaves a Draft cell that still asks for the sent check, never a "sent" record
    // whose Last follow-up or Follow-ups sent was not written.
    if (this.writes.length > 0) this.journalKeys.push(...writeCellJournal(this.deps.store, this.cellNotes));
    this.writeRecorded();
    this.writeManaged();
    this.colour();
    for (const key of this.journalKeys) this.deps.store.remove(key);
  }

  /**
   * The recording writes, one batch per column: the stretch of rows from the first to the last cell written, with
   * every other cell in it written back as it is — except a cell that writing back could change (see rewritable),
   * which splits the stretch. So the cost does not grow with the number of replies or sends.
   */
  private writeRecorded(): void {
    const byColumn = new Map<number, Map<number, CellValue>>();
    for (const write of this.writes) {
      const column = this.headers.columns[write.column]!;
      const cells = byColumn.get(column) ?? new Map<number, CellValue>();
      cells.set(write.row, this.cellValue(write));
      byColumn.set(column, cells);
    }
    for (const [column, cells] of byColumn) {
      const formulas = this.tracker.columnFormulas(column);
      const current = (row: number) => ({ value: this.tracker.values[row - 1]?.[column], formula: formulas[row - 2] });
      for (const stretch of columnStretches(cells, current)) {
        this.tracker.writeColumns(
          column,
          stretch.values.map((v) => [v]),
          undefined,
          stretch.startRow,
        );
      }
    }
  }

  private managedCell(row: RowState | undefined, key: (typeof MANAGED_KEYS)[number]): CellValue {
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
      case 'draft':
        if (row.record === null) return '';
        return draftCellValue(row.record, row.record.kind === 'draft' ? row.messageId : undefined);
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
    const draftColumn = this.headers.managed.draft!;
    // A Draft cell the add-on has no record for (a row that is not an application, or text it cannot read) keeps
    // what is in it, untouched: written back, its text would be read again as typed ("=1+1" would become a
    // formula, "1/2" a date), and a record in a row whose Company is blank for now must survive to stop a redraft.
    // Without Gmail's current draft ids (a run that did not list the drafts) a cell whose record did not change is
    // left alone too, so that its link to the draft survives.
    const kept = new Set<number>();
    for (let index = 1; index <= dataRows; index++) {
      const row = byIndex.get(index);
      if (row?.record) {
        if (!this.linksKnown && sameRecord(row.record, row.shown)) kept.add(index);
        continue;
      }
      if (!isBlank(this.tracker.values[index]?.[draftColumn]) || !this.linksKnown) kept.add(index);
    }
    const columns = MANAGED_KEYS.filter((key) => kept.size === 0 || key !== 'draft')
      .map((key) => ({ key, column: this.headers.managed[key]! }))
      .sort((a, b) => a.column - b.column);
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
        values.push(run.map((c) => this.managedCell(row, c.key)));
        if (hasStatus) notes.push(run.map((c) => (c.key === 'followUpStatus' ? this.noteFor(row) : '')));
      }
      this.tracker.writeColumns(run[0]!.column, values, hasStatus ? notes : undefined);
    }
    if (kept.size === 0) return;
    // The Draft column in stretches of rows between the kept cells.
    let start = 1;
    for (let index = 1; index <= dataRows + 1; index++) {
      if (index <= dataRows && !kept.has(index)) continue;
      if (index > start) {
        const values: CellValue[][] = [];
        for (let i = start; i < index; i++) values.push([this.managedCell(byIndex.get(i), 'draft')]);
        this.tracker.writeColumns(draftColumn, values, undefined, start + 1);
      }
      start = index + 1;
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
      ...(r.replySubject ? { replySubject: r.replySubject } : {}),
    }));
  }
}
