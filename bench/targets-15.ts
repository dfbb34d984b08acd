/** The targets of issue 15 as ratios to their floors, priced by the latency table the bench ran with. */
import type { LatencyFigures } from '../emulator/latency';
import type { AddonResult, RunMeasure } from './jobs';

export interface Verdict {
  pass: boolean;
  text: string;
}

/** The Gmail floor of drafting: one draft create per draft (ms). */
export function draftFloorMs(drafts: number, f: LatencyFigures): number {
  return drafts * f.draftWriteMs;
}

/**
 * The Gmail floor of the next-day run: one Gmail read per sent draft it must find to record, plus one create per
 * draft that fell due that day (ms). A harsher floor than one list per run, because a list gives ids only and a
 * recording needs the message's date.
 */
export function nextDayFloorMs(sent: number, f: LatencyFigures, drafts = 0): number {
  return sent * f.gmailCallMs + draftFloorMs(drafts, f);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function sum(runs: readonly RunMeasure[], pick: (r: RunMeasure) => number): number {
  return runs.reduce((total, r) => total + pick(r), 0);
}

/** Drafting at scale: every draft in ≤ 2 runs, total modeled time ≤ 1.2 × the draft floor + 60 s. */
export function draftingVerdict(big: AddonResult, f: LatencyFigures): Verdict {
  const total = sum(big.runs, (r) => r.modeledMs);
  const drafts = sum(big.runs, (r) => r.drafted);
  const floor = draftFloorMs(drafts, f);
  const limit = 1.2 * floor + 60_000;
  return {
    pass: big.runs.length <= 2 && big.totalDrafts === big.expectedDrafts && total <= limit,
    text:
      `${big.rows.toLocaleString('en-US')} rows, ${big.due} due: ${big.runs.length} runs (≤ 2), ${s(total)} modeled ` +
      `≤ 1.2 × floor ${s(floor)} + 60 s = ${s(limit)} (ratio to floor ${(total / Math.max(floor, 1)).toFixed(2)}×)`,
  };
}

/** Properties calls per draft across the runs that drafted: ≤ 0.2. */
export function propertiesVerdict(big: AddonResult): Verdict {
  const calls = sum(big.runs, (r) => r.roundTrips.PropertiesService ?? 0);
  const drafts = Math.max(
    1,
    sum(big.runs, (r) => r.drafted),
  );
  const perDraft = calls / drafts;
  return {
    pass: perDraft <= 0.2,
    text: `Properties round trips per draft: ${calls} / ${drafts} = ${perDraft.toFixed(2)} (≤ 0.2)`,
  };
}

/** The steady same-day rerun: ≤ 30 modeled s. */
export function steadyVerdict(big: AddonResult): Verdict {
  return {
    pass: big.steady.modeledMs <= 30_000,
    text: `steady same-day rerun at ${big.rows.toLocaleString('en-US')} rows: ${s(big.steady.modeledMs)} (≤ 30 s)`,
  };
}

/** The next-day run after every draft was sent: ≤ 1.2 × its Gmail floor + 30 s. */
export function nextDayVerdict(big: AddonResult, f: LatencyFigures): Verdict {
  const floor = nextDayFloorMs(big.nextDay.sentBefore, f, big.nextDay.drafted);
  const limit = 1.2 * floor + 30_000;
  return {
    pass: big.nextDay.modeledMs <= limit,
    text:
      `next-day run (${big.nextDay.sentBefore} sent, ${big.nextDay.drafted} newly due drafted): ${s(big.nextDay.modeledMs)} ≤ 1.2 × Gmail floor ${s(floor)} ` +
      `+ 30 s = ${s(limit)}`,
  };
}

/** The first run's one-time set-up: Spreadsheet round trips ≤ 25. */
export function firstRunVerdict(big: AddonResult): Verdict {
  const trips = big.runs[0]?.roundTrips.SpreadsheetApp ?? 0;
  return {
    pass: trips <= 25,
    text: `first run on a fresh sheet (one-time set-up included): ${trips} Spreadsheet round trips (≤ 25)`,
  };
}

/** Every issue-15 target that needs the 10,000-row add-on result. */
export function scaleVerdicts(big: AddonResult, f: LatencyFigures): Verdict[] {
  return [
    draftingVerdict(big, f),
    propertiesVerdict(big),
    steadyVerdict(big),
    nextDayVerdict(big, f),
    firstRunVerdict(big),
  ];
}

/** What the typical-script comparison needs of a run (modeled ms and drafts made). */
type Timed = Pick<RunMeasure, 'modeledMs' | 'drafted'>;

function times(a: number, b: number): string {
  return `${(a / Math.max(b, 1)).toFixed(1)}×`;
}

/**
 * The add-on against the typical script at the same size, run by run. The verdict is the same-day rerun, where
 * neither makes a draft: the first run's ratio cannot exceed typical ÷ draft floor (both make the same drafts,
 * 800 ms each on the central table), so it is printed beside that bound instead of judged (docs/DECISIONS.md).
 */
export function typicalVerdict(
  rows: number,
  addon: { first: Timed; steady: Timed; nextDay: Timed },
  typical: { first: Timed; steady: Timed; nextDay: Timed },
  f: LatencyFigures,
): Verdict {
  const bound = typical.first.modeledMs / Math.max(draftFloorMs(typical.first.drafted, f), 1);
  return {
    pass: typical.steady.modeledMs >= 10 * addon.steady.modeledMs,
    text:
      `at ${rows.toLocaleString('en-US')} rows the typical script's same-day rerun takes ≥ 10× the add-on's: ` +
      `${s(typical.steady.modeledMs)} / ${s(addon.steady.modeledMs)} = ${times(typical.steady.modeledMs, addon.steady.modeledMs)}; ` +
      `first run ${s(typical.first.modeledMs)} / ${s(addon.first.modeledMs)} = ${times(typical.first.modeledMs, addon.first.modeledMs)} ` +
      `(at most ${bound.toFixed(1)}× for any script making the same ${typical.first.drafted} drafts); ` +
      `next day ${s(typical.nextDay.modeledMs)} / ${s(addon.nextDay.modeledMs)} = ${times(typical.nextDay.modeledMs, addon.nextDay.modeledMs)}`,
  };
}
