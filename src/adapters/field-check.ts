/**
 * The FieldProbe port over the advanced Gmail service: the few reads and the one throw-away draft the field check
 * needs to confirm, in a real account, what the emulator assumes (docs/DECISIONS.md "Field check").
 */
import type { FieldProbe } from '../ports';

type GmailService = GoogleAppsScript.Gmail;
type Message = GoogleAppsScript.Gmail.Schema.Message;

function messageIdOf(message: Message | undefined): string {
  return message?.payload?.headers?.find((h) => h.name?.toLowerCase() === 'message-id')?.value ?? '';
}

export class GmailFieldProbe implements FieldProbe {
  constructor(private readonly gmail: GmailService) {}

  /** The probe, or null when the advanced Gmail service is not enabled in this script. */
  static open(): GmailFieldProbe | null {
    return typeof Gmail === 'undefined' || !Gmail ? null : new GmailFieldProbe(Gmail);
  }

  draftMessageId(to: string, rfcMessageId: string): string {
    // Plain ASCII, so the raw message needs no MIME library; CRLF line ends as RFC 5322 §2.1 requires.
    const raw = [
      `From: ${to}`,
      `To: ${to}`,
      'Subject: Follow-ups field check (safe to delete)',
      `Message-ID: ${rfcMessageId}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      'The Follow-ups add-on made this draft to see how Gmail treats it, and deletes it straight away.',
    ].join('\r\n');
    const draft = this.gmail.Users.Drafts.create({ message: { raw: Utilities.base64EncodeWebSafe(raw) } }, 'me');
    const draftId = draft.id ?? '';
    try {
      const read = this.gmail.Users.Drafts.get('me', draftId, { format: 'metadata', metadataHeaders: ['Message-ID'] });
      return messageIdOf(read.message);
    } finally {
      this.gmail.Users.Drafts.remove('me', draftId);
    }
  }

  sentMessageIds(afterSeconds: number, max: number): string[] {
    const q = `in:sent after:${Math.max(0, Math.floor(afterSeconds))}`;
    const found = this.gmail.Users.Messages.list('me', { q, maxResults: max }).messages ?? [];
    return found.map((m) =>
      messageIdOf(
        this.gmail.Users.Messages.get('me', m.id ?? '', { format: 'metadata', metadataHeaders: ['Message-ID'] }),
      ),
    );
  }

  scheduledLabels(max: number): string[][] {
    const found = this.gmail.Users.Messages.list('me', { labelIds: ['SCHEDULED'], maxResults: max }).messages ?? [];
    return found.map((m) => this.gmail.Users.Messages.get('me', m.id ?? '', { format: 'minimal' }).labelIds ?? []);
  }
}
