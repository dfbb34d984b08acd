/**
 * The Mailbox port over the advanced Gmail service (REST), which works with the narrow gmail.compose and
 * gmail.readonly scopes, unlike GmailApp. MIME is built with mimetext's Apps Script build (global MimeText).
 */
import type { MIMEMessage } from 'mimetext';
import { addressesIn, type MessageMeta } from '../core/mail';
import { MARK_HEADERS } from '../core/mail-types';
import type { CreatedDraft, DraftMessage, Mailbox } from '../ports';

declare const MimeText: { createMimeMessage(): MIMEMessage };

type GmailService = GoogleAppsScript.Gmail;
type Message = GoogleAppsScript.Gmail.Schema.Message;

// Asked for by name: a metadata read returns only the headers named (Gmail API, users.threads.get metadataHeaders).
const META_HEADERS = ['From', 'To', 'Cc', 'Subject', 'Message-ID', 'References', 'In-Reply-To', ...MARK_HEADERS];
const PAGE = 500;

/** Base64 of UTF-8 text in 76-character lines (RFC 2045), since mimetext sends bodies as given. */
function base64Lines(text: string): string {
  const encoded = Utilities.base64Encode(text, Utilities.Charset.UTF_8);
  return encoded.replace(/.{1,76}/g, (line) => `${line}\r\n`).trimEnd();
}

function header(message: Message, name: string): string {
  const wanted = name.toLowerCase();
  return message.payload?.headers?.find((h) => h.name?.toLowerCase() === wanted)?.value ?? '';
}

/** The display name of a From header ("Lumenfield Careers" <no-reply@…> → Lumenfield Careers), '' when none. */
function displayName(from: string): string {
  const lt = from.indexOf('<');
  return lt <= 0
    ? ''
    : from
        .slice(0, lt)
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .replace(/\\(.)/g, '$1');
}

/** Gmail's snippet is HTML-escaped (&#39;, &amp;…): the text as written. */
function unescapeSnippet(snippet: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return snippet.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] !== '#') return named[code.toLowerCase()] ?? whole;
    const n = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}

/** The auto-reply and bulk headers present on the message, by lower-case name. */
function markHeaders(message: Message): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of MARK_HEADERS) {
    const found = message.payload?.headers?.find((h) => h.name?.toLowerCase() === name.toLowerCase());
    if (found) out[name.toLowerCase()] = found.value ?? '';
  }
  return out;
}

function toMeta(message: Message): MessageMeta {
  return {
    fromName: displayName(header(message, 'From')),
    snippet: unescapeSnippet(message.snippet ?? ''),
    headers: markHeaders(message),
    id: message.id ?? '',
    threadId: message.threadId ?? '',
    labelIds: message.labelIds ?? [],
    internalDate: Number(message.internalDate ?? 0),
    from: addressesIn(header(message, 'From')),
    to: addressesIn(header(message, 'To')),
    cc: addressesIn(header(message, 'Cc')),
    subject: header(message, 'Subject'),
    messageId: header(message, 'Message-ID'),
    references: header(message, 'References'),
    inReplyTo: header(message, 'In-Reply-To'),
  };
}

export class GmailMailbox implements Mailbox {
  constructor(private readonly gmail: GmailService) {}

  /** The advanced service, or null when it is not enabled in this script. */
  static open(): GmailMailbox | null {
    return typeof Gmail === 'undefined' || !Gmail ? null : new GmailMailbox(Gmail);
  }

  private address: string | undefined;

  /** users.getProfile once per mailbox: the account's address does not change during an execution. */
  myAddress(): string {
    this.address ??= this.gmail.Users.getProfile('me').emailAddress ?? '';
    return this.address;
  }

  private aliases: string[] | undefined;

  /**
   * The account's send-as addresses besides its own (users.settings.sendAs.list, allowed by gmail.readonly), once
   * per mailbox; none when Gmail refuses the list (the account's address still marks the user's mail).
   */
  sendAsAddresses(): string[] {
    if (this.aliases === undefined) {
      try {
        const list = this.gmail.Users.Settings.SendAs.list('me').sendAs ?? [];
        this.aliases = list.map((a) => (a.sendAsEmail ?? '').toLowerCase()).filter((a) => a !== '');
      } catch {
        this.aliases = [];
      }
    }
    return this.aliases;
  }

  liveDrafts(): Map<string, string> {
    const drafts = new Map<string, string>();
    let pageToken: string | undefined;
    do {
      const page = this.gmail.Users.Drafts.list('me', { maxResults: PAGE, ...(pageToken ? { pageToken } : {}) });
      for (const draft of page.drafts ?? []) if (draft.id) drafts.set(draft.id, draft.message?.id ?? '');
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return drafts;
  }

  search(query: string): { id: string; threadId: string }[] {
    const ids: { id: string; threadId: string }[] = [];
    let pageToken: string | undefined;
    do {
      const page = this.gmail.Users.Messages.list('me', {
        q: query,
        maxResults: PAGE,
        ...(pageToken ? { pageToken } : {}),
      });
      for (const m of page.messages ?? []) if (m.id) ids.push({ id: m.id, threadId: m.threadId ?? '' });
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return ids;
  }

  thread(threadId: string): MessageMeta[] {
    const thread = this.gmail.Users.Threads.get('me', threadId, { format: 'metadata', metadataHeaders: META_HEADERS });
    return (thread.messages ?? []).map(toMeta);
  }

  createDraft(draft: DraftMessage): CreatedDraft {
    const mime = MimeText.createMimeMessage();
    mime.setSender({ name: draft.fromName, addr: draft.fromAddress });
    mime.setTo(draft.toName ? { name: draft.toName, addr: draft.to } : { addr: draft.to });
    mime.setSubject(draft.subject);
    if (draft.rfcMessageId) mime.setHeader('Message-ID', draft.rfcMessageId);
    if (draft.inReplyTo) mime.setHeader('In-Reply-To', draft.inReplyTo);
    if (draft.references) mime.setHeader('References', draft.references);
    mime.addMessage({ contentType: 'text/plain', encoding: 'base64', data: base64Lines(draft.text) });
    mime.addMessage({ contentType: 'text/html', encoding: 'base64', data: base64Lines(draft.html) });
    const message: Message = { raw: mime.asEncoded(), ...(draft.threadId ? { threadId: draft.threadId } : {}) };
    const created = this.gmail.Users.Drafts.create({ message }, 'me');
    return {
      draftId: created.id ?? '',
      messageId: created.message?.id ?? '',
      threadId: created.message?.threadId ?? '',
    };
  }
}
