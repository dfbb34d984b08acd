/** The `Gmail.Users.Drafts` fake: create, update, get, list and remove drafts, with Gmail's threading rule; send is refused. */

import { formatRfc5322Date } from '../platform/timezone';
import { asOptions, DRAFT_READ_SCOPES, DRAFT_WRITE_SCOPES, type GmailContext, type Options } from './context';
import { formatMessage } from './format';
import { deleteDraft } from './host';
import { setHeader } from './mime';
import { formatAddressForHeader } from './mime-address';
import {
  metaOf,
  newDraftId,
  newMessageId,
  nextHistoryId,
  normalizeSubject,
  type StoredDraft,
  type StoredMessage,
} from './state';

function decodeRaw(raw: string): { text: string; binary: boolean } {
  const bytes = Buffer.from(raw, 'base64url');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), binary: false };
  } catch {
    return { text: bytes.toString('latin1'), binary: true };
  }
}

export function createDrafts(ctx: GmailContext) {
  const {
    runtime,
    state,
    apiError,
    begin,
    checkUser,
    notFound,
    formatOf,
    pageOf,
    select,
    page,
    messageById,
    refuseSend,
  } = ctx;

  function findDraft(restMethod: string, id: unknown): StoredDraft {
    const draft = state.drafts.find((d) => d.id === id);
    if (!draft) throw notFound(restMethod);
    return draft;
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

  return {
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
}
