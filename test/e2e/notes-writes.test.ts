/** The Follow-up status notes are written when they change, never again unchanged; sorting the rows rewrites them. */
import { sampleCsv, sampleMessages, type World, world } from './harness';

const TODAY = '2026-11-25';

function notesCalls(w: World, handler = 'draftFollowUps'): number {
  const before = w.emulator.runtime.methodCalls['Range.setNotes'] ?? 0;
  expect(w.run(handler).ok).toBe(true);
  return (w.emulator.runtime.methodCalls['Range.setNotes'] ?? 0) - before;
}

/** The note of the Follow-up status cell in a company's row. */
function noteOf(w: World, company: string): string {
  const sheet = w.emulator.state.spreadsheet.sheets[0]!;
  const header = sheet.cells.values[0]!.indexOf('Follow-up status');
  const row = sheet.cells.values.findIndex((r) => r?.[0] === company);
  return sheet.cells.notes[row]?.[header] ?? '';
}

function sample(): World {
  return world({ today: TODAY, csv: sampleCsv(), messages: sampleMessages(TODAY) });
}

describe('Follow-up status notes', () => {
  it('are written by the first run and not again by a rerun that changes none of them', () => {
    const w = sample();
    expect(notesCalls(w)).toBe(1);
    const notes = w.rows().map((r) => noteOf(w, r.company));
    expect(notes.some((n) => n !== '')).toBe(true);
    w.emulator.runtime.advance(60_000);
    expect(notesCalls(w)).toBe(0);
    expect(w.rows().map((r) => noteOf(w, r.company))).toEqual(notes);
  });

  it('are rewritten when the rows move (a sort), so each note stays with its row', () => {
    const w = sample();
    notesCalls(w);
    const before = new Map(w.rows().map((r) => [r.company, noteOf(w, r.company)]));
    const values = w.emulator.state.spreadsheet.sheets[0]!.cells;
    // The person sorts the sheet in reverse: every cell of a row moves with it, notes included.
    for (const grid of [values.values, values.formulas, values.formats, values.notes, values.backgrounds]) {
      const body = grid.slice(1, values.values.length).reverse();
      grid.splice(1, body.length, ...body);
    }
    w.emulator.runtime.advance(60_000);
    expect(notesCalls(w)).toBe(1);
    for (const [company, note] of before) expect(noteOf(w, company)).toBe(note);
  });

  it('a note of the user in another managed column survives a run that writes the status notes', () => {
    const w = sample();
    notesCalls(w);
    const sheet = w.emulator.state.spreadsheet.sheets[0]!;
    const column = sheet.cells.values[0]!.indexOf('Next follow-up');
    sheet.cells.notes[2] ??= [];
    sheet.cells.notes[2]![column] = 'ask Dana about the timeline';
    expect(notesCalls(w, 'scoreApplications')).toBe(1);
    expect(sheet.cells.notes[2]?.[column]).toBe('ask Dana about the timeline');
  });

  it('Score rows always rewrites them', () => {
    const w = sample();
    notesCalls(w);
    expect(notesCalls(w, 'scoreApplications')).toBe(1);
  });
});
