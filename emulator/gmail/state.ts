/**
 * The emulated mailbox as plain JSON (it is saved with the emulator state), the docs/COMMAND-LINE.md mailbox-file loader,
 * and the per-message metadata cache (parsed headers live in memory only, never in the JSON).
 */

import { formatRfc5322Date, isValidTimeZone } from '../platform/timezone';
import {
  type Address,
  encodeHeaderText,
  formatAddressForHeader,
  type HeaderField,
  headerMap,
  parseAddressList,
  parseMessageIdList,
  parseTopHeaders,
} from './mime';

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
  me: { email: string; name: string };
  /**
   * The zone `after:yyyy/mm/dd` dates are read in. Gmail's API guide: "All dates used in the search query are
   * interpreted as midnight on that date in the PST timezone" — hence the America/Los_Angeles default.
   */
  timeZone: string;
  messages: StoredMessage[];
  drafts: StoredDraft[];
  nextId: { message: number; draft: number; history: number };
}

/** A message as the mailbox file (docs/COMMAND-LINE.md) writes it. */
export interface MailboxFileMessage {
  id?: string;
  threadId?: string;
  from: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  /** ISO 8601 date-time. */
  date: string;
  subject?: string;
  text?: string;
  html?: string;
  labels?: string[];
  /** The RFC 5322 Message-ID, `<...>`; a unique one is made when absent, as Gmail does. */
  messageId?: string;
  inReplyTo?: string;
  references?: string | string[];
}

export interface MailboxFile {
  me: { email: string; name?: string };
  timeZone?: string;
  messages?: MailboxFileMessage[];
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

// ---------------------------------------------------------------------------------------------------------------
// Mailbox file

const FILE_MESSAGE_KEYS = new Set([
  'id',
  'threadId',
  'from',
  'to',
  'cc',
  'bcc',
  'date',
  'subject',
  'text',
  'html',
  'labels',
  'messageId',
  'inReplyTo',
  'references',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkString(value: unknown, where: string, opts: { optional?: boolean; singleLine?: boolean } = {}) {
  if (value === undefined && opts.optional) return undefined;
  if (typeof value !== 'string') throw new MailboxFileError(`${where} is not a string`);
  if (opts.singleLine && /[\r\n]/.test(value)) throw new MailboxFileError(`${where} contains a line break`);
  return value;
}

function checkAddress(value: unknown, where: string): Address {
  const text = checkString(value, where, { singleLine: true })!;
  const list = parseAddressList(text);
  if (list.length !== 1 || !/^[^@\s<>]+@[^@\s<>]+$/.test(list[0]!.address)) {
    throw new MailboxFileError(`${where} is not an email address: ${JSON.stringify(text)}`);
  }
  return list[0]!;
}

function checkAddressArray(value: unknown, where: string): Address[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new MailboxFileError(`${where} is not an array of addresses`);
  return value.map((v, i) => checkAddress(v, `${where}[${i}]`));
}

function checkMessageIdValue(value: unknown, where: string): string {
  const text = checkString(value, where, { singleLine: true })!;
  if (!/^<[^<>\s@]+@[^<>\s@]+>$/.test(text.trim()))
    throw new MailboxFileError(`${where} is not a <local@domain> Message-ID`);
  return text.trim();
}

interface CheckedFileMessage {
  id: string | undefined;
  threadId: string | undefined;
  from: Address;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  date: number;
  subject: string;
  text: string | undefined;
  html: string | undefined;
  labels: string[] | undefined;
  messageId: string | undefined;
  inReplyTo: string | undefined;
  references: string[];
}

function checkFileMessage(value: unknown, where: string): CheckedFileMessage {
  if (!isRecord(value)) throw new MailboxFileError(`${where} is not an object`);
  for (const key of Object.keys(value)) {
    if (!FILE_MESSAGE_KEYS.has(key)) throw new MailboxFileError(`${where}.${key} is not a known field`);
  }
  const id = checkString(value.id, `${where}.id`, { optional: true, singleLine: true });
  if (id !== undefined && !/^[A-Za-z0-9_-]+$/.test(id))
    throw new MailboxFileError(`${where}.id must be letters, digits, - or _`);
  const threadId = checkString(value.threadId, `${where}.threadId`, { optional: true, singleLine: true });
  if (threadId !== undefined && !/^[A-Za-z0-9_-]+$/.test(threadId)) {
    throw new MailboxFileError(`${where}.threadId must be letters, digits, - or _`);
  }
  if (value.from === undefined) throw new MailboxFileError(`${where}.from is missing`);
  const from = checkAddress(value.from, `${where}.from`);
  if (value.date === undefined) throw new MailboxFileError(`${where}.date is missing`);
  const date = typeof value.date === 'string' ? Date.parse(value.date) : Number.NaN;
  if (!Number.isFinite(date)) throw new MailboxFileError(`${where}.date is not a date`);
  let labels: string[] | undefined;
  if (value.labels !== undefined) {
    if (!Array.isArray(value.labels)) throw new MailboxFileError(`${where}.labels is not an array`);
    labels = value.labels.map((l, i) => {
      const s = checkString(l, `${where}.labels[${i}]`, { singleLine: true })!;
      if (s.trim() === '') throw new MailboxFileError(`${where}.labels[${i}] is empty`);
      return s;
    });
  }
  let references: string[] = [];
  if (value.references !== undefined) {
    const list = Array.isArray(value.references) ? value.references : [value.references];
    references = list.map((r, i) =>
      checkMessageIdValue(r, Array.isArray(value.references) ? `${where}.references[${i}]` : `${where}.references`),
    );
  }
  return {
    id,
    threadId,
    from,
    to: checkAddressArray(value.to, `${where}.to`),
    cc: checkAddressArray(value.cc, `${where}.cc`),
    bcc: checkAddressArray(value.bcc, `${where}.bcc`),
    date,
    subject: checkString(value.subject, `${where}.subject`, { optional: true, singleLine: true }) ?? '',
    text: checkString(value.text, `${where}.text`, { optional: true }),
    html: checkString(value.html, `${where}.html`, { optional: true }),
    labels,
    messageId: value.messageId === undefined ? undefined : checkMessageIdValue(value.messageId, `${where}.messageId`),
    inReplyTo: value.inReplyTo === undefined ? undefined : checkMessageIdValue(value.inReplyTo, `${where}.inReplyTo`),
    references,
  };
}

function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

export interface RawMessageFields {
  from: Address;
  to: Address[];
  cc: Address[];
  bcc?: Address[];
  date: number;
  subject: string;
  rfcMessageId: string;
  inReplyTo?: string;
  references?: string[];
  text?: string;
  html?: string;
}

/** RFC 5322 text (CRLF line ends) for a simple message: a text body, or text and HTML as multipart/alternative. */
export function buildRawMessage(fields: RawMessageFields, timeZone: string): string {
  const lines: string[] = [];
  lines.push(`From: ${formatAddressForHeader(fields.from)}`);
  if (fields.to.length) lines.push(`To: ${fields.to.map(formatAddressForHeader).join(', ')}`);
  if (fields.cc.length) lines.push(`Cc: ${fields.cc.map(formatAddressForHeader).join(', ')}`);
  if (fields.bcc?.length) lines.push(`Bcc: ${fields.bcc.map(formatAddressForHeader).join(', ')}`);
  lines.push(`Date: ${formatRfc5322Date(fields.date, timeZone)}`);
  lines.push(`Subject: ${encodeHeaderText(fields.subject)}`);
  lines.push(`Message-ID: ${fields.rfcMessageId}`);
  if (fields.inReplyTo) lines.push(`In-Reply-To: ${fields.inReplyTo}`);
  if (fields.references?.length) lines.push(`References: ${fields.references.join(' ')}`);
  lines.push('MIME-Version: 1.0');
  const leaf = (type: string, body: string) => {
    const encoding = [...body].every((ch) => ch.charCodeAt(0) < 0x80) ? '7bit' : '8bit';
    return `Content-Type: ${type}; charset="UTF-8"\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${crlf(body)}`;
  };
  if (fields.html !== undefined) {
    const boundary = `=_emulator_${fields.rfcMessageId.replace(/[^A-Za-z0-9]/g, '')}`;
    lines.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
    const body = [
      `--${boundary}`,
      leaf('text/plain', fields.text ?? ''),
      `--${boundary}`,
      leaf('text/html', fields.html),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    return `${lines.join('\r\n')}\r\n\r\n${body}`;
  }
  return `${lines.join('\r\n')}\r\n${leaf('text/plain', fields.text ?? '')}`;
}

/** Message-ID header → message, to thread replies without scanning the mailbox for each one. */
type RfcIndex = Map<string, StoredMessage>;

function rfcIndexOf(state: MailboxState): RfcIndex {
  const index: RfcIndex = new Map();
  for (const m of state.messages) {
    const id = metaOf(m).rfcMessageId;
    if (id !== null && !index.has(id)) index.set(id, m);
  }
  return index;
}

function fileMessageToStored(state: MailboxState, m: CheckedFileMessage, index: RfcIndex): StoredMessage {
  const id = m.id ?? newMessageId(state);
  const rfcMessageId = m.messageId ?? `<emu.${id}.${state.nextId.history}@mail.example>`;
  const raw = buildRawMessage(
    {
      from: m.from,
      to: m.to,
      cc: m.cc,
      bcc: m.bcc,
      date: m.date,
      subject: m.subject,
      rfcMessageId,
      inReplyTo: m.inReplyTo,
      references: m.references,
      text: m.text,
      html: m.html,
    },
    state.timeZone,
  );
  const fromMe = m.from.address.toLowerCase() === state.me.email.toLowerCase();
  let threadId = m.threadId;
  if (threadId === undefined) {
    // Gmail threads received mail by References/In-Reply-To plus a matching subject.
    const subject = normalizeSubject(m.subject);
    const parent = [...m.references, ...(m.inReplyTo ? [m.inReplyTo] : [])]
      .map((ref) => index.get(ref))
      .find((other) => other !== undefined && normalizeSubject(metaOf(other).subject) === subject);
    threadId = parent?.threadId ?? id;
  }
  const stored: StoredMessage = {
    id,
    threadId,
    labelIds: m.labels ?? (fromMe ? ['SENT'] : ['INBOX']),
    internalDate: m.date,
    raw,
    historyId: nextHistoryId(state),
  };
  if (!index.has(rfcMessageId)) index.set(rfcMessageId, stored);
  return stored;
}

/**
 * Validates a mailbox file (docs/COMMAND-LINE.md) and builds the mailbox. Errors name the field and message index, e.g.
 * `messages[2].date is not a date`. Messages sharing a threadId are one thread; without a threadId a message joins
 * the thread of the message its References/In-Reply-To name (with a matching subject), else starts its own.
 * Without labels, a message from `me` is SENT and any other is INBOX; a message labelled DRAFT becomes a draft.
 */
export function mailboxFromFile(json: unknown): MailboxState {
  if (!isRecord(json)) throw new MailboxFileError('the mailbox file is not a JSON object');
  for (const key of Object.keys(json)) {
    if (key !== 'me' && key !== 'messages' && key !== 'timeZone')
      throw new MailboxFileError(`${key} is not a known field`);
  }
  if (!isRecord(json.me)) throw new MailboxFileError('me is missing or not an object');
  for (const key of Object.keys(json.me)) {
    if (key !== 'email' && key !== 'name') throw new MailboxFileError(`me.${key} is not a known field`);
  }
  const me = checkAddress(json.me.email, 'me.email');
  const name = checkString(json.me.name, 'me.name', { optional: true, singleLine: true }) ?? '';
  let timeZone = DEFAULT_QUERY_TIME_ZONE;
  if (json.timeZone !== undefined) {
    timeZone = checkString(json.timeZone, 'timeZone')!;
    if (!isValidTimeZone(timeZone))
      throw new MailboxFileError(`timeZone is not a time zone: ${JSON.stringify(timeZone)}`);
  }
  if (json.messages !== undefined && !Array.isArray(json.messages))
    throw new MailboxFileError('messages is not an array');
  const state = createMailboxState({ email: me.address, name }, timeZone);
  const checked = ((json.messages as unknown[] | undefined) ?? []).map((m, i) => checkFileMessage(m, `messages[${i}]`));
  const seenIds = new Map<string, number>();
  const seenRfc = new Map<string, number>();
  checked.forEach((m, i) => {
    if (m.id !== undefined) {
      if (seenIds.has(m.id)) throw new MailboxFileError(`messages[${i}].id ${JSON.stringify(m.id)} is used twice`);
      seenIds.set(m.id, i);
    }
    if (m.messageId !== undefined) {
      if (seenRfc.has(m.messageId)) throw new MailboxFileError(`messages[${i}].messageId ${m.messageId} is used twice`);
      seenRfc.set(m.messageId, i);
    }
  });
  const index: RfcIndex = new Map();
  for (const m of checked) state.messages.push(fileMessageToStored(state, m, index));
  // In Gmail every message labelled DRAFT is a draft.
  for (const m of state.messages)
    if (m.labelIds.includes('DRAFT')) state.drafts.push({ id: newDraftId(state), messageId: m.id });
  return state;
}

/** A message arrives (e.g. a reply): same shape as a mailbox-file message. Returns the stored message. */
export function addMessage(state: MailboxState, message: MailboxFileMessage | Record<string, unknown>): StoredMessage {
  const checked = checkFileMessage(message, 'message');
  if (checked.id !== undefined && state.messages.some((m) => m.id === checked.id)) {
    throw new MailboxFileError(`message.id ${JSON.stringify(checked.id)} is already in the mailbox`);
  }
  const stored = fileMessageToStored(state, checked, rfcIndexOf(state));
  state.messages.push(stored);
  return stored;
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
