/** Finding the draft the add-on made once it left Drafts (docs/RULES.md §5): sent, scheduled, or made by a run that died. */
import { fromIso } from '../../src/core/dates';
import { findIntended, findSent, isScheduled, type MessageMeta } from '../../src/core/mail';

const ZONE = 'America/New_York';
const MADE = fromIso('2026-11-18')!;

function message(over: Partial<MessageMeta> & { day: string }): MessageMeta {
  const { day, ...rest } = over;
  return {
    id: 'm1',
    threadId: 't-draft',
    labelIds: ['SENT'],
    internalDate: Date.parse(`${day}T15:00:00Z`),
    from: ['casey@example.com'],
    to: ['dana@brightwave.example'],
    cc: [],
    subject: 'Checking in on the Data Analyst role',
    messageId: '<gmail.1@mail.gmail.example>',
    references: '',
    ...rest,
  };
}

const TRACE = {
  recipient: 'dana@brightwave.example',
  threadId: 't-draft',
  subject: 'Checking in on the Data Analyst role',
};

describe('findSent', () => {
  it.each([
    ['sent as drafted', {}, '2026-11-18'],
    ['To changed, same thread', { to: ['dana.okafor@brightwave.example'], threadId: 't-draft' }, '2026-11-18'],
    ['subject changed, same thread', { subject: 'Quick question' }, '2026-11-18'],
    ['another thread, recipient and subject kept', { threadId: 't-other' }, '2026-11-18'],
    [
      'another thread, subject with Re:',
      { threadId: 't-other', subject: 'RE: checking in on the data analyst role' },
      '2026-11-18',
    ],
    ['another thread and subject to the recipient', { threadId: 't-other', subject: 'Lunch?' }, null],
    ['another thread and recipient', { threadId: 't-other', to: ['someone@else.example'] }, null],
    ['before the day the draft was made', { day: '2026-11-17' }, null],
    ['still a draft', { labelIds: ['DRAFT'] }, null],
    ['scheduled, not sent yet', { labelIds: ['SCHEDULED'] }, null],
    ['a message received in the thread', { labelIds: ['INBOX'], from: ['dana@brightwave.example'] }, null],
  ] as const)('%s → %s', (_name, over, want) => {
    const m = message({ day: '2026-11-18', ...over } as Partial<MessageMeta> & { day: string });
    expect(findSent([m], TRACE, MADE, ZONE)).toBe(want === null ? null : fromIso(want));
  });

  it('reads a draft recorded before traces by its recipient alone', () => {
    const legacy = { recipient: 'dana@brightwave.example', threadId: null, subject: null };
    expect(findSent([message({ day: '2026-11-19', subject: 'Anything' })], legacy, MADE, ZONE)).toBe(
      fromIso('2026-11-19'),
    );
    expect(findSent([message({ day: '2026-11-19', to: ['x@y.example'] })], legacy, MADE, ZONE)).toBeNull();
  });

  it('gives the first send of several', () => {
    const later = message({ id: 'm2', day: '2026-11-20' });
    const first = message({ id: 'm3', day: '2026-11-19' });
    expect(findSent([later, first], TRACE, MADE, ZONE)).toBe(fromIso('2026-11-19'));
  });
});

describe('isScheduled', () => {
  it.each([
    ['waiting with SCHEDULED in the thread', { labelIds: ['SCHEDULED'], to: ['new@brightwave.example'] }, true],
    ['sent', {}, false],
    ['a scheduled message of before the draft', { labelIds: ['SCHEDULED'], day: '2026-11-10' }, false],
    ['another thread and subject', { labelIds: ['SCHEDULED'], threadId: 't-other', subject: 'Other' }, false],
  ] as const)('%s → %s', (_name, over, want) => {
    const m = message({ day: '2026-11-18', ...over } as Partial<MessageMeta> & { day: string });
    expect(isScheduled([m], TRACE, MADE, ZONE)).toBe(want);
  });
});

describe('findIntended (no Message-ID to go by)', () => {
  const free = (id: string) => id === 'draft-live';
  it('prefers the live draft with the subject over a sent message', () => {
    const sent = message({ id: 'sent-1', day: '2026-11-18' });
    const draft = message({ id: 'draft-live', day: '2026-11-18', labelIds: ['DRAFT'] });
    expect(findIntended([sent, draft], TRACE, MADE, ZONE, free)?.id).toBe('draft-live');
  });

  it.each([
    ['another row’s draft', { id: 'draft-taken', labelIds: ['DRAFT'] }, null],
    ['another subject', { id: 'draft-live', labelIds: ['DRAFT'], subject: 'Other' }, null],
    ['made before the intent', { id: 'draft-live', labelIds: ['DRAFT'], day: '2026-11-17' }, null],
    [
      'to another address in another thread',
      { id: 'draft-live', labelIds: ['DRAFT'], threadId: 't-x', to: ['x@y.example'] },
      null,
    ],
    ['sent, the draft gone', { id: 'sent-1' }, 'sent-1'],
    ['received mail with the subject', { id: 'in-1', labelIds: ['INBOX'] }, null],
  ] as const)('%s → %s', (_name, over, want) => {
    const m = message({ day: '2026-11-18', ...over } as Partial<MessageMeta> & { day: string });
    expect(findIntended([m], TRACE, MADE, ZONE, free)?.id ?? null).toBe(want);
  });
});
