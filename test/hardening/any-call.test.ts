/**
 * A fault at any call of a draft run, then a clean run: the two must come to exactly what one run without faults
 * makes — the same live drafts and the same user cells (the recording writes of docs/RULES.md §5 included). Random
 * faults of four kinds by fast-check, and every call in turn for the transient fault that once lost a recording: a
 * Spreadsheet read between finding a sent thank-you and queueing its "Thank-you sent" write.
 */
import fc from 'fast-check';
import type { CallInfo } from '../../emulator/runtime';
import { SHEET, sampleCsv, sampleMessages, world } from '../e2e/harness';
import { Fuzz, faultFor, MAY_FAIL_THE_RUN, runs, SEED, type SheetPlan } from './model';

const TODAY = '2026-11-25';
const SETTINGS = { yourName: 'Alex Doe', skipWeekends: false };

/**
 * once: that call fails; service-down: that call and every later call of the same service fail (Gmail down, Sheets
 * failing); from-then-on: every later call fails; time-limit: the run passes 6 minutes at that call.
 */
type FaultKind = 'once' | 'service-down' | 'from-then-on' | 'time-limit';

/** The sample as a generated plan (every cell typed, a "Fuzz id" column added), for the invariants of model.ts. */
function samplePlan(): SheetPlan {
  const w = world({ csv: sampleCsv(), messages: sampleMessages(TODAY), settings: SETTINGS });
  const values = w.emulator.displayValues(SHEET);
  const idColumn = values[0]!.length;
  const grid = values.map((line, r) => [
    ...line.map((v) => ({ typed: v })),
    { text: r === 0 ? 'Fuzz id' : `row ${r}` },
  ]);
  return {
    timeZone: 'Europe/London',
    locale: 'en_GB',
    settings: SETTINGS,
    grid,
    idColumn,
    messages: sampleMessages(TODAY),
  };
}

/** Sets a scenario up to just before the run under test: day 1 drafts and sends them, or a fresh tracker. */
function prepare(plan: SheetPlan, scenario: 'fresh' | 'after-sending'): Fuzz {
  const fuzz = new Fuzz(plan);
  if (scenario === 'after-sending') {
    fuzz.step({ t: 'draft' });
    fuzz.step({ t: 'send' });
    fuzz.step({ t: 'day', days: 8 });
  }
  return fuzz;
}

/** (row id, action) of every live draft: what "every due row ends with exactly one draft" compares. */
function liveDraftKeys(fuzz: Fuzz): string[] {
  fuzz.checkDrafts();
  return fuzz.em
    .drafts()
    .map((d) => `${fuzz.owners.get(d.id)!.rowId} / ${fuzz.owners.get(d.id)!.action}`)
    .sort();
}

/** The user's own columns, as displayed (the recording rule's writes included). */
function userColumns(fuzz: Fuzz): string[][] {
  const values = fuzz.em.displayValues(SHEET);
  const managed = new Set(['Next follow-up', 'Due', 'Follow-up status', 'Priority', 'Draft']);
  const keep = values[0]!.map((h, i) => (managed.has(h) ? -1 : i)).filter((i) => i >= 0);
  return values.map((row) => keep.map((i) => row[i] ?? ''));
}

describe('a fault at any call of a draft run, then a clean run', () => {
  const plan = samplePlan();
  const tried = { faults: 0, failedRuns: 0 };
  afterAll(() => {
    console.log(`faults: ${tried.faults} injected, ${tried.failedRuns} runs failed outright (allowed calls only)`);
  });

  for (const scenario of ['fresh', 'after-sending'] as const) {
    it(`keeps every invariant and ends with exactly the drafts and records of a run without faults (${scenario})`, () => {
      // The run without faults, twice: what the faulty run and its clean successor must come to.
      const reference = prepare(plan, scenario);
      const countCalls: string[] = [];
      reference.em.runtime.faults.push((call) => {
        countCalls.push(call.method);
        return undefined;
      });
      reference.step({ t: 'draft' });
      reference.em.runtime.faults.length = 0;
      reference.step({ t: 'draft' });
      const expectedDrafts = liveDraftKeys(reference);
      const expectedCells = userColumns(reference);
      expect(expectedDrafts.length).toBeGreaterThan(0);
      expect(countCalls.length).toBeGreaterThan(50);

      fc.assert(
        fc.property(
          fc.nat({ max: countCalls.length - 1 }),
          fc.constantFrom<FaultKind>('once', 'service-down', 'from-then-on', 'time-limit'),
          fc.nat(),
          (index, kind, pick) => {
            tried.faults++;
            const fuzz = prepare(plan, scenario);
            let n = 0;
            /** The last call that failed: after an uncaught error only `finally` code runs, so its error escapes. */
            let hit: CallInfo | null = null;
            let down: string | null = null;
            fuzz.em.runtime.faults.push((call) => {
              const at = n++;
              if (at === index) down = call.service;
              const fails =
                at === index ||
                (at > index && (kind === 'from-then-on' || (kind === 'service-down' && call.service === down)));
              if (!fails) return undefined;
              hit = call;
              if (kind === 'time-limit') {
                fuzz.em.runtime.advance(7 * 60_000);
                return undefined;
              }
              return faultFor(call, pick);
            });
            // The faulty run: any message may show; it may fail outright only from a call allowed to fail it.
            fuzz.tolerate = {
              mayFail: (run) => {
                tried.failedRuns++;
                const first = hit as CallInfo | null;
                if (kind === 'time-limit') return run.error === 'Exceeded maximum execution time';
                return MAY_FAIL_THE_RUN.test(first?.method ?? '') && run.error === faultFor(first!, pick);
              },
            };
            fuzz.step({ t: 'draft' });
            fuzz.em.runtime.faults.length = 0;
            // The clean run: every invariant, and the same outcome as without the fault.
            fuzz.tolerate = null;
            fuzz.step({ t: 'draft' });
            expect(liveDraftKeys(fuzz)).toEqual(expectedDrafts);
            expect(userColumns(fuzz)).toEqual(expectedCells);
          },
        ),
        { seed: SEED, numRuns: runs(60) },
      );
    });
  }
});

describe('a transient fault at each call in turn, after the user sent their drafts', () => {
  it('never loses a recording: the clean run after it records every send', () => {
    const plan = samplePlan();
    const reference = prepare(plan, 'after-sending');
    const methods: string[] = [];
    reference.em.runtime.faults.push((call) => {
      methods.push(call.method);
      return undefined;
    });
    reference.step({ t: 'draft' });
    reference.em.runtime.faults.length = 0;
    reference.step({ t: 'draft' });
    const expectedCells = userColumns(reference);
    const lost: string[] = [];
    for (const [index, method] of methods.entries()) {
      const fuzz = prepare(plan, 'after-sending');
      let n = 0;
      let hit: CallInfo | null = null;
      fuzz.em.runtime.faults.push((call) => {
        if (n++ !== index) return undefined;
        hit = call;
        return faultFor(call, 0);
      });
      fuzz.tolerate = {
        mayFail: (run) => MAY_FAIL_THE_RUN.test(hit?.method ?? '') && run.error === faultFor(hit!, 0),
      };
      fuzz.step({ t: 'draft' });
      fuzz.em.runtime.faults.length = 0;
      fuzz.tolerate = null;
      fuzz.step({ t: 'draft' });
      if (JSON.stringify(userColumns(fuzz)) !== JSON.stringify(expectedCells)) lost.push(`${index} ${method}`);
    }
    expect(methods.length).toBeGreaterThan(50);
    expect(lost).toEqual([]);
  });
});
