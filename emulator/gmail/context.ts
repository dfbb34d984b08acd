/**
 * What every `Gmail.Users` collection fake shares: OAuth scopes, Apps Script's error shape, the user check, formats,
 * paging and message selection by q/labelIds.
 */

import type { Runtime } from '../runtime';
import { gmailFaultFor } from './faults';
import type { Format } from './format';
import { mentionsAnywhere, parseGmailQuery, type QueryNode } from './query';
import { compileQuery } from './query-match';
import { type MailboxState, metaOf, type StoredMessage } from './state';

const SCOPE = {
  full: 'https://mail.google.com/',
  modify: 'https://www.googleapis.com/auth/gmail.modify',
  compose: 'https://www.googleapis.com/auth/gmail.compose',
  readonly: 'https://www.googleapis.com/auth/gmail.readonly',
  metadata: 'https://www.googleapis.com/auth/gmail.metadata',
  settingsBasic: 'https://www.googleapis.com/auth/gmail.settings.basic',
} as const;

// Scopes that authorise each method, from the Gmail API reference ("Authorization scopes" of each method).
export const DRAFT_WRITE_SCOPES = [SCOPE.compose, SCOPE.modify, SCOPE.full];
export const DRAFT_READ_SCOPES = [SCOPE.readonly, SCOPE.compose, SCOPE.modify, SCOPE.full];
export const READ_SCOPES = [SCOPE.readonly, SCOPE.modify, SCOPE.full, SCOPE.metadata];
export const SEND_AS_SCOPES = [SCOPE.readonly, SCOPE.modify, SCOPE.settingsBasic, SCOPE.full];
export const PROFILE_SCOPES = [SCOPE.readonly, SCOPE.compose, SCOPE.modify, SCOPE.full, SCOPE.metadata];

export type Options = Record<string, unknown>;

export function asOptions(value: unknown): Options {
  return typeof value === 'object' && value !== null ? (value as Options) : {};
}

/** The shared helpers over one runtime and mailbox; each collection fake destructures what it uses. */
export function createGmailContext(runtime: Runtime, state: MailboxState) {
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

  function messageById(id: string): StoredMessage | undefined {
    return state.messages.find((m) => m.id === id);
  }

  function refuseSend(call: string): never {
    runtime.charge('Gmail', call);
    throw runtime.error(`The add-on must never send mail: ${call} is refused by the emulator`);
  }

  return {
    runtime,
    state,
    apiError,
    begin,
    checkUser,
    notFound,
    formatOf,
    metadataHeadersOf,
    pageOf,
    select,
    page,
    messageById,
    refuseSend,
  };
}

export type GmailContext = ReturnType<typeof createGmailContext>;
