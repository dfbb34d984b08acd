import { simpleParser } from 'mailparser';
import { createMimeMessage } from 'mimetext';
import { decodeEncodedWords, parseAddressList, parseMime } from '../../emulator/gmail';
import { parseHeaderFields, parseParameterizedHeader, setHeader } from '../../emulator/gmail/mime';

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

describe('parseMime on a message built with mimetext', () => {
  const message = () => {
    const m = createMimeMessage();
    m.setSender({ name: 'Alex Dœ', addr: 'alex@example.com' });
    m.setRecipient(['Sam Lee <sam@acme.example>', 'jo@acme.example']);
    m.setCc('Bo Ek <bo@acme.example>');
    m.setSubject('Merci – café ☕ pour l’entretien');
    m.setHeader('In-Reply-To', '<abc@mail.example>');
    m.setHeader('References', '<root@mail.example> <abc@mail.example>');
    m.addMessage({ contentType: 'text/plain', data: b64('Bonjour Sam,\r\nà bientôt – Alex'), encoding: 'base64' });
    m.addMessage({
      contentType: 'text/html',
      data: b64('<p>Bonjour Sam,<br>à bientôt – Alex</p>'),
      encoding: 'base64',
    });
    return m.asRaw();
  };

  test('headers: lower-cased names, encoded words decoded, addresses parsed', () => {
    const parsed = parseMime(message());
    expect(parsed.headers.subject).toEqual(['Merci – café ☕ pour l’entretien']);
    expect(parsed.headers.from).toEqual(['Alex Dœ <alex@example.com>']);
    expect(parsed.headers['in-reply-to']).toEqual(['<abc@mail.example>']);
    expect(parsed.headers['mime-version']).toEqual(['1.0']);
    const to = parseAddressList(parsed.root.headers.find((h) => h.name === 'To')!.value);
    expect(to).toEqual([
      { name: 'Sam Lee', address: 'sam@acme.example' },
      { name: '', address: 'jo@acme.example' },
    ]);
  });

  test('multipart/alternative with base64 text and html bodies', () => {
    const parsed = parseMime(message());
    expect(parsed.root.mimeType).toBe('multipart/alternative');
    expect(parsed.root.parts.map((p) => p.mimeType)).toEqual(['text/plain', 'text/html']);
    expect(parsed.root.parts.map((p) => p.transferEncoding)).toEqual(['base64', 'base64']);
    expect(parsed.text).toBe('Bonjour Sam,\r\nà bientôt – Alex');
    expect(parsed.html).toBe('<p>Bonjour Sam,<br>à bientôt – Alex</p>');
  });

  test('agrees with mailparser on subject, addresses, text and html', async () => {
    const raw = message();
    const ours = parseMime(raw);
    const theirs = await simpleParser(raw);
    expect(ours.headers.subject![0]).toBe(theirs.subject);
    expect(ours.text?.replace(/\r\n/g, '\n').trim()).toBe(theirs.text?.trim());
    expect(ours.html?.trim()).toBe(typeof theirs.html === 'string' ? theirs.html.trim() : '');
    const theirTo = Array.isArray(theirs.to) ? theirs.to : [theirs.to!];
    expect(theirTo.flatMap((t) => t.value.map((v) => v.address))).toEqual(['sam@acme.example', 'jo@acme.example']);
  });
});

describe('header details', () => {
  test('folded header lines are unfolded', () => {
    const fields = parseHeaderFields('Subject: a long\r\n  subject line\r\nTo: a@b.example,\r\n\tc@d.example');
    expect(fields).toEqual([
      { name: 'Subject', value: 'a long  subject line' },
      { name: 'To', value: 'a@b.example,\tc@d.example' },
    ]);
  });

  test('encoded words: B and Q, UTF-8 and ISO-8859-1, white space between words dropped', () => {
    expect(decodeEncodedWords('=?UTF-8?B?Q2Fmw6k=?= au lait')).toBe('Café au lait');
    expect(decodeEncodedWords('=?iso-8859-1?Q?Caf=E9_cr=E8me?=')).toBe('Café crème');
    expect(decodeEncodedWords('=?utf-8?q?a?= =?utf-8?q?b?=')).toBe('ab');
    // A multi-byte character split across two encoded words ("é" = C3 A9).
    expect(decodeEncodedWords('=?UTF-8?Q?Caf=C3?=\r\n =?UTF-8?Q?=A9?=')).toBe('Café');
    expect(decodeEncodedWords('plain =?UTF-8?B?4piV?= text')).toBe('plain ☕ text');
  });

  test('address lists: quoted names with commas, encoded names, comments, groups', () => {
    expect(parseAddressList('"Lee, Sam" <sam@acme.example>, =?UTF-8?B?w4lsaXNl?= <elise@x.example>')).toEqual([
      { name: 'Lee, Sam', address: 'sam@acme.example' },
      { name: 'Élise', address: 'elise@x.example' },
    ]);
    expect(parseAddressList('jo@acme.example (Jo Park)')).toEqual([{ name: 'Jo Park', address: 'jo@acme.example' }]);
    expect(parseAddressList('Team: a@x.example, B <b@x.example>;, c@x.example')).toEqual([
      { name: '', address: 'a@x.example' },
      { name: 'B', address: 'b@x.example' },
      { name: '', address: 'c@x.example' },
    ]);
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
  });

  test('an encoded display name holding a comma is re-quoted in the decoded header', () => {
    const parsed = parseMime(`From: =?UTF-8?B?${b64('Doe, Alex')}?= <alex@example.com>\r\n\r\nhi`);
    expect(parsed.headers.from).toEqual(['"Doe, Alex" <alex@example.com>']);
  });

  test('parameters: quoting and RFC 2231 charsets and continuations', () => {
    expect(parseParameterizedHeader('text/plain; charset="UTF-8"; format=flowed')).toEqual({
      value: 'text/plain',
      params: { charset: 'UTF-8', format: 'flowed' },
    });
    expect(parseParameterizedHeader("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf").params.filename).toBe(
      'résumé.pdf',
    );
    expect(parseParameterizedHeader('attachment; filename*0="long"; filename*1="name.txt"').params.filename).toBe(
      'longname.txt',
    );
  });

  test('a bare LF inside the header block starts a new line: what is there is parsed, no error', () => {
    const parsed = parseMime('Subject: hello\nBcc: injected@x.example\r\nTo: a@b.example\r\n\r\nbody');
    expect(parsed.headers.subject).toEqual(['hello']);
    expect(parsed.headers.bcc).toEqual(['injected@x.example']);
    expect(parsed.text).toBe('body');
  });

  test('setHeader replaces a folded field or adds one at the top', () => {
    const raw = 'Date: old\r\n  folded\r\nSubject: s\r\n\r\nbody';
    expect(setHeader(raw, 'Date', 'new')).toBe('Date: new\r\nSubject: s\r\n\r\nbody');
    expect(setHeader('Subject: s\n\nbody', 'Message-ID', '<x@y>')).toBe('Message-ID: <x@y>\nSubject: s\n\nbody');
  });
});

describe('bodies', () => {
  test('quoted-printable with soft line breaks, UTF-8', () => {
    const raw = [
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Caf=C3=A9 au lait, un tr=C3=A8s long texte qui continue =',
      'ici =3D fin',
    ].join('\r\n');
    expect(parseMime(raw).text).toBe('Café au lait, un très long texte qui continue ici = fin');
  });

  test('ISO-8859-1 base64 and 8bit UTF-8 bodies', () => {
    const latin1 = Buffer.from('Grüße', 'latin1').toString('base64');
    const raw = `Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: base64\r\n\r\n${latin1}`;
    expect(parseMime(raw).text).toBe('Grüße');
    expect(
      parseMime('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nnaïve').text,
    ).toBe('naïve');
  });

  test('nested multipart/mixed with an attachment: text and html found, attachment skipped', () => {
    const raw = [
      'Content-Type: multipart/mixed; boundary="outer"',
      '',
      'preamble',
      '--outer',
      'Content-Type: multipart/alternative; boundary=inner',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'plain body',
      '--inner',
      'Content-Type: text/html',
      '',
      '<b>html body</b>',
      '--inner--',
      '--outer',
      'Content-Type: text/plain; name="notes.txt"',
      'Content-Disposition: attachment; filename="notes.txt"',
      '',
      'attached',
      '--outer--',
      'epilogue',
    ].join('\r\n');
    const parsed = parseMime(raw);
    expect(parsed.text).toBe('plain body');
    expect(parsed.html).toBe('<b>html body</b>');
    expect(parsed.root.parts[1]!.filename).toBe('notes.txt');
    expect(parsed.root.parts[1]!.disposition).toBe('attachment');
  });
});
