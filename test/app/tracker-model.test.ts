/** The run's model of the tracker through an in-memory sheet: row keys, recording writes, formulas left alone. */
import { formulaNotWritten } from '../../src/app/messages';
import { fromIso } from '../../src/core/dates';
import { aRow, aRun, aTracker, day } from './ports';
import { stagesOf } from './stages';

const D = (iso: string) => fromIso(iso)!;

describe('TrackerModel', () => {
  it('keys each application by company, role and contact; the same application twice gets #2', () => {
    const run = aRun(aTracker([aRow(), aRow({ Company: 'Beta' }), aRow(), { Company: '' }]));
    const { model } = stagesOf(run);
    expect(model.rows.map((r) => [r.sheetRow, r.key])).toEqual([
      [2, 'acme|engineer|jo@acme.example'],
      [3, 'beta|engineer|jo@acme.example'],
      [4, 'acme|engineer|jo@acme.example#2'],
    ]);
    expect(model.dataRows).toBe(4);
    expect(model.byKey('beta|engineer|jo@acme.example')?.sheetRow).toBe(3);
  });

  it('records a write into the grid and the cell journal notes, and the verdict follows the recorded fact', () => {
    const run = aRun(aTracker([aRow({ 'Heard back': '' })]));
    const { model } = stagesOf(run);
    const row = model.rows[0]!;
    expect(row.evaluation.action).toBe('application-check-in');
    model.record(row, [{ row: 2, column: 'heardBack', update: { kind: 'date', date: D('2026-12-05') } }]);
    expect(model.cells(2)[model.headers.columns.heardBack!]).toEqual(day('2026-12-05'));
    expect(model.cellNotes.get(row.key)).toEqual([{ column: 'heardBack', from: '', to: expect.any(String) }]);
    expect(row.evaluation.action).toBeNull();
    expect(run.sheet.cell(2, 'Heard back')).toBe('');
  });

  it('never writes into a formula: the write is dropped and the user is told which cell', () => {
    const sheet = aTracker([aRow({ 'Heard back': '' })]);
    sheet.setFormula(2, sheet.grid[0]!.indexOf('Heard back'), '=IF(B2="","",TODAY())', '');
    const run = aRun(sheet);
    const { model, notes } = stagesOf(run);
    model.record(model.rows[0]!, [{ row: 2, column: 'heardBack', update: { kind: 'date', date: D('2026-12-05') } }]);
    expect(model.writes).toEqual([]);
    expect(notes).toContain(formulaNotWritten('Heard back', 2));
  });

  it('appends a missing column to the grid when recording needs it (write-back adds it to the sheet)', () => {
    const run = aRun(aTracker([aRow()]));
    const { model } = stagesOf(run);
    model.record(model.rows[0]!, [{ row: 2, column: 'heardBack', update: { kind: 'date', date: D('2026-12-05') } }]);
    expect(model.newHeaders).toEqual(['Heard back']);
    expect(model.values[0]).toContain('Heard back');
    expect(run.sheet.grid[0]).not.toContain('Heard back');
  });

  it('finishes a recording write an interrupted run noted, but not one the user has changed since', () => {
    const run = aRun(aTracker([aRow({ 'Heard back': '' }), aRow({ Company: 'Beta', 'Heard back': 'call Jo' })]));
    const first = stagesOf(run).model;
    const write = { column: 'heardBack', update: { kind: 'date', date: D('2026-12-05') } } as const;
    first.record(first.rows[0]!, [{ row: 2, ...write }]);
    const noted = first.cellNotes.get(first.rows[0]!.key)!;
    const { model } = stagesOf(run);
    model.recoverCells([
      { key: 'journal.cells.a', rowKey: 'acme|engineer|jo@acme.example', notes: noted },
      { key: 'journal.cells.b', rowKey: 'beta|engineer|jo@acme.example', notes: noted },
    ]);
    expect(model.writes).toEqual([{ row: 2, ...write }]);
  });
});
