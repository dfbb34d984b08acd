/**
 * Did they reply, and what did they say (docs/RULES.md §5)? Pure functions over the message metadata a run read:
 * the four sources a reply may come from, auto-replies and bulk mail left out by their headers and subjects, and the
 * reply's kind from reply-classify.ts.
 */
import { type CalendarDate, instantToDate } from './dates';
import { isAutoReplySubject } from './mail-auto';
import { atCompany, domainOf, isHiringSystem, namesCompany } from './mail-senders';
import type { MessageMeta } from './mail-types';
import { classifyReply, foldText, type ReplyKind } from './reply-classify';

/** What a row's reply search needs to know of the row and the mailbox. */
export interface ReplyContext {
  /** The row's contact addresses, lower case. */
  contacts: ReadonlySet<string>;
  /** The company's own domains (mail-senders.ts `companyDomains`). */
  domains: readonly string[];
  /** The Company cell as typed. */
  company: string;
  /** The row's Role cell, and the roles of the tracker's other rows for the same company (a hiring system's mail
   * about one of those is not this row's). */
  role?: string;
  otherRoles?: readonly string[];
  /** The user's own addresses (the account's and its send-as aliases), lower case; the SENT label marks the rest. */
  mine: ReadonlySet<string>;
  /** The last outreach (max of interview, applied, last follow-up). */
  lastOutreach: CalendarDate;
  timeZone: string;
}

export type ReplySource = 'contact' | 'thread' | 'company-domain' | 'hiring-system';

/**
 * What the mail after the last outreach says about a row. `reply` is the answer that stops follow-ups: its kind is
 * that of the latest answer (a rejection after an invitation is a rejection), `first` the day the first answer came
 * (the Heard back date). `acknowledged` and `autoReply` are the days of the first acknowledgement and the first
 * auto-reply, which only add a note.
 */
export interface MailVerdict {
  reply: { kind: Exclude<ReplyKind, 'acknowledgement'>; day: CalendarDate; first: CalendarDate } | null;
  acknowledged: CalendarDate | null;
  autoReply: CalendarDate | null;
}

/** How many days after the last outreach a receipt may come and still be one. */
const RECEIPT_DAYS = 2;

function header(m: MessageMeta, name: string): string | undefined {
  return m.headers?.[name];
}

/**
 * An automatic reply (RULES §5): `Auto-Submitted` other than `no` (RFC 3834 §5), `X-Autoreply`, `X-Autorespond`,
 * `Precedence: auto_reply`, or a subject that starts like one in a built-in language.
 */
export function isAutoReply(m: MessageMeta): boolean {
  const submitted = header(m, 'auto-submitted');
  if (submitted !== undefined && submitted.trim().toLowerCase() !== 'no') return true;
  if (header(m, 'x-autoreply') !== undefined || header(m, 'x-autorespond') !== undefined) return true;
  if (/^\s*auto_reply\b/i.test(header(m, 'precedence') ?? '')) return true;
  return isAutoReplySubject(m.subject);
}

/** An out-of-office (RFC 3834 auto-replied, X-Autoreply, an auto-reply subject), not a calendar or system notice. */
function isAway(m: MessageMeta): boolean {
  return !/^\s*auto-generated\b/i.test(header(m, 'auto-submitted') ?? '');
}

/**
 * Bulk mail (RULES §5): a `List-Id` (RFC 2919), `Precedence: bulk|list|junk`, or a `List-Unsubscribe` (RFC 2369) on
 * mail from a hiring system or the company's domain — never in a thread of the user's with the contacts (a Google
 * Group address answering there carries List-Id), and not when what it says is an answer newsletters never give:
 * a rejection for any of these headers, an invitation for a List-Unsubscribe alone (hiring systems such as Greenhouse
 * add one to every message; docs/DECISIONS.md "Replies and the classifier").
 */
export function isBulk(m: MessageMeta, source: ReplySource, inUserThread: boolean, kind: ReplyKind = 'other'): boolean {
  if (inUserThread) return false;
  const listed = header(m, 'list-id') !== undefined || /^\s*(?:bulk|list|junk)\b/i.test(header(m, 'precedence') ?? '');
  if (listed) return kind !== 'rejection';
  const broadcast = source === 'company-domain' || source === 'hiring-system';
  const unsubscribe = broadcast && header(m, 'list-unsubscribe') !== undefined;
  return unsubscribe && kind !== 'rejection' && kind !== 'invitation';
}

function isUsers(m: MessageMeta, mine: ReadonlySet<string>): boolean {
  return m.labelIds.includes('SENT') || m.from.some((a) => mine.has(a));
}

function involves(m: MessageMeta, contacts: ReadonlySet<string>): boolean {
  return m.from.some((a) => contacts.has(a)) || m.to.some((a) => contacts.has(a)) || m.cc.some((a) => contacts.has(a));
}

/** The threads where the user wrote to, or heard from, one of the contacts (RULES §5, reply source 2). */
function contactThreads(messages: readonly MessageMeta[], ctx: ReplyContext): Set<string> {
  const threads = new Set<string>();
  for (const m of messages) {
    if (m.labelIds.includes('DRAFT')) continue;
    const fromContact = m.from.some((a) => ctx.contacts.has(a));
    if (fromContact || (isUsers(m, ctx.mine) && involves(m, ctx.contacts))) threads.add(m.threadId);
  }
  return threads;
}

/** Where a message someone else sent could be a reply from, or null when it is from none of the four sources. */
export function replySource(m: MessageMeta, ctx: ReplyContext, threads: ReadonlySet<string>): ReplySource | null {
  if (m.from.some((a) => ctx.contacts.has(a))) return 'contact';
  if (threads.has(m.threadId)) return 'thread';
  const sender = m.from[0] ?? '';
  const domain = domainOf(sender);
  if (domain !== '' && atCompany(domain, ctx.domains)) return 'company-domain';
  if (!isHiringSystem(domain)) return null;
  const parts = { fromName: m.fromName ?? '', subject: m.subject, snippet: m.snippet ?? '', address: sender };
  if (!namesCompany(ctx.company, parts)) return null;
  return aboutAnotherRole(m, ctx) ? null : 'hiring-system';
}

/**
 * With several rows for one company, a hiring system's message that names another row's role and not this row's is
 * that row's answer ("Your application for Data Analyst" is not the QA Lead row's).
 */
function aboutAnotherRole(m: MessageMeta, ctx: ReplyContext): boolean {
  const others = (ctx.otherRoles ?? []).map(foldText).filter((r) => r.length >= 3);
  if (others.length === 0) return false;
  const text = foldText(`${m.subject} ${m.snippet ?? ''}`);
  const own = foldText(ctx.role ?? '');
  if (own.length >= 3 && text.includes(own)) return false;
  return others.some((r) => r !== own && text.includes(r));
}

/**
 * Reads a row's mail (RULES §5). A message counts after the last outreach when it came on a later day, or on that
 * day after the user's own last message to the contacts (a scheduling note on the interview morning is no reply);
 * an application receipt is noted from the last outreach day on, since hiring systems send it within minutes.
 * Drafts and the user's own mail never count.
 */
export function readReplies(messages: readonly MessageMeta[], ctx: ReplyContext): MailVerdict {
  const { lastOutreach, timeZone } = ctx;
  let lastSentThatDay = -Infinity;
  for (const m of messages) {
    if (!m.labelIds.includes('SENT') || !involves(m, ctx.contacts)) continue;
    if (instantToDate(m.internalDate, timeZone) === lastOutreach)
      lastSentThatDay = Math.max(lastSentThatDay, m.internalDate);
  }
  const threads = contactThreads(messages, ctx);
  // The user's own threads with the contacts: where the user wrote to them.
  const usersThreads = new Set(
    messages
      .filter((m) => isUsers(m, ctx.mine) && !m.labelIds.includes('DRAFT') && involves(m, ctx.contacts))
      .map((m) => m.threadId),
  );
  const seen = new Set<string>();
  const answers: { m: MessageMeta; kind: ReplyKind }[] = [];
  let autoReply: MessageMeta | null = null;
  for (const m of messages) {
    if (seen.has(m.id) || m.labelIds.includes('DRAFT') || isUsers(m, ctx.mine)) continue;
    seen.add(m.id);
    const day = instantToDate(m.internalDate, timeZone);
    if (day < lastOutreach) continue;
    // On the last outreach day only mail after the user's own last message is an answer; a receipt is noted anyway.
    const after = day > lastOutreach || (lastSentThatDay > -Infinity && m.internalDate > lastSentThatDay);
    const source = replySource(m, ctx, threads);
    if (source === null) continue;
    const kind = classifyReply(m.subject, m.snippet ?? '');
    if (isBulk(m, source, usersThreads.has(m.threadId), kind)) continue;
    if (isAutoReply(m)) {
      if (after && isAway(m) && (autoReply === null || m.internalDate < autoReply.internalDate)) autoReply = m;
      continue;
    }
    // A receipt comes within minutes of the application: a "thank you for applying" days later is an answer whose
    // verdict the snippet cut off (most rejections open so), which stops the follow-up as any reply does.
    const late = kind === 'acknowledgement' && day > lastOutreach + RECEIPT_DAYS;
    // On the outreach day with nothing of the user's after it, only a rejection is plainly an answer.
    if (after || kind === 'rejection' || (kind === 'acknowledgement' && !late)) {
      answers.push({ m, kind: late ? 'other' : kind });
    }
  }
  answers.sort((a, b) => a.m.internalDate - b.m.internalDate);
  const dayOf = (m: MessageMeta | undefined) => (m === undefined ? null : instantToDate(m.internalDate, timeZone));
  const real = answers.filter((a) => a.kind !== 'acknowledgement');
  const latest = real[real.length - 1];
  return {
    reply:
      latest === undefined
        ? null
        : {
            kind: latest.kind as Exclude<ReplyKind, 'acknowledgement'>,
            day: dayOf(latest.m)!,
            first: dayOf(real[0]!.m)!,
          },
    acknowledged: dayOf(answers.find((a) => a.kind === 'acknowledgement')?.m),
    autoReply: autoReply === null ? null : dayOf(autoReply),
  };
}

/** True when the verdict says anything at all (a reply, an acknowledgement or an auto-reply). */
export function hasNews(verdict: MailVerdict): boolean {
  return verdict.reply !== null || verdict.acknowledged !== null || verdict.autoReply !== null;
}
