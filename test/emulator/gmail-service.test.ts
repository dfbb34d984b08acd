import vm from 'node:vm';
import { createMimeMessage } from 'mimetext';
import {
  addMessage,
  createGmailService,
  deleteDraft,
  listDecodedDrafts,
  type MailboxState,
  mailboxFromFile,
  metaOf,
  parseMime,
  sendAllDrafts,
} from '../../emulator/gmail';
import { LATENCY_TABLES } from '../../emulator/latency';
import { type Realm, Runtime } from '../../emulator/runtime';

const LATENCY = LATENCY_TABLES.central.figures;

const ME = 'alex@example.com';
const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);

function fixture(): MailboxState {
  return mailboxFromFile({
    me: { email: ME, name: 'Alex Doe' },
    messages: [
      {
        id: 'm1',
        threadId: 't1',
        from: 'Sam Lee <sam@acme.example>',
        to: [ME],
        date: '2026-11-20T15:04:00Z',
        subject: 'Interview on Friday',
        text: 'See you then',
        messageId: '<interview@acme.example>',
        labels: ['INBOX'],
      },
      {
        id: 'm2',
        threadId: 't1',
        from: ME,
        to: ['sam@acme.example'],
        date: '2026-11-20T18:00:00Z',
        subject: 'Re: Interview on Friday',
        text: 'Great, thanks',
        messageId: '<reply@mail.example>',
        inReplyTo: '<interview@acme.example>',
        references: ['<interview@acme.example>'],
        labels: ['SENT'],
      },
      {
        id: 'm3',
        threadId: 't3',
        from: 'spam@junk.example',
        to: [ME],
        date: '2026-11-21T10:00:00Z',
        subject: 'Win',
        text: 'Click',
        labels: ['SPAM'],
      },
    ],
  });
}

function setup(quota?: number) {
  const runtime = new Runtime(NOW, quota === undefined ? {} : { gmail: quota });
  const state = fixture();
  const { Gmail } = createGmailService(runtime, state);
  return { runtime, state, Gmail };
}

interface MailOptions {
  to?: string;
  subject?: string;
  text?: string;
  html?: string;
  inReplyTo?: string;
  references?: string;
}

/** A MIME message as the add-on builds it, base64url-encoded as Utilities.base64EncodeWebSafe would. */
function rawMail(opts: MailOptions = {}): string {
  const m = createMimeMessage();
  m.setSender({ name: 'Alex Doe', addr: ME });
  m.setRecipient(opts.to ?? 'Sam Lee <sam@acme.example>');
  m.setSubject(opts.subject ?? 'Alex Doe – Thank you');
  if (opts.inReplyTo) m.setHeader('In-Reply-To', opts.inReplyTo);
  if (opts.references) m.setHeader('References', opts.references);
  m.addMessage({ contentType: 'text/plain', data: opts.text ?? 'Thank you – Alex' });
  if (opts.html) m.addMessage({ contentType: 'text/html', data: opts.html });
  return Buffer.from(m.asRaw(), 'utf8').toString('base64url');
}

function bytesToText(bytes: unknown): string {
  return Buffer.from((bytes as number[]).map((b) => b & 0xff)).toString('utf8');
}

describe('Gmail.Users.Drafts', () => {
  test('create / get / list / update / remove round trip with base64url raw', () => {
    const { Gmail, state } = setup();
    const created = Gmail.Users.Drafts.create({ message: { raw: rawMail({ html: '<p>Thank you – Alex</p>' }) } }, 'me');
    expect(created.id).toMatch(/^r-\d+$/);
    expect(created.message).toEqual({ id: expect.any(String), threadId: created.message!.id, labelIds: ['DRAFT'] });

    const full = Gmail.Users.Drafts.get('me', created.id!);
    expect(full.id).toBe(created.id);
    const payload = full.message!.payload!;
    expect(payload.mimeType).toBe('multipart/alternative');
    expect(payload.headers).toEqual(
      expect.arrayContaining([
        { name: 'Subject', value: 'Alex Doe – Thank you' },
        { name: 'To', value: 'Sam Lee <sam@acme.example>' },
      ]),
    );
    expect(payload.parts!.map((p) => p.mimeType)).toEqual(['text/plain', 'text/html']);
    // Apps Script hands `bytes` fields over as byte arrays: read with Utilities.newBlob(data).getDataAsString().
    const textPart = payload.parts![0]!;
    expect(Array.isArray(textPart.body!.data)).toBe(true);
    expect(bytesToText(textPart.body!.data).trim()).toBe('Thank you – Alex');
    expect(textPart.body!.size).toBe(Buffer.byteLength(bytesToText(textPart.body!.data)));
    expect(full.message!.snippet).toBe('Thank you – Alex');
    expect(full.message!.internalDate).toBe(String(state.messages.at(-1)!.internalDate));

    const raw = Gmail.Users.Drafts.get('me', created.id!, { format: 'raw' });
    const rawText = bytesToText(raw.message!.raw);
    expect(rawText).toContain('Subject: =?utf-8?B?');
    expect(parseMime(rawText).headers.subject).toEqual(['Alex Doe – Thank you']);
    expect(raw.message!.payload).toBeUndefined();

    const metadata = Gmail.Users.Drafts.get('me', created.id!, { format: 'metadata' });
    expect(metadata.message!.payload!.headers!.length).toBeGreaterThan(3);
    const minimal = Gmail.Users.Drafts.get('me', created.id!, { format: 'minimal' });
    expect(minimal.message!.payload).toBeUndefined();
    expect(minimal.message!.labelIds).toEqual(['DRAFT']);

    const list = Gmail.Users.Drafts.list('me');
    expect(list).toEqual({
      drafts: [{ id: created.id, message: { id: created.message!.id, threadId: created.message!.threadId } }],
      resultSizeEstimate: 1,
    });

    const updated = Gmail.Users.Drafts.update(
      { message: { raw: rawMail({ text: 'Second version' }) } },
      'me',
      created.id!,
    );
    expect(updated.id).toBe(created.id);
    // Gmail gives the updated draft's message a new id; the old message is gone.
    expect(updated.message!.id).not.toBe(created.message!.id);
    expect(() => Gmail.Users.Messages.get('me', created.message!.id!)).toThrow('Requested entity was not found.');
    const again = Gmail.Users.Drafts.get('me', created.id!);
    expect(bytesToText(again.message!.payload!.body!.data).trim()).toBe('Second version');

    Gmail.Users.Drafts.remove('me', created.id!);
    expect(Gmail.Users.Drafts.list('me')).toEqual({ resultSizeEstimate: 0 });
    expect(state.messages.some((m) => m.labelIds.includes('DRAFT'))).toBe(false);
  });

  test('a missing draft id throws Gmail 404 wording as a GoogleJsonResponseException', () => {
    const { Gmail } = setup();
    let error: unknown;
    try {
      Gmail.Users.Drafts.get('me', 'r-123');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('GoogleJsonResponseException');
    expect((error as Error).message).toBe(
      'API call to gmail.users.drafts.get failed with error: Requested entity was not found.',
    );
    expect((error as { details?: unknown }).details).toEqual({ code: 404, message: 'Requested entity was not found.' });
    expect(() => Gmail.Users.Drafts.remove('me', 'r-123')).toThrow(
      'API call to gmail.users.drafts.delete failed with error: Requested entity was not found.',
    );
    expect(() => Gmail.Users.Drafts.update({ message: { raw: rawMail() } }, 'me', 'r-123')).toThrow(
      'API call to gmail.users.drafts.update failed with error: Requested entity was not found.',
    );
  });

  test('raw must be base64url: standard base64 and non-base64 are refused', () => {
    const { Gmail, state } = setup();
    const standard = Buffer.from('Subject: ??>>>\r\n\r\n???', 'utf8').toString('base64');
    expect(standard).toMatch(/[+/]/);
    expect(() => Gmail.Users.Drafts.create({ message: { raw: standard } }, 'me')).toThrow(
      /^API call to gmail\.users\.drafts\.create failed with error: Invalid value at 'draft\.message\.raw' \(TYPE_BYTES\), Base64 decoding failed for "/,
    );
    expect(() => Gmail.Users.Drafts.create({ message: { raw: 'not base64!' } }, 'me')).toThrow(
      'Base64 decoding failed',
    );
    expect(() => Gmail.Users.Drafts.create({ message: { raw: 'abcde' } }, 'me')).toThrow('Base64 decoding failed');
    expect(() => Gmail.Users.Drafts.create({ message: {} }, 'me')).toThrow(
      "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
    );
    expect(() => Gmail.Users.Drafts.create({}, 'me')).toThrow('Missing draft message');
    // Padded base64url (as Utilities.base64EncodeWebSafe writes it) is fine.
    const padded = Buffer.from('To: a@b.example\r\n\r\nx', 'utf8').toString('base64url');
    expect(
      Gmail.Users.Drafts.create({ message: { raw: `${padded}${'='.repeat((4 - (padded.length % 4)) % 4)}` } }, 'me').id,
    ).toMatch(/^r-/);
    expect(state.drafts).toHaveLength(1);
  });

  test('Date, Message-ID and From are filled in when the raw message lacks them', () => {
    const { Gmail, state, runtime } = setup();
    const raw = Buffer.from('To: sam@acme.example\r\nSubject: hi\r\n\r\nbody', 'utf8').toString('base64url');
    const d = Gmail.Users.Drafts.create({ message: { raw } }, 'me');
    const m = state.messages.find((x) => x.id === d.message!.id)!;
    const headers = metaOf(m).headers;
    expect(headers['message-id']![0]).toMatch(/^<.+@mail\.example>$/);
    expect(Date.parse(headers.date![0]!)).toBe(Math.floor(runtime.now / 1000) * 1000);
    expect(headers.from).toEqual(['Alex Doe <alex@example.com>']);
  });

  test('threading: a draft joins the thread only when the subject matches and References name a thread message', () => {
    const { Gmail } = setup();
    const join = Gmail.Users.Drafts.create(
      {
        message: {
          threadId: 't1',
          raw: rawMail({
            subject: 'Re: Interview on Friday',
            inReplyTo: '<reply@mail.example>',
            references: '<interview@acme.example> <reply@mail.example>',
          }),
        },
      },
      'me',
    );
    expect(join.message!.threadId).toBe('t1');

    const otherSubject = Gmail.Users.Drafts.create(
      { message: { threadId: 't1', raw: rawMail({ subject: 'Thank you', references: '<reply@mail.example>' }) } },
      'me',
    );
    expect(otherSubject.message!.threadId).toBe(otherSubject.message!.id);

    const noReferences = Gmail.Users.Drafts.create(
      { message: { threadId: 't1', raw: rawMail({ subject: 'Re: Interview on Friday' }) } },
      'me',
    );
    expect(noReferences.message!.threadId).toBe(noReferences.message!.id);

    // A threadId Gmail does not know is refused (400 Invalid thread_id value), not started as a new thread.
    expect(() =>
      Gmail.Users.Drafts.create(
        {
          message: {
            threadId: 'nope',
            raw: rawMail({ subject: 'Re: Interview on Friday', references: '<reply@mail.example>' }),
          },
        },
        'me',
      ),
    ).toThrow('API call to gmail.users.drafts.create failed with error: Invalid thread_id value');

    // Threads.get lists the thread oldest first, draft included.
    const thread = Gmail.Users.Threads.get('me', 't1', { format: 'minimal' });
    expect(thread.messages!.map((m) => m.id)).toEqual(['m1', 'm2', join.message!.id]);
    expect(thread.messages![2]!.labelIds).toEqual(['DRAFT']);
  });

  test('Drafts.send and Messages.send are refused: the add-on must never send', () => {
    const { Gmail } = setup();
    const d = Gmail.Users.Drafts.create({ message: { raw: rawMail() } }, 'me');
    expect(() => Gmail.Users.Drafts.send({ id: d.id }, 'me')).toThrow(
      'The add-on must never send mail: Gmail.Users.Drafts.send is refused by the emulator',
    );
    expect(() => Gmail.Users.Messages.send({ raw: rawMail() }, 'me')).toThrow('Gmail.Users.Messages.send is refused');
  });
});

describe('Gmail.Users.Messages and Threads', () => {
  function bigMailbox(n: number) {
    const runtime = new Runtime(NOW);
    const state = mailboxFromFile({
      me: { email: ME },
      messages: Array.from({ length: n }, (_, i) => ({
        id: `m${String(i).padStart(4, '0')}`,
        from: `p${i}@acme.example`,
        to: [ME],
        date: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
        subject: `Message ${i}`,
      })),
    });
    return { runtime, state, Gmail: createGmailService(runtime, state).Gmail };
  }

  test('list pages newest first with nextPageToken; maxResults defaults to 100 and is served at most 500', () => {
    const { Gmail } = bigMailbox(1234);
    const first = Gmail.Users.Messages.list('me');
    expect(first.messages).toHaveLength(100);
    expect(first.messages![0]).toEqual({ id: 'm1233', threadId: 'm1233' });
    expect(first.resultSizeEstimate).toBe(1234);
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = Gmail.Users.Messages.list('me', { maxResults: 500, pageToken });
      for (const m of page.messages!) seen.push(m.id!);
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(1234);
    expect(new Set(seen).size).toBe(1234);
    expect(seen[1233]).toBe('m0000');
    // "The maximum allowed value for this field is 500": more is served 500 at a time.
    const capped = Gmail.Users.Messages.list('me', { maxResults: 5000 });
    expect(capped.messages).toHaveLength(500);
    expect(capped.nextPageToken).toBe('500');
    expect(() => Gmail.Users.Messages.list('me', { pageToken: 'garbage' })).toThrow(
      'API call to gmail.users.messages.list failed with error: Invalid pageToken',
    );
    expect(() => Gmail.Users.Messages.list('me', { maxResults: -1 })).toThrow('Invalid maxResults');
  });

  test('no `messages` key when nothing matches', () => {
    const { Gmail } = setup();
    const empty = Gmail.Users.Messages.list('me', { q: 'from:nobody@nowhere.example' });
    expect(empty).toEqual({ resultSizeEstimate: 0 });
    expect('messages' in empty).toBe(false);
  });

  test('drafts show up in Messages.list unless excluded; spam only with includeSpamTrash or in:anywhere', () => {
    const { Gmail } = setup();
    const d = Gmail.Users.Drafts.create({ message: { raw: rawMail() } }, 'me');
    const ids = (opts: object) => (Gmail.Users.Messages.list('me', opts).messages ?? []).map((m) => m.id);
    expect(ids({})).toEqual([d.message!.id, 'm2', 'm1']);
    expect(ids({ q: '-in:drafts' })).toEqual(['m2', 'm1']);
    expect(ids({ q: 'in:drafts' })).toEqual([d.message!.id]);
    expect(ids({ includeSpamTrash: true })).toEqual([d.message!.id, 'm3', 'm2', 'm1']);
    expect(ids({ q: 'in:anywhere from:junk' })).toEqual(['m3']);
    expect(ids({ labelIds: ['SENT'] })).toEqual(['m2']);
    expect(ids({ q: 'to:sam@acme.example' })).toEqual([d.message!.id, 'm2']);
    expect(() => Gmail.Users.Messages.list('me', { q: 'subject:Interview' })).toThrow(
      'not implemented in the emulator: Gmail query term "subject:Interview"',
    );
  });

  test('Messages.get formats: metadata with chosen headers, internalDate as a string, sizeEstimate', () => {
    const { Gmail, state } = setup();
    const meta = Gmail.Users.Messages.get('me', 'm1', { format: 'metadata', metadataHeaders: ['From', 'subject'] });
    expect(meta).toEqual({
      id: 'm1',
      threadId: 't1',
      labelIds: ['INBOX'],
      snippet: 'See you then',
      payload: {
        mimeType: 'text/plain',
        headers: [
          { name: 'From', value: 'Sam Lee <sam@acme.example>' },
          { name: 'Subject', value: 'Interview on Friday' },
        ],
      },
      sizeEstimate: Buffer.byteLength(state.messages[0]!.raw),
      historyId: expect.any(String),
      internalDate: String(Date.parse('2026-11-20T15:04:00Z')),
    });
    const full = Gmail.Users.Messages.get('me', 'm1');
    expect(full.payload!.partId).toBe('');
    expect(bytesToText(full.payload!.body!.data)).toBe('See you then');
    expect(() => Gmail.Users.Messages.get('me', 'm1', { format: 'html' })).toThrow("Invalid value at 'format'");
    expect(() => Gmail.Users.Messages.get('me', 'zzz')).toThrow(
      'API call to gmail.users.messages.get failed with error: Requested entity was not found.',
    );
  });

  test('Threads.get and Threads.list; getProfile', () => {
    const { Gmail } = setup();
    const thread = Gmail.Users.Threads.get('me', 't1', { format: 'metadata', metadataHeaders: ['Subject'] });
    expect(thread.id).toBe('t1');
    expect(thread.messages!.map((m) => m.payload!.headers)).toEqual([
      [{ name: 'Subject', value: 'Interview on Friday' }],
      [{ name: 'Subject', value: 'Re: Interview on Friday' }],
    ]);
    expect(() => Gmail.Users.Threads.get('me', 'nope')).toThrow('Requested entity was not found.');
    const threads = Gmail.Users.Threads.list('me', { q: 'from:sam@acme.example' });
    expect(threads.threads!.map((t) => t.id)).toEqual(['t1']);
    expect(threads.threads![0]!.snippet).toBe('Great, thanks');
    expect(Gmail.Users.getProfile('me')).toEqual({
      emailAddress: ME,
      messagesTotal: 2,
      threadsTotal: 1,
      historyId: expect.any(String),
    });
  });

  test('userId must be me or the mailbox address', () => {
    const { Gmail } = setup();
    expect(Gmail.Users.Messages.list('Alex@Example.com').resultSizeEstimate).toBe(2);
    expect(() => Gmail.Users.Messages.list('sam@acme.example')).toThrow(
      'API call to gmail.users.messages.list failed with error: Delegation denied for alex@example.com',
    );
  });
});

describe('calls, latency, quota and authorization', () => {
  test('every call is counted under Gmail; a draft write costs the table’s draftWriteMs, other calls its gmailCallMs', () => {
    const { Gmail, runtime } = setup();
    Gmail.Users.Messages.list('me');
    expect(runtime.modeledMs).toBe(LATENCY.gmailCallMs);
    Gmail.Users.Drafts.create({ message: { raw: rawMail() } }, 'me');
    expect(runtime.modeledMs).toBe(LATENCY.gmailCallMs + LATENCY.draftWriteMs);
    expect(runtime.now).toBe(NOW + LATENCY.gmailCallMs + LATENCY.draftWriteMs);
    expect(runtime.calls.Gmail).toBe(2);
    expect(runtime.methodCalls['Gmail.Users.Drafts.create']).toBe(1);
  });

  test('the daily gmail quota runs out with Apps Script’s message', () => {
    const { Gmail } = setup(3);
    Gmail.Users.Messages.list('me');
    Gmail.Users.Messages.get('me', 'm1');
    Gmail.Users.Drafts.list('me');
    expect(() => Gmail.Users.Messages.list('me')).toThrow('Service invoked too many times for one day: gmail.');
  });

  test('a simple trigger (onOpen) may not use Gmail', () => {
    const { Gmail, runtime } = setup();
    runtime.begin('simple-trigger', 'onOpen');
    expect(() => Gmail.Users.Drafts.create({ message: { raw: rawMail() } }, 'me')).toThrow(
      'You do not have permission to call Gmail.Users.Drafts.create. Required permissions: https://www.googleapis.com/auth/gmail.compose',
    );
    expect(() => Gmail.Users.Messages.list('me')).toThrow(
      'You do not have permission to call Gmail.Users.Messages.list. Required permissions: https://www.googleapis.com/auth/gmail.readonly',
    );
    runtime.end();
    runtime.begin('menu', 'draftFollowUps');
    expect(Gmail.Users.Messages.list('me').resultSizeEstimate).toBe(2);
  });

  test('scopes: gmail.compose writes and reads drafts; searching needs gmail.readonly', () => {
    const { Gmail, runtime } = setup();
    runtime.scopes = new Set(['https://www.googleapis.com/auth/gmail.compose']);
    const d = Gmail.Users.Drafts.create({ message: { raw: rawMail() } }, 'me');
    expect(Gmail.Users.Drafts.get('me', d.id!).id).toBe(d.id);
    expect(Gmail.Users.Drafts.list('me').resultSizeEstimate).toBe(1);
    expect(Gmail.Users.getProfile('me').emailAddress).toBe(ME);
    expect(() => Gmail.Users.Messages.list('me', { q: 'from:me' })).toThrow(
      'Required permissions: https://www.googleapis.com/auth/gmail.readonly',
    );
    runtime.scopes = new Set(['https://www.googleapis.com/auth/gmail.readonly']);
    expect(() => Gmail.Users.Drafts.create({ message: { raw: rawMail() } }, 'me')).toThrow(
      'Required permissions: https://www.googleapis.com/auth/gmail.compose',
    );
    runtime.scopes = new Set(['https://www.googleapis.com/auth/gmail.metadata']);
    expect(Gmail.Users.Messages.list('me').resultSizeEstimate).toBe(3); // m1, m2 and the draft
    expect(() => Gmail.Users.Messages.list('me', { q: 'from:me' })).toThrow(
      "Metadata scope does not support 'q' parameter",
    );
    expect(() => Gmail.Users.Messages.get('me', 'm1')).toThrow("Metadata scope doesn't allow format FULL");
  });

  test('guard: methods the emulator lacks throw “not implemented in the emulator”', () => {
    const { Gmail } = setup();
    const users = Gmail.Users as unknown as Record<string, Record<string, () => unknown>>;
    expect(() => users.Labels!.list!()).toThrow('not implemented in the emulator: Gmail.Users.Labels.list');
    expect(() => users.Messages!.trash!()).toThrow('not implemented in the emulator: Gmail.Users.Messages.trash');
    expect(() => users.Drafts!.patch!()).toThrow('not implemented in the emulator: Gmail.Users.Drafts.patch');
    expect(String(Gmail.Users.Drafts)).toBe('Gmail.Users.Drafts');
  });

  test('values reach the script in its own realm', () => {
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Date, Error, Array, Object, JSON })', context) as Realm;
    const { Gmail, runtime } = setup();
    runtime.realm = realm;
    const list = Gmail.Users.Messages.list('me');
    expect(list.messages instanceof realm.Array).toBe(true);
    expect(Object.getPrototypeOf(list) === realm.Object.prototype).toBe(true);
    const data = Gmail.Users.Messages.get('me', 'm1').payload!.body!.data as unknown;
    expect(data instanceof realm.Array).toBe(true);
    let error: unknown;
    try {
      Gmail.Users.Messages.get('me', 'zzz');
    } catch (e) {
      error = e;
    }
    expect(error instanceof realm.Error).toBe(true);
  });
});

describe('host helpers: the user sends or deletes drafts, a reply arrives', () => {
  test('sendAllDrafts turns each draft into a SENT message (new id) in its thread, dated now', () => {
    const { Gmail, state, runtime } = setup();
    const reply = Gmail.Users.Drafts.create(
      {
        message: {
          threadId: 't1',
          raw: rawMail({
            subject: 'Re: Interview on Friday',
            references: '<interview@acme.example> <reply@mail.example>',
          }),
        },
      },
      'me',
    );
    const fresh = Gmail.Users.Drafts.create(
      { message: { raw: rawMail({ to: 'hr@globex.example', subject: 'Hello' }) } },
      'me',
    );
    const noRecipient = Gmail.Users.Drafts.create(
      { message: { raw: Buffer.from('Subject: nobody\r\n\r\nx').toString('base64url') } },
      'me',
    );
    runtime.advance(60_000);
    const sent = sendAllDrafts(runtime, state);
    expect(sent).toEqual([
      {
        id: expect.any(String),
        to: ['sam@acme.example'],
        subject: 'Re: Interview on Friday',
        date: new Date(runtime.now).toISOString(),
        threadId: 't1',
      },
      {
        id: expect.any(String),
        to: ['hr@globex.example'],
        subject: 'Hello',
        date: new Date(runtime.now).toISOString(),
        threadId: fresh.message!.threadId,
      },
    ]);
    expect(sent[0]!.id).not.toBe(reply.message!.id);
    // A draft with no recipient cannot be sent and stays.
    expect(state.drafts.map((d) => d.id)).toEqual([noRecipient.id]);
    const sentMessage = state.messages.find((m) => m.id === sent[0]!.id)!;
    expect(sentMessage.labelIds).toEqual(['SENT']);
    expect(sentMessage.internalDate).toBe(runtime.now);
    expect(Date.parse(metaOf(sentMessage).headers.date![0]!)).toBe(Math.floor(runtime.now / 1000) * 1000);
    expect(Gmail.Users.Messages.list('me', { q: 'in:sent' }).messages!.map((m) => m.id)).toEqual([
      sent[1]!.id,
      sent[0]!.id,
      'm2',
    ]);
    expect(Gmail.Users.Threads.get('me', 't1', { format: 'minimal' }).messages!.map((m) => m.id)).toEqual([
      'm1',
      'm2',
      sent[0]!.id,
    ]);
  });

  test('listDecodedDrafts decodes each draft; deleteDraft removes one; addMessage threads a reply', () => {
    const { Gmail, state } = setup();
    const d = Gmail.Users.Drafts.create(
      {
        message: {
          threadId: 't1',
          raw: rawMail({
            subject: 'Re: Interview on Friday',
            text: 'Merci – à vendredi',
            html: '<p>Merci – à vendredi</p>',
            inReplyTo: '<reply@mail.example>',
            references: '<interview@acme.example> <reply@mail.example>',
          }),
        },
      },
      'me',
    );
    const [decoded] = listDecodedDrafts(state);
    expect(decoded).toMatchObject({
      id: d.id,
      messageId: d.message!.id,
      threadId: 't1',
      to: ['sam@acme.example'],
      cc: [],
      from: 'Alex Doe <alex@example.com>',
      subject: 'Re: Interview on Friday',
      inReplyTo: '<reply@mail.example>',
      references: ['<interview@acme.example>', '<reply@mail.example>'],
    });
    expect(decoded!.text!.trim()).toBe('Merci – à vendredi');
    expect(decoded!.html!.trim()).toBe('<p>Merci – à vendredi</p>');
    expect(decoded!.raw).toContain('MIME-Version: 1.0');

    expect(deleteDraft(state, d.id!)).toBe(true);
    expect(deleteDraft(state, d.id!)).toBe(false);
    expect(listDecodedDrafts(state)).toEqual([]);

    const arrived = addMessage(state, {
      from: 'Sam Lee <sam@acme.example>',
      to: [ME],
      date: '2026-11-26T08:00:00Z',
      subject: 'Re: Interview on Friday',
      references: ['<interview@acme.example>', '<reply@mail.example>'],
      text: 'See you',
    });
    expect(arrived.threadId).toBe('t1');
    expect(Gmail.Users.Messages.list('me', { q: 'from:sam@acme.example in:inbox' }).messages!.map((m) => m.id)).toEqual(
      [arrived.id, 'm1'],
    );
  });
});
