import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { parseMime } from '../../emulator/gmail';
import { createPlatformServices, createPlatformState, formatJavaDate } from '../../emulator/platform';
import { type Realm, Runtime } from '../../emulator/runtime';

const NOW = Date.UTC(2026, 10, 25, 9);

function setup() {
  const runtime = new Runtime(NOW);
  const services = createPlatformServices(runtime, createPlatformState(), {
    scriptTimeZone: 'Europe/London',
    spreadsheetId: 'sheet-1',
    userEmail: 'alex@example.com',
  });
  return { runtime, ...services };
}

const at = (iso: string) => new Date(iso);

describe('Utilities.formatDate (SimpleDateFormat in real zones)', () => {
  const { Utilities } = setup();
  const fmt = (iso: string, tz: string, pattern: string) => Utilities.formatDate(at(iso), tz, pattern);

  test('America/New_York across both DST changes of 2026', () => {
    const p = 'yyyy-MM-dd HH:mm:ss z Z';
    expect(fmt('2026-03-08T06:59:59Z', 'America/New_York', p)).toBe('2026-03-08 01:59:59 EST -0500');
    expect(fmt('2026-03-08T07:00:00Z', 'America/New_York', p)).toBe('2026-03-08 03:00:00 EDT -0400');
    expect(fmt('2026-11-01T05:30:00Z', 'America/New_York', p)).toBe('2026-11-01 01:30:00 EDT -0400');
    expect(fmt('2026-11-01T06:30:00Z', 'America/New_York', p)).toBe('2026-11-01 01:30:00 EST -0500');
    // The calendar date differs from UTC's late in the evening.
    expect(fmt('2026-11-26T03:00:00Z', 'America/New_York', 'yyyy-MM-dd')).toBe('2026-11-25');
  });

  test('Pacific/Auckland across both DST changes of 2026 (southern hemisphere)', () => {
    const p = 'EEE d MMM yyyy, h:mm a z XXX';
    expect(fmt('2026-04-04T13:30:00Z', 'Pacific/Auckland', p)).toBe('Sun 5 Apr 2026, 2:30 AM NZDT +13:00');
    expect(fmt('2026-04-04T14:30:00Z', 'Pacific/Auckland', p)).toBe('Sun 5 Apr 2026, 2:30 AM NZST +12:00');
    expect(fmt('2026-09-26T13:59:00Z', 'Pacific/Auckland', p)).toBe('Sun 27 Sep 2026, 1:59 AM NZST +12:00');
    expect(fmt('2026-09-26T14:00:00Z', 'Pacific/Auckland', p)).toBe('Sun 27 Sep 2026, 3:00 AM NZDT +13:00');
    expect(fmt('2026-11-25T23:30:00Z', 'Pacific/Auckland', 'yyyy-MM-dd')).toBe('2026-11-26');
  });

  test('pattern letters', () => {
    const d = '2026-01-04T07:05:09.007Z';
    expect(fmt(d, 'UTC', 'y yy yyyy M MM MMM MMMM d dd')).toBe('2026 26 2026 1 01 Jan January 4 04');
    expect(fmt(d, 'UTC', 'E EEE EEEE u')).toBe('Sun Sun Sunday 7');
    expect(fmt(d, 'UTC', 'H HH h hh m mm s ss S SSS a')).toBe('7 07 7 07 5 05 9 09 7 007 AM');
    expect(fmt('2026-01-04T19:00:00Z', 'UTC', 'h a k K')).toBe('7 PM 19 7');
    expect(fmt('2026-01-04T00:00:00Z', 'UTC', 'h a k K H')).toBe('12 AM 24 0 0');
    expect(fmt(d, 'UTC', 'D w W F G')).toBe('4 2 2 1 AD');
    expect(fmt(d, 'Asia/Kolkata', 'Z X XX XXX z zzzz')).toBe('+0530 +05 +0530 +05:30 IST India Standard Time');
    expect(fmt(d, 'UTC', 'X XXX z')).toBe('Z Z UTC');
    expect(fmt(d, 'Europe/London', 'zzzz')).toBe('Greenwich Mean Time');
    expect(fmt('2026-07-01T12:00:00Z', 'Europe/London', 'z')).toBe('BST');
    expect(fmt(d, 'GMT+2', 'HH:mm z')).toBe('09:05 GMT+02:00');
  });

  test('week year Y differs from y around New Year (a classic bug), as in Java', () => {
    expect(fmt('2026-12-28T12:00:00Z', 'UTC', 'yyyy YYYY w')).toBe('2026 2027 1');
    expect(fmt('2026-12-26T12:00:00Z', 'UTC', 'yyyy YYYY w')).toBe('2026 2026 52');
  });

  test("quoted text and '' ", () => {
    expect(fmt('2026-11-25T09:00:00Z', 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2026-11-25T09:00:00Z');
    expect(fmt('2026-11-25T09:00:00Z', 'UTC', "h 'o''clock' ''")).toBe("9 o'clock '");
    expect(fmt('2026-11-25T09:00:00Z', 'UTC', "'It''s' EEEE")).toBe("It's Wednesday");
  });

  test('an unknown or mis-cased zone id silently formats in GMT, as Java does', () => {
    expect(fmt('2026-11-25T23:00:00Z', 'Europe/Londres', 'yyyy-MM-dd HH:mm z')).toBe('2026-11-25 23:00 GMT');
    expect(fmt('2026-11-25T23:00:00Z', 'america/new_york', 'HH:mm z')).toBe('23:00 GMT');
  });

  test('bad arguments throw as Apps Script does', () => {
    expect(() => Utilities.formatDate('2026-11-25' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => fmt('2026-11-25T09:00:00Z', 'UTC', 'yyyy-MM-dd q')).toThrow("Illegal pattern character 'q'");
  });

  test('dates from the script realm are accepted', () => {
    const realm = vm.runInContext('({ Date, Error, Array, Object, JSON })', vm.createContext({})) as Realm;
    const d = new realm.Date(Date.UTC(2026, 10, 25, 9));
    expect(Utilities.formatDate(d, 'UTC', 'yyyy-MM-dd HH:mm')).toBe('2026-11-25 09:00');
    expect(formatJavaDate(d.getTime(), 'Europe/London', 'EEEE')).toBe('Wednesday');
  });
});

describe('Utilities base64, bytes, blobs, digests', () => {
  const text = 'Grüße – café ☕ 😀';

  test('base64 round trips with non-ASCII; a string without a charset is UTF-8', () => {
    const { Utilities } = setup();
    const b64 = Utilities.base64Encode(text);
    expect(b64).toBe(Buffer.from(text, 'utf8').toString('base64'));
    expect(Utilities.base64Encode(text, Utilities.Charset.UTF_8)).toBe(b64);
    const bytes = Utilities.base64Decode(b64);
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(bytes.some((b) => b < 0)).toBe(true);
    expect(Utilities.newBlob(bytes).getDataAsString()).toBe(text);
    expect(Utilities.base64Encode(bytes)).toBe(b64);
  });

  test('web-safe alphabet keeps the = padding', () => {
    const { Utilities } = setup();
    const input = 'subjects?>>';
    const safe = Utilities.base64EncodeWebSafe(input);
    expect(safe).toBe(Buffer.from(input).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'));
    expect(safe).toMatch(/[-_]/);
    expect(safe.endsWith('=')).toBe(true);
    expect(Utilities.newBlob(Utilities.base64DecodeWebSafe(safe)).getDataAsString()).toBe(input);
    expect(
      Utilities.newBlob(Utilities.base64DecodeWebSafe(Utilities.base64EncodeWebSafe(text))).getDataAsString(),
    ).toBe(text);
    expect(() => Utilities.base64Decode(safe)).toThrow('Could not decode string.');
    expect(() => Utilities.base64DecodeWebSafe('a+b/')).toThrow('Could not decode string.');
    expect(() => Utilities.base64Decode('abcde')).toThrow('Could not decode string.');
  });

  test('US_ASCII turns non-ASCII characters into ?', () => {
    const { Utilities } = setup();
    const b64 = Utilities.base64Encode('café', Utilities.Charset.US_ASCII);
    expect(Buffer.from(b64, 'base64').toString('latin1')).toBe('caf?');
    expect(() => Utilities.base64Encode('x', 'UTF-8' as unknown as GoogleAppsScript.Utilities.Charset)).toThrow(
      "don't match the method signature for Utilities.base64Encode",
    );
  });

  test('newBlob: bytes, strings, content type, name, charsets', () => {
    const { Utilities } = setup();
    const blob = Utilities.newBlob(text, 'text/plain', 'note.txt');
    expect(blob.getContentType()).toBe('text/plain');
    expect(blob.getName()).toBe('note.txt');
    expect(blob.getBytes()).toHaveLength(Buffer.byteLength(text));
    expect(blob.getDataAsString('UTF-8')).toBe(text);
    blob.setDataFromString('é', 'ISO-8859-1');
    blob.setBytes([0xe9 - 256]);
    expect(blob.getDataAsString('ISO-8859-1')).toBe('é');
    expect(blob.setName('x.bin').setContentType('application/octet-stream').getName()).toBe('x.bin');
    expect(blob.copyBlob().getBytes()).toEqual([-23]);
    expect(String(blob)).toBe('Blob');
    expect(() => (blob as unknown as Record<string, (type: string) => unknown>).getAs!('application/pdf')).toThrow(
      'not implemented in the emulator: Blob.getAs',
    );
  });

  test('computeDigest gives Java signed bytes', () => {
    const { Utilities } = setup();
    const md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc');
    expect(Buffer.from(md5.map((b) => b & 0xff)).toString('hex')).toBe('900150983cd24fb0d6963f7d28e17f72');
    const sha = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'café', Utilities.Charset.UTF_8);
    expect(Buffer.from(sha.map((b) => b & 0xff)).toString('hex')).toBe(
      '850f7dc43910ff890f8879c0ed26fe697c93a067ad93a7d50f466a7028a9bf4e',
    );
  });

  test('byte arrays come back in the script realm', () => {
    const realm = vm.runInContext('({ Date, Error, Array, Object, JSON })', vm.createContext({})) as Realm;
    const { Utilities, runtime } = setup();
    runtime.realm = realm;
    expect(Utilities.base64Decode('AAE=') instanceof realm.Array).toBe(true);
    expect(Utilities.newBlob('x').getBytes() instanceof realm.Array).toBe(true);
  });

  test('mimetext’s Apps Script build runs on these Utilities and makes a message our parser reads', () => {
    const { Utilities } = setup();
    const source = readFileSync(require.resolve('mimetext/gas'), 'utf8');
    const context = vm.createContext({ Utilities });
    vm.runInContext(`${source}\n;globalThis.MimeText = MimeText;`, context);
    const raw = vm.runInContext(
      `(() => {
        const m = MimeText.createMimeMessage();
        m.setSender({ name: 'Alex Doe', addr: 'alex@example.com' });
        m.setRecipient('sam@acme.example');
        m.setSubject('Merci – café ☕');
        m.addMessage({ contentType: 'text/plain', data: 'À bientôt' });
        return m.asEncoded();
      })()`,
      context,
    ) as string;
    const parsed = parseMime(Buffer.from(raw, 'base64url').toString('utf8'));
    expect(parsed.headers.subject).toEqual(['Merci – café ☕']);
    expect(parsed.text).toBe('À bientôt');
  });
});

describe('Utilities.sleep and getUuid', () => {
  test('sleep advances the modeled clock, at most 300000 ms, and the 6-minute limit applies', () => {
    const { Utilities, runtime } = setup();
    runtime.begin('menu', 'x');
    Utilities.sleep(1500);
    expect(runtime.now).toBe(NOW + 1500);
    expect(() => Utilities.sleep(300_001)).toThrow('Invalid argument: milliseconds');
    Utilities.sleep(300_000);
    expect(() => Utilities.sleep(100_000)).toThrow('Exceeded maximum execution time');
  });

  test('getUuid is a v4 UUID; Utilities calls are counted and cost nothing', () => {
    const { Utilities, runtime } = setup();
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(runtime.calls.Utilities).toBe(1);
    expect(runtime.modeledMs).toBe(0);
  });
});
