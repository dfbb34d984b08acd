/** Bytes, charsets and RFC 2047 encoded words: how MIME text turns into bytes and back (the Gmail fake's parser). */

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
