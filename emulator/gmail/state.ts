/**
 * The emulated mailbox as plain JSON (it is saved with the emulator state), its ids, and the per-message metadata
 * cache (parsed headers live in memory only, never in the JSON); the mailbox-file loader is in mailbox-file.ts.
 */

import { type HeaderField, headerMap, parseTopHeaders } from './mime';
import { type Address, parseAddressList, parseMessageIdList } from './mime-address';

export interface StoredMessage {
  /** Gmail message id. */
  id: string;
  threadId: string;
  labelIds: string[];
  /** Epoch milliseconds: Gmail's internalDate, what ordering and `after:`/`before:` use. */
  internalDate: number;
  /** The RFC 5322 message text (the UTF-8 decoding of its bytes, or latin1 when `binary`). */
  raw: string;
  /** True when the message bytes were not valid UTF-8 and `raw` holds one char per byte. */
  binary?: boolean;
  historyId?: string;
}

export interface StoredDraft {
  /** Draft id, `r-<digits>`. */
  id: string;
  /** Id of the draft's message (it changes on every update, as in Gmail). */
  messageId: string;
}

export interface MailboxState {
  /** `aliases`: the user's other send-as addresses (Users.Settings.SendAs.list); the profile address is the primary. */
  me: { email: string; name: string; aliases?: { email: string; name: string }[] };
  /**
   * The zone `after:yyyy/mm/dd` dates are read in. Gmail's API guide: "All dates used in the search query are
   * interpreted as midnight on that date in the PST timezone" — hence the America/Los_Angeles default.
   */
  timeZone: string;
  messages: StoredMessage[];
  drafts: StoredDraft[];
  nextId: { message: number; draft: number; history: number };
}

export const DEFAULT_QUERY_TIME_ZONE = 'America/Los_Angeles';

export class MailboxFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailboxFileError';
  }
}

export function createMailboxState(me: { email: string; name?: string }, timeZone = DEFAULT_QUERY_TIME_ZONE) {
  const state: MailboxState = {
    me: { email: me.email, name: me.name ?? '' },
    timeZone,
    messages: [],
    drafts: [],
    nextId: { message: 1, draft: 1, history: 1000 },
  };
  return state;
}

// ---------------------------------------------------------------------------------------------------------------
// Ids

const MESSAGE_ID_BASE = 0x18c0_0000_0000_0000n;
const DRAFT_ID_BASE = 7_350_000_000_000_000_000n;

/** A fresh Gmail-style message id (16 lower-case hex digits), unused in this mailbox. */
export function newMessageId(state: MailboxState): string {
  const used = new Set(state.messages.map((m) => m.id));
  for (;;) {
    const id = (MESSAGE_ID_BASE + BigInt(state.nextId.message++)).toString(16);
    if (!used.has(id)) return id;
  }
}

export function newDraftId(state: MailboxState): string {
  const used = new Set(state.drafts.map((d) => d.id));
  for (;;) {
    const id = `r-${(DRAFT_ID_BASE + BigInt(state.nextId.draft++)).toString()}`;
    if (!used.has(id)) return id;
  }
}

export function nextHistoryId(state: MailboxState): string {
  state.nextId.history += 1;
  return String(state.nextId.history);
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata cache

export interface AddressMeta {
  name: string;
  address: string;
  /** Lower-case address. */
  lower: string;
  addressWords: string[];
  nameWords: string[];
}

export interface MessageMeta {
  raw: string;
  fields: HeaderField[];
  headers: Record<string, string[]>;
  from: AddressMeta[];
  to: AddressMeta[];
  cc: AddressMeta[];
  bcc: AddressMeta[];
  subject: string;
  /** The Message-ID header, `<...>`, or null. */
  rfcMessageId: string | null;
  inReplyTo: string[];
  references: string[];
}

/**
 * Parsed headers hang off each message object under a non-enumerable symbol: JSON.stringify and structured copies
 * ignore it, so the saved state stays plain, and a lookup is cheaper than a WeakMap's on big mailboxes.
 */
const META = Symbol('gmail.meta');
type WithMeta = StoredMessage & { [META]?: MessageMeta };

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

function addressMeta(a: Address): AddressMeta {
  return {
    name: a.name,
    address: a.address,
    lower: a.address.toLowerCase(),
    addressWords: words(a.address),
    nameWords: words(a.name),
  };
}

function fieldAddresses(fields: HeaderField[], name: string): AddressMeta[] {
  const out: AddressMeta[] = [];
  for (const f of fields)
    if (f.name.toLowerCase() === name) for (const a of parseAddressList(f.value)) out.push(addressMeta(a));
  return out;
}

/** Parsed top-level headers of a stored message, cached per message object until its `raw` changes. */
export function metaOf(message: StoredMessage): MessageMeta {
  const cached = (message as WithMeta)[META];
  if (cached !== undefined && cached.raw === message.raw) return cached;
  const fields = parseTopHeaders(message.raw);
  const headers = headerMap(fields);
  const meta: MessageMeta = {
    raw: message.raw,
    fields,
    headers,
    from: fieldAddresses(fields, 'from'),
    to: fieldAddresses(fields, 'to'),
    cc: fieldAddresses(fields, 'cc'),
    bcc: fieldAddresses(fields, 'bcc'),
    subject: headers.subject?.[0] ?? '',
    rfcMessageId: parseMessageIdList(headers['message-id']?.[0])[0] ?? null,
    inReplyTo: parseMessageIdList(headers['in-reply-to']?.[0]),
    references: parseMessageIdList(headers.references?.join(' ')),
  };
  Object.defineProperty(message, META, { value: meta, enumerable: false, writable: true, configurable: true });
  return meta;
}

/** Subject compared for threading: reply/forward prefixes, case and runs of white space ignored. */
export function normalizeSubject(subject: string): string {
  let s = subject.trim();
  for (;;) {
    const next = s.replace(/^(re|fwd?|aw|wg|sv|antw|tr|rv)\s*(\[\d+\])?\s*:\s*/i, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').toLowerCase();
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The state as plain JSON (a deep copy). */
export function mailboxToJson(state: MailboxState): MailboxState {
  return JSON.parse(JSON.stringify(state)) as MailboxState;
}

/** Loads a state saved by `mailboxToJson`, checking its shape. */
export function mailboxFromJson(json: unknown): MailboxState {
  if (!isRecord(json) || !isRecord(json.me) || !Array.isArray(json.messages) || !Array.isArray(json.drafts)) {
    throw new MailboxFileError('saved mailbox state is not of the expected shape');
  }
  if (!isRecord(json.nextId)) throw new MailboxFileError('saved mailbox state has no nextId counters');
  json.messages.forEach((m, i) => {
    if (!isRecord(m) || typeof m.id !== 'string' || typeof m.threadId !== 'string' || typeof m.raw !== 'string') {
      throw new MailboxFileError(`saved mailbox state: messages[${i}] is not a stored message`);
    }
    if (!Array.isArray(m.labelIds) || typeof m.internalDate !== 'number') {
      throw new MailboxFileError(`saved mailbox state: messages[${i}] lacks labelIds or internalDate`);
    }
  });
  return mailboxToJson(json as unknown as MailboxState);
}
