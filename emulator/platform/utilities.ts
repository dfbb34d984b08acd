/**
 * Utilities: formatDate (Java SimpleDateFormat letters, see java-date.ts), base64 in both alphabets,
 * Blob, computeDigest, getUuid and sleep on the modeled clock.
 *
 * Apps Script facts emulated:
 * - Byte arrays reach scripts as Java signed bytes (-128..127).
 * - A string without a charset is encoded as UTF-8 (Apps Script's default charset; `mimetext/gas` relies on it).
 *   With Charset.US_ASCII, characters outside ASCII become `?`, as Java's encoder does.
 * - base64EncodeWebSafe uses `-` and `_` and keeps the `=` padding (Java's URL-safe encoder).
 * - base64Decode of a string that is not base64 throws "Could not decode string."
 * - formatDate with an unknown time-zone id formats in GMT, as Java's TimeZone.getTimeZone does (a silent
 *   fallback, so the emulator keeps it: the day shown will be wrong, as on Google).
 * - sleep: "the maximum allowed value is 300000 (or 5 minutes)".
 */

import { createHash, randomUUID } from 'node:crypto';
import { decodeCharset } from '../gmail/mime-charset';
import { guard, type Runtime } from '../runtime';
import { formatJavaDate } from './java-date';
import { type EnumValue, isDate, makeEnum, realmArray, signatureError } from './state';

export const Charset = makeEnum('Charset', ['US_ASCII', 'UTF_8']);
export const DigestAlgorithm = makeEnum('DigestAlgorithm', ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
export const MacAlgorithm = makeEnum('MacAlgorithm', [
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);

export const MAX_SLEEP_MS = 300_000;

// Bytes

function isCharset(value: unknown): value is EnumValue {
  return value === Charset.UTF_8 || value === Charset.US_ASCII;
}

/** Bytes of a script value: a string in a charset (UTF-8 by default) or a byte array (signed or not). */
function toBytes(runtime: Runtime, method: string, data: unknown, charset: unknown, args: unknown[]): Uint8Array {
  if (typeof data === 'string') {
    if (charset !== undefined && !isCharset(charset)) throw signatureError(runtime, method, args);
    if (charset === Charset.US_ASCII)
      return Uint8Array.from(data, (ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x3f));
    return Buffer.from(data, 'utf8');
  }
  if (Array.isArray(data) && charset === undefined) return bytesFromArray(runtime, method, data, args);
  throw signatureError(runtime, method, args);
}

function bytesFromArray(runtime: Runtime, method: string, data: unknown[], args: unknown[]): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const b = data[i];
    if (typeof b !== 'number' || !Number.isInteger(b) || b < -128 || b > 255)
      throw signatureError(runtime, method, args);
    out[i] = b & 0xff;
  }
  return out;
}

function signed(runtime: Runtime, bytes: Uint8Array): number[] {
  const out: number[] = new Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i]! > 127 ? bytes[i]! - 256 : bytes[i]!;
  return realmArray(runtime, out);
}

function decodeBase64(runtime: Runtime, text: unknown, webSafe: boolean, method: string): Uint8Array {
  if (typeof text !== 'string') throw signatureError(runtime, method, [text]);
  const clean = text.replace(/[\r\n]/g, '');
  const alphabet = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  const body = clean.replace(/=+$/, '');
  if (!alphabet.test(clean) || body.length % 4 === 1 || (clean.length !== body.length && clean.length % 4 !== 0)) {
    throw runtime.error('Could not decode string.');
  }
  return Buffer.from(body, webSafe ? 'base64url' : 'base64');
}

const JAVA_CHARSET_NAMES: Record<string, string> = { 'US-ASCII': 'us-ascii', 'UTF-8': 'utf-8', 'ISO-8859-1': 'latin1' };

// ---------------------------------------------------------------------------------------------------------------
// Blob

type BlobFake = Pick<
  GoogleAppsScript.Base.Blob,
  | 'getBytes'
  | 'setBytes'
  | 'getDataAsString'
  | 'setDataFromString'
  | 'getContentType'
  | 'setContentType'
  | 'getName'
  | 'setName'
  | 'copyBlob'
  | 'isGoogleType'
>;

export function createBlob(runtime: Runtime, bytes: Uint8Array, contentType: string | null, name: string | null) {
  let data = bytes;
  let type = contentType;
  let fileName = name;
  let self: GoogleAppsScript.Base.Blob;
  const fake: BlobFake = {
    getBytes: () => signed(runtime, data),
    setBytes(value) {
      if (!Array.isArray(value)) throw signatureError(runtime, 'Blob.setBytes', [value]);
      data = bytesFromArray(runtime, 'Blob.setBytes', value, [value]);
      return self;
    },
    getDataAsString(charset?: string) {
      if (charset !== undefined && typeof charset !== 'string')
        throw signatureError(runtime, 'Blob.getDataAsString', [charset]);
      const cs = charset === undefined ? 'utf-8' : (JAVA_CHARSET_NAMES[charset.toUpperCase()] ?? charset);
      return decodeCharset(data, cs);
    },
    setDataFromString(text: string, charset?: string) {
      if (typeof text !== 'string') throw signatureError(runtime, 'Blob.setDataFromString', [text, charset]);
      data =
        charset !== undefined && /^(us-)?ascii$/i.test(charset)
          ? toBytes(runtime, '', text, Charset.US_ASCII, [])
          : Buffer.from(text, 'utf8');
      return self;
    },
    getContentType: () => type,
    setContentType(value) {
      type = value;
      return self;
    },
    getName: () => fileName,
    setName(value) {
      fileName = value;
      return self;
    },
    copyBlob: () => createBlob(runtime, Uint8Array.from(data), type, fileName),
    isGoogleType: () => false,
  };
  self = guard('Blob', fake) as GoogleAppsScript.Base.Blob;
  return self;
}

// ---------------------------------------------------------------------------------------------------------------
// Utilities

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

type UtilitiesFake = Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'DigestAlgorithm'
  | 'MacAlgorithm'
  | 'formatDate'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'newBlob'
  | 'sleep'
  | 'getUuid'
  | 'computeDigest'
>;

export function createUtilities(runtime: Runtime): UtilitiesFake {
  const call = (method: string) => runtime.charge('Utilities', method);
  const fake: UtilitiesFake = {
    Charset: Charset as unknown as typeof GoogleAppsScript.Utilities.Charset,
    DigestAlgorithm: DigestAlgorithm as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm,
    MacAlgorithm: MacAlgorithm as unknown as typeof GoogleAppsScript.Utilities.MacAlgorithm,
    formatDate(date, timeZone, format) {
      call('Utilities.formatDate');
      if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
        throw signatureError(runtime, 'Utilities.formatDate', [date, timeZone, format]);
      }
      const ms = (date as Date).getTime();
      if (Number.isNaN(ms)) throw runtime.error('Invalid argument: date');
      try {
        return formatJavaDate(ms, timeZone, format);
      } catch (e) {
        throw runtime.error(`Invalid argument: ${(e as Error).message}`);
      }
    },
    base64Encode(data: string | GoogleAppsScript.Byte[], charset?: GoogleAppsScript.Utilities.Charset) {
      call('Utilities.base64Encode');
      return Buffer.from(toBytes(runtime, 'Utilities.base64Encode', data, charset, [data, charset])).toString('base64');
    },
    base64EncodeWebSafe(data: string | GoogleAppsScript.Byte[], charset?: GoogleAppsScript.Utilities.Charset) {
      call('Utilities.base64EncodeWebSafe');
      const b64 = Buffer.from(
        toBytes(runtime, 'Utilities.base64EncodeWebSafe', data, charset, [data, charset]),
      ).toString('base64');
      return b64.replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: string) {
      call('Utilities.base64Decode');
      return signed(runtime, decodeBase64(runtime, encoded, false, 'Utilities.base64Decode'));
    },
    base64DecodeWebSafe(encoded: string) {
      call('Utilities.base64DecodeWebSafe');
      return signed(runtime, decodeBase64(runtime, encoded, true, 'Utilities.base64DecodeWebSafe'));
    },
    newBlob(data: string | GoogleAppsScript.Byte[], contentType?: string, name?: string) {
      call('Utilities.newBlob');
      const args = [data, contentType, name];
      if (
        (contentType !== undefined && typeof contentType !== 'string') ||
        (name !== undefined && typeof name !== 'string')
      ) {
        throw signatureError(runtime, 'Utilities.newBlob', args);
      }
      const bytes = toBytes(runtime, 'Utilities.newBlob', data, undefined, args);
      return createBlob(runtime, Uint8Array.from(bytes), contentType ?? null, name ?? null);
    },
    sleep(milliseconds) {
      call('Utilities.sleep');
      if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) {
        throw signatureError(runtime, 'Utilities.sleep', [milliseconds]);
      }
      if (milliseconds < 0 || milliseconds > MAX_SLEEP_MS) {
        throw runtime.error(`Invalid argument: milliseconds must be between 0 and ${MAX_SLEEP_MS}`);
      }
      runtime.advance(Math.floor(milliseconds));
      runtime.checkTime();
    },
    getUuid() {
      call('Utilities.getUuid');
      return randomUUID();
    },
    computeDigest(
      algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
      value: string | GoogleAppsScript.Byte[],
      charset?: GoogleAppsScript.Utilities.Charset,
    ) {
      call('Utilities.computeDigest');
      const args = [algorithm, value, charset];
      const name = Object.entries(DigestAlgorithm).find(([, v]) => v === (algorithm as unknown))?.[0];
      if (!name) throw signatureError(runtime, 'Utilities.computeDigest', args);
      const bytes = toBytes(runtime, 'Utilities.computeDigest', value, charset, args);
      let hash: Buffer;
      try {
        hash = createHash(DIGESTS[name]!).update(bytes).digest();
      } catch {
        throw runtime.error(`not implemented in the emulator: DigestAlgorithm.${name}`);
      }
      return signed(runtime, hash);
    },
  } as UtilitiesFake;
  return guard('Utilities', fake);
}
