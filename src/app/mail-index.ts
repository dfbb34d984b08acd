/** The mail a run has read this run, thread by thread, filed under every address each message involves. */
import type { MessageMeta } from '../core/mail';
import type { Mailbox } from '../ports';
import type { GmailGate } from './gmail-gate';

export class MailIndex {
  private readonly threads = new Map<string, MessageMeta[]>();
  private readonly byAddress = new Map<string, MessageMeta[]>();
  private readonly seen = new Set<string>();

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
    }
    return messages;
  }

  /** Runs a search and reads every thread it finds, unless `stop` says the run is out of time. */
  search(query: string, stop: () => boolean): void {
    const found = this.gate(() => this.mailbox.search(query));
    for (const threadId of new Set(found.map((m) => m.threadId))) {
      if (stop()) return;
      this.thread(threadId);
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
}
