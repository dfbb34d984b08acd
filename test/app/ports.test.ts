/** The in-memory ports keep to what their files document, so app tests cannot pass on a fake's leniency. */
import { contactQuery } from '../../src/core/mail';
import { aMailbox, aTracker, FakeLock, InMemoryStore, ME } from './ports';

describe('InMemoryMailbox.search', () => {
  const mailbox = aMailbox();
  const cc = mailbox.add({ from: [ME], to: ['x@y.example'], cc: ['jo@acme.example'], internalDate: 2_000_000 });
  const early = mailbox.add({ from: ['jo@acme.example'], internalDate: 999_999 });
  const draft = mailbox.createDraft({
    fromName: 'Sam',
    fromAddress: ME,
    to: 'jo@acme.example',
    toName: 'Jo',
    subject: 'Hi',
    text: '',
    html: '',
    rfcMessageId: '<d.1.followup@example.com>',
  });

  it('answers the contact query: to: matches Cc, after: is inclusive, drafts are left out', () => {
    const found = mailbox.search(contactQuery(['jo@acme.example'], 1_000)).map((m) => m.id);
    expect(found).toEqual([cc.id]);
    expect(mailbox.search(contactQuery(['jo@acme.example'], 999.999)).map((m) => m.id)).toEqual([cc.id, early.id]);
  });

  it('finds a draft by its Message-ID', () => {
    expect(mailbox.search('rfc822msgid:<d.1.followup@example.com>')).toEqual([
      { id: draft.messageId, threadId: draft.threadId },
    ]);
  });

  it.each(['from:jo@acme.example', '(label:inbox) after:1 -in:drafts', 'in:sent'])('refuses the query %p', (q) => {
    expect(() => mailbox.search(q)).toThrow(/in-memory mailbox cannot answer/);
  });
});

describe('the other fakes', () => {
  it('the store refuses a value over 9 kB, as PropertiesService does', () => {
    const store = new InMemoryStore();
    expect(() => store.set({ big: 'x'.repeat(9 * 1024 + 1) })).toThrow('Argument too large: value');
    store.set({ ok: 'x'.repeat(9 * 1024) });
    expect(store.keys()).toEqual(['ok']);
  });

  it('the sheet computes no formula but the Draft cell link', () => {
    const stored = aTracker([{ Company: 'Acme' }]);
    const sheet = stored.read();
    expect(() => sheet.writeColumns(0, [['=1+1']])).toThrow(/computes no formula but HYPERLINK/);
    sheet.writeColumns(0, [['=HYPERLINK("https://mail.google.com/mail/#drafts?compose=m1", "Check-in")']]);
    expect(stored.cell(2, 'Company')).toBe('Check-in');
    expect(sheet.values[1]).toEqual(['Acme']);
  });

  it('the lock refuses a release it never gave', () => {
    expect(() => new FakeLock().release()).toThrow(/never held it/);
  });
});
