/** The `Gmail.Users.Messages` fake: list (q, labelIds, paging) and get in each format; send is refused. */

import { asOptions, type GmailContext, READ_SCOPES } from './context';
import { formatMessage } from './format';

export function createMessages(ctx: GmailContext) {
  const {
    runtime,
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
  } = ctx;

  return {
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
}
