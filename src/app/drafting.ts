/**
 * Drafting (docs/RULES.md §4): which rows get a draft, in priority order within the run's time budget, each written
 * from its template, threaded into the latest thread with the recipient, noted in the journal before Gmail makes it,
 * and recorded on its row. Also what a preview shows instead: the thread each check-in would reply in.
 */
import type { ReadContext } from '../core/cells';
import { latestThreadWith, type ReplyHeaders, replyHeaders } from '../core/mail';
import { contactsOf, planDraft } from '../core/plan';
import type { Settings } from '../core/settings';
import { ACTION_LABELS, oneLine, type RenderedDraft, TemplateError } from '../core/templates';
import type { KeyValueStore, Mailbox } from '../ports';
import { type GmailGate, GmailStop, isTimeLimit } from './gmail-gate';
import type { GmailSync, OverBudget } from './gmail-sync';
import {
  batchKey,
  type DraftTraceEntry,
  type JournalEntry,
  journalBatch,
  NOTE_BYTES,
  traceBatch,
  traceKeyOf,
  utf8Bytes,
} from './journal';
import { draftProblem, errorText } from './messages';
import type { TrackedRow, TrackerModel } from './tracker-model';
import { renderFor } from './wording';

type Thread = ReplyHeaders & { threadId: string };

/** At most this many drafts a batch: the journal's Properties calls are three a batch (docs/DECISIONS.md). */
const BATCH_DRAFTS = 25;
/** What a draft's ids add to its batch's note, at most (the note stays under NOTE_BYTES with them). */
const IDS_BYTES = 100;

/** A due row ready to draft: its text, thread and journal intent. */
interface Prepared {
  row: TrackedRow;
  rendered: RenderedDraft;
  thread: Thread | null;
  intent: Omit<JournalEntry, 'key' | 'draftId' | 'messageId'>;
}

/** The domain for the add-on's Message-IDs: the user's own, as mail clients do. */
/** True for a Message-ID the add-on gave a draft (`<run.n.followup@domain>`; the field check looks for them). */
export function isAddOnMessageId(id: string): boolean {
  return /^<[^<>\s@]+\.followup@[^<>\s]+>$/.test(id);
}

function domainOf(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/.test(domain) ? domain : 'job-follow-ups.invalid';
}

export interface DraftingRun {
  model: TrackerModel;
  sync: GmailSync;
  mailbox: Mailbox;
  gate: GmailGate;
  store: KeyValueStore;
  settings: Settings;
  ctx: ReadContext;
  overBudget: OverBudget;
  /** The run's start (epoch ms): part of every Message-ID it makes, so two runs never make the same one. */
  started: number;
}

export class Drafting {
  drafted = 0;
  leftForNextRun = 0;
  /** The journal notes this run wrote, cleared once it writes the sheet. */
  readonly journalKeys: string[] = [];
  private draftsStarted = 0;
  private batches = 0;

  constructor(private readonly run: DraftingRun) {}

  /**
   * Rows whose follow-up a live or sent draft already covers keep it (its record follows a new due date); the others
   * due and unblocked are returned, highest priority first, limited to `only` (row keys) when given.
   */
  private plan(only: ReadonlySet<string> | null): TrackedRow[] {
    const queue: TrackedRow[] = [];
    for (const row of this.run.model.rows) {
      const plan = planDraft(row.app, row.evaluation, this.run.sync.isLive);
      if (plan.kind === 'keep') this.run.model.setRecord(row, plan.record, row.messageId);
      else if (plan.kind === 'create' && (only === null || only.has(row.key))) queue.push(row);
    }
    return queue.sort((a, b) => b.evaluation.priority - a.evaluation.priority || a.sheetRow - b.sheetRow);
  }

  /** Makes the due drafts, batch by batch, until the budget runs out; the rest are counted as left for the next run. */
  draftDue(onlyRowKeys?: readonly string[]): void {
    const queue = this.plan(onlyRowKeys ? new Set(onlyRowKeys) : null);
    let me: string | null = null;
    let next = 0;
    while (next < queue.length) {
      if (this.run.overBudget()) {
        this.leftForNextRun += queue.length - next;
        return;
      }
      me ??= this.run.gate(() => this.run.mailbox.myAddress());
      const batch: Prepared[] = [];
      for (; next < queue.length && batch.length < BATCH_DRAFTS && !this.run.overBudget(); next++) {
        const prepared = this.prepare(queue[next]!, me);
        if (prepared === null) continue;
        if (batch.length > 0 && this.noteBytes([...batch, prepared]) > NOTE_BYTES) break;
        batch.push(prepared);
      }
      this.makeBatch(batch, me);
    }
  }

  private noteBytes(batch: readonly Prepared[]): number {
    const note = journalBatch('', this.intents(batch));
    return utf8Bytes(Object.values(note)[0]!) + IDS_BYTES * batch.length;
  }

  private intents(batch: readonly Prepared[]): Omit<JournalEntry, 'key'>[] {
    return batch.map((p) => ({ ...p.intent, draftId: null, messageId: '' }));
  }

  /**
   * One batch (docs/DECISIONS.md "Sent, scheduled and recovery"): its intents noted in one Properties call, the
   * drafts made, then their ids and traces in one call (the intents of drafts not made dropped). A failure stops
   * drafting after that call; the 6-minute limit stops it at once, and the next run recovers the intents.
   */
  private makeBatch(batch: readonly Prepared[], me: string): void {
    if (batch.length === 0) return;
    const key = batchKey(this.run.started, ++this.batches);
    this.run.store.set(journalBatch(key, this.intents(batch)));
    this.journalKeys.push(key);
    const made: Omit<JournalEntry, 'key'>[] = [];
    const traces: Omit<DraftTraceEntry, 'key'>[] = [];
    let failure: unknown = null;
    try {
      for (const prepared of batch) {
        if (this.run.overBudget()) {
          this.leftForNextRun++;
          continue;
        }
        const created = this.create(prepared, me);
        if (created === null) continue;
        const { rowKey, action, subject } = prepared.intent;
        made.push({ ...prepared.intent, draftId: created.draftId, messageId: created.messageId });
        traces.push({ rowKey, action, draftId: created.draftId, threadId: created.threadId, subject });
      }
    } catch (error) {
      if (isTimeLimit(error)) throw error;
      failure = error;
    }
    this.run.store.set({ ...journalBatch(key, made), ...traceBatch(traceKeyOf(key), traces) });
    if (failure !== null) throw failure;
  }

  /** What draftDue would do, without writing to Gmail: kept drafts, and the thread each check-in would reply in. */
  previewDue(): void {
    for (const row of this.plan(null)) {
      if (row.evaluation.action === 'thank-you') continue;
      if (this.run.overBudget()) return;
      const thread = this.threadFor(row);
      if (thread) row.replySubject = thread.subject;
    }
  }

  /**
   * The latest thread with the check-in's recipient, never one with another contact of the row (a check-in to the
   * recruiter stays out of the thank-you sent to the interviewer); the thank-you always starts anew.
   */
  private threadFor(row: TrackedRow): Thread | null {
    const recipient = row.evaluation.recipient?.email.toLowerCase();
    if (!recipient) return null;
    const mail = this.run.sync.mail;
    const threadId = latestThreadWith(mail.with(contactsOf(row.app)), new Set([recipient]));
    const headers = threadId ? replyHeaders(mail.thread(threadId)) : null;
    return threadId && headers ? { threadId, ...headers } : null;
  }

  private render(row: TrackedRow): RenderedDraft | null {
    const action = row.evaluation.action!;
    try {
      return renderFor(row.app, row.evaluation, this.run.settings, this.run.ctx);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      const message = draftProblem.template(ACTION_LABELS[action], error.message);
      row.evaluation.problems.push({ code: 'template-error', message, blocking: true });
      return null;
    }
  }

  /** The row's draft text, thread and intent; null when it cannot be drafted (a template problem is on the row). */
  private prepare(row: TrackedRow, me: string): Prepared | null {
    const { action, due, recipient } = row.evaluation;
    if (action === null || due === null || recipient === null) return null;
    const rendered = this.render(row);
    if (rendered === null) return null;
    const thread = action === 'thank-you' ? null : this.threadFor(row);
    const rfcMessageId = `<${this.run.started.toString(36)}.${++this.draftsStarted}.followup@${domainOf(me)}>`;
    const intent = {
      rowKey: row.key,
      action,
      due,
      made: this.run.ctx.today,
      rfcMessageId,
      to: recipient.email,
      subject: thread?.subject ?? rendered.subject,
      threadId: thread?.threadId ?? null,
    };
    return { row, rendered, thread, intent };
  }

  /** Gmail makes one draft, recorded on its row in memory; null when Gmail refused it (the problem is on the row). */
  private create(prepared: Prepared, me: string): ReturnType<Mailbox['createDraft']> | null {
    const { row, rendered, thread, intent } = prepared;
    const recipient = row.evaluation.recipient!;
    let created: ReturnType<Mailbox['createDraft']>;
    try {
      created = this.run.gate(() =>
        this.run.mailbox.createDraft({
          fromName: this.run.settings.yourName,
          fromAddress: me,
          to: recipient.email,
          toName: oneLine(recipient.name),
          subject: intent.subject,
          text: rendered.text,
          html: rendered.html,
          rfcMessageId: intent.rfcMessageId,
          ...(thread ? { threadId: thread.threadId, inReplyTo: thread.inReplyTo, references: thread.references } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof GmailStop || isTimeLimit(error)) throw error;
      row.evaluation.problems.push({
        code: 'gmail-refused',
        message: draftProblem.refused(errorText(error)),
        blocking: true,
      });
      return null;
    }
    // Recorded in memory first, so the Draft cell written at the end of this run records the draft even when the
    // journal cannot be updated; that failure then stops drafting (the next batch could not be noted either).
    const { action, due, made } = intent;
    this.run.model.setRecord(row, { kind: 'draft', action, due, draftId: created.draftId, made }, created.messageId);
    if (thread) row.replySubject = thread.subject;
    this.drafted++;
    return created;
  }
}
