/**
 * What the user and the world do to the mailbox outside the script (docs/COMMAND-LINE.md, "what you do in Gmail"):
 * send, edit, delete and schedule a draft, Gmail delivering scheduled mail, mail arriving; and the drafts decoded
 * for the report. None of this is visible to the script or counted as an Apps Script call.
 */

import { formatRfc5322Date } from '../platform/timezone';
import type { Runtime } from '../runtime';
import { addMessage, type MailboxFileMessage } from './mailbox-file';
import { parseMime, setHeader } from './mime';
import { formatAddressForHeader, parseAddressList } from './mime-address';
import { encodeHeaderText } from './mime-charset';
import { type MailboxState, metaOf, newMessageId, nextHistoryId, normalizeSubject, type StoredMessage } from './state';

/** The user deletes a draft (and its message). Returns false when there is no such draft. */
export function deleteDraft(state: MailboxState, id: string): boolean {
  const draft = state.drafts.find((d) => d.id === id);
  if (!draft) return false;
  state.drafts = state.drafts.filter((d) => d.id !== id);
  state.messages = state.messages.filter((m) => m.id !== draft.messageId);
  return true;
}

export interface DecodedDraft {
  id: string;
  /** Gmail id of the draft's message. */
  messageId: string;
  threadId: string;
  /** The RFC 5322 Message-ID header, or null. */
  rfcMessageId: string | null;
  /** Addresses only, e.g. `sam@acme.example`. */
  to: string[];
  cc: string[];
  bcc: string[];
  /** The From header, decoded (`Name <address>`). */
  from: string;
  subject: string;
  text: string | null;
  html: string | null;
  inReplyTo: string | null;
  references: string[];
  /** The message as written (RFC 5322), for `.eml` files. */
  raw: string;
}

function lf(text: string | null): string | null {
  return text === null ? null : text.replace(/\r\n/g, '\n');
}

/** Every draft, decoded from its MIME message (a scheduled message is no longer a draft). */
export function listDecodedDrafts(state: MailboxState): DecodedDraft[] {
  const out: DecodedDraft[] = [];
  for (const d of state.drafts) {
    const m = state.messages.find((x) => x.id === d.messageId);
    if (!m) continue;
    const meta = metaOf(m);
    const parsed = parseMime(m.raw, m.binary);
    out.push({
      id: d.id,
      messageId: m.id,
      threadId: m.threadId,
      rfcMessageId: meta.rfcMessageId,
      to: meta.to.map((a) => a.address),
      cc: meta.cc.map((a) => a.address),
      bcc: meta.bcc.map((a) => a.address),
      from: meta.headers.from?.[0] ?? '',
      subject: meta.subject,
      text: lf(parsed.text),
      html: lf(parsed.html),
      inReplyTo: meta.inReplyTo[0] ?? null,
      references: meta.references,
      raw: m.raw,
    });
  }
  return out;
}

export interface SentMessage {
  /** Gmail id of the new SENT message. */
  id: string;
  to: string[];
  subject: string;
  /** ISO 8601. */
  date: string;
  threadId: string;
}

/** Why a user step could not be done, e.g. "there is no draft r-7 in Gmail". */
export class UserStepError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserStepError';
  }
}

/**
 * Gmail sends `m`: a new message (new Gmail id) labelled SENT in the same thread, dated now, with a new Message-ID
 * of Gmail's making — docs/COMMAND-LINE.md: the add-on cannot lean on the one it chose (harsher reading of Gmail,
 * which may keep it). Returns null when `m` has no recipient: Gmail cannot send it.
 */
function sendMessage(runtime: Runtime, state: MailboxState, m: StoredMessage): SentMessage | null {
  const meta = metaOf(m);
  const recipients = [...meta.to, ...meta.cc, ...meta.bcc];
  if (recipients.length === 0) return null;
  const id = newMessageId(state);
  let raw = setHeader(m.raw, 'Date', formatRfc5322Date(runtime.now, state.timeZone));
  raw = setHeader(raw, 'Message-ID', `<emu.sent.${id}.${state.nextId.history}@mail.gmail.example>`);
  const toMe = recipients.some((a) => a.lower === state.me.email.toLowerCase());
  const message: StoredMessage = {
    id,
    threadId: m.threadId,
    labelIds: toMe ? ['SENT', 'INBOX'] : ['SENT'],
    internalDate: runtime.now,
    raw,
    historyId: nextHistoryId(state),
  };
  if (m.binary) message.binary = true;
  state.messages = state.messages.filter((x) => x.id !== m.id);
  state.messages.push(message);
  const date = new Date(runtime.now).toISOString();
  return { id, to: meta.to.map((a) => a.address), subject: meta.subject, date, threadId: message.threadId };
}

function draftMessage(state: MailboxState, draftId: string): StoredMessage {
  const draft = state.drafts.find((d) => d.id === draftId);
  const m = draft && state.messages.find((x) => x.id === draft.messageId);
  if (!draft || !m) throw new UserStepError(`there is no draft ${draftId} in Gmail`);
  return m;
}

/**
 * The user sends every draft now. As in Gmail, each draft disappears and a new message labelled SENT appears in the
 * draft's thread (see `sendMessage`). A draft with no recipient cannot be sent and stays a draft.
 */
export function sendAllDrafts(runtime: Runtime, state: MailboxState): SentMessage[] {
  const sent: SentMessage[] = [];
  for (const d of [...state.drafts]) {
    const m = state.messages.find((x) => x.id === d.messageId);
    if (!m) continue;
    const one = sendMessage(runtime, state, m);
    if (one === null) continue;
    state.drafts = state.drafts.filter((x) => x.id !== d.id);
    sent.push(one);
  }
  return sent;
}

/** The user sends one draft as it is. Throws UserStepError when there is no such draft or it has no recipient. */
export function sendDraft(runtime: Runtime, state: MailboxState, draftId: string): SentMessage {
  const sent = sendMessage(runtime, state, draftMessage(state, draftId));
  if (sent === null) throw new UserStepError(`draft ${draftId} has no recipient, so Gmail cannot send it`);
  state.drafts = state.drafts.filter((d) => d.id !== draftId);
  return sent;
}

export interface DraftEdit {
  /** The new To line: one address (`name@domain` or `Name <name@domain>`). */
  to?: string;
  subject?: string;
}

/**
 * The user edits a draft in Gmail. As Gmail does, the draft keeps its id and its message gets a new Gmail id (and,
 * harsher reading, a new Message-ID). A To change keeps the thread; a subject no message of the thread shares moves
 * the draft to a thread of its own (Gmail's threading rule: the subject must match).
 */
export function editDraft(runtime: Runtime, state: MailboxState, draftId: string, edit: DraftEdit): StoredMessage {
  const old = draftMessage(state, draftId);
  let raw = old.raw;
  if (edit.to !== undefined) {
    const list = parseAddressList(edit.to);
    if (list.length !== 1 || !/^[^@\s<>]+@[^@\s<>]+$/.test(list[0]!.address)) {
      throw new UserStepError(`${JSON.stringify(edit.to)} is not an email address`);
    }
    raw = setHeader(raw, 'To', formatAddressForHeader(list[0]!));
  }
  if (edit.subject !== undefined) {
    if (/[\r\n]/.test(edit.subject)) throw new UserStepError('a subject is one line');
    raw = setHeader(raw, 'Subject', encodeHeaderText(edit.subject));
  }
  const id = newMessageId(state);
  raw = setHeader(raw, 'Message-ID', `<emu.draft.${id}.${state.nextId.history}@mail.gmail.example>`);
  const message: StoredMessage = {
    id,
    threadId: old.threadId,
    labelIds: [...old.labelIds],
    internalDate: runtime.now,
    raw,
    historyId: nextHistoryId(state),
  };
  if (old.binary) message.binary = true;
  const others = state.messages.filter((m) => m.threadId === old.threadId && m.id !== old.id);
  const subject = normalizeSubject(metaOf(message).subject);
  if (others.length > 0 && !others.some((m) => normalizeSubject(metaOf(m).subject) === subject)) message.threadId = id;
  state.messages = state.messages.filter((m) => m.id !== old.id);
  state.messages.push(message);
  state.drafts.find((d) => d.id === draftId)!.messageId = id;
  return message;
}

/** The user schedules a draft: it leaves Drafts and its message waits labelled SCHEDULED only (not SENT, not DRAFT). */
export function scheduleDraft(state: MailboxState, draftId: string): StoredMessage {
  const m = draftMessage(state, draftId);
  if (metaOf(m).to.length + metaOf(m).cc.length + metaOf(m).bcc.length === 0) {
    throw new UserStepError(`draft ${draftId} has no recipient, so Gmail cannot schedule it`);
  }
  state.drafts = state.drafts.filter((d) => d.id !== draftId);
  m.labelIds = ['SCHEDULED'];
  m.historyId = nextHistoryId(state);
  return m;
}

/** Gmail sends every scheduled message now: each becomes SENT (see `sendMessage`), dated now. */
export function deliverScheduled(runtime: Runtime, state: MailboxState): SentMessage[] {
  const sent: SentMessage[] = [];
  for (const m of state.messages.filter((x) => x.labelIds.includes('SCHEDULED'))) {
    const one = sendMessage(runtime, state, m);
    if (one !== null) sent.push(one);
  }
  return sent;
}

/** Mail arrives: each entry in the mailbox-file format, dates as given, threaded by the mailbox file's rule. */
export function receiveMessages(state: MailboxState, messages: readonly unknown[]): StoredMessage[] {
  return messages.map((m) => addMessage(state, m as MailboxFileMessage));
}
