/**
 * Employers' answers before drafting (docs/RULES.md §5): the one query a run makes for the hiring systems' mail, each
 * due check-in's answer read from the mail the run read, Heard back recorded, and the recent answers worth keeping
 * (a rejection, an invitation) shown again from the store on the rows whose mail is no longer read.
 */
import { dateToInstant } from '../core/dates';
import { hiringSystemQuery } from '../core/mail';
import { hasNews, readReplies } from '../core/mail-replies';
import { companyDomains, companyWords, HIRING_SYSTEM_DOMAINS } from '../core/mail-senders';
import { contactsOf, recordReply } from '../core/plan';
import { answerPrint, answersValue, keptAnswer, readAnswers, type StoredAnswer, verdictOf } from './mail-answers';
import type { MailIndex } from './mail-index';
import type { TrackedRow, TrackerModel } from './tracker-model';

/** A row that heard back since its last outreach and waits: a stored answer may say what it was. */
function heardBackSince(row: TrackedRow): boolean {
  const { evaluation: e, app } = row;
  const heard = app.heardBack.yes ? app.heardBack.date : undefined;
  return e.status === 'waiting' && e.lastOutreach !== null && heard !== undefined && heard >= e.lastOutreach;
}

export class AnswerCheck {
  /** How many rows this run found an answer for. */
  replies = 0;
  /** The answers worth keeping: this run's, over the stored ones still shown. */
  private readonly answers = new Map<string, StoredAnswer>();

  /** @param stored the document properties as the run read them (none: nothing is shown from, or kept in, the store) */
  constructor(
    private readonly model: TrackerModel,
    private readonly mail: MailIndex,
    private readonly overBudget: () => boolean,
    private readonly stored?: Record<string, string>,
  ) {}

  /**
   * One query for the hiring systems' mail since the earliest last outreach of `rows` (or, for a row the mail mark
   * covers, since `knownUntilMs(row)`): their answers name the company, not a contact (docs/RULES.md §5, source 4).
   */
  readHiringMail(rows: readonly TrackedRow[], knownUntilMs: (row: TrackedRow) => number): void {
    if (rows.length === 0 || this.overBudget()) return;
    const { timeZone } = this.model.ctx;
    const since = rows.map((r) => Math.max(dateToInstant(r.evaluation.lastOutreach! - 1, timeZone), knownUntilMs(r)));
    this.mail.search(hiringSystemQuery(HIRING_SYSTEM_DOMAINS, Math.min(...since) / 1000), this.overBudget);
  }

  /**
   * Reads a row's answer from the mail read so far: its contacts' threads, its company's domains and the hiring
   * systems. An answer records Heard back and stops the follow-up; an acknowledgement or an auto-reply only notes
   * itself on the row. Returns true when the mail said anything (the mail mark then leaves the row out).
   * @param owner the mailbox's address, '' when unknown
   */
  detect(row: TrackedRow, owner: string): boolean {
    const contacts = contactsOf(row.app);
    const lastOutreach = row.evaluation.lastOutreach;
    if (lastOutreach === null) return false;
    const domains = companyDomains(contacts);
    const messages = [
      ...this.mail.threadsWith(contacts),
      ...this.mail.fromDomains(domains),
      ...this.mail.fromDomains(HIRING_SYSTEM_DOMAINS),
    ];
    const { company } = row.app;
    const mine = this.ownAddresses(owner);
    const { timeZone } = this.model.ctx;
    const role = row.app.role;
    const otherRoles = this.rolesAt(company).filter((r) => r !== role);
    const ctx = { contacts: new Set(contacts), domains, company, role, otherRoles, mine, lastOutreach, timeZone };
    const verdict = readReplies(messages, ctx);
    if (!hasNews(verdict)) return false;
    const kept = keptAnswer(verdict);
    if (kept) this.answers.set(answerPrint(row, owner), kept);
    if (verdict.reply !== null) {
      this.replies++;
      const cells = { app: row.app, cells: this.model.cells(row.sheetRow), headers: this.model.headers };
      this.model.record(row, recordReply(cells, verdict.reply.first, lastOutreach));
    }
    this.model.noteMail(row, verdict, row.app.draft?.kind === 'draft');
    return true;
  }

  /** Rows whose mail was not read: a stored answer of theirs (same last outreach) is shown again, no Gmail call. */
  showStored(owner: string): void {
    if (!this.stored) return;
    for (const [print, answer] of readAnswers(this.stored, this.model.ctx.today)) {
      if (!this.answers.has(print)) this.answers.set(print, answer);
    }
    for (const row of this.model.rows) {
      if (row.mail !== undefined || !heardBackSince(row)) continue;
      const answer = this.answers.get(answerPrint(row, owner));
      if (answer) this.model.noteMail(row, verdictOf(answer), row.app.draft?.kind === 'draft');
    }
  }

  private mine: { owner: string; addresses: ReadonlySet<string> } | null = null;

  /** The user's addresses, lower case: the mailbox's and the send-as aliases the run read, built once per owner. */
  private ownAddresses(owner: string): ReadonlySet<string> {
    if (this.mine?.owner !== owner) {
      const all = [owner, ...(this.model.ctx.ownAddresses ?? [])].filter((a) => a !== '').map((a) => a.toLowerCase());
      this.mine = { owner, addresses: new Set(all) };
    }
    return this.mine.addresses;
  }

  private roles: Map<string, string[]> | null = null;

  /** The roles of every row for this company (by its words), computed once per run. */
  private rolesAt(company: string): string[] {
    if (this.roles === null) {
      this.roles = new Map();
      for (const r of this.model.rows) {
        const key = companyWords(r.app.company);
        this.roles.set(key, [...(this.roles.get(key) ?? []), r.app.role]);
      }
    }
    return this.roles.get(companyWords(company)) ?? [];
  }

  /** The property value of the answers to keep (mail-answers.ts). */
  nextValue(): string {
    return answersValue(this.answers);
  }
}
