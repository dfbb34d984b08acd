/** The user's send-as addresses as `Gmail.Users.Settings.SendAs.list` answers them: the profile address first. */
import type { MailboxState } from './state';

interface SendAs {
  sendAsEmail: string;
  displayName: string;
  replyToAddress: string;
  signature: string;
  isPrimary: boolean;
  isDefault: boolean;
  treatAsAlias: boolean;
  verificationStatus?: 'accepted';
}

/**
 * `{ sendAs: SendAs[] }` per the Gmail API reference (users.settings.sendAs): the primary address (isPrimary, the
 * default, no verificationStatus) and each alias of `me.aliases`, verified, treated as an alias.
 */
export function sendAsList(state: MailboxState): { sendAs: SendAs[] } {
  const primary: SendAs = {
    sendAsEmail: state.me.email,
    displayName: state.me.name,
    replyToAddress: '',
    signature: '',
    isPrimary: true,
    isDefault: true,
    treatAsAlias: false,
  };
  const aliases = (state.me.aliases ?? []).map(
    (a): SendAs => ({
      sendAsEmail: a.email,
      displayName: a.name,
      replyToAddress: '',
      signature: '',
      isPrimary: false,
      isDefault: false,
      treatAsAlias: true,
      verificationStatus: 'accepted',
    }),
  );
  return { sendAs: [primary, ...aliases] };
}
