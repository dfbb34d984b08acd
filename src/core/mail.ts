/**
 * Reading Gmail before drafting (docs/RULES.md §5), as pure functions over message metadata: replies that stop a
 * check-in, sent drafts to record, the thread to reply in, and the batched search queries that find them.
 */
import { type CalendarDate, instantToDate } from './dates';
import { isAutoReply } from './mail-replies';
import { fitReferences } from './mail-subject';
import type { MessageMeta } from './mail-types';
import { oneLine } from './templates';

export type { MessageMeta } from './mail-types';

const ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** Every address in a From/To/Cc header, lower-cased. */
export function addressesIn(header: string): string[] {
  const stripped = header.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...stripped.matchAll(ADDRESS)].map((m) => m[0].toLowerCase());
}

function isDraft(m: MessageMeta): boolean {
  return m.labelIds.includes('DRAFT');
}

function isSent(m: MessageMeta): boolean {
  return m.labelIds.includes('SENT');
}

function involves(m: MessageMeta, contacts: ReadonlySet<string>): boolean {
  return [...m.from, ...m.to, ...m.cc].some((a) => contacts.has(a));
}

/**
 * What identifies a draft the add-on made once it has left Drafts (docs/RULES.md §5): the thread Gmail put it in and
 * its subject, both null for a draft recorded before the add-on kept them (then the recipient alone identifies it).
 */
export interface DraftTrace {
  recipient: string;
  threadId: string | null;
  subject: string | null;
}

/** A subject without its "Re:"/"Fwd:" prefixes, folded to one line and lower case, for comparing two subjects. */
function subjectKey(subject: string): string {
  return oneLine(subject)
    .replace(/^(?:(?:re|fwd?|aw|sv)\s*:\s*)+/i, '')
    .toLowerCase();
}

/** In the draft's thread, or to its recipient with its subject — whatever the user changed in To (docs/RULES.md §5). */
function isOfDraft(m: MessageMeta, trace: DraftTrace): boolean {
  if (trace.threadId !== null && m.threadId === trace.threadId) return true;
  if (![...m.to, ...m.cc].includes(trace.recipient.toLowerCase())) return false;
  return trace.subject === null || subjectKey(m.subject) === subjectKey(trace.subject);
}

/** The first message of the draft labelled `label` (not a draft) on or after `since`, or null. */
function firstOfDraft(
  messages: readonly MessageMeta[],
  trace: DraftTrace,
  label: 'SENT' | 'SCHEDULED',
  since: CalendarDate,
  timeZone: string,
): MessageMeta | null {
  let first: MessageMeta | null = null;
  for (const m of messages) {
    if (!m.labelIds.includes(label) || isDraft(m) || !isOfDraft(m, trace)) continue;
    if (instantToDate(m.internalDate, timeZone) < since) continue;
    if (first === null || m.internalDate < first.internalDate) first = m;
  }
  return first;
}

/** The day the draft went out (a SENT message on or after `since`, the day it was made), or null. */
export function findSent(
  messages: readonly MessageMeta[],
  trace: DraftTrace,
  since: CalendarDate,
  timeZone: string,
): CalendarDate | null {
  const sent = firstOfDraft(messages, trace, 'SENT', since, timeZone);
  return sent === null ? null : instantToDate(sent.internalDate, timeZone);
}

/** True when the draft left Drafts scheduled: it waits with Gmail's SCHEDULED label (docs/RULES.md §5). */
export function isScheduled(
  messages: readonly MessageMeta[],
  trace: DraftTrace,
  since: CalendarDate,
  timeZone: string,
): boolean {
  return firstOfDraft(messages, trace, 'SCHEDULED', since, timeZone) !== null;
}

/**
 * The message an interrupted run made for a draft it only intended, found without its Message-ID (Gmail may give it
 * another): its subject, in its thread or to its recipient, on or after `since`; a draft that `isFree` (live, and no
 * other row's) before a sent one. Null when Gmail shows none: the draft was never made.
 */
export function findIntended(
  messages: readonly MessageMeta[],
  trace: DraftTrace & { subject: string },
  since: CalendarDate,
  timeZone: string,
  isFree: (messageId: string) => boolean,
): MessageMeta | null {
  const fits = (m: MessageMeta) =>
    subjectKey(m.subject) === subjectKey(trace.subject) &&
    ((trace.threadId !== null && m.threadId === trace.threadId) ||
      [...m.to, ...m.cc].includes(trace.recipient.toLowerCase())) &&
    instantToDate(m.internalDate, timeZone) >= since;
  const candidates = messages.filter(fits).sort((a, b) => a.internalDate - b.internalDate);
  return candidates.find((m) => isDraft(m) && isFree(m.id)) ?? candidates.find((m) => isSent(m)) ?? null;
}

/**
 * The thread of the most recent message to or from one of the contacts that is neither a draft nor automatic (an
 * out-of-office or calendar notice, `isAutoReply`), so a check-in never joins an auto-reply's thread; null when none.
 */
export function latestThreadWith(messages: readonly MessageMeta[], contacts: ReadonlySet<string>): string | null {
  let latest: MessageMeta | null = null;
  for (const m of messages) {
    if (isDraft(m) || isAutoReply(m) || !involves(m, contacts)) continue;
    if (latest === null || m.internalDate > latest.internalDate) latest = m;
  }
  return latest?.threadId ?? null;
}

export interface ReplyHeaders {
  subject: string;
  inReplyTo: string;
  references: string;
}

/**
 * How a reply joins a thread (RFC 5322 §3.6.4 and Gmail's threading rules): the subject of the last message that is
 * neither a draft nor automatic, with "Re:"; In-Reply-To that message's Message-ID; References every real id of the
 * thread — the parent's References, or its In-Reply-To when it has none, then the other ids, then the parent's id.
 * Null when the thread has no such message (one of auto-replies only is never replied in).
 */
export function replyHeaders(thread: readonly MessageMeta[]): ReplyHeaders | null {
  const valid = (id: string) => /^<[^<>\s]+>$/.test(id);
  const real = thread.filter((m) => !isDraft(m) && valid(m.messageId)).sort((a, b) => a.internalDate - b.internalDate);
  const human = real.filter((m) => !isAutoReply(m));
  const last = human[human.length - 1];
  if (last === undefined) return null;
  const base = oneLine(last.subject).replace(/^(?:(?:re|fwd?|aw|sv)\s*:\s*)+/i, '');
  const parentChain = oneLine(last.references) === '' ? oneLine(last.inReplyTo ?? '') : oneLine(last.references);
  const others = real.filter((m) => m !== last).map((m) => m.messageId);
  const earlier = [...parentChain.split(/\s+/), ...others].filter((id) => valid(id) && id !== last.messageId);
  const ids = [...earlier.filter((id, i) => earlier.indexOf(id) === i), last.messageId];
  // The whole subject: Gmail keeps a reply in its thread only when the subject matches (docs/DECISIONS.md "Mail").
  return { subject: `Re: ${base}`, inReplyTo: last.messageId, references: fitReferences(ids) };
}

/**
 * One Gmail query for a batch of rows: every message from or to any of their contacts, and from their companies'
 * own domains (docs/RULES.md §5, reply source 3), since `afterSeconds`; drafts left out (the add-on knows its drafts
 * from Drafts.list; reading them again would cost a call each on every run). Addresses are validated before they
 * get here; quoting keeps odd characters out of the query syntax. Gmail matches `from:"acme.example"` against every
 * sender at that domain and its subdomains.
 */
export function contactQuery(
  addresses: readonly string[],
  afterSeconds: number,
  domains: readonly string[] = [],
): string {
  const terms = [...addresses.flatMap((a) => [`from:"${a}"`, `to:"${a}"`]), ...domains.map((d) => `from:"${d}"`)];
  return `(${terms.join(' OR ')}) after:${Math.max(0, Math.floor(afterSeconds))} -in:drafts`;
}

/** One Gmail query for the mail sent from any of `senders` (addresses or domains) since `afterSeconds`. */
export function senderQuery(senders: readonly string[], afterSeconds: number): string {
  return contactQuery([], afterSeconds, senders);
}

/** One Gmail query for the mail of every hiring system in `domains` since `afterSeconds` (RULES §5, source 4). */
export function hiringSystemQuery(domains: readonly string[], afterSeconds: number): string {
  return senderQuery(domains, afterSeconds);
}

/** Splits a list into batches of `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
