/** Drafting (docs/RULES.md §4) through in-memory ports: the budget stop, threading, and the journal's intent. */
import * as say from '../../src/app/messages';
import { aMailbox, aRow, aRun, aTracker, DAY_MS, daysAgo, ME, NOW } from './ports';
import { stagesOf } from './stages';

/** Three overdue check-ins of different priority (the one applied to longest ago is the most overdue). */
function threeDue() {
  return aTracker([
    aRow({ Company: 'Mid', 'Recruiter email': 'mid@mid.example', Applied: daysAgo(20) }),
    aRow({ Company: 'Old', 'Recruiter email': 'old@old.example', Applied: daysAgo(26) }),
    aRow({ Company: 'New', 'Recruiter email': 'new@new.example', Applied: daysAgo(16) }),
  ]);
}

describe('Drafting', () => {
  it('drafts highest priority first and, past the budget, leaves the rest for the next run', () => {
    const run = aRun(threeDue());
    run.mailbox.onCreate = () => run.clock.advance(10_000);
    const { sync, drafting, model } = stagesOf(run, { budgetMs: 5_000 });
    sync.run([]);
    drafting.draftDue();
    expect(drafting.drafted).toBe(1);
    expect(drafting.leftForNextRun).toBe(2);
    expect(run.mailbox.created.map((d) => d.to)).toEqual(['old@old.example']);
    expect(model.rows.map((r) => r.app.draft?.kind ?? null)).toEqual([null, 'draft', null]);
  });

  it('drafts every due row, in priority order, within the budget', () => {
    const run = aRun(threeDue());
    const { sync, drafting } = stagesOf(run);
    sync.run([]);
    drafting.draftDue();
    expect(run.mailbox.created.map((d) => d.to)).toEqual(['old@old.example', 'mid@mid.example', 'new@new.example']);
    expect(drafting.leftForNextRun).toBe(0);
  });

  it('replies in the latest thread with the recipient: Re: subject, In-Reply-To and References', () => {
    const mailbox = aMailbox();
    mailbox.add({
      threadId: 't-old',
      from: [ME],
      to: ['jo@acme.example'],
      internalDate: NOW - 19 * DAY_MS,
      subject: 'Engineer application',
      messageId: '<first@example.com>',
    });
    mailbox.add({
      threadId: 't-old',
      from: [ME],
      to: ['jo@acme.example'],
      internalDate: NOW - 18 * DAY_MS,
      subject: 'Re: Engineer application',
      messageId: '<second@example.com>',
      references: '<first@example.com>',
    });
    const run = aRun(aTracker([aRow()]), {
      mailbox,
    });
    const { sync, drafting, model } = stagesOf(run);
    sync.run([]);
    drafting.draftDue();
    expect(run.mailbox.created).toHaveLength(1);
    expect(run.mailbox.created[0]).toMatchObject({
      threadId: 't-old',
      subject: 'Re: Engineer application',
      inReplyTo: '<second@example.com>',
      references: '<first@example.com> <second@example.com>',
    });
    expect(model.rows[0]!.replySubject).toBe('Re: Engineer application');
  });

  it('previews the Re: subject a check-in would take in its thread, making no draft', () => {
    const mailbox = aMailbox();
    mailbox.add({ from: [ME], to: ['jo@acme.example'], internalDate: NOW - 19 * DAY_MS, subject: 'Engineer role' });
    const run = aRun(aTracker([aRow()]), { mailbox });
    const { sync, drafting, model } = stagesOf(run);
    sync.run([]);
    drafting.previewDue();
    expect(model.rows[0]!.replySubject).toBe('Re: Engineer role');
    expect(run.mailbox.calls).not.toContain('createDraft');
    expect(run.store.keys('journal.')).toEqual([]);
  });

  it('starts a new thread when there is no mail with the recipient', () => {
    const run = aRun(aTracker([aRow()]));
    const { sync, drafting } = stagesOf(run);
    sync.run([]);
    drafting.draftDue();
    expect(run.mailbox.created[0]!.threadId).toBeUndefined();
    expect(run.mailbox.created[0]!.subject).toBe('My application for the Engineer role at Acme');
  });

  it('notes the intent in the journal before Gmail makes the draft, then adds the ids', () => {
    const run = aRun(aTracker([aRow()]));
    const seen: Record<string, unknown>[] = [];
    run.mailbox.onCreate = () => {
      seen.push(...run.store.keys('journal.').map((k) => JSON.parse(run.store.values[k]!)));
    };
    const { sync, drafting } = stagesOf(run);
    sync.run([]);
    drafting.draftDue();
    const rfcMessageId = run.mailbox.created[0]!.rfcMessageId!;
    expect(rfcMessageId).toMatch(/^<[0-9a-z]+\.1\.followup@example\.com>$/);
    // One note per batch: the intents, with the recipient and subject that find a draft whose Message-ID changed.
    expect(seen).toEqual([
      [
        {
          rowKey: 'acme|engineer|jo@acme.example',
          action: 'application-check-in',
          due: '2026-12-01',
          rfcMessageId,
          made: '2026-12-07',
          to: 'jo@acme.example',
          subject: 'My application for the Engineer role at Acme',
        },
      ],
    ]);
    const [draftId, messageId] = [...run.mailbox.drafts][0]!;
    expect(JSON.parse(run.store.values[drafting.journalKeys[0]!]!)).toMatchObject([
      { draftId, messageId, rfcMessageId },
    ]);
  });

  it('puts a refused draft on its row as a blocking problem and goes on with the next row', () => {
    const run = aRun(threeDue());
    const { sync, drafting, model } = stagesOf(run);
    sync.run([]);
    let calls = 0;
    const create = run.mailbox.createDraft.bind(run.mailbox);
    run.mailbox.createDraft = (message) => {
      if (calls++ === 0) throw new Error('Invalid To header');
      return create(message);
    };
    drafting.draftDue();
    expect(drafting.drafted).toBe(2);
    const old = model.rows[1]!;
    expect(old.evaluation.problems).toContainEqual({
      code: 'gmail-refused',
      message: say.draftProblem.refused('Invalid To header'),
      blocking: true,
    });
  });

  it('stops at a journal write it cannot make, after recording every draft of the batch just made', () => {
    const run = aRun(threeDue());
    const { sync, drafting, model } = stagesOf(run);
    sync.run([]);
    run.mailbox.onCreate = () => {
      run.store.failSet = new Error('Properties quota');
    };
    expect(() => drafting.draftDue()).toThrow('Properties quota');
    // The batch's intents went in before Gmail made its drafts; the ids after them could not.
    expect(run.mailbox.created).toHaveLength(3);
    for (const row of model.rows) expect(row.app.draft).toMatchObject({ kind: 'draft' });
    expect(run.store.keys('journal.')).toHaveLength(1);
  });
});
