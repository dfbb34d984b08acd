/** The `Gmail.Users.Threads` fake: get a thread's messages oldest first, list threads any of whose messages match. */

import { asOptions, type GmailContext, READ_SCOPES } from './context';
import { formatMessage, parsedOf } from './format';
import type { StoredMessage } from './state';

export function createThreads(ctx: GmailContext) {
  const { runtime, state, begin, checkUser, notFound, formatOf, metadataHeadersOf, pageOf, select, page } = ctx;

  function threadMessages(threadId: string): StoredMessage[] {
    return state.messages
      .filter((m) => m.threadId === threadId)
      .sort((a, b) => a.internalDate - b.internalDate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  function threadHistoryId(messages: StoredMessage[]): string {
    return messages.reduce((max, m) => (Number(m.historyId ?? 0) > Number(max) ? (m.historyId ?? max) : max), '1');
  }

  return {
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
}
