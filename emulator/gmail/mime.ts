/**
 * A small synchronous MIME (RFC 5322 / 2045–2047 / 2231) parser and the few builders the Gmail fake needs.
 * The fakes are synchronous, so `mailparser` (async) cannot be used here.
 *
 * Text model: a message is held as a JS string. Normally that string is the UTF-8 decoding of the message bytes;
 * a message whose bytes are not valid UTF-8 is held as a "binary" string (one char per byte, latin1), and the
 * `binary` flag tells the decoders which way to turn characters back into bytes.
 */

export interface HeaderField {
  /** The field name as written. */
  name: string;
  /** The unfolded value as written (encoded words not decoded), leading/trailing white space trimmed. */
  value: string;
}

export interface Address {
  name: string;
  address: string;
}

export interface MimeEntity {
  headers: HeaderField[];
  /** Lower-case `type/subtype`; `text/plain` when absent. */
  mimeType: string;
  params: Record<string, string>;
  /** Lower-case disposition (`attachment`, `inline`) or null. */
  disposition: string | null;
  filename: string;
  /** Lower-case Content-Transfer-Encoding; `7bit` when absent. */
  transferEncoding: string;
  /** The body as written (not transfer-decoded). */
  body: string;
  parts: MimeEntity[];
}

export interface ParsedMime {
  /** Lower-cased field names → decoded values, in order of appearance. */
  headers: Record<string, string[]>;
  root: MimeEntity;
  /** The first text/plain part that is not an attachment, decoded; null if none. */
  text: string | null;
  /** The first text/html part that is not an attachment, decoded; null if none. */
  html: string | null;
}

const ADDRESS_HEADERS = new Set(['from', 'to', 'cc', 'bcc', 'reply-to', 'sender', 'resent-from', 'resent-to']);

/** Splits a message (or body part) into its header block and body at the first empty line. */
export function splitHeaderBody(raw: string): { headerText: string; body: string } {
  if (raw.startsWith('\r\n')) return { headerText: '', body: raw.slice(2) };
  if (raw.startsWith('\n')) return { headerText: '', body: raw.slice(1) };
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return { headerText: raw, body: '' };
  return { headerText: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length) };
}

/** Header lines, unfolded (a line starting with space or tab continues the previous field). */
export function parseHeaderFields(headerText: string): HeaderField[] {
  const fields: HeaderField[] = [];
  if (headerText === '') return fields;
  let current: { name: string; value: string } | null = null;
  for (const line of headerText.split(/\r\n|\n|\r/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && current) {
      current.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      current = null;
      continue;
    }
    current = { name: line.slice(0, colon).trim(), value: line.slice(colon + 1) };
    fields.push(current);
  }
  for (const f of fields) f.value = f.value.trim();
  return fields;
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes and charsets

export function textToBytes(text: string, binary = false): Uint8Array {
  return Buffer.from(text, binary ? 'latin1' : 'utf8');
}

const decoders = new Map<string, TextDecoder | null>();

/** Decodes bytes in a MIME charset; unknown charsets fall back to ISO-8859-1 so no byte is lost. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const cs = (charset ?? 'utf-8').toLowerCase().split('*')[0]!.trim();
  if (cs === '' || cs === 'utf-8' || cs === 'utf8' || cs === 'us-ascii' || cs === 'ascii') {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  if (cs === 'iso-8859-1' || cs === 'latin1' || cs === 'latin-1' || cs === 'l1') {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  }
  let decoder = decoders.get(cs);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(cs);
    } catch {
      decoder = null;
    }
    decoders.set(cs, decoder);
  }
  if (decoder === null) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return decoder.decode(bytes);
}

/** Lenient base64 (either alphabet, padding optional, white space ignored), as mail readers do. */
export function decodeBase64Lenient(text: string): Uint8Array {
  const clean = text
    .replace(/[^A-Za-z0-9+/\-_]/g, '')
    .replace(/-/g, '+')
    .replace(/_/g, '/');
  return Buffer.from(clean, 'base64');
}

export function decodeQuotedPrintable(text: string, binary = false): Uint8Array {
  const unfolded = text.replace(/=[ \t]*(\r\n|\n|\r)/g, '');
  const out: number[] = [];
  let plainStart = 0;
  const flushPlain = (end: number) => {
    if (end > plainStart) for (const b of textToBytes(unfolded.slice(plainStart, end), binary)) out.push(b);
  };
  for (let i = 0; i < unfolded.length; i++) {
    if (unfolded[i] !== '=') continue;
    const hex = unfolded.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      flushPlain(i);
      out.push(Number.parseInt(hex, 16));
      i += 2;
      plainStart = i + 1;
    }
  }
  flushPlain(unfolded.length);
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------------------------------------------
// RFC 2047 encoded words

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

function encodedWordBytes(encoding: string, text: string): Uint8Array {
  if (encoding.toUpperCase() === 'B') return decodeBase64Lenient(text);
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') out.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else for (const b of Buffer.from(c, 'utf8')) out.push(b);
  }
  return Uint8Array.from(out);
}

/**
 * Decodes RFC 2047 encoded words (B and Q, any charset TextDecoder knows). White space between two adjacent encoded
 * words is dropped, and adjacent words in the same charset are joined as bytes first, so a multi-byte character
 * split across two words survives.
 */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: number[] } | null = null;
  const flush = () => {
    if (pending) out += decodeCharset(Uint8Array.from(pending.bytes), pending.charset);
    pending = null;
  };
  for (const m of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, m.index);
    const charset = m[1]!.toLowerCase().split('*')[0]!;
    const bytes = encodedWordBytes(m[2]!, m[3]!);
    if (pending !== null && /^\s*$/.test(between)) {
      const p: { charset: string; bytes: number[] } = pending;
      if (p.charset === charset) {
        for (const b of bytes) p.bytes.push(b);
      } else {
        flush();
        pending = { charset, bytes: Array.from(bytes) };
      }
    } else {
      flush();
      out += between;
      pending = { charset, bytes: Array.from(bytes) };
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

/** Encodes a header text as one UTF-8 B encoded word when it is not plain printable ASCII. */
export function encodeHeaderText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  return `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

// ---------------------------------------------------------------------------------------------------------------
// Structured header values

/** `text/plain; charset="utf-8"` → value and lower-cased parameters (RFC 2231 continuations and charsets too). */
export function parseParameterizedHeader(raw: string): { value: string; params: Record<string, string> } {
  const pieces: string[] = [];
  let buf = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quoted) {
      if (c === '\\' && i + 1 < raw.length) {
        buf += raw[++i];
        continue;
      }
      if (c === '"') quoted = false;
      buf += c;
    } else if (c === '"') {
      quoted = true;
      buf += c;
    } else if (c === ';') {
      pieces.push(buf);
      buf = '';
    } else buf += c;
  }
  pieces.push(buf);
  const value = (pieces.shift() ?? '').trim().toLowerCase();
  const simple: Record<string, string> = {};
  const extended = new Map<string, { index: number; encoded: boolean; text: string }[]>();
  for (const piece of pieces) {
    const eq = piece.indexOf('=');
    if (eq < 0) continue;
    const key = piece.slice(0, eq).trim().toLowerCase();
    let val = piece.slice(eq + 1).trim();
    if (val.startsWith('"') && val.endsWith('"') && val.length >= 2) val = val.slice(1, -1);
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(key);
    if (m && (m[2] !== undefined || m[3] !== undefined)) {
      const list = extended.get(m[1]!) ?? [];
      list.push({ index: Number(m[2] ?? '0'), encoded: m[3] !== undefined, text: val });
      extended.set(m[1]!, list);
    } else simple[key] = val;
  }
  for (const [name, list] of extended) {
    list.sort((a, b) => a.index - b.index);
    let charset = 'utf-8';
    const bytes: number[] = [];
    list.forEach((seg, i) => {
      let text = seg.text;
      if (seg.encoded && i === 0) {
        const m = /^([^']*)'[^']*'(.*)$/.exec(text);
        if (m) {
          charset = m[1] || 'utf-8';
          text = m[2]!;
        }
      }
      if (seg.encoded) {
        for (let j = 0; j < text.length; j++) {
          if (text[j] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(j + 1, j + 3))) {
            bytes.push(Number.parseInt(text.slice(j + 1, j + 3), 16));
            j += 2;
          } else for (const b of Buffer.from(text[j]!, 'utf8')) bytes.push(b);
        }
      } else for (const b of Buffer.from(text, 'utf8')) bytes.push(b);
    });
    simple[name] = decodeCharset(Uint8Array.from(bytes), charset);
  }
  for (const key of Object.keys(simple)) simple[key] = decodeEncodedWords(simple[key]!);
  return { value, params: simple };
}

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

// ---------------------------------------------------------------------------------------------------------------
// Entities

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstHeader(headers: HeaderField[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower)?.value;
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = new RegExp(`(^|\\r\\n|\\n|\\r)--${escapeRegExp(boundary)}(--)?[ \\t]*(?=\\r\\n|\\n|\\r|$)`, 'g');
  const parts: string[] = [];
  let start = -1;
  for (const m of body.matchAll(delimiter)) {
    if (start >= 0) parts.push(body.slice(start, m.index));
    if (m[2] === '--') {
      start = -1;
      break;
    }
    let next = m.index + m[0].length;
    if (body.startsWith('\r\n', next)) next += 2;
    else if (body[next] === '\n' || body[next] === '\r') next += 1;
    start = next;
  }
  if (start >= 0) parts.push(body.slice(start)); // an unterminated last part, as lenient readers accept
  return parts;
}

export function parseEntity(raw: string, defaultType = 'text/plain', depth = 0): MimeEntity {
  const { headerText, body } = splitHeaderBody(raw);
  const headers = parseHeaderFields(headerText);
  const ct = parseParameterizedHeader(firstHeader(headers, 'content-type') ?? defaultType);
  const mimeType = /^[^/\s]+\/[^/\s]+$/.test(ct.value) ? ct.value : 'text/plain';
  const cd = firstHeader(headers, 'content-disposition');
  const disposition = cd ? parseParameterizedHeader(cd) : null;
  const entity: MimeEntity = {
    headers,
    mimeType,
    params: ct.params,
    disposition: disposition ? disposition.value : null,
    filename: disposition?.params.filename ?? ct.params.name ?? '',
    transferEncoding: (firstHeader(headers, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase(),
    body,
    parts: [],
  };
  if (mimeType.startsWith('multipart/') && ct.params.boundary && depth < 20) {
    const childDefault = mimeType === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
    entity.parts = splitMultipart(body, ct.params.boundary).map((p) => parseEntity(p, childDefault, depth + 1));
  }
  return entity;
}

/** The entity's content bytes, transfer-decoded. */
export function entityBytes(entity: MimeEntity, binary = false): Uint8Array {
  switch (entity.transferEncoding) {
    case 'base64':
      return decodeBase64Lenient(entity.body);
    case 'quoted-printable':
      return decodeQuotedPrintable(entity.body, binary);
    default:
      return textToBytes(entity.body, binary);
  }
}

/** The entity's content as text, in its charset. */
export function entityText(entity: MimeEntity, binary = false): string {
  if (!binary && entity.transferEncoding !== 'base64' && entity.transferEncoding !== 'quoted-printable') {
    return entity.body; // already text
  }
  return decodeCharset(entityBytes(entity, binary), entity.params.charset);
}

function isAttachment(entity: MimeEntity): boolean {
  return entity.disposition === 'attachment' || (entity.filename !== '' && entity.disposition !== 'inline');
}

function findText(entity: MimeEntity, type: string): MimeEntity | null {
  if (entity.parts.length > 0) {
    for (const p of entity.parts) {
      const found = findText(p, type);
      if (found) return found;
    }
    return null;
  }
  return entity.mimeType === type && !isAttachment(entity) ? entity : null;
}

/** Lower-cased names → decoded values. */
export function headerMap(fields: HeaderField[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const f of fields) {
    const key = f.name.toLowerCase();
    const list = map[key] ?? [];
    list.push(decodeHeaderValue(key, f.value));
    map[key] = list;
  }
  return map;
}

/** Parses a whole message: headers, parts tree, and the first plain-text and HTML bodies. */
export function parseMime(raw: string, binary = false): ParsedMime {
  const root = parseEntity(raw);
  const textPart = findText(root, 'text/plain');
  const htmlPart = findText(root, 'text/html');
  return {
    headers: headerMap(root.headers),
    root,
    text: textPart ? entityText(textPart, binary) : null,
    html: htmlPart ? entityText(htmlPart, binary) : null,
  };
}

/** Only the top-level header fields (cheap: the body is not looked at). */
export function parseTopHeaders(raw: string): HeaderField[] {
  return parseHeaderFields(splitHeaderBody(raw).headerText);
}

/**
 * Replaces every field called `name` (folded continuation lines included) with one `name: value` line, or adds it at
 * the top of the header block. Keeps the message's own line ending.
 */
export function setHeader(raw: string, name: string, value: string): string {
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  const { headerText, body } = splitHeaderBody(raw);
  const lines = headerText === '' ? [] : headerText.split(/\r\n|\n/);
  const kept: string[] = [];
  let skipping = false;
  const lower = name.toLowerCase();
  for (const line of lines) {
    if (skipping && (line.startsWith(' ') || line.startsWith('\t'))) continue;
    skipping = false;
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === lower) {
      skipping = true;
      continue;
    }
    kept.push(line);
  }
  kept.unshift(`${name}: ${value}`);
  return `${kept.join(eol)}${eol}${eol}${body}`;
}

/** Plain text of an HTML fragment, for snippets. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
