/** src/core/mail.ts as it behaves today: addresses, the thread to reply in, reply headers, queries and batches. */
import fc from 'fast-check';
import { fromIso } from '../../src/core/dates';
import {
  addressesIn,
  batches,
  contactQuery,
  findSent,
  latestThreadWith,
  type MessageMeta,
  replyHeaders,
} from '../../src/core/mail';

const TZ = 'Europe/London';
const D = (iso: string) => fromIso(iso)!;
/** Noon UTC of a December day (London is UTC+0 then). */
const at = (iso: string, hour = 12) => Date.parse(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`);

let n = 0;
function msg(over: Partial<MessageMeta>): MessageMeta {
  n++;
  return {
    id: `m${n}`,
    threadId: `t${n}`,
    labelIds: ['INBOX'],
    internalDate: at('2026-12-01'),
    from: [],
    to: [],
    cc: [],
    subject: 'Hello',
    messageId: `<m${n}@example.com>`,
    references: '',
    ...over,
  };
}

describe('addressesIn', () => {
  it.each([
    ['jo@acme.example', ['jo@acme.example']],
    ['Jo Park <Jo.Park@Acme.Example>', ['jo.park@acme.example']],
    ['"Park, Jo" <jo@acme.example>, kim@beta.example', ['jo@acme.example', 'kim@beta.example']],
    ['"jo@fake.example" <real@acme.example>', ['real@acme.example']],
    ['undisclosed-recipients:;', []],
    ['', []],
    ['jo@localhost', []],
  ])('%p → %p', (header, expected) => {
    expect(addressesIn(header)).toEqual(expected);
  });

  it('only ever returns lower-case text with one @', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        for (const a of addressesIn(header)) {
          expect(a).toBe(a.toLowerCase());
          expect(a.split('@')).toHaveLength(2);
        }
      }),
    );
  });
});

describe('latestThreadWith', () => {
  const jo = new Set(['jo@acme.example']);

  it('picks the thread of the newest non-draft message to or from a contact, Cc included', () => {
    const messages = [
      msg({ threadId: 'a', from: ['jo@acme.example'], internalDate: at('2026-11-01') }),
      msg({ threadId: 'b', cc: ['jo@acme.example'], labelIds: ['SENT'], internalDate: at('2026-11-05') }),
      msg({ threadId: 'c', to: ['jo@acme.example'], labelIds: ['DRAFT'], internalDate: at('2026-11-09') }),
      msg({ threadId: 'd', from: ['kim@beta.example'], internalDate: at('2026-11-10') }),
    ];
    expect(latestThreadWith(messages, jo)).toBe('b');
  });

  it('is null when no message involves the contacts', () => {
    expect(latestThreadWith([msg({ from: ['kim@beta.example'] })], jo)).toBeNull();
    expect(latestThreadWith([], jo)).toBeNull();
  });
});

describe('replyHeaders', () => {
  it('replies to the newest real message: Re: once, In-Reply-To its id, References its references plus its id', () => {
    const thread = [
      msg({ subject: 'Engineer role', messageId: '<a@x.example>', internalDate: at('2026-11-01') }),
      msg({
        subject: 'RE: Fwd: Engineer role',
        messageId: '<b@x.example>',
        references: '<a@x.example>',
        internalDate: at('2026-11-02'),
      }),
      msg({ subject: 'Draft', messageId: '<c@x.example>', labelIds: ['DRAFT'], internalDate: at('2026-11-03') }),
    ];
    expect(replyHeaders(thread)).toEqual({
      subject: 'Re: Engineer role',
      inReplyTo: '<b@x.example>',
      references: '<a@x.example> <b@x.example>',
    });
  });

  it('keeps References free of duplicates and of text that is not a Message-ID', () => {
    const thread = [
      msg({ messageId: '<b@x.example>', references: '<a@x.example> junk <b@x.example>\r\n <a@x.example>' }),
    ];
    expect(replyHeaders(thread)?.references).toBe('<a@x.example> <b@x.example>');
  });

  it('puts a multi-line subject on one line', () => {
    expect(replyHeaders([msg({ subject: 'Re: Next\r\n steps' })])?.subject).toBe('Re: Next steps');
  });

  it('is null for a thread of drafts only, or of messages without a valid Message-ID', () => {
    expect(replyHeaders([msg({ labelIds: ['DRAFT'] })])).toBeNull();
    expect(replyHeaders([msg({ messageId: '' }), msg({ messageId: 'not-an-id' })])).toBeNull();
    expect(replyHeaders([])).toBeNull();
  });
});

describe('contactQuery', () => {
  it('asks for mail from or to any contact since the instant, drafts left out', () => {
    expect(contactQuery(['jo@acme.example', 'kim@beta.example'], 1_764_000_000.9)).toBe(
      '(from:"jo@acme.example" OR to:"jo@acme.example" OR from:"kim@beta.example" OR to:"kim@beta.example") ' +
        'after:1764000000 -in:drafts',
    );
  });

  it('never asks for a negative instant', () => {
    expect(contactQuery(['jo@acme.example'], -5)).toBe(
      '(from:"jo@acme.example" OR to:"jo@acme.example") after:0 -in:drafts',
    );
  });
});

describe('batches', () => {
  it.each([
    [[], 20, []],
    [[1, 2, 3], 2, [[1, 2], [3]]],
    [[1, 2], 2, [[1, 2]]],
  ])('%p by %p → %p', (items, size, expected) => {
    expect(batches(items, size)).toEqual(expected);
  });

  it('keeps every item once, in order, in batches of at most the size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 30 }), (items, size) => {
        const out = batches(items, size);
        expect(out.flat()).toEqual(items);
        for (const b of out) expect(b.length).toBeGreaterThan(0);
        for (const b of out.slice(0, -1)) expect(b).toHaveLength(size);
      }),
    );
  });
});

describe('findSent', () => {
  it('findSent: the first SENT message to the recipient on or after the day the draft was made', () => {
    const messages = [
      msg({ labelIds: ['SENT'], to: ['jo@acme.example'], internalDate: at('2026-11-30') }),
      msg({ labelIds: ['SENT'], cc: ['jo@acme.example'], internalDate: at('2026-12-04') }),
      msg({ labelIds: ['INBOX'], to: ['jo@acme.example'], internalDate: at('2026-12-02') }),
    ];
    const to = (recipient: string) => ({ recipient, threadId: null, subject: null });
    expect(findSent(messages, to('Jo@Acme.Example'), D('2026-12-01'), TZ)).toBe(D('2026-12-04'));
    expect(findSent(messages, to('kim@beta.example'), D('2026-12-01'), TZ)).toBeNull();
  });
});

describe('automatic mail in threads (F13, F14)', () => {
  const lee = new Set(['lee@acme.example']);
  const ooo = { 'auto-submitted': 'auto-replied' };

  it('latestThreadWith skips an out-of-office and a calendar notice (Auto-Submitted: auto-generated)', () => {
    const messages = [
      msg({ threadId: 'ty', to: ['lee@acme.example'], labelIds: ['SENT'], internalDate: at('2026-11-10') }),
      msg({ threadId: 'ooo', from: ['lee@acme.example'], headers: ooo, internalDate: at('2026-11-10', 13) }),
      msg({
        threadId: 'cal',
        from: ['lee@acme.example'],
        subject: 'Updated invitation: Debrief',
        headers: { 'auto-submitted': 'auto-generated' },
        internalDate: at('2026-11-11'),
      }),
      msg({
        threadId: 'subj',
        from: ['lee@acme.example'],
        subject: 'Automatic reply: Hi',
        internalDate: at('2026-11-12'),
      }),
    ];
    expect(latestThreadWith(messages, lee)).toBe('ty');
    expect(latestThreadWith(messages.slice(1), lee)).toBeNull();
  });

  it('replyHeaders takes subject and In-Reply-To from the last human message, References keeps every real id', () => {
    const thread = [
      msg({ subject: 'Alex Doe – Thank you', messageId: '<ty@x.example>', internalDate: at('2026-11-10') }),
      msg({
        subject: 'Automatic reply: Alex Doe – Thank you',
        messageId: '<ooo@x.example>',
        inReplyTo: '<ty@x.example>',
        headers: ooo,
        internalDate: at('2026-11-10', 13),
      }),
    ];
    expect(replyHeaders(thread)).toEqual({
      subject: 'Re: Alex Doe – Thank you',
      inReplyTo: '<ty@x.example>',
      references: '<ooo@x.example> <ty@x.example>',
    });
    expect(replyHeaders(thread.slice(1))).toBeNull();
  });

  it('References starts with the parent In-Reply-To when the parent has no References (RFC 5322 §3.6.4)', () => {
    const parent = msg({ messageId: '<b@x.example>', inReplyTo: '<a@x.example>', references: '' });
    expect(replyHeaders([parent])?.references).toBe('<a@x.example> <b@x.example>');
  });
});
