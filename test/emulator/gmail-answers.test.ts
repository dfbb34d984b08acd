/**
 * Gmail's answers the add-on must survive and read: any mailbox-file header in metadata answers (only the
 * metadataHeaders named), 400 "Invalid thread_id value", rate-limit faults with details.code, and SendAs.list.
 */
import { createGmailService, injectGmailFault, MailboxFileError, mailboxFromFile } from '../../emulator/gmail';
import { Runtime } from '../../emulator/runtime';

const ME = 'casey@example.com';
const NOW = Date.UTC(2026, 10, 25, 9, 0, 0);

function setup() {
  const runtime = new Runtime(NOW);
  const state = mailboxFromFile({
    me: { email: ME, name: 'Casey Park', aliases: ['Casey <casey@work.example>'] },
    messages: [
      {
        id: 'a2',
        threadId: 't1',
        from: `Casey Park <${ME}>`,
        to: ['dana@brightwave.example'],
        date: '2026-11-10T22:00:00Z',
        subject: 'Casey Park – Thank you',
        text: 'Thank you for today.',
        messageId: '<a2@mail.example>',
      },
      {
        id: 'a3',
        threadId: 't1',
        from: 'Dana <dana@brightwave.example>',
        to: [ME],
        date: '2026-11-11T06:00:00Z',
        subject: 'Automatic reply: Casey Park – Thank you',
        text: "I'm out & back on 20 November.",
        messageId: '<a3@brightwave.example>',
        inReplyTo: '<a2@mail.example>',
        references: ['<a2@mail.example>'],
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes', 'Reply-To': 'Sam <sam@acme.example>' },
      },
    ],
  });
  return { runtime, state, Gmail: createGmailService(runtime, state).Gmail };
}

function caught(fn: () => unknown): Error & { details?: unknown } {
  try {
    fn();
  } catch (e) {
    return e as Error & { details?: unknown };
  }
  throw new Error('expected a throw');
}

const raw = (threadId?: string) => ({
  message: {
    raw: Buffer.from(`To: dana@brightwave.example\r\nSubject: Hi\r\n\r\nHello\r\n`).toString('base64url'),
    ...(threadId ? { threadId } : {}),
  },
});

describe('mailbox-file headers in metadata answers', () => {
  test('Messages.get metadata returns only the metadataHeaders named, matched case-insensitively, with a snippet', () => {
    const { Gmail } = setup();
    const m = Gmail.Users.Messages.get('me', 'a3', {
      format: 'metadata',
      metadataHeaders: ['auto-submitted', 'LIST-ID', 'In-Reply-To'],
    });
    expect(m.payload!.headers).toEqual([
      { name: 'In-Reply-To', value: '<a2@mail.example>' },
      { name: 'Auto-Submitted', value: 'auto-replied' },
    ]);
    expect(m.snippet).toBe('I&#39;m out &amp; back on 20 November.');
  });

  test('Threads.get metadata gives each message its named headers, Reply-To included', () => {
    const { Gmail } = setup();
    const t = Gmail.Users.Threads.get('me', 't1', { format: 'metadata', metadataHeaders: ['Reply-To', 'X-Autoreply'] });
    expect(t.messages!.map((m) => m.payload!.headers)).toEqual([
      [],
      [
        { name: 'X-Autoreply', value: 'yes' },
        { name: 'Reply-To', value: 'Sam <sam@acme.example>' },
      ],
    ]);
  });

  test.each([
    [{ Subject: 'x' }, /set by the message's own field/],
    [{ 'Bad Name': 'x' }, /is not a header name/],
    [{ 'X-A': 'one\ntwo' }, /contains a line break/],
    [{ 'X-A': 3 }, /is not a string/],
  ])('a bad headers entry %j is refused', (headers, message) => {
    expect(() =>
      mailboxFromFile({ me: { email: ME }, messages: [{ from: ME, date: '2026-11-10T22:00:00Z', headers }] }),
    ).toThrow(MailboxFileError);
    expect(() =>
      mailboxFromFile({ me: { email: ME }, messages: [{ from: ME, date: '2026-11-10T22:00:00Z', headers }] }),
    ).toThrow(message);
  });
});

describe('Gmail errors', () => {
  test('Drafts.create and Drafts.update with a threadId Gmail does not know: 400 Invalid thread_id value', () => {
    const { Gmail, state } = setup();
    const error = caught(() => Gmail.Users.Drafts.create(raw('t-unknown'), 'me'));
    expect(error.name).toBe('GoogleJsonResponseException');
    expect(error.message).toBe('API call to gmail.users.drafts.create failed with error: Invalid thread_id value');
    expect(error.details).toEqual({ code: 400, message: 'Invalid thread_id value' });
    expect(state.drafts).toEqual([]);
    const draft = Gmail.Users.Drafts.create(raw('t1'), 'me');
    expect(caught(() => Gmail.Users.Drafts.update(raw('nope'), 'me', draft.id!)).details).toEqual({
      code: 400,
      message: 'Invalid thread_id value',
    });
  });

  test.each([
    ['rate-limit', 429, /^User-rate limit exceeded/],
    ['quota', 403, /^Quota exceeded for quota metric/],
  ] as const)('a %s fault fails the Nth call once, with details.code %i', (kind, code, message) => {
    const { Gmail, runtime } = setup();
    injectGmailFault(runtime, { method: 'Gmail.Users.Messages.list', kind, nth: 2 });
    expect(() => Gmail.Users.Messages.list('me')).not.toThrow();
    const error = caught(() => Gmail.Users.Messages.list('me'));
    expect(error.name).toBe('GoogleJsonResponseException');
    expect(error.message).toMatch(/^API call to gmail\.users\.messages\.list failed with error: /);
    expect(error.details).toEqual({ code, message: expect.stringMatching(message) });
    expect(() => Gmail.Users.Messages.list('me')).not.toThrow();
    expect(() => Gmail.Users.Threads.list('me')).not.toThrow();
  });

  test('an `always` fault fails that call and every later one', () => {
    const { Gmail, runtime } = setup();
    injectGmailFault(runtime, { method: 'Gmail.Users.Drafts.remove', kind: 'rate-limit', times: 'always' });
    const draft = Gmail.Users.Drafts.create(raw(), 'me');
    for (let i = 0; i < 3; i++) {
      const error = caught(() => Gmail.Users.Drafts.remove('me', draft.id!));
      expect(error.message).toMatch(/^API call to gmail\.users\.drafts\.delete failed with error: User-rate limit/);
      expect((error.details as { code: number }).code).toBe(429);
    }
  });
});

describe('Gmail.Users.Settings.SendAs.list', () => {
  test('the profile address is the primary, then each alias of the mailbox file', () => {
    const { Gmail } = setup();
    const list = Gmail.Users.Settings!.SendAs!.list('me');
    expect(list.sendAs!.map((s) => [s.sendAsEmail, s.displayName, s.isPrimary, s.isDefault])).toEqual([
      [ME, 'Casey Park', true, true],
      ['casey@work.example', 'Casey', false, false],
    ]);
    expect(caught(() => Gmail.Users.Settings!.SendAs!.list('other@x.example')).details).toMatchObject({ code: 403 });
  });
});
