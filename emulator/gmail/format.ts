/**
 * Stored messages as the Gmail API answers them in each format (`full`, `metadata`, `minimal`, `raw`): payload parts,
 * headers (only the `metadataHeaders` named, for metadata), the snippet, and bytes as Apps Script hands them over.
 */

import { entityBytes, entityText, htmlToText, type MimeEntity, parseEntity, parseMime } from './mime';
import { decodeHeaderValue } from './mime-address';
import { metaOf, type StoredMessage } from './state';

export type Format = 'full' | 'metadata' | 'minimal' | 'raw';

export interface GmailHeader {
  name: string;
  value: string;
}

export interface GmailMessagePart {
  partId: string;
  mimeType: string;
  filename: string;
  headers: GmailHeader[];
  body: { size: number; data?: number[] };
  parts?: GmailMessagePart[];
}

export interface GmailMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  snippet?: string;
  payload?: Partial<GmailMessagePart>;
  sizeEstimate?: number;
  historyId?: string;
  internalDate?: string;
  raw?: number[];
}

/** Java-style signed bytes, as Apps Script hands byte arrays to scripts. */
export function signedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! > 127 ? bytes[i]! - 256 : bytes[i]!;
  return out;
}

function rawBytes(m: StoredMessage): Uint8Array {
  return Buffer.from(m.raw, m.binary ? 'latin1' : 'utf8');
}

function escapeSnippet(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const parsedCache = new WeakMap<StoredMessage, { raw: string; root: MimeEntity; snippet: string }>();

export function parsedOf(m: StoredMessage): { root: MimeEntity; snippet: string } {
  const cached = parsedCache.get(m);
  if (cached && cached.raw === m.raw) return cached;
  const parsed = parseMime(m.raw, m.binary);
  const source = parsed.text ?? (parsed.html !== null ? htmlToText(parsed.html) : '');
  // Gmail's snippet: the start of the body text, white space collapsed, HTML-escaped (e.g. &#39;).
  const snippet = escapeSnippet(source.replace(/\s+/g, ' ').trim().slice(0, 200));
  const entry = { raw: m.raw, root: parsed.root, snippet };
  parsedCache.set(m, entry);
  return entry;
}

function buildPart(entity: MimeEntity, partId: string, binary: boolean): GmailMessagePart {
  const headers = entity.headers.map((h) => ({ name: h.name, value: decodeHeaderValue(h.name, h.value) }));
  const part: GmailMessagePart = {
    partId,
    mimeType: entity.mimeType,
    filename: entity.filename,
    headers,
    body: { size: 0 },
  };
  if (entity.parts.length > 0) {
    part.parts = entity.parts.map((p, i) => buildPart(p, partId === '' ? String(i) : `${partId}.${i}`, binary));
    return part;
  }
  // Gmail's full format gives text parts transfer-decoded and converted to UTF-8; other parts as their bytes.
  const bytes = entity.mimeType.startsWith('text/')
    ? Buffer.from(entityText(entity, binary), 'utf8')
    : entityBytes(entity, binary);
  // An empty body has no data field in Gmail's answer.
  part.body = bytes.length > 0 ? { size: bytes.length, data: signedBytes(bytes) } : { size: 0 };
  return part;
}

/** A stored message as the API returns it in the given format. */
export function formatMessage(m: StoredMessage, format: Format, metadataHeaders?: string[]): GmailMessage {
  const meta = metaOf(m);
  const base: GmailMessage = { id: m.id, threadId: m.threadId, labelIds: [...m.labelIds] };
  const tail = {
    sizeEstimate: rawBytes(m).length,
    historyId: m.historyId ?? '1',
    internalDate: String(m.internalDate),
  };
  const snippet = parsedOf(m).snippet;
  switch (format) {
    case 'minimal':
      return { ...base, snippet, ...tail };
    case 'raw':
      return { ...base, snippet, ...tail, raw: signedBytes(rawBytes(m)) };
    case 'metadata': {
      const wanted = metadataHeaders?.map((h) => h.toLowerCase());
      const headers = meta.fields
        .filter((f) => !wanted || wanted.length === 0 || wanted.includes(f.name.toLowerCase()))
        .map((f) => ({ name: f.name, value: decodeHeaderValue(f.name, f.value) }));
      const ct = parseEntity(`Content-Type: ${meta.headers['content-type']?.[0] ?? 'text/plain'}\r\n\r\n`).mimeType;
      return { ...base, snippet, payload: { mimeType: ct, headers }, ...tail };
    }
    default:
      return { ...base, snippet, payload: buildPart(parsedOf(m).root, '', m.binary === true), ...tail };
  }
}
