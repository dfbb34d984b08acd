/**
 * Gmail sync, before drafting (docs/RULES.md §5): which drafts are still live, the batched reads of the contacts'
 * mail, sent drafts and replies recorded on their rows, and the drafts an interrupted run made recovered from the
 * journal.
 */
import { type CalendarDate, dateToInstant } from '../core/dates';
import {
  batches,
  contactQuery,
  type DraftTrace,
  findIntended,
  findSent,
  isScheduled,
  type MessageMeta,
} from '../core/mail';
import { companyDomains } from '../core/mail-senders';
import { awaitsSentCheck, contactsOf, planDraft, recordSent } from '../core/plan';
import { chooseRecipient } from '../core/rules';
import type { Mailbox } from '../ports';
import { AnswerCheck } from './answer-check';
import { awaitsAnswer } from './answer-rows';
import { GmailFailure, type GmailGate } from './gmail-gate';
import type { DraftTraceEntry, JournalEntry } from './journal';
import { MailIndex } from './mail-index';
import { type MailMark, markValue, readMark, rowFingerprint } from './mail-mark';
import type { TrackedRow, TrackerModel } from './tracker-model';

const CONTACTS_PER_QUERY = 20;
/** How far before a batch's earliest date its query looks, so the thread a check-in replies in is found. */
const HISTORY_DAYS = 180;

/** True once the run is near its drafting budget (see followups.ts). */
export type OverBudget = () => boolean;

/** The document properties as the run read them and the run's start (epoch ms), for the mail mark (mail-mark.ts). */
export interface MarkSource {
  stored: Record<string, string>;
  startedMs: number;
}

export class GmailSync {
  readonly mail: MailIndex;
  /** Every live draft id with its message id; empty until `run` reads Drafts.list. */
  live: ReadonlyMap<string, string> = new Map();
  /** True once Drafts.list was read: the Draft cells' links can then be written from Gmail's current ids. */
  linksKnown = false;
  /** Employers' answers (answer-check.ts). */
  readonly answers: AnswerCheck;
  sentRecorded = 0;
  recovered = 0;
  /** The journal notes this run has dealt with, cleared once it writes the sheet (a run stopped earlier keeps them). */
  readonly journalKeys: string[] = [];
  /** Rows whose mail this run knows up to its start; every read complete unless the budget or Gmail cut it. */
  private readonly readKeys = new Set<string>();
  /** Rows the mark leaves out: a reply recorded, or a draft found scheduled (see detectSent). */
  private readonly repliedKeys = new Set<string>();
  private readComplete = false;
  private owner = '';
  /** The traces of the drafts the add-on made (see journal.ts), by draft id: every row looks its draft up. */
  private traces = new Map<string, DraftTraceEntry[]>();

  constructor(
    private readonly model: TrackerModel,
    private readonly mailbox: Mailbox,
    private readonly gate: GmailGate,
    private readonly overBudget: OverBudget,
    private readonly markSource?: MarkSource,
  ) {
    this.mail = new MailIndex(mailbox, gate);
    this.answers = new AnswerCheck(model, this.mail, overBudget, markSource?.stored);
  }

  /** How many rows this run found an answer for. */
  get replies(): number {
    return this.answers.replies;
  }

  readonly isLive = (draftId: string): boolean => this.live.has(draftId);

  /**
   * Reads Gmail once for the whole sheet and records what it shows; `journal` holds an interrupted run's drafts,
   * `traces` the thread and subject of each draft the add-on made.
   */
  run(journal: readonly JournalEntry[], traces: readonly DraftTraceEntry[] = []): void {
    this.traces = new Map();
    for (const t of traces) this.traces.set(t.draftId, [...(this.traces.get(t.draftId) ?? []), t]);
    this.live = this.gate(() => this.mailbox.liveDrafts());
    this.linksKnown = true;
    // Gmail gives a draft's message a new id whenever the draft is edited: the link follows Gmail's current one.
    for (const row of this.model.rows) {
      const record = row.app.draft;
      if (record?.kind === 'draft' && this.live.has(record.draftId)) {
        row.messageId = this.live.get(record.draftId) || row.messageId;
      }
    }
    const journalRows = journal.map((entry) => ({ entry, row: this.model.byKey(entry.rowKey) ?? null }));
    const pending = () => this.model.rows.filter((r) => awaitsSentCheck(r.app, this.isLive));
    const answerRows = this.model.rows.filter(awaitsAnswer);
    const withJournal = journalRows.map((j) => j.row).filter((r): r is TrackedRow => r !== null);
    const mark = this.readMark();
    // A row awaiting its sent check reads only newer mail first: once its send is found it needs no thread.
    const known = (r: TrackedRow) =>
      mark !== null &&
      !withJournal.includes(r) &&
      (awaitsSentCheck(r.app, this.isLive) || !this.needsThread(r)) &&
      mark.rows.has(rowFingerprint(r, this.owner));
    const toRead = [...new Set([...pending(), ...answerRows, ...withJournal])];
    this.readMail(toRead.filter((r) => !known(r)));
    const newer = toRead.filter(known);
    if (mark) this.readMail(newer, mark.afterMs);
    this.answers.readHiringMail(answerRows, (r) => (known(r) && mark ? mark.afterMs : 0));
    // The Draft cells first: a send of the draft a cell records is recorded before the journal's newer draft (made by
    // an interrupted run) takes that cell; then a recovered draft the user has sent meanwhile is recorded too.
    for (const row of pending()) this.detectSent(row);
    for (const row of this.recoverJournal(journalRows)) if (awaitsSentCheck(row.app, this.isLive)) this.detectSent(row);
    for (const row of answerRows) if (this.answers.detect(row, this.owner)) this.repliedKeys.add(row.key);
    this.answers.showStored(this.owner);
    this.readLateAnswers(answerRows);
    // A check-in about to be drafted replies in the latest thread with its recipient, which may be older than the mark.
    this.readMail(newer.filter((r) => this.needsThread(r)));
    this.readComplete = !this.overBudget();
    this.clearStaleTraces();
  }

  /**
   * Rows that await an answer only since this run recorded a send (the thank-you went out, so the check-in is due
   * now): their mail, the hiring systems' included, is read in full and their answers found before anything is
   * drafted, as for every other due check-in (docs/RULES.md §5).
   */
  private readLateAnswers(answerRows: readonly TrackedRow[]): void {
    const late = this.model.rows.filter((r) => !answerRows.includes(r) && awaitsAnswer(r));
    if (late.length === 0) return;
    this.readMail(late);
    this.answers.readHiringMail(late, () => 0);
    for (const row of late) if (this.answers.detect(row, this.owner)) this.repliedKeys.add(row.key);
  }

  /** The trace of the row's recorded draft, when there is one. */
  private traceOf(row: TrackedRow): DraftTraceEntry | undefined {
    const record = row.app.draft;
    if (record?.kind !== 'draft') return undefined;
    return this.traces.get(record.draftId)?.find((t) => t.rowKey === row.key && t.action === record.action);
  }

  /** The messages of a traced draft's thread: one Threads.get for each of the few drafts that left Drafts. */
  private traceThread(row: TrackedRow): MessageMeta[] {
    const trace = this.traceOf(row);
    return trace === undefined || this.overBudget() ? [] : this.threadOrNothing(trace.threadId);
  }

  /** A thread's messages; none for a thread Gmail no longer has (a deleted draft that was alone in it). */
  private threadOrNothing(threadId: string): MessageMeta[] {
    try {
      return this.mail.thread(threadId);
    } catch (error) {
      if (error instanceof GmailFailure && /not found|invalid thread/i.test(error.message)) return [];
      throw error;
    }
  }

  /** A batch's traces are cleared with the journal once no row records any of its drafts (each sent, replaced, gone). */
  private clearStaleTraces(): void {
    const kept = new Set(this.model.rows.map((r) => this.traceOf(r)?.key));
    const all = new Set([...this.traces.values()].flatMap((list) => list.map((t) => t.key)));
    for (const key of all) if (!kept.has(key)) this.journalKeys.push(key);
  }

  /** The stored mail mark for this mailbox, or null (no mark, another mailbox's, or no mark source). */
  private readMark(): MailMark | null {
    if (!this.markSource) return null;
    this.owner = this.gate(() => this.mailbox.myAddress());
    return readMark(this.markSource.stored, this.owner);
  }

  /** A check-in the run is about to draft (docs/RULES.md §4): its thread must be found, so its mail is read in full. */
  private needsThread(row: TrackedRow): boolean {
    return row.evaluation.action !== 'thank-you' && planDraft(row.app, row.evaluation, this.isLive).kind === 'create';
  }

  /** The answers to store once the run's writes are saved (mail-answers.ts); undefined without a mark source. */
  nextAnswers(): string | undefined {
    return this.markSource ? this.answers.nextValue() : undefined;
  }

  /**
   * The mark to store once the run's writes are saved: the run's start, less the overlap, for every row read this
   * run that has no reply recorded (a replied row stops being checked) and no draft found scheduled. Undefined when
   * a read was cut short.
   */
  nextMark(): string | undefined {
    if (!this.markSource || !this.readComplete || this.owner === '') return undefined;
    const rows = this.model.rows.filter((r) => this.readKeys.has(r.key) && !this.repliedKeys.has(r.key));
    return markValue(this.markSource.startedMs, this.owner, rows) ?? undefined;
  }

  /**
   * Batched reads: one query per 20 rows finds every message to or from their contacts, read thread by thread. With
   * `knownUntilMs` (the mail mark) only mail after it is asked for (the rows' older mail was read by an earlier run),
   * and the contacts' older threads that got mail since (a colleague's reply, MailIndex.newInThreads).
   */
  private readMail(rows: readonly TrackedRow[], knownUntilMs = 0): void {
    const { today, timeZone } = this.model.ctx;
    for (const batch of batches(rows, CONTACTS_PER_QUERY)) {
      if (this.overBudget()) return;
      for (const r of batch) this.readKeys.add(r.key);
      const addresses = [...new Set(batch.flatMap((r) => contactsOf(r.app)))];
      if (addresses.length === 0) continue;
      const domains = companyDomains(addresses);
      const known = batch
        .flatMap((r) => [
          r.app.applied,
          r.app.interview,
          r.evaluation.lastOutreach,
          r.app.draft?.kind === 'draft' ? r.app.draft.made : null,
        ])
        .filter((d): d is CalendarDate => d !== null);
      const earliest = known.length > 0 ? Math.min(...known) : today;
      const history = dateToInstant(earliest - HISTORY_DAYS, timeZone);
      this.mail.search(contactQuery(addresses, Math.max(history, knownUntilMs) / 1000, domains), this.overBudget);
      // Newer mail from someone else in the contacts' older threads: those threads are read too.
      if (knownUntilMs > history) {
        this.mail.newInThreads(contactQuery(addresses, history / 1000, domains), knownUntilMs / 1000, this.overBudget);
      }
    }
  }

  /**
   * A recorded draft gone from Drafts (docs/RULES.md §5): sent (the send recorded, the draft's trace then cleared),
   * scheduled (the row shows Scheduled and is not drafted again), or deleted (left due, drafted again).
   */
  private detectSent(row: TrackedRow): void {
    const record = row.app.draft;
    if (record?.kind !== 'draft') return;
    const recipient = chooseRecipient(row.app, record.action)?.email;
    if (recipient === undefined) return;
    const known = this.traceOf(row);
    const trace: DraftTrace = { recipient, threadId: known?.threadId ?? null, subject: known?.subject ?? null };
    const messages = [...this.mail.with([recipient]), ...this.traceThread(row)];
    const { timeZone } = this.model.ctx;
    const sent = findSent(messages, trace, record.made, timeZone);
    if (sent === null) {
      if (isScheduled(messages, trace, record.made, timeZone)) {
        this.model.record(row, [], { ...record, scheduled: true });
        // A scheduled message keeps the date it was saved, older than the next mark: the next run reads it in full.
        this.repliedKeys.add(row.key);
      }
      return;
    }
    const writes = recordSent(this.rowCells(row), record.action, sent);
    this.model.record(row, writes, { kind: 'sent', action: record.action, due: record.due, sent });
    this.sentRecorded++;
  }

  private rowCells(row: TrackedRow) {
    return { app: row.app, cells: this.model.cells(row.sheetRow), headers: this.model.headers };
  }

  /**
   * Records the drafts an interrupted run made that the Draft cells do not show: by the ids in the journal, or, for
   * a draft the run only intended, by finding it in Gmail (see intendedMessage) — still a draft (recorded as that
   * draft) or already sent by the user (recorded by its message id, so the sent check records the send). An intended
   * draft not found was never made, and is drafted as usual. Returns the rows recovered.
   */
  private recoverJournal(journal: readonly { entry: JournalEntry; row: TrackedRow | null }[]): TrackedRow[] {
    const draftOf = new Map([...this.live].map(([draftId, messageId]) => [messageId, draftId]));
    const taken = new Set(this.model.rows.flatMap((r) => (r.app.draft?.kind === 'draft' ? [r.app.draft.draftId] : [])));
    const recovered: TrackedRow[] = [];
    for (const { row, entry } of journal) {
      this.journalKeys.push(entry.key);
      if (!row || this.alreadyRecorded(row, entry)) continue;
      let draftId = entry.draftId;
      let messageId: string | undefined = entry.messageId;
      if (draftId === null) {
        const isFree = (id: string) => draftOf.has(id) && !taken.has(draftOf.get(id)!);
        const found = this.intendedMessage(entry, row, isFree);
        if (!found) continue;
        draftId = draftOf.get(found.id) ?? found.id;
        messageId = draftOf.has(found.id) ? found.id : undefined;
      }
      taken.add(draftId);
      const record = { kind: 'draft', action: entry.action, due: entry.due, draftId, made: entry.made } as const;
      this.model.setRecord(row, record, this.live.get(draftId) || messageId);
      recovered.push(row);
    }
    this.recovered += recovered.length;
    return recovered;
  }

  /**
   * The message of a draft an interrupted run intended (it died while Gmail made it): by the Message-ID it was
   * given, drafts included; when Gmail gave it another, by the subject, thread or recipient and day the journal
   * noted — one search of the recipient's drafts and sent mail since that day (docs/RULES.md §5).
   */
  private intendedMessage(entry: JournalEntry, row: TrackedRow, isFree: (id: string) => boolean): MessageMeta | null {
    const byId = entry.rfcMessageId === '' ? undefined : this.mail.byMessageId(entry.rfcMessageId);
    if (byId && (byId.labelIds.includes('SENT') || isFree(byId.id))) return byId;
    const recipient = entry.to || chooseRecipient(row.app, entry.action)?.email;
    if (!recipient || entry.subject === '') return null;
    const { timeZone } = this.model.ctx;
    const after = dateToInstant(entry.made - 1, timeZone) / 1000;
    const found = this.gate(() =>
      this.mailbox.search(`to:"${recipient}" (in:drafts OR in:sent) after:${Math.floor(after)}`),
    );
    const threads = new Set([...found.map((m) => m.threadId), ...(entry.threadId ? [entry.threadId] : [])]);
    const messages = [...threads].flatMap((id) => this.threadOrNothing(id));
    const trace = { recipient, threadId: entry.threadId, subject: entry.subject };
    return findIntended(messages, trace, entry.made, timeZone, isFree);
  }

  private alreadyRecorded(row: TrackedRow, entry: JournalEntry): boolean {
    const record = row.app.draft;
    if (record?.kind === 'draft') {
      return entry.draftId === null
        ? record.action === entry.action && record.due === entry.due && record.made === entry.made
        : record.draftId === entry.draftId;
    }
    return record?.kind === 'sent' && record.action === entry.action && record.due === entry.due;
  }
}
