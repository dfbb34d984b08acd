/** The issue-15 bench targets: floors from the latency table and each verdict's threshold. */

import type { AddonResult, AddonRun, RunMeasure } from '../../bench/jobs';
import { draftFloorMs, nextDayFloorMs, scaleVerdicts, typicalVerdict } from '../../bench/targets-15';
import { LATENCY_TABLES } from '../../emulator/latency';

const F = LATENCY_TABLES.central.figures;

function run(modeledMs: number, drafted: number, sheets: number, properties: number): AddonRun {
  const m: RunMeasure = {
    ok: true,
    modeledMs,
    cpuMs: 0,
    heapMB: 0,
    calls: {},
    roundTrips: { SpreadsheetApp: sheets, PropertiesService: properties },
    builderCalls: {},
    methods: {},
    drafted,
  };
  return m as AddonRun;
}

function result(runs: AddonRun[], steadyMs: number, nextDayMs: number): AddonResult {
  return {
    kind: 'add-on',
    rows: 10_000,
    due: 500,
    replied: 0,
    expectedDrafts: 500,
    runs,
    steady: run(steadyMs, 0, 8, 1),
    nextDay: { ...run(nextDayMs, 0, 8, 1), sentBefore: 500 },
    totalDrafts: runs.reduce((n, r) => n + r.drafted, 0),
    duplicateDrafts: 0,
    missingDrafts: 0,
    journalLeft: 0,
  };
}

describe('floors', () => {
  test('the Gmail floor is one create per draft; the next-day floor one read per sent draft', () => {
    expect(draftFloorMs(500, F)).toBe(500 * F.draftWriteMs);
    expect(nextDayFloorMs(500, F)).toBe(500 * F.gmailCallMs);
    // Drafts that fell due that day are made that day: one create each on top of the reads.
    expect(nextDayFloorMs(500, F, 40)).toBe(500 * F.gmailCallMs + 40 * F.draftWriteMs);
  });
});

describe('the typical script', () => {
  const t = (modeledMs: number, drafted = 0) => ({ modeledMs, drafted });
  test.each([
    ['10× on the same-day rerun holds', 100_000, 10_000, true],
    ['just under 10× fails', 99_999, 10_000, false],
  ])('%s', (_name, typicalSteady, addonSteady, pass) => {
    const verdict = typicalVerdict(
      1_000,
      { first: t(40_000, 40), steady: t(addonSteady), nextDay: t(20_000) },
      { first: t(150_000, 40), steady: t(typicalSteady), nextDay: t(120_000) },
      F,
    );
    expect(verdict.pass).toBe(pass);
    // The first run's bound: typical ÷ (40 drafts × the create price).
    expect(verdict.text).toContain(`at most ${(150_000 / (40 * F.draftWriteMs)).toFixed(1)}×`);
  });
});

describe('verdicts', () => {
  const floor = 500 * F.draftWriteMs;
  test.each([
    [
      'at the limit, every target holds',
      [run(1.2 * floor + 60_000, 500, 25, 100)],
      30_000,
      1.2 * 500 * F.gmailCallMs + 30_000,
      [true, true, true, true, true],
    ],
    [
      'three runs fail drafting',
      [run(1000, 200, 10, 1), run(1000, 200, 10, 1), run(1000, 100, 10, 1)],
      0,
      0,
      [false, true, true, true, true],
    ],
    [
      '1 ms over on every limit',
      [run(1.2 * floor + 60_001, 500, 26, 101)],
      30_001,
      1.2 * 500 * F.gmailCallMs + 30_001,
      [false, false, false, false, false],
    ],
  ])('%s', (_name, runs, steadyMs, nextDayMs, expected) => {
    expect(scaleVerdicts(result(runs, steadyMs, nextDayMs), F).map((v) => v.pass)).toEqual(expected);
  });
});
