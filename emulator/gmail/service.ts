/**
 * The Gmail advanced service (`Gmail.Users.*`, REST v1) over an in-memory mailbox; what the user and the world do
 * is in host.ts, the answer formats in format.ts.
 *
 * Apps Script facts emulated here (each also noted beside its code):
 * - Errors are `GoogleJsonResponseException`s reading `API call to gmail.users.drafts.get failed with error: ...`.
 * - Fields of type `bytes` in responses (`raw`, `payload...body.data`) reach the script as byte arrays (Java signed
 *   bytes), not base64url strings: Apps Script's client decodes them. Scripts read them with
 *   `Utilities.newBlob(bytes).getDataAsString()`.
 * - Requests: `message.raw` is a base64url string (`Utilities.base64EncodeWebSafe`), padding optional.
 */

import { formatRfc5322Date } from '../platform/timezone';
import { guard, type Runtime } from '../runtime';
import { gmailFaultFor } from './faults';
import { type Format, formatMessage, parsedOf } from './format';
import { deleteDraft } from './host';
import { formatAddressForHeader, setHeader } from './mime';
import { compileQuery, mentionsAnywhere, parseGmailQuery, type QueryNode } from './query';
import { sendAsList } from './send-as';
import {
  type MailboxState,
  metaOf,
  newDraftId,
  newMessageId,
  nextHistoryId,
  normalizeSubject,
  type StoredDraft,
  type StoredMessage,
} from './state';

const SCOPE = {
  full: 'https://mail.google.com/',
  modify: 'https://www.googleapis.com/auth/gmail.modify',
  compose: 'https://www.googleapis.com/auth/gmail.compose',
  readonly: 'https://www.googleapis.com/auth/gmail.readonly',
  metadata: 'https://www.googleapis.com/auth/gmail.metadata',
  settingsBasic: 'https://www.googleapis.com/auth/gmail.settings.basic',
} as const;

// Scopes that authorise each method, from the Gmail API reference ("Authorization scopes" of each method).
const DRAFT_WRITE_SCOPES = [SCOPE.compose, SCOPE.modify, SCOPE.full];
const DRAFT_READ_SCOPES = [SCOPE.readonly, SCOPE.compose, SCOPE.modify, SCOPE.full];
const READ_SCOPES = [SCOPE.readonly, SCOPE.modify, SCOPE.full, SCOPE.metadata];
const SEND_AS_SCOPES = [SCOPE.readonly, SCOPE.modify, SCOPE.settingsBasic, SCOPE.full];
const PROFILE_SCOPES = [SCOPE.readonly, SCOPE.compose, SCOPE.modify, SCOPE.full, SCOPE.metadata];

// ---------------------------------------------------------------------------------------------------------------
// The service

export interface GmailServiceResult {
  Gmail: GoogleAppsScript.Gmail;
}

type Options = Record<string, unknown>;

function asOptions(value: unknown): Options {
  return typeof value === 'object' && value !== null ? (value as Options) : {};
}

function decodeRaw(raw: string): { text: string; binary: boolean } {
  const bytes = Buffer.from(raw, 'base64url');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), binary: false };
  } catch {
    return { text: bytes.toString('latin1'), binary: true };
  }
}

export function createGmailService(runtime: Runtime, state: MailboxState): GmailServiceResult {
  const me = () => state.me.email.toLowerCase();

  /** Apps Script wraps REST failures as GoogleJsonResponseException with this message shape. */
  function apiError(restMethod: string, code: number, message: string): Error {
    const error = runtime.error(
      `API call to ${restMethod} failed with error: ${message}`,
      'GoogleJsonResponseException',
    );
    Object.defineProperty(error, 'details', { value: runtime.toRealm({ code, message }), enumerable: false });
    return error;
  }

  function begin(callName: string, scopes: readonly string[]): void {
    runtime.charge('Gmail', callName);
    const fault = gmailFaultFor(runtime, callName);
    if (fault) throw apiError(callName.toLowerCase().replace(/\.remove$/, '.delete'), fault.code, fault.message);
    const granted = scopes.find((s) => runtime.scopes === null || runtime.scopes.has(s)) ?? scopes[0]!;
    runtime.requireAuthorization(callName, granted);
    runtime.useQuota('gmail', 'gmail');
  }

  function onlyMetadataScope(): boolean {
    const s = runtime.scopes;
    if (s === null || !s.has(SCOPE.metadata)) return false;
    return ![SCOPE.readonly, SCOPE.modify, SCOPE.full].some((x) => s.has(x));
  }

  function checkUser(restMethod: string, userId: unknown): void {
    if (typeof userId === 'string' && (userId === 'me' || userId.toLowerCase() === me())) return;
    // Gmail answers 403 "Delegation denied for <authenticated user>" for any other mailbox.
    throw apiError(restMethod, 403, `Delegation denied for ${state.me.email}`);
  }

  function notFound(restMethod: string): Error {
    // Gmail's 404 body: "Requested entity was not found."
    return apiError(restMethod, 404, 'Requested entity was not found.');
  }

  function formatOf(restMethod: string, options: Options): Format {
    const format = options.format === undefined ? 'full' : String(options.format).toLowerCase();
    if (format !== 'full' && format !== 'metadata' && format !== 'minimal' && format !== 'raw') {
      throw apiError(
        restMethod,
        400,
        `Invalid value at 'format' (type.googleapis.com/gmail.Format), "${String(options.format)}"`,
      );
    }
    if ((format === 'full' || format === 'raw') && onlyMetadataScope()) {
      throw apiError(restMethod, 403, `Metadata scope doesn't allow format ${format.toUpperCase()}`);
    }
    return format;
  }

  function metadataHeadersOf(options: Options): string[] | undefined {
    const h = options.metadataHeaders;
    if (h === undefined) return undefined;
    return Array.isArray(h) ? h.map(String) : [String(h)];
  }

  function pageOf(restMethod: string, options: Options): { offset: number; size: number } {
    let size = 100;
    if (options.maxResults !== undefined) {
      const n = Number(options.maxResults);
      if (!Number.isInteger(n) || n < 0)
        throw apiError(restMethod, 400, `Invalid maxResults: ${String(options.maxResults)}`);
      // The reference: "maxResults ... defaults to 100. The maximum allowed value for this field is 500." Larger
      // values are served 500 at a time (with a nextPageToken), as Gmail does; 0 means the default.
      size = n === 0 ? 100 : Math.min(n, 500);
    }
    let offset = 0;
    if (options.pageToken !== undefined && options.pageToken !== null && options.pageToken !== '') {
      const token = String(options.pageToken);
      if (!/^\d{1,12}$/.test(token)) throw apiError(restMethod, 400, 'Invalid pageToken');
      offset = Number(token);
    }
    return { offset, size };
  }

  function queryOf(restMethod: string, options: Options): QueryNode | null {
    if (options.q === undefined || options.q === null || options.q === '') return null;
    if (onlyMetadataScope()) throw apiError(restMethod, 403, "Metadata scope does not support 'q' parameter");
    try {
      return parseGmailQuery(String(options.q), state.timeZone);
    } catch (e) {
      throw runtime.error((e as Error).message);
    }
  }

  /** Messages matching q/labelIds, newest first. */
  function select(restMethod: string, options: Options): StoredMessage[] {
    const query = queryOf(restMethod, options);
    const labelIds =
      options.labelIds === undefined
        ? []
        : Array.isArray(options.labelIds)
          ? options.labelIds.map(String)
          : [String(options.labelIds)];
    // Spam and trash are left out unless includeSpamTrash is set or the query says in:anywhere.
    const spamTrash = options.includeSpamTrash === true || mentionsAnywhere(query);
    const predicate = query ? compileQuery(query, me()) : null;
    const out: StoredMessage[] = [];
    const messages = state.messages;
    // Walk newest-appended first: mailboxes are mostly in date order, so the result rarely needs sorting.
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i]!;
      const labels = m.labelIds;
      if (!spamTrash && (labels.includes('SPAM') || labels.includes('TRASH'))) continue;
      if (labelIds.length > 0 && labelIds.some((l) => !labels.includes(l))) continue;
      if (predicate && !predicate(metaOf(m), labels, m.internalDate)) continue;
      out.push(m);
    }
    const newerFirst = (a: StoredMessage, b: StoredMessage) =>
      b.internalDate - a.internalDate || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    for (let i = 1; i < out.length; i++) if (newerFirst(out[i - 1]!, out[i]!) > 0) return out.sort(newerFirst);
    return out;
  }

  function page<T>(items: T[], offset: number, size: number): { slice: T[]; next?: string } {
    const slice = items.slice(offset, offset + size);
    return offset + size < items.length ? { slice, next: String(offset + size) } : { slice };
  }

  function findDraft(restMethod: string, id: unknown): StoredDraft {
    const draft = state.drafts.find((d) => d.id === id);
    if (!draft) throw notFound(restMethod);
    return draft;
  }

  function messageById(id: string): StoredMessage | undefined {
    return state.messages.find((m) => m.id === id);
  }

  /**
   * Reads `resource.message.raw` and `threadId`, as drafts.create/update receive them. The raw field is bytes in
   * base64url; standard-alphabet `+`/`/` are refused (reported by API users: "Invalid value at 'message.raw'
   * (TYPE_BYTES), Base64 decoding failed").
   */
  function readDraftResource(
    restMethod: string,
    resource: unknown,
  ): { text: string; binary: boolean; threadId?: string } {
    const message = asOptions(resource).message;
    if (typeof message !== 'object' || message === null) throw apiError(restMethod, 400, 'Missing draft message');
    const { raw, threadId } = message as Options;
    if (raw === undefined || raw === null || raw === '') {
      throw apiError(
        restMethod,
        400,
        "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
      );
    }
    const rawText = typeof raw === 'string' ? raw : String(raw);
    const body = rawText.replace(/=+$/, '');
    if (
      typeof raw !== 'string' ||
      !/^[A-Za-z0-9_-]*$/.test(body) ||
      body.length % 4 === 1 ||
      rawText.length - body.length > 2
    ) {
      const shown = rawText.length > 40 ? `${rawText.slice(0, 40)}...` : rawText;
      throw apiError(
        restMethod,
        400,
        `Invalid value at 'draft.message.raw' (TYPE_BYTES), Base64 decoding failed for "${shown}"`,
      );
    }
    const decoded = decodeRaw(body);
    return {
      ...decoded,
      threadId: threadId === undefined || threadId === null || threadId === '' ? undefined : String(threadId),
    };
  }

  /**
   * Gmail's threading rule for inserted drafts and messages (Gmail API guide, "Managing threads"): the requested
   * threadId must be given, References/In-Reply-To must name a message of that thread, and the Subject must match.
   * Otherwise the message starts a new thread; Gmail raises no error.
   */
  function threadFor(requested: string | undefined, stored: StoredMessage, ignoreId?: string): string {
    if (requested === undefined) return stored.id;
    const thread = state.messages.filter((m) => m.threadId === requested && m.id !== ignoreId && m.id !== stored.id);
    if (thread.length === 0) return stored.id;
    const meta = metaOf(stored);
    const refs = new Set([...meta.references, ...meta.inReplyTo]);
    const subject = normalizeSubject(meta.subject);
    const referenced = thread.some((m) => {
      const id = metaOf(m).rfcMessageId;
      return id !== null && refs.has(id);
    });
    const sameSubject = thread.some((m) => normalizeSubject(metaOf(m).subject) === subject);
    return referenced && sameSubject ? requested : stored.id;
  }

  /** A threadId naming no thread of this mailbox: Gmail answers 400 "Invalid thread_id value", as Gmail does. */
  function checkThreadId(restMethod: string, threadId: string | undefined): void {
    if (threadId !== undefined && !state.messages.some((m) => m.threadId === threadId)) {
      throw apiError(restMethod, 400, 'Invalid thread_id value');
    }
  }

  /** Stores a draft's message: From/Date/Message-ID filled in when missing, labelled DRAFT. */
  function storeDraftMessage(text: string, binary: boolean): StoredMessage {
    let raw = text;
    const id = newMessageId(state);
    const fields = metaOf({ id, threadId: id, labelIds: [], internalDate: 0, raw }).headers;
    if (!fields['message-id']) raw = setHeader(raw, 'Message-ID', `<emu.draft.${id}@mail.example>`);
    if (!fields.date) raw = setHeader(raw, 'Date', formatRfc5322Date(runtime.now, state.timeZone));
    if (!fields.from)
      raw = setHeader(raw, 'From', formatAddressForHeader({ name: state.me.name, address: state.me.email }));
    const stored: StoredMessage = {
      id,
      threadId: id,
      labelIds: ['DRAFT'],
      internalDate: runtime.now,
      raw,
      historyId: nextHistoryId(state),
    };
    if (binary) stored.binary = true;
    return stored;
  }

  function draftResponse(draft: StoredDraft, m: StoredMessage) {
    return runtime.toRealm({ id: draft.id, message: { id: m.id, threadId: m.threadId, labelIds: [...m.labelIds] } });
  }

  function refuseSend(call: string): never {
    runtime.charge('Gmail', call);
    throw runtime.error(`The add-on must never send mail: ${call} is refused by the emulator`);
  }

  const Drafts = {
    create(resource: GoogleAppsScript.Gmail.Schema.Draft, userId: string): GoogleAppsScript.Gmail.Schema.Draft {
      const rest = 'gmail.users.drafts.create';
      begin('Gmail.Users.Drafts.create', DRAFT_WRITE_SCOPES);
      checkUser(rest, userId);
      const { text, binary, threadId } = readDraftResource(rest, resource);
      checkThreadId(rest, threadId);
      const stored = storeDraftMessage(text, binary);
      stored.threadId = threadFor(threadId, stored);
      state.messages.push(stored);
      const draft: StoredDraft = { id: newDraftId(state), messageId: stored.id };
      state.drafts.push(draft);
      return draftResponse(draft, stored);
    },

    update(
      resource: GoogleAppsScript.Gmail.Schema.Draft,
      userId: string,
      id: string,
    ): GoogleAppsScript.Gmail.Schema.Draft {
      const rest = 'gmail.users.drafts.update';
      begin('Gmail.Users.Drafts.update', DRAFT_WRITE_SCOPES);
      checkUser(rest, userId);
      const draft = findDraft(rest, id);
      const { text, binary, threadId } = readDraftResource(rest, resource);
      checkThreadId(rest, threadId);
      // Gmail gives the updated draft a new message id; the draft id stays.
      const stored = storeDraftMessage(text, binary);
      stored.threadId = threadFor(threadId, stored, draft.messageId);
      state.messages = state.messages.filter((m) => m.id !== draft.messageId);
      state.messages.push(stored);
      draft.messageId = stored.id;
      return draftResponse(draft, stored);
    },

    get(userId: string, id: string, optionalArgs?: object): GoogleAppsScript.Gmail.Schema.Draft {
      const rest = 'gmail.users.drafts.get';
      begin('Gmail.Users.Drafts.get', DRAFT_READ_SCOPES);
      checkUser(rest, userId);
      const options = asOptions(optionalArgs);
      const format = formatOf(rest, options);
      const draft = findDraft(rest, id);
      const m = messageById(draft.messageId);
      if (!m) throw notFound(rest);
      return runtime.toRealm({
        id: draft.id,
        message: formatMessage(m, format),
      }) as GoogleAppsScript.Gmail.Schema.Draft;
    },

    list(userId: string, optionalArgs?: object): GoogleAppsScript.Gmail.Schema.ListDraftsResponse {
      const rest = 'gmail.users.drafts.list';
      begin('Gmail.Users.Drafts.list', DRAFT_READ_SCOPES);
      checkUser(rest, userId);
      const options = asOptions(optionalArgs);
      const { offset, size } = pageOf(rest, options);
      const draftOf = new Map(state.drafts.map((d) => [d.messageId, d]));
      const matches = select(rest, { ...options, labelIds: undefined }).filter((m) => draftOf.has(m.id));
      const { slice, next } = page(matches, offset, size);
      // As the REST API, the response has no `drafts` key at all when there are none.
      const out: Record<string, unknown> = {};
      if (slice.length > 0)
        out.drafts = slice.map((m) => ({ id: draftOf.get(m.id)!.id, message: { id: m.id, threadId: m.threadId } }));
      if (next !== undefined) out.nextPageToken = next;
      out.resultSizeEstimate = matches.length;
      return runtime.toRealm(out) as GoogleAppsScript.Gmail.Schema.ListDraftsResponse;
    },

    remove(userId: string, id: string): void {
      const rest = 'gmail.users.drafts.delete';
      begin('Gmail.Users.Drafts.remove', DRAFT_WRITE_SCOPES);
      checkUser(rest, userId);
      const draft = findDraft(rest, id);
      deleteDraft(state, draft.id);
    },

    send(): GoogleAppsScript.Gmail.Schema.Message {
      return refuseSend('Gmail.Users.Drafts.send');
    },
  } satisfies Pick<
    GoogleAppsScript.Gmail.Collection.Users.DraftsCollection,
    'create' | 'update' | 'get' | 'list' | 'remove'
  > & {
    send(): unknown;
  };

  const Messages = {
    list(userId: string, optionalArgs?: object): GoogleAppsScript.Gmail.Schema.ListMessagesResponse {
      const rest = 'gmail.users.messages.list';
      begin('Gmail.Users.Messages.list', READ_SCOPES);
      checkUser(rest, userId);
      const options = asOptions(optionalArgs);
      const { offset, size } = pageOf(rest, options);
      const matches = select(rest, options);
      const { slice, next } = page(matches, offset, size);
      // No `messages` key at all when nothing matches, as the REST API answers.
      const out: Record<string, unknown> = {};
      if (slice.length > 0) out.messages = slice.map((m) => ({ id: m.id, threadId: m.threadId }));
      if (next !== undefined) out.nextPageToken = next;
      out.resultSizeEstimate = matches.length;
      return runtime.toRealm(out) as GoogleAppsScript.Gmail.Schema.ListMessagesResponse;
    },

    get(userId: string, id: string, optionalArgs?: object): GoogleAppsScript.Gmail.Schema.Message {
      const rest = 'gmail.users.messages.get';
      begin('Gmail.Users.Messages.get', READ_SCOPES);
      checkUser(rest, userId);
      const options = asOptions(optionalArgs);
      const format = formatOf(rest, options);
      const m = messageById(String(id));
      if (!m) throw notFound(rest);
      return runtime.toRealm(
        formatMessage(m, format, metadataHeadersOf(options)),
      ) as GoogleAppsScript.Gmail.Schema.Message;
    },

    send(): GoogleAppsScript.Gmail.Schema.Message {
      return refuseSend('Gmail.Users.Messages.send');
    },
  } satisfies Pick<GoogleAppsScript.Gmail.Collection.Users.MessagesCollection, 'list' | 'get'> & { send(): unknown };

  function threadMessages(threadId: string): StoredMessage[] {
    return state.messages
      .filter((m) => m.threadId === threadId)
      .sort((a, b) => a.internalDate - b.internalDate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  function threadHistoryId(messages: StoredMessage[]): string {
    return messages.reduce((max, m) => (Number(m.historyId ?? 0) > Number(max) ? (m.historyId ?? max) : max), '1');
  }

  const Threads = {
    get(userId: string, id: string, optionalArgs?: object): GoogleAppsScript.Gmail.Schema.Thread {
      const rest = 'gmail.users.threads.get';
      begin('Gmail.Users.Threads.get', READ_SCOPES);
      checkUser(rest, userId);
      const options = asOptions(optionalArgs);
      const format = formatOf(rest, options);
      const messages = threadMessages(String(id));
      if (messages.length === 0) throw notFound(rest);
      const headers = metadataHeadersOf(options);
      return runtime.toRealm({
        id: String(id),
        historyId: threadHistoryId(messages),
        messages: messages.map((m) => formatMessage(m, format, headers)),
      }) as GoogleAppsScript.Gmail.Schema.Thread;
    },

    list(userId: string, optionalArgs?: object): GoogleAppsScript.Gmail.Schema.ListThreadsResponse {
      const rest = 'gmail.users.threads.list';
      begin('Gmail.Users.Threads.list', READ_SCOPES);
      checkUser(rest, userId);
      const options = asOptions(optionalArgs);
      const { offset, size } = pageOf(rest, options);
      // "If any message in a thread matches the query, that thread is returned in the result."
      const seen = new Set<string>();
      const threads: string[] = [];
      for (const m of select(rest, options)) {
        if (!seen.has(m.threadId)) {
          seen.add(m.threadId);
          threads.push(m.threadId);
        }
      }
      const { slice, next } = page(threads, offset, size);
      const out: Record<string, unknown> = {};
      if (slice.length > 0) {
        out.threads = slice.map((t) => {
          const messages = threadMessages(t);
          const last = messages[messages.length - 1]!;
          return { id: t, snippet: parsedOf(last).snippet, historyId: threadHistoryId(messages) };
        });
      }
      if (next !== undefined) out.nextPageToken = next;
      out.resultSizeEstimate = threads.length;
      return runtime.toRealm(out) as GoogleAppsScript.Gmail.Schema.ListThreadsResponse;
    },
  } satisfies Pick<GoogleAppsScript.Gmail.Collection.Users.ThreadsCollection, 'get' | 'list'>;

  const Users = {
    Drafts: guard('Gmail.Users.Drafts', Drafts),
    Messages: guard('Gmail.Users.Messages', Messages),
    Threads: guard('Gmail.Users.Threads', Threads),
    Labels: guard('Gmail.Users.Labels', {}),
    History: guard('Gmail.Users.History', {}),
    Settings: guard('Gmail.Users.Settings', {
      SendAs: guard('Gmail.Users.Settings.SendAs', {
        list(userId: string): GoogleAppsScript.Gmail.Schema.ListSendAsResponse {
          begin('Gmail.Users.Settings.SendAs.list', SEND_AS_SCOPES);
          checkUser('gmail.users.settings.sendAs.list', userId);
          return runtime.toRealm(sendAsList(state)) as GoogleAppsScript.Gmail.Schema.ListSendAsResponse;
        },
      }),
    }),
    getProfile(userId: string): GoogleAppsScript.Gmail.Schema.Profile {
      begin('Gmail.Users.getProfile', PROFILE_SCOPES);
      checkUser('gmail.users.getProfile', userId);
      const live = state.messages.filter((m) => !m.labelIds.includes('SPAM') && !m.labelIds.includes('TRASH'));
      return runtime.toRealm({
        emailAddress: state.me.email,
        messagesTotal: live.length,
        threadsTotal: new Set(live.map((m) => m.threadId)).size,
        historyId: String(state.nextId.history),
      });
    },
  };

  const gmail = {
    Users: guard('Gmail.Users', Users),
    newDraft: () => runtime.toRealm({}),
    newMessage: () => runtime.toRealm({}),
  };

  return { Gmail: guard('Gmail', gmail) as unknown as GoogleAppsScript.Gmail };
}
