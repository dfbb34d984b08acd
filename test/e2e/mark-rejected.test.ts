/**
 * The preview's "Mark as rejected" (docs/RULES.md §5) through the built add-on and the emulator: a hiring system's
 * rejection puts the row in the preview with the flag and the day; the server function writes the Status cell of
 * that row and nothing else of the user's; the next run reads the row as closed. And its refusals, each writing
 * nothing: no Status column, a formula in Status, a list validation without a value that reads as rejected, a
 * protected Status cell.
 */
import type { MailboxFileMessage } from '../../emulator/gmail';
import { protectAgainstUser } from '../../emulator/spreadsheet';
import { internValidation } from '../../emulator/spreadsheet/model';
import { findSheet, gridSet } from '../../emulator/spreadsheet/state';
import type { Preview } from '../../src/core/pages';
import { type CellSpec, nextDay, SHEET, type World, world } from './harness';

const HEADER = ['Company', 'Role', 'Status', 'Applied', 'Recruiter', 'Recruiter email', 'Heard back', 'Notes'];

/** Brightwave applied 2026-11-02 and was turned down by Lever on the 15th; Quillstone's check-in is due today. */
function rows(status: CellSpec = { typed: 'Applied' }): CellSpec[][] {
  return [
    ['Brightwave', 'Platform Engineer', status, '2026-11-02', 'Lee Adams', 'lee@brightwave.example', '', 'keep me'],
    ['Quillstone', 'Data Engineer', 'Applied', '2026-11-02', 'Kai Moss', 'kai@quillstone.example', '', ''],
  ].map((line) => line.map((c) => (typeof c === 'string' ? { typed: c } : c)));
}

const REJECTION: MailboxFileMessage = {
  id: 'rej',
  threadId: 'rej-t',
  from: 'Brightwave Recruiting <no-reply@hire.lever.co>',
  to: ['alex@example.com'],
  cc: [],
  date: '2026-11-15T14:00:00Z',
  subject: 'Your application to Brightwave',
  text: 'Thank you for your interest. After review, we will not be moving forward with your application.',
  labels: ['INBOX'],
};

function tracker(header: string[] = HEADER, grid: CellSpec[][] = rows()): World {
  return world({
    today: '2026-11-18',
    timeZone: 'America/New_York',
    locale: 'en_US',
    grid: [header.map((typed) => ({ typed })), ...grid],
    messages: [REJECTION],
  });
}

/** Every cell of the tracker, attribute by attribute (values, formulas, formats, notes, validations…), by A1-ish key. */
function cells(w: World): Map<string, string> {
  const sheet = findSheet(w.emulator.state.spreadsheet, SHEET)!;
  const out = new Map<string, string>();
  for (const [attribute, grid] of Object.entries(sheet.cells)) {
    (grid as unknown[][]).forEach((line, r) => {
      (line ?? []).forEach((value, c) => {
        if (value !== null && value !== undefined) out.set(`${attribute} r${r + 1} c${c + 1}`, JSON.stringify(value));
      });
    });
  }
  return out;
}

/** The cells that differ between two snapshots, as `key: before → after`. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.filter((k) => before.get(k) !== after.get(k)).map((k) => `${k}: ${before.get(k)} → ${after.get(k)}`);
}

function preview(w: World): Preview {
  const result = w.run('getPreview');
  if (!result.ok) throw new Error(result.error);
  return result.value as Preview;
}

function brightwaveKey(w: World): string {
  const row = preview(w).rows.find((r) => r.company === 'Brightwave');
  if (!row) throw new Error('Brightwave is not in the preview');
  return row.rowKey;
}

/** Gives the Status cell of Brightwave's row (row 2) a validation: a list of values unless `criteria` says otherwise. */
function validateStatus(w: World, values: string[], criteria: 'VALUE_IN_LIST' | 'CHECKBOX' = 'VALUE_IN_LIST'): void {
  const sheet = findSheet(w.emulator.state.spreadsheet, SHEET)!;
  const index = internValidation(sheet, {
    criteria,
    values,
    showDropdown: true,
    allowInvalid: false,
    helpText: null,
  });
  gridSet(sheet.cells.validations, 1, HEADER.indexOf('Status'), index as never);
}

describe('Mark as rejected', () => {
  it('lists a rejected row after the due rows with its flag and day; marking it writes Rejected in its Status cell and nothing else of the user’s; the next run reads it closed and drafts nothing for it', () => {
    const w = tracker();
    w.run('draftFollowUps');
    expect(w.cell('Brightwave', 'Follow-up status')).toBe(
      'Waiting · looks like a rejection on 2026-11-15: set Status to Rejected',
    );
    const listed = preview(w).rows.map((r) => [r.company, r.mayMarkRejected, r.rejectedOn, r.action]);
    expect(listed).toEqual([
      ['Quillstone', false, '', 'application-check-in'],
      ['Brightwave', true, '2026-11-15', ''],
    ]);

    const before = cells(w);
    const draftsBefore = w.emulator.drafts().length;
    const marked = w.run('markRejected', [brightwaveKey(w)]);
    expect(marked).toMatchObject({ ok: true });
    const answer = marked.value as Preview;
    expect(answer.message).toBe('Brightwave marked as rejected.');
    expect(answer.rows.map((r) => r.company)).toEqual(['Quillstone']);
    expect(w.emulator.drafts()).toHaveLength(draftsBefore);
    // The Status cell, and the add-on's own Follow-up status and Priority of the row: the row is closed now.
    const column = (header: string) => w.emulator.displayValues(SHEET)[0]!.indexOf(header) + 1;
    expect(changed(before, cells(w))).toEqual(
      [
        `values r2 c${column('Follow-up status')}: "Waiting · looks like a rejection on 2026-11-15: set Status to Rejected" → "Closed"`,
        `values r2 c${column('Priority')}: 10 → 0`,
        `values r2 c${column('Status')}: "Applied" → "Rejected"`,
      ].sort(),
    );

    nextDay(w, '2026-11-25');
    const drafts = w.emulator.drafts().length;
    expect(w.run('draftFollowUps')).toMatchObject({ ok: true });
    expect(w.row('Brightwave')).toMatchObject({ action: null, status: 'closed' });
    expect(w.cell('Brightwave', 'Follow-up status')).toBe('Closed');
    expect(w.emulator.drafts().filter((d) => d.to.includes('lee@brightwave.example'))).toHaveLength(0);
    expect(w.emulator.drafts().length).toBe(drafts);
    expect(preview(w).rows.some((r) => r.company === 'Brightwave')).toBe(false);
  });

  it('with a list validation on Status, writes the allowed value that reads as rejected, as the user spelt it', () => {
    const w = tracker();
    validateStatus(w, ['Applied', 'Interviewing', 'Offer', 'Not selected']);
    const marked = w.run('markRejected', [brightwaveKey(w)]);
    expect(marked).toMatchObject({ ok: true });
    expect((marked.value as Preview).message).toBe('Brightwave marked as rejected (Status: Not selected).');
    expect(w.cell('Brightwave', 'Status')).toBe('Not selected');
    expect(w.row('Brightwave')).toMatchObject({ action: null, status: 'closed' });
  });

  describe('refuses, saying what to fix, and writes nothing', () => {
    function refused(w: World, key: string): string {
      const before = cells(w);
      const result = w.run('markRejected', [key]);
      expect(result.ok).toBe(false);
      expect(changed(before, cells(w))).toEqual([]);
      return result.error ?? '';
    }

    it('when the sheet has no Status column (and none is added)', () => {
      const header = HEADER.filter((h) => h !== 'Status');
      const grid = rows().map((line) => line.filter((_, i) => i !== HEADER.indexOf('Status')));
      const w = tracker(header, grid);
      const key = brightwaveKey(w);
      expect(refused(w, key)).toBe(
        'The tracker has no Status column, so Brightwave could not be marked as rejected: add a column headed Status (then the add-on can write Rejected there), or type the outcome in your own column.',
      );
      expect(w.emulator.displayValues(SHEET)[0]).not.toContain('Status');
    });

    it('when the Status cell holds a formula', () => {
      const w = tracker(HEADER, rows({ formula: '="Applied"' }));
      expect(w.cell('Brightwave', 'Status')).toBe('Applied');
      expect(refused(w, brightwaveKey(w))).toBe(
        "Brightwave's Status (row 2) holds a formula, so the add-on did not write into it: change what the formula reads, or replace it with the word Rejected yourself.",
      );
    });

    it('when the Status validation allows no value that reads as rejected (an Offer is never written)', () => {
      const w = tracker();
      validateStatus(w, ['Applied', 'Interviewing', 'Offer', 'Withdrawn']);
      expect(refused(w, brightwaveKey(w))).toBe(
        `Brightwave's Status cell only takes "Applied", "Interviewing", "Offer" and "Withdrawn" (its data validation), and none of these says the application was turned down: add "Rejected" to the validation's list (Data › Data validation), then press Mark as rejected again.`,
      );
    });

    it('when the Status cell has a validation that takes no text (a checkbox)', () => {
      const w = tracker();
      validateStatus(w, [], 'CHECKBOX');
      expect(refused(w, brightwaveKey(w))).toBe(
        `Brightwave's Status cell has a data validation that does not accept the text "Rejected" (a checkbox, a date or a number rule, say), so nothing was changed: set the validation to a dropdown that includes "Rejected" or to no rule (Data › Data validation), then press Mark as rejected again.`,
      );
    });

    it('when the Status cell is protected', () => {
      const w = tracker();
      protectAgainstUser(w.emulator.state.spreadsheet, SHEET, 'C2');
      expect(refused(w, brightwaveKey(w))).toBe(
        'Brightwave was not marked as rejected: the column Status, row 2, is protected: in Data › Protect sheets and ranges, let yourself edit it or remove the protection of Status.',
      );
    });

    it('when the row is gone or already closed', () => {
      const w = tracker();
      expect(refused(w, 'no such row')).toMatch(/^That row is no longer in the tracker/);
      const key = brightwaveKey(w);
      expect(w.run('markRejected', [key])).toMatchObject({ ok: true });
      expect(refused(w, key)).toBe(
        `Brightwave's Status already says "Rejected", which closes the application: nothing was changed.`,
      );
    });
  });
});
