/** RFC 5322 text of a simple message built from its fields, as the mailbox file and arriving replies give them. */

import { formatRfc5322Date } from '../platform/timezone';
import { type Address, formatAddressForHeader } from './mime-address';
import { encodeHeaderText } from './mime-charset';

function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

export interface RawMessageFields {
  from: Address;
  to: Address[];
  cc: Address[];
  bcc?: Address[];
  date: number;
  subject: string;
  rfcMessageId: string;
  inReplyTo?: string;
  references?: string[];
  /** Further headers, written after References in the order given. */
  extraHeaders?: [string, string][];
  text?: string;
  html?: string;
}

/** RFC 5322 text (CRLF line ends) for a simple message: a text body, or text and HTML as multipart/alternative. */
export function buildRawMessage(fields: RawMessageFields, timeZone: string): string {
  const lines: string[] = [];
  lines.push(`From: ${formatAddressForHeader(fields.from)}`);
  if (fields.to.length) lines.push(`To: ${fields.to.map(formatAddressForHeader).join(', ')}`);
  if (fields.cc.length) lines.push(`Cc: ${fields.cc.map(formatAddressForHeader).join(', ')}`);
  if (fields.bcc?.length) lines.push(`Bcc: ${fields.bcc.map(formatAddressForHeader).join(', ')}`);
  lines.push(`Date: ${formatRfc5322Date(fields.date, timeZone)}`);
  lines.push(`Subject: ${encodeHeaderText(fields.subject)}`);
  lines.push(`Message-ID: ${fields.rfcMessageId}`);
  if (fields.inReplyTo) lines.push(`In-Reply-To: ${fields.inReplyTo}`);
  if (fields.references?.length) lines.push(`References: ${fields.references.join(' ')}`);
  for (const [name, value] of fields.extraHeaders ?? []) lines.push(`${name}: ${encodeHeaderText(value)}`);
  lines.push('MIME-Version: 1.0');
  const leaf = (type: string, body: string) => {
    const encoding = [...body].every((ch) => ch.charCodeAt(0) < 0x80) ? '7bit' : '8bit';
    return `Content-Type: ${type}; charset="UTF-8"\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${crlf(body)}`;
  };
  if (fields.html !== undefined) {
    const boundary = `=_emulator_${fields.rfcMessageId.replace(/[^A-Za-z0-9]/g, '')}`;
    lines.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
    const body = [
      `--${boundary}`,
      leaf('text/plain', fields.text ?? ''),
      `--${boundary}`,
      leaf('text/html', fields.html),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    return `${lines.join('\r\n')}\r\n\r\n${body}`;
  }
  return `${lines.join('\r\n')}\r\n${leaf('text/plain', fields.text ?? '')}`;
}
