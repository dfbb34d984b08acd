/** What the add-on reads of one Gmail message (from `Threads.get` with format `metadata`, see adapters/gmail.ts). */
export interface MessageMeta {
  id: string;
  threadId: string;
  labelIds: string[];
  /** Epoch milliseconds. */
  internalDate: number;
  from: string[];
  to: string[];
  cc: string[];
  subject: string;
  /** The RFC 5322 Message-ID header, angle brackets included. */
  messageId: string;
  references: string;
  /** The In-Reply-To header (the parent's Message-ID), '' or absent when it has none. */
  inReplyTo?: string;
  /** The From header's display name ("Lumenfield Careers"), '' when it has none. */
  fromName?: string;
  /** Gmail's snippet, the start of the body text, with its HTML entities decoded. */
  snippet?: string;
  /**
   * The headers that mark auto-replies and bulk mail (docs/RULES.md §5), by lower-case name: auto-submitted,
   * x-autoreply, x-autorespond, precedence, list-id, list-unsubscribe. Absent ones are left out.
   */
  headers?: Readonly<Record<string, string>>;
}

/** The headers the reply rules read besides the addresses and subject, as Gmail's metadataHeaders names them. */
export const MARK_HEADERS = [
  'Auto-Submitted',
  'X-Autoreply',
  'X-Autorespond',
  'Precedence',
  'List-Id',
  'List-Unsubscribe',
];
