/**
 * An in-memory Mailbox port for app tests: messages as the add-on reads them (core/mail.ts MessageMeta), drafts by
 * id, and the person's steps (send a draft, a reply arrives).
 *
 * Search understands exactly the two queries the add-on makes, and throws on anything else:
 * - `rfc822msgid:<id>` — the message with that Message-ID, drafts included;
 * - core/mail.ts `contactQuery` and `hiringSystemQuery`: `(from:"a" OR to:"a" OR from:"domain" …) after:<epoch s>
 *   -in:drafts` — `to:` matches To and Cc, as Gmail's does; a term without `@` is a domain and matches its
 *   subdomains; `after:` is inclusive of the instant, as the emulator reads Gmail's.
 * Results are newest first. It does not emulate Gmail's threading rule: `createDraft` joins the thread it is given
 * when that thread exists. `fail` makes a method throw (Gmail refusing), `onCreate` runs after each draft is made.
 */
import type { MessageMeta } from '../../../src/core/mail';
import type { CreatedDraft, DraftMessage, Mailbox } from '../../../src/ports';

type Method = 'myAddress' | 'liveDrafts' | 'search' | 'thread' | 'createDraft';

const CONTACT_QUERY = /^\((.+)\) after:(\d+) -in:drafts$/;
const TERM = /^(from|to):"([^"]+)"$/;

export class InMemoryMailbox implements Mailbox {
  readonly messages: MessageMeta[] = [];
  /** Live drafts: draft id → message id. */
  readonly drafts = new Map<string, string>();
  /** Every draft the add-on asked for, in order. */
  readonly created: DraftMessage[] = [];
  /** Every call, by method name, in order. */
  readonly calls: Method[] = [];
  readonly fail: Partial<Record<Method, Error>> = {};
  onCreate: (() => void) | null = null;
  private next = 1;

  constructor(readonly me: string) {}

  private call(method: Method): void {
    this.calls.push(method);
    const error = this.fail[method];
    if (error) throw error;
  }

  myAddress(): string {
    this.call('myAddress');
    return this.me;
  }

  liveDrafts(): Map<string, string> {
    this.call('liveDrafts');
    return new Map(this.drafts);
  }

  search(query: string): { id: string; threadId: string }[] {
    this.call('search');
    const match = this.matcher(query);
    return this.messages
      .filter(match)
      .sort((a, b) => b.internalDate - a.internalDate)
      .map((m) => ({ id: m.id, threadId: m.threadId }));
  }

  private matcher(query: string): (m: MessageMeta) => boolean {
    if (query.startsWith('rfc822msgid:')) {
      const id = query.slice('rfc822msgid:'.length);
      return (m) => m.messageId === id;
    }
    const contact = CONTACT_QUERY.exec(query);
    if (!contact) throw new Error(`the in-memory mailbox cannot answer the query ${query}`);
    const terms = contact[1]!.split(' OR ').map((t) => {
      const term = TERM.exec(t);
      if (!term) throw new Error(`the in-memory mailbox cannot answer the term ${t}`);
      return { field: term[1] as 'from' | 'to', address: term[2]!.toLowerCase() };
    });
    const after = Number(contact[2]) * 1000;
    const fits = (address: string, term: string) =>
      term.includes('@') ? address === term : address.endsWith(`@${term}`) || address.endsWith(`.${term}`);
    return (m) =>
      !m.labelIds.includes('DRAFT') &&
      m.internalDate >= after &&
      terms.some((t) => (t.field === 'from' ? m.from : [...m.to, ...m.cc]).some((a) => fits(a, t.address)));
  }

  thread(threadId: string): MessageMeta[] {
    this.call('thread');
    const messages = this.messages.filter((m) => m.threadId === threadId);
    if (messages.length === 0) throw new Error(`Requested entity was not found (thread ${threadId})`);
    return messages.sort((a, b) => a.internalDate - b.internalDate).map((m) => ({ ...m, labelIds: [...m.labelIds] }));
  }

  createDraft(message: DraftMessage): CreatedDraft {
    this.call('createDraft');
    this.created.push(message);
    const id = `m${this.next++}`;
    const threadId =
      message.threadId && this.messages.some((m) => m.threadId === message.threadId) ? message.threadId : id;
    this.messages.push({
      id,
      threadId,
      labelIds: ['DRAFT'],
      internalDate: 0,
      from: [this.me.toLowerCase()],
      to: [message.to.toLowerCase()],
      cc: [],
      subject: message.subject,
      messageId: message.rfcMessageId ?? `<${id}@in-memory.example>`,
      references: message.references ?? '',
    });
    const draftId = `r-${id}`;
    this.drafts.set(draftId, id);
    this.onCreate?.();
    return { draftId, messageId: id, threadId };
  }

  /** A message already in the mailbox (mail the person sent or received before the run). */
  add(message: Partial<MessageMeta> & Pick<MessageMeta, 'from' | 'internalDate'>): MessageMeta {
    const id = message.id ?? `m${this.next++}`;
    const meta: MessageMeta = {
      id,
      threadId: message.threadId ?? id,
      labelIds: message.labelIds ?? (message.from.includes(this.me.toLowerCase()) ? ['SENT'] : ['INBOX']),
      internalDate: message.internalDate,
      from: message.from,
      to: message.to ?? [],
      cc: message.cc ?? [],
      subject: message.subject ?? '',
      messageId: message.messageId ?? `<${id}@in-memory.example>`,
      references: message.references ?? '',
    };
    this.messages.push(meta);
    return meta;
  }

  /** The person sends a draft at `at` (epoch ms): it leaves Drafts and becomes a SENT message, same ids. */
  send(draftId: string, at: number): MessageMeta {
    const messageId = this.drafts.get(draftId);
    const message = this.messages.find((m) => m.id === messageId);
    if (!message) throw new Error(`no live draft ${draftId}`);
    this.drafts.delete(draftId);
    message.labelIds = ['SENT'];
    message.internalDate = at;
    return message;
  }
}
