/**
 * The Gmail advanced service (`Gmail.Users.*`, REST v1) over an in-memory mailbox, assembled from one fake per
 * collection (drafts.ts, messages.ts, threads.ts) over the shared helpers of context.ts; what the user and the world
 * do is in host.ts, the answer formats in format.ts.
 *
 * Apps Script facts emulated here (each also noted beside its code):
 * - Errors are `GoogleJsonResponseException`s reading `API call to gmail.users.drafts.get failed with error: ...`.
 * - Fields of type `bytes` in responses (`raw`, `payload...body.data`) reach the script as byte arrays (Java signed
 *   bytes), not base64url strings: Apps Script's client decodes them. Scripts read them with
 *   `Utilities.newBlob(bytes).getDataAsString()`.
 * - Requests: `message.raw` is a base64url string (`Utilities.base64EncodeWebSafe`), padding optional.
 */

import { guard, type Runtime } from '../runtime';
import { createGmailContext, PROFILE_SCOPES, SEND_AS_SCOPES } from './context';
import { createDrafts } from './drafts';
import { createMessages } from './messages';
import { sendAsList } from './send-as';
import type { MailboxState } from './state';
import { createThreads } from './threads';

export interface GmailServiceResult {
  Gmail: GoogleAppsScript.Gmail;
}

export function createGmailService(runtime: Runtime, state: MailboxState): GmailServiceResult {
  const ctx = createGmailContext(runtime, state);
  const { begin, checkUser } = ctx;
  const Drafts = createDrafts(ctx);
  const Messages = createMessages(ctx);
  const Threads = createThreads(ctx);

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
