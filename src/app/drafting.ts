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
import { journalValues, traceKey, traceValues, writeJournal } from './journal';
import { draftProblem, errorText } from './messages';
import type { TrackedRow, TrackerModel } from './tracker-model';
import { renderFor } from './wording';

type Thread = ReplyHeaders & { threadId: string };

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
  /** The draft traces this run wrote: kept, whatever an older trace under the same key asked (see GmailSync). */
  readonly traceKeys = new Set<string>();
  private draftsStarted = 0;

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

  /** Makes the due drafts until the budget runs out; the rest are counted as left for the next run. */
  draftDue(onlyRowKeys?: readonly string[]): void {
    let me: string | null = null;
    for (const row of this.plan(onlyRowKeys ? new Set(onlyRowKeys) : null)) {
      if (this.run.overBudget()) {
        this.leftForNextRun++;
        continue;
      }
      me ??= this.run.gate(() => this.run.mailbox.myAddress());
      this.draftOne(row, me);
    }
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

  private draftOne(row: TrackedRow, me: string): void {
    const { action, due, recipient } = row.evaluation;
    if (action === null || due === null || recipient === null) return;
    const rendered = this.render(row);
    if (rendered === null) return;
    const thread = action === 'thank-you' ? null : this.threadFor(row);
    // The intent goes in the journal first: if the run dies while Gmail makes the draft, the next run finds it.
    const rfcMessageId = `<${this.run.started.toString(36)}.${++this.draftsStarted}.followup@${domainOf(me)}>`;
    const subject = thread?.subject ?? rendered.subject;
    const intent = {
      rowKey: row.key,
      action,
      due,
      made: this.run.ctx.today,
      rfcMessageId,
      to: recipient.email,
      subject,
      threadId: thread?.threadId ?? null,
    };
    this.journalKeys.push(writeJournal(this.run.store, { ...intent, draftId: null, messageId: '' }));
    let created: ReturnType<Mailbox['createDraft']>;
    try {
      created = this.run.gate(() =>
        this.run.mailbox.createDraft({
          fromName: this.run.settings.yourName,
          fromAddress: me,
          to: recipient.email,
          toName: oneLine(recipient.name),
          subject,
          text: rendered.text,
          html: rendered.html,
          rfcMessageId,
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
      return;
    }
    // Recorded in memory first, so the Draft cell written at the end of this run records the draft even when the
    // journal cannot be updated; that failure then stops drafting (the next intent could not be noted either).
    this.run.model.setRecord(
      row,
      { kind: 'draft', action, due, draftId: created.draftId, made: this.run.ctx.today },
      created.messageId,
    );
    if (thread) row.replySubject = thread.subject;
    this.drafted++;
    const trace = { rowKey: row.key, action, draftId: created.draftId, threadId: created.threadId, subject };
    this.run.store.set({
      ...journalValues({ ...intent, draftId: created.draftId, messageId: created.messageId }),
      ...traceValues(trace),
    });
    this.traceKeys.add(traceKey(row.key, action));
  }
}
