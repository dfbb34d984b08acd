/** The mailbox file (docs/COMMAND-LINE.md): its shape, its checks, and how its messages become stored messages. */

import { isValidTimeZone } from '../platform/timezone';
import { type Address, parseAddressList } from './mime-address';
import { buildRawMessage } from './raw-message';
import {
  createMailboxState,
  DEFAULT_QUERY_TIME_ZONE,
  isRecord,
  MailboxFileError,
  type MailboxState,
  metaOf,
  newDraftId,
  newMessageId,
  nextHistoryId,
  normalizeSubject,
  type StoredMessage,
} from './state';

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
  /** Any other header by name (Auto-Submitted, List-Id, Precedence, Reply-To…), written into the message as given. */
  headers?: Record<string, string>;
}

export interface MailboxFile {
  me: { email: string; name?: string; aliases?: string[] };
  timeZone?: string;
  messages?: MailboxFileMessage[];
}

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
  'headers',
]);

/** Headers the emulator writes from the message's own fields: `headers` may not set them a second way. */
const BUILT_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'date',
  'subject',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

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
  headers: [string, string][];
}

/** `headers`: RFC 5322 field names (printable ASCII but colon) to one-line text values. */
function checkExtraHeaders(value: unknown, where: string): [string, string][] {
  if (value === undefined) return [];
  if (!isRecord(value)) throw new MailboxFileError(`${where} is not an object of header names and values`);
  return Object.entries(value).map(([name, v]) => {
    if (!/^[!-9;-~]+$/.test(name)) throw new MailboxFileError(`${where}: ${JSON.stringify(name)} is not a header name`);
    if (BUILT_HEADERS.has(name.toLowerCase())) {
      throw new MailboxFileError(`${where}.${name} is set by the message's own field; use that field instead`);
    }
    return [name, checkString(v, `${where}.${name}`, { singleLine: true })!];
  });
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
    headers: checkExtraHeaders(value.headers, `${where}.headers`),
  };
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
      extraHeaders: m.headers,
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
    if (key !== 'email' && key !== 'name' && key !== 'aliases')
      throw new MailboxFileError(`me.${key} is not a known field`);
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
  const aliases = checkAddressArray(json.me.aliases, 'me.aliases');
  if (aliases.length > 0) state.me.aliases = aliases.map((a) => ({ email: a.address, name: a.name }));
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
