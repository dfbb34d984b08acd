/** The follow-up run's modes (score | draft | preview | check | skip) through in-memory ports, not the bundle. */
import { runFollowUps } from '../../src/app/followups';
import { batchKey, journalBatch } from '../../src/app/journal';
import * as say from '../../src/app/messages';
import { fromIso } from '../../src/core/dates';
import { aRow, aRun, aTracker, daysAgo, ME, type TestRun } from './ports';

const MANAGED = ['Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft'];

/** Acme is overdue (applied 20 days ago); Beta applied 3 days ago and is not due yet. */
function twoRows(options: Parameters<typeof aRun>[1] = {}): TestRun {
  return aRun(
    aTracker([aRow(), aRow({ Company: 'Beta', 'Recruiter email': 'kim@beta.example', Applied: daysAgo(3) })]),
    options,
  );
}

function snapshot(run: TestRun) {
  return { grid: structuredClone(run.sheet.grid), store: { ...run.store.values }, marks: [...run.sheet.marks] };
}

describe('runFollowUps', () => {
  it('score: writes the managed columns, marks them and colours the rows, without a Gmail call', () => {
    const run = twoRows();
    const result = runFollowUps(run.deps, { kind: 'score' });
    expect(run.mailbox.calls).toEqual([]);
    expect(run.sheet.grid[0]!.slice(6)).toEqual(MANAGED);
    expect(run.sheet.cell(2, 'Follow-up status')).toBe('Overdue · 6 days');
    expect(run.sheet.cell(3, 'Follow-up status')).toBe('Upcoming · in 11 days');
    expect(run.sheet.cell(2, 'Draft')).toBe('');
    expect([...run.sheet.marks.keys()]).toEqual(['nextFollowUp', 'due', 'followUpStatus', 'priority', 'draft']);
    expect(run.sheet.colours).toEqual({ statusColumn: 8, overdue: '#f4c7c3', dueToday: '#fce8b2' });
    expect(result.drafted).toBe(0);
    expect(result.mustAct).toEqual([]);
  });

  it('draft: drafts the due row only, records it in its Draft cell with a link, and clears the journal', () => {
    const run = twoRows();
    const result = runFollowUps(run.deps, { kind: 'draft' });
    expect(result.drafted).toBe(1);
    expect(run.mailbox.created.map((d) => d.to)).toEqual(['jo@acme.example']);
    const [draftId, messageId] = [...run.mailbox.drafts][0]!;
    expect(run.sheet.cell(2, 'Draft')).toBe(`Application check-in · due 2026-12-01 · draft ${draftId} made 2026-12-07`);
    expect(run.sheet.formulas.get('1,10')).toContain(`compose=${messageId}`);
    expect(run.sheet.cell(3, 'Draft')).toBe('');
    expect(run.store.keys('journal.')).toEqual([]);
  });

  it('draft: a second run keeps the live draft instead of drafting again', () => {
    const run = twoRows();
    runFollowUps(run.deps, { kind: 'draft' });
    const again = runFollowUps(run.deps, { kind: 'draft' });
    expect(again.drafted).toBe(0);
    expect(run.mailbox.created).toHaveLength(1);
    expect(run.sheet.cell(2, 'Draft')).toMatch(/^Application check-in · due 2026-12-01 · draft r-/);
  });

  it('draft: onlyRowKeys limits drafting to those rows', () => {
    const run = aRun(aTracker([aRow(), aRow({ Company: 'Gamma', 'Recruiter email': 'al@gamma.example' })]));
    const result = runFollowUps(run.deps, { kind: 'draft', onlyRowKeys: ['gamma|engineer|al@gamma.example'] });
    expect(result.drafted).toBe(1);
    expect(run.mailbox.created.map((d) => d.to)).toEqual(['al@gamma.example']);
  });

  it('preview: reads Gmail as a draft run would, and changes nothing in the sheet, the store or Gmail', () => {
    const run = twoRows();
    const before = snapshot(run);
    const result = runFollowUps(run.deps, { kind: 'preview' });
    expect(run.mailbox.calls).toContain('liveDrafts');
    expect(run.mailbox.calls).not.toContain('createDraft');
    expect(snapshot(run)).toEqual(before);
    expect(result.rows.map((r) => [r.company, r.status])).toEqual([
      ['Acme', 'overdue'],
      ['Beta', 'upcoming'],
    ]);
  });

  it('check: scores the sheet in memory only — no Gmail call, nothing written', () => {
    const run = twoRows();
    const before = snapshot(run);
    const result = runFollowUps(run.deps, { kind: 'check' });
    expect(run.mailbox.calls).toEqual([]);
    expect(snapshot(run)).toEqual(before);
    expect(result.rows.map((r) => r.action)).toEqual(['application-check-in', 'application-check-in']);
  });

  it('skip: defers the row to the day chosen and writes the record; refused when the row has nothing to skip', () => {
    const run = twoRows();
    const until = fromIso('2026-12-20')!;
    const result = runFollowUps(run.deps, { kind: 'skip', rowKey: 'acme|engineer|jo@acme.example', until });
    expect(result.refused).toBeUndefined();
    expect(run.sheet.cell(2, 'Draft')).toBe('Application check-in · due 2026-12-01 · skipped until 2026-12-20');
    expect(run.mailbox.calls).not.toContain('createDraft');
    const refused = runFollowUps(run.deps, { kind: 'skip', rowKey: 'nobody|none|x@y.example', until });
    expect(refused.refused).toBe(say.skip.nothingToSkip);
  });

  it('skip: refused while a live draft covers the follow-up', () => {
    const run = twoRows();
    runFollowUps(run.deps, { kind: 'draft' });
    const until = fromIso('2026-12-20')!;
    const result = runFollowUps(run.deps, { kind: 'skip', rowKey: 'acme|engineer|jo@acme.example', until });
    expect(result.refused).toBe(say.skip.alreadyDrafted('Acme', 'Application check-in'));
    expect(run.sheet.cell(2, 'Draft')).toMatch(/draft r-/);
  });

  it('says what to do when Gmail is off, and still scores the sheet', () => {
    const run = twoRows({ gmail: false });
    const result = runFollowUps(run.deps, { kind: 'draft' });
    expect(result.mustAct).toEqual([say.GMAIL_OFF]);
    expect(run.sheet.cell(2, 'Follow-up status')).toBe('Overdue · 6 days');
  });

  it('drafts nothing until the user has a name, and says so', () => {
    const run = twoRows({ settings: { yourName: '' } });
    const result = runFollowUps(run.deps, { kind: 'draft' });
    expect(result.mustAct).toEqual([say.NO_NAME]);
    expect(run.mailbox.calls).toEqual([]);
  });

  it('finds no tracker in a workbook without a Company header, and writes nothing', () => {
    const run = aRun(aTracker([{ Name: 'x' }], { name: 'Sheet1' }));
    const before = snapshot(run);
    const result = runFollowUps(run.deps, { kind: 'score' });
    expect(result.found).toBe(false);
    expect(result.mustAct).toEqual([say.noTracker('')]);
    expect(snapshot(run)).toEqual(before);
  });

  it('draft: records the draft an interrupted run made, found by its Message-ID, instead of drafting again', () => {
    const run = twoRows();
    const made = run.mailbox.createDraft({
      fromName: 'Sam Lee',
      fromAddress: ME,
      to: 'jo@acme.example',
      toName: 'Jo Park',
      subject: 'My application',
      text: '',
      html: '',
      rfcMessageId: '<dead.1.followup@example.com>',
    });
    run.store.set(
      journalBatch(batchKey(1, 1), [
        {
          rowKey: 'acme|engineer|jo@acme.example',
          action: 'application-check-in',
          due: fromIso('2026-12-01')!,
          made: fromIso('2026-12-07')!,
          draftId: null,
          messageId: '',
          rfcMessageId: '<dead.1.followup@example.com>',
          to: 'jo@acme.example',
          subject: 'My application',
          threadId: null,
        },
      ]),
    );
    const result = runFollowUps(run.deps, { kind: 'draft' });
    expect(result.drafted).toBe(0);
    expect(run.mailbox.created).toHaveLength(1);
    expect(result.notes).toContain(say.recoveredDrafts(1));
    expect(run.sheet.cell(2, 'Draft')).toBe(
      `Application check-in · due 2026-12-01 · draft ${made.draftId} made 2026-12-07`,
    );
    expect(run.store.keys('journal.')).toEqual([]);
  });

  it('reports a refused sheet write and keeps the drafts made in the journal for the next run', () => {
    const run = twoRows();
    const original = run.sheet.read.bind(run.sheet);
    run.sheet.read = () => ({
      ...original(),
      writeColumns() {
        throw new Error('Service Spreadsheets failed');
      },
    });
    const result = runFollowUps(run.deps, { kind: 'draft' });
    expect(result.drafted).toBe(1);
    expect(result.mustAct).toEqual([say.notSaved('Service Spreadsheets failed', 1)]);
    const [kept] = run.store.keys('journal.');
    expect(run.store.keys('journal.')).toHaveLength(1);
    expect(JSON.parse(run.store.values[kept!]!)).toMatchObject([
      { rowKey: 'acme|engineer|jo@acme.example', action: 'application-check-in', draftId: expect.any(String) },
    ]);
  });
});
