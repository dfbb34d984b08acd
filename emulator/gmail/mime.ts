/**
 * A small synchronous MIME (RFC 5322 / 2045–2047 / 2231) parser and the few builders the Gmail fake needs.
 * The fakes are synchronous, so `mailparser` (async) cannot be used here.
 *
 * Text model: a message is held as a JS string. Normally that string is the UTF-8 decoding of the message bytes;
 * a message whose bytes are not valid UTF-8 is held as a "binary" string (one char per byte, latin1), and the
 * `binary` flag tells the decoders which way to turn characters back into bytes.
 */

import { decodeHeaderValue } from './mime-address';
import {
  decodeBase64Lenient,
  decodeCharset,
  decodeEncodedWords,
  decodeQuotedPrintable,
  textToBytes,
} from './mime-charset';

export interface HeaderField {
  /** The field name as written. */
  name: string;
  /** The unfolded value as written (encoded words not decoded), leading/trailing white space trimmed. */
  value: string;
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
