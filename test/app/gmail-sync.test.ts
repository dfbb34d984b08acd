/** Gmail sync (docs/RULES.md §5) through in-memory ports: replies and sent drafts recorded on their rows. */
import { fromIso } from '../../src/core/dates';
import { aMailbox, aRow, aRun, aTracker, DAY_MS, ME, NOW } from './ports';
import { stagesOf } from './stages';

const D = (iso: string) => fromIso(iso)!;

describe('GmailSync', () => {
  it('records a reply from the recruiter after the application on its row, and stops the check-in', () => {
    const mailbox = aMailbox();
    mailbox.add({ from: ['jo@acme.example'], to: [ME], internalDate: NOW - 2 * DAY_MS, subject: 'Your application' });
    const run = aRun(aTracker([aRow({ 'Heard back': '' })]), { mailbox });
    const { model, sync } = stagesOf(run);
    sync.run([]);
    expect(sync.replies).toBe(1);
    const row = model.rows[0]!;
    expect(row.mail?.reply).toEqual({ kind: 'other', day: D('2026-12-05'), first: D('2026-12-05') });
    expect(model.writes).toEqual([{ row: 2, column: 'heardBack', update: { kind: 'date', date: D('2026-12-05') } }]);
    expect(row.evaluation.action).toBeNull();
  });

  it('does not take an automatic reply, or mail from someone at another company, for a reply', () => {
    const mailbox = aMailbox();
    mailbox.add({ from: ['jo@acme.example'], to: [ME], internalDate: NOW - DAY_MS, subject: 'Out of office: away' });
    mailbox.add({ from: ['other@globex.example'], to: [ME], internalDate: NOW - DAY_MS, subject: 'Hello' });
    const run = aRun(aTracker([aRow()]), { mailbox });
    const { model, sync } = stagesOf(run);
    sync.run([]);
    expect(sync.replies).toBe(0);
    expect(model.writes).toEqual([]);
    expect(model.rows[0]!.evaluation.action).toBe('application-check-in');
  });

  it('records a sent draft: the Draft cell becomes "sent", Last follow-up and Follow-ups sent are written', () => {
    const mailbox = aMailbox();
    const cell = 'Application check-in · due 2026-12-01 · draft r-9 made 2026-12-02';
    mailbox.add({ from: [ME], to: ['jo@acme.example'], internalDate: NOW - 2 * DAY_MS, labelIds: ['SENT'] });
    const run = aRun(aTracker([aRow({ 'Last follow-up': '', 'Follow-ups sent': '', Draft: cell })], { marked: true }), {
      mailbox,
    });
    const { model, sync } = stagesOf(run);
    sync.run([]);
    expect(sync.sentRecorded).toBe(1);
    expect(model.rows[0]!.app.draft).toEqual({
      kind: 'sent',
      action: 'application-check-in',
      due: D('2026-12-01'),
      sent: D('2026-12-05'),
    });
    expect(model.writes.map((w) => [w.column, w.update])).toEqual([
      ['lastFollowUp', { kind: 'date', date: D('2026-12-05') }],
      ['followUps', { kind: 'value', value: 1 }],
    ]);
  });

  it('does not record a send made before the draft was', () => {
    const mailbox = aMailbox();
    const cell = 'Application check-in · due 2026-12-01 · draft r-9 made 2026-12-02';
    mailbox.add({ from: [ME], to: ['jo@acme.example'], internalDate: NOW - 10 * DAY_MS, labelIds: ['SENT'] });
    const run = aRun(aTracker([aRow({ Draft: cell })], { marked: true }), { mailbox });
    const { model, sync } = stagesOf(run);
    sync.run([]);
    expect(sync.sentRecorded).toBe(0);
    expect(model.writes).toEqual([]);
  });

  it('leaves a draft that is still live as a draft, and follows the message id Gmail gives it now', () => {
    const mailbox = aMailbox();
    mailbox.drafts.set('r-7', 'm-now');
    const cell = 'Application check-in · due 2026-12-01 · draft r-7 made 2026-12-02';
    const run = aRun(aTracker([aRow({ Draft: cell })], { marked: true }), { mailbox });
    const { model, sync } = stagesOf(run);
    sync.run([]);
    expect(sync.sentRecorded).toBe(0);
    expect(model.rows[0]!.app.draft).toMatchObject({ kind: 'draft', draftId: 'r-7' });
    expect(model.rows[0]!.messageId).toBe('m-now');
  });

  it('reads the contacts of due rows with one contact query per batch of rows', () => {
    const rows = Array.from({ length: 25 }, (_, i) => aRow({ Company: `C${i}`, 'Recruiter email': `r${i}@c.example` }));
    const run = aRun(aTracker(rows));
    const { sync } = stagesOf(run);
    sync.run([]);
    // Two batches of 20 rows, and one query for the hiring systems' mail of every row.
    expect(run.mailbox.calls.filter((c) => c === 'search')).toHaveLength(3);
  });
});
