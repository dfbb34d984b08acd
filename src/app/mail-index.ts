/**
 * The mail a run has read this run, thread by thread, filed under every address each message involves, under its
 * sender's domain (and each parent domain) and under its thread.
 */
import type { MessageMeta } from '../core/mail';
import { domainOf } from '../core/mail-senders';
import type { Mailbox } from '../ports';
import type { GmailGate } from './gmail-gate';

export class MailIndex {
  private readonly threads = new Map<string, MessageMeta[]>();
  private readonly byAddress = new Map<string, MessageMeta[]>();
  private readonly bySenderDomain = new Map<string, MessageMeta[]>();
  private readonly seen = new Set<string>();
  /** The threads with mail other than the user's since a bound (epoch seconds), listed by `newInThreads`. */
  private readonly recent = new Map<number, Set<string>>();

  constructor(
    private readonly mailbox: Mailbox,
    private readonly gate: GmailGate,
  ) {}

  /** Reads a thread once (one Threads.get brings all its messages) and files its messages. */
  thread(threadId: string): MessageMeta[] {
    const cached = this.threads.get(threadId);
    if (cached) return cached;
    const messages = this.gate(() => this.mailbox.thread(threadId));
    this.threads.set(threadId, messages);
    for (const meta of messages) {
      if (this.seen.has(meta.id)) continue;
      this.seen.add(meta.id);
      for (const address of new Set([...meta.from, ...meta.to, ...meta.cc])) {
        const list = this.byAddress.get(address) ?? [];
        list.push(meta);
        this.byAddress.set(address, list);
      }
      this.fileBySender(meta);
    }
    return messages;
  }

  /** Files a message under its sender's domain and every parent of it with a dot (us.greenhouse-mail.io, greenhouse-mail.io). */
  private fileBySender(meta: MessageMeta): void {
    const labels = domainOf(meta.from[0] ?? '').split('.');
    for (let i = 0; i + 1 < labels.length; i++) {
      const domain = labels.slice(i).join('.');
      const list = this.bySenderDomain.get(domain) ?? [];
      list.push(meta);
      this.bySenderDomain.set(domain, list);
    }
  }

  /** Runs a search and reads every thread it finds, unless `stop` says the run is out of time. */
  search(query: string, stop: () => boolean): void {
    const found = this.gate(() => this.mailbox.search(query));
    for (const threadId of new Set(found.map((m) => m.threadId))) {
      if (stop()) return;
      this.thread(threadId);
    }
  }

  /**
   * Reads the threads `query` finds (listed, not read) that got mail other than the user's after `afterSeconds`
   * (epoch seconds): a colleague's reply in an older thread with a contact matches no contact term of a query
   * bounded by the mail mark (docs/RULES.md §5, reply source 2). The recent mail is listed once per bound.
   */
  newInThreads(query: string, afterSeconds: number, stop: () => boolean): void {
    const after = Math.floor(afterSeconds);
    let recent = this.recent.get(after);
    if (recent === undefined) {
      recent = new Set(
        this.gate(() => this.mailbox.search(`after:${after} -in:drafts -in:sent`)).map((m) => m.threadId),
      );
      this.recent.set(after, recent);
    }
    if (recent.size === 0) return;
    const theirs = new Set(this.gate(() => this.mailbox.search(query)).map((m) => m.threadId));
    for (const threadId of recent) {
      if (stop()) return;
      if (theirs.has(threadId)) this.thread(threadId);
    }
  }

  /** The message with this Message-ID header, drafts included, or undefined. */
  byMessageId(rfcMessageId: string): MessageMeta | undefined {
    const hit = this.gate(() => this.mailbox.search(`rfc822msgid:${rfcMessageId}`))[0];
    return hit ? this.thread(hit.threadId).find((m) => m.id === hit.id) : undefined;
  }

  /** Every message read so far that involves one of these addresses. */
  with(addresses: readonly string[]): MessageMeta[] {
    const seen = new Set<string>();
    const out: MessageMeta[] = [];
    for (const address of addresses) {
      for (const m of this.byAddress.get(address) ?? []) {
        if (!seen.has(m.id)) {
          seen.add(m.id);
          out.push(m);
        }
      }
    }
    return out;
  }

  /** Every message read so far sent from one of these domains or a subdomain of one. */
  fromDomains(domains: readonly string[]): MessageMeta[] {
    return domains.flatMap((d) => this.bySenderDomain.get(d) ?? []);
  }

  /** Every message read so far of the threads that hold a message involving one of these addresses. */
  threadsWith(addresses: readonly string[]): MessageMeta[] {
    const threads = new Set(this.with(addresses).map((m) => m.threadId));
    return [...threads].flatMap((id) => this.threads.get(id) ?? []);
  }
}
