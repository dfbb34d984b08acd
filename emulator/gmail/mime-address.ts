/** RFC 5322 addresses and message-id lists: parsing address-list headers and writing addresses back. */

import { decodeEncodedWords, encodeHeaderText } from './mime-charset';

export interface Address {
  name: string;
  address: string;
}

const ADDRESS_HEADERS = new Set(['from', 'to', 'cc', 'bcc', 'reply-to', 'sender', 'resent-from', 'resent-to']);

function unquote(text: string): string {
  const t = text.trim();
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  return t;
}

function parseMailbox(text: string): Address | null {
  // Strip comments, remembering the last one (an old-style `a@b (Name)` display name).
  let comment = '';
  let stripped = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      stripped += c;
      if (c === '\\' && i + 1 < text.length) stripped += text[++i];
      else if (c === '"') quoted = false;
    } else if (depth > 0) {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (depth > 0) comment += c;
    } else if (c === '(') {
      depth = 1;
      comment = '';
    } else {
      if (c === '"') quoted = true;
      stripped += c;
    }
  }
  const angle = /<([^<>]*)>\s*$/.exec(stripped);
  if (angle) {
    const address = angle[1]!.replace(/^@[^:]*:/, '').trim();
    const name = decodeEncodedWords(unquote(stripped.slice(0, angle.index).trim()).replace(/\s+/g, ' '));
    if (address === '' && name === '') return null;
    return { name, address };
  }
  const address = unquote(stripped.trim());
  if (address === '') return null;
  return { name: decodeEncodedWords(comment.trim()), address };
}

/**
 * Parses an address-list header value as written (before decoding, so an encoded display name holding a comma
 * cannot split an address): `Name <a@b>`, `"Lee, Sam" <a@b>`, `a@b (Name)`, groups `Team: a@b, c@d;`.
 */
export function parseAddressList(raw: string): Address[] {
  const out: Address[] = [];
  let buf = '';
  let quoted = false;
  let angle = 0;
  let depth = 0;
  const push = () => {
    const mailbox = parseMailbox(buf);
    if (mailbox) out.push(mailbox);
    buf = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quoted) {
      buf += c;
      if (c === '\\' && i + 1 < raw.length) buf += raw[++i];
      else if (c === '"') quoted = false;
      continue;
    }
    if (depth > 0) {
      buf += c;
      if (c === '(') depth++;
      else if (c === ')') depth--;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '(') depth = 1;
    else if (c === '<') angle++;
    else if (c === '>') angle = Math.max(0, angle - 1);
    else if (angle === 0 && c === ',') {
      push();
      continue;
    } else if (angle === 0 && c === ':') {
      buf = ''; // group name: drop it, members follow
      continue;
    } else if (angle === 0 && c === ';') {
      push();
      continue;
    }
    buf += c;
  }
  push();
  return out;
}

/** `Name <a@b>` with the name quoted when it holds specials; a plain address when there is no name. */
export function formatAddress(a: Address): string {
  if (!a.name) return a.address;
  const name = /[()<>[\]:;@\\,."]/.test(a.name) ? `"${a.name.replace(/(["\\])/g, '\\$1')}"` : a.name;
  return `${name} <${a.address}>`;
}

/** As `formatAddress`, with a non-ASCII name as an encoded word (for writing headers). */
export function formatAddressForHeader(a: Address): string {
  if (a.name && !/^[\x20-\x7e]*$/.test(a.name)) return `${encodeHeaderText(a.name)} <${a.address}>`;
  return formatAddress(a);
}

/** A header value as Gmail's payload shows it: encoded words decoded; address lists re-quoted when decoding. */
export function decodeHeaderValue(name: string, value: string): string {
  if (!value.includes('=?')) return value;
  if (ADDRESS_HEADERS.has(name.toLowerCase())) return parseAddressList(value).map(formatAddress).join(', ');
  return decodeEncodedWords(value);
}

/** `<a@b> <c@d>` → `['<a@b>', '<c@d>']` (References, In-Reply-To). */
export function parseMessageIdList(value: string | undefined): string[] {
  if (!value) return [];
  return value.match(/<[^<>\s]+>/g) ?? [];
}
