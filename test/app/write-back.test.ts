/** Write-back through in-memory ports: only the add-on's columns and the docs/RULES.md §5 recording are written. */
import { runFollowUps } from '../../src/app/followups';
import * as say from '../../src/app/messages';
import type { CellValue } from '../../src/core/cells';
import { aMailbox, aRow, aRun, aTracker, DAY_MS, day, ME, NOW } from './ports';

const SENT_CELL = 'Application check-in · due 2026-12-01 · draft r-9 made 2026-12-02';

function columnsOf(grid: CellValue[][], headers: string[]): CellValue[][] {
  return grid.map((row) => headers.map((h) => row[grid[0]!.indexOf(h)]));
}

describe('writeBack', () => {
  it('writes the managed columns and the sent recording, and leaves every other cell and formula as it was', () => {
    const mailbox = aMailbox();
    mailbox.add({ from: [ME], to: ['jo@acme.example'], internalDate: NOW - 2 * DAY_MS, labelIds: ['SENT'] });
    const sheet = aTracker(
      [
        aRow({ Notes: 'met at fair', 'Last follow-up': '', 'Follow-ups sent': '', Draft: SENT_CELL }),
        aRow({ Company: 'Beta', 'Recruiter email': 'kim@beta.example', Notes: '', Applied: day('2026-12-04') }),
      ],
      { marked: true },
    );
    sheet.setFormula(3, sheet.grid[0]!.indexOf('Notes'), '=UPPER(A3)', 'BETA');
    const user = ['Company', 'Role', 'Status', 'Applied', 'Recruiter', 'Recruiter email', 'Notes'];
    const before = columnsOf(sheet.grid, user);
    const run = aRun(sheet, { mailbox });
    const result = runFollowUps(run.deps, { kind: 'draft' });
    expect(result.sentRecorded).toBe(1);
    expect(columnsOf(sheet.grid, user)).toEqual(before);
    expect(sheet.formulas.get(`2,${sheet.grid[0]!.indexOf('Notes')}`)).toBe('=UPPER(A3)');
    expect(sheet.cell(2, 'Last follow-up')).toEqual(day('2026-12-05'));
    expect(sheet.cell(2, 'Follow-ups sent')).toBe(1);
    expect(sheet.cell(2, 'Draft')).toBe('Application check-in · due 2026-12-01 · sent 2026-12-05');
    const allowed = new Set(
      ['Last follow-up', 'Follow-ups sent', 'Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft'].map((h) =>
        sheet.grid[0]!.indexOf(h),
      ),
    );
    for (const batch of sheet.batches) {
      for (let c = batch.column; c < batch.column + batch.width; c++) expect(allowed.has(c)).toBe(true);
    }
    expect(run.store.keys('journal.')).toEqual([]);
  });

  it('adds the column recording needs (first, as sync records before write-back) and the managed ones, dates formatted', () => {
    const mailbox = aMailbox();
    mailbox.add({ from: ['jo@acme.example'], to: [ME], internalDate: NOW - 2 * DAY_MS, subject: 'Thanks' });
    const run = aRun(aTracker([aRow()]), { mailbox });
    const result = runFollowUps(run.deps, { kind: 'draft' });
    expect(result.replies).toBe(1);
    const headers = run.sheet.grid[0]!;
    const added = ['Heard back', 'Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft'];
    expect(headers.slice(6)).toEqual(added);
    expect(run.sheet.cell(2, 'Heard back')).toEqual(day('2026-12-05'));
    expect(run.sheet.formats.get(String(headers.indexOf('Heard back')))).toBe('yyyy-mm-dd');
    expect(run.sheet.formats.get(String(headers.indexOf('Due')))).toBe('yyyy-mm-dd');
    expect(result.notes).toContain(say.columnsAdded(added));
    expect(run.mailbox.created).toEqual([]);
  });

  it('leaves text in the Draft cell of a row that is not an application untouched', () => {
    const sheet = aTracker([aRow(), { Company: '', Draft: 'v2 cover letter' }]);
    sheet.marks.set('draft', [sheet.grid[0]!.indexOf('Draft')]);
    const run = aRun(sheet);
    runFollowUps(run.deps, { kind: 'draft' });
    expect(sheet.cell(3, 'Draft')).toBe('v2 cover letter');
    expect(sheet.cell(2, 'Draft')).toMatch(/^Application check-in · due 2026-12-01 · draft r-/);
  });
});
