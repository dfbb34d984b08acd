import {
  addMessage,
  type MailboxFile,
  MailboxFileError,
  mailboxFromFile,
  mailboxFromJson,
  mailboxToJson,
  metaOf,
  parseMime,
} from '../../emulator/gmail';

const me = { email: 'alex@example.com', name: 'Alex Doe' };

function file(messages: unknown[]): unknown {
  return { me, messages };
}

const interview = {
  id: 'm1',
  threadId: 't1',
  from: 'Sam Lee <sam@acme.example>',
  to: ['alex@example.com'],
  cc: [],
  date: '2026-11-20T15:04:00Z',
  subject: 'Interview on Friday',
  text: 'See you then',
  labels: ['INBOX'],
};

describe('mailboxFromFile validation', () => {
  const cases: [string, unknown, string][] = [
    ['not an object', [], 'the mailbox file is not a JSON object'],
    ['no me', { messages: [] }, 'me is missing or not an object'],
    ['bad me.email', { me: { email: 'nobody' } }, 'me.email is not an email address: "nobody"'],
    ['messages not an array', { me, messages: {} }, 'messages is not an array'],
    [
      'bad date at index 2',
      file([interview, { ...interview, id: 'm2' }, { ...interview, id: 'm3', date: 'next Friday' }]),
      'messages[2].date is not a date',
    ],
    ['missing from', file([{ ...interview, from: undefined }]), 'messages[0].from is missing'],
    ['missing date', file([{ ...interview, date: undefined }]), 'messages[0].date is missing'],
    ['date not a string', file([{ ...interview, date: 1234 }]), 'messages[0].date is not a date'],
    ['bad recipient', file([{ ...interview, to: ['Sam'] }]), 'messages[0].to[0] is not an email address: "Sam"'],
    [
      'to not an array',
      file([{ ...interview, to: 'alex@example.com' }]),
      'messages[0].to is not an array of addresses',
    ],
    ['unknown field', file([{ ...interview, snippet: 'x' }]), 'messages[0].snippet is not a known field'],
    [
      'subject with a line break',
      file([{ ...interview, subject: 'a\r\nBcc: x@y.z' }]),
      'messages[0].subject contains a line break',
    ],
    ['bad label', file([{ ...interview, labels: 'INBOX' }]), 'messages[0].labels is not an array'],
    [
      'bad messageId',
      file([{ ...interview, messageId: 'abc' }]),
      'messages[0].messageId is not a <local@domain> Message-ID',
    ],
    ['duplicate id', file([interview, { ...interview }]), 'messages[1].id "m1" is used twice'],
    ['bad time zone', { me, timeZone: 'Mars/Olympus', messages: [] }, 'timeZone is not a time zone: "Mars/Olympus"'],
  ];
  test.each(cases)('%s', (_name, json, message) => {
    expect(() => mailboxFromFile(json)).toThrow(MailboxFileError);
    expect(() => mailboxFromFile(json)).toThrow(message);
  });
});

describe('mailboxFromFile builds RFC 5322 messages', () => {
  test('headers and body as the file says, with a unique Message-ID when none is given', () => {
    const state = mailboxFromFile(
      file([
        interview,
        { ...interview, id: 'm2', cc: ['Jo Park <jo@acme.example>'], text: 'Café ☕', subject: 'Entretien – vendredi' },
      ]),
    );
    expect(state.messages).toHaveLength(2);
    const [m1, m2] = state.messages;
    expect(m1).toMatchObject({
      id: 'm1',
      threadId: 't1',
      labelIds: ['INBOX'],
      internalDate: Date.parse('2026-11-20T15:04:00Z'),
    });
    const parsed = parseMime(m2!.raw);
    expect(parsed.headers.from).toEqual(['Sam Lee <sam@acme.example>']);
    expect(parsed.headers.to).toEqual(['alex@example.com']);
    expect(parsed.headers.cc).toEqual(['Jo Park <jo@acme.example>']);
    expect(parsed.headers.subject).toEqual(['Entretien – vendredi']);
    expect(parsed.text).toBe('Café ☕');
    // Dates are written in the mailbox zone (Pacific time by default, the zone Gmail reads query dates in).
    expect(parsed.headers.date).toEqual(['Fri, 20 Nov 2026 07:04:00 -0800']);
    const ids = state.messages.map((m) => metaOf(m).rfcMessageId);
    expect(ids[0]).toMatch(/^<[^<>@\s]+@mail\.example>$/);
    expect(new Set(ids).size).toBe(2);
    expect(m2!.raw).toContain('\r\n\r\n');
  });

  test('messageId, In-Reply-To, References and html are written when given', () => {
    const state = mailboxFromFile(
      file([
        { ...interview, messageId: '<first@acme.example>' },
        {
          ...interview,
          id: 'm2',
          from: 'alex@example.com',
          to: ['sam@acme.example'],
          labels: undefined,
          subject: 'Re: Interview on Friday',
          inReplyTo: '<first@acme.example>',
          references: ['<first@acme.example>'],
          html: '<p>Thanks</p>',
        },
      ]),
    );
    const reply = parseMime(state.messages[1]!.raw);
    expect(reply.headers['in-reply-to']).toEqual(['<first@acme.example>']);
    expect(reply.headers.references).toEqual(['<first@acme.example>']);
    expect(reply.root.mimeType).toBe('multipart/alternative');
    expect(reply.text).toBe('See you then');
    expect(reply.html).toBe('<p>Thanks</p>');
    // Without labels, a message from me is SENT.
    expect(state.messages[1]!.labelIds).toEqual(['SENT']);
    expect(metaOf(state.messages[0]!).rfcMessageId).toBe('<first@acme.example>');
  });

  test('messages sharing a threadId are one thread; without one, References + subject thread a reply', () => {
    const state = mailboxFromFile(
      file([
        { ...interview, messageId: '<first@acme.example>' },
        { ...interview, id: 'm2', threadId: 't1', subject: 'Re: Interview on Friday' },
        {
          ...interview,
          id: 'm3',
          threadId: undefined,
          subject: 'RE: interview on friday',
          references: '<first@acme.example>',
        },
        { ...interview, id: 'm4', threadId: undefined, subject: 'Something else', references: '<first@acme.example>' },
      ]),
    );
    expect(state.messages.map((m) => m.threadId)).toEqual(['t1', 't1', 't1', 'm4']);
  });

  test('a message labelled DRAFT is a draft', () => {
    const state = mailboxFromFile(file([interview, { ...interview, id: 'm2', from: me.email, labels: ['DRAFT'] }]));
    expect(state.drafts).toEqual([{ id: expect.stringMatching(/^r-\d+$/), messageId: 'm2' }]);
  });

  test('addMessage: a reply arrives in its thread; the state stays plain JSON', () => {
    const state = mailboxFromFile(file([{ ...interview, messageId: '<first@acme.example>' }]));
    const reply = addMessage(state, {
      from: 'sam@acme.example',
      to: ['alex@example.com'],
      date: '2026-11-22T10:00:00Z',
      subject: 'Re: Interview on Friday',
      inReplyTo: '<first@acme.example>',
      text: 'Any news?',
    });
    expect(reply.threadId).toBe('t1');
    expect(reply.labelIds).toEqual(['INBOX']);
    expect(() => addMessage(state, { ...interview })).toThrow('message.id "m1" is already in the mailbox');
    const json = JSON.parse(JSON.stringify(mailboxToJson(state)));
    expect(json).toEqual(mailboxToJson(state));
    const loaded = mailboxFromJson(json);
    expect(loaded.messages.map((m) => m.id)).toEqual(state.messages.map((m) => m.id));
    expect(() => mailboxFromJson({ me })).toThrow('saved mailbox state is not of the expected shape');
  });

  test('the docs/COMMAND-LINE.md example loads', () => {
    const example: MailboxFile = {
      me: { email: 'alex@example.com', name: 'Alex Doe' },
      messages: [
        {
          id: 'm1',
          threadId: 't1',
          from: 'Sam Lee <sam@acme.example>',
          to: ['alex@example.com'],
          cc: [],
          date: '2026-11-20T15:04:00Z',
          subject: 'Interview on Friday',
          text: 'See you then',
          labels: ['INBOX'],
        },
      ],
    };
    const state = mailboxFromFile(example);
    expect(state.me).toEqual({ email: 'alex@example.com', name: 'Alex Doe' });
    expect(state.drafts).toEqual([]);
  });
});
