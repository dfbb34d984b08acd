/**
 * How a run talks to Gmail: every call through one gate that retries passing outages and turns quota, permission
 * and lasting failures into one message for the user; and an index of the mail read this run, by address.
 */
import type { MessageMeta } from '../core/mail';
import type { Clock, Mailbox } from '../ports';

/** Stops the Gmail work for this run with a message for the user; what was done so far is still written. */
export class GmailStop extends Error {}

/** A Gmail call that failed for a reason other than quota, permission or a passing outage. */
export class GmailFailure extends Error {}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isTimeLimit(error: unknown): boolean {
  return /maximum execution time/i.test(messageOf(error));
}

const RATE_LIMITED =
  /rate limit|user-rate|rate exceeded|too many requests|too many concurrent|resource has been exhausted|quota exceeded|\b429\b/i;
const TRANSIENT = new RegExp(
  `${RATE_LIMITED.source}|backend error|internal error|unavailable|\\b50[0-4]\\b|timed out|try again`,
  'i',
);

/** The HTTP status of a failed advanced-service call (Apps Script's GoogleJsonResponseException has `details.code`). */
function statusOf(error: unknown): number | null {
  const code = (error as { details?: { code?: unknown } } | null)?.details?.code;
  return typeof code === 'number' ? code : null;
}

export type GmailGate = <T>(call: () => T) => T;

/**
 * A gate for Gmail calls: retries twice (after 1 s, then 2 s) on a passing outage; quota, permission, rate limits
 * and lasting outages throw GmailStop with what to do; anything else GmailFailure. `drafted` says how many drafts
 * the run has made so far, for the message.
 */
export function gmailGate(clock: Clock, drafted: () => number): GmailGate {
  return <T>(call: () => T): T => {
    for (let attempt = 0; ; attempt++) {
      try {
        return call();
      } catch (error) {
        const message = messageOf(error);
        const status = statusOf(error);
        const rateLimited = status === 429 || RATE_LIMITED.test(message);
        const transient = rateLimited || (status !== null && status >= 500) || TRANSIENT.test(message);
        const n = drafted();
        const made = `${n} draft${n === 1 ? ' was' : 's were'} made and kept`;
        if (/too many times for one day/i.test(message)) {
          throw new GmailStop(
            `Gmail's daily limit was reached after ${n} draft${n === 1 ? '' : 's'}; the rest will be drafted on the next run (tomorrow's daily run, or Draft follow-ups later).`,
          );
        }
        if (/permission|authori[sz]/i.test(message)) {
          throw new GmailStop(
            `The add-on may not use Gmail any more (${message}); ${made}. Choose Follow-ups › Draft follow-ups and accept the permissions it asks for.`,
          );
        }
        if (isTimeLimit(error)) throw error;
        if (transient && attempt < 2) {
          clock.sleep(1000 * 2 ** attempt);
          continue;
        }
        const later = "Draft follow-ups again in a few minutes, or tomorrow's daily run";
        if (rateLimited) {
          throw new GmailStop(
            `Gmail asked the add-on to slow down (${message}); ${made}. The rest will follow on the next run (${later}).`,
          );
        }
        if (transient) {
          throw new GmailStop(
            `Gmail is not answering properly right now (${message}); ${made}. The rest will follow on the next run (${later}).`,
          );
        }
        throw new GmailFailure(message);
      }
    }
  };
}

/** The mail a run has read, thread by thread, filed under every address each message involves. */
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
