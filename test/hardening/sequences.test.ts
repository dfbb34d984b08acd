/**
 * Generated trackers (arbitrary headers and hostile cells) driven through generated sequences of runs and of what a
 * person and Google do in between; every invariant of model.ts is checked after every step.
 */
import fc from 'fast-check';
import { Fuzz, runs, SEED, sheetPlanArb, stepArb } from './model';

const tried = { sheets: 0, steps: 0, drafts: 0 };
const kinds: Record<string, number> = {};

afterAll(() => {
  const byKind = Object.entries(kinds)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(
    `hardening: ${tried.sheets} generated sheets, ${tried.steps} steps (${byKind}), ${tried.drafts} drafts checked`,
  );
});

describe('generated trackers and action sequences', () => {
  it('keep every invariant after every step', () => {
    fc.assert(
      fc.property(sheetPlanArb, fc.array(stepArb, { minLength: 4, maxLength: 16, size: 'max' }), (plan, steps) => {
        const fuzz = new Fuzz(plan);
        fuzz.checkDrafts();
        for (const step of steps) fuzz.step(step);
        tried.sheets++;
        tried.steps += fuzz.steps;
        tried.drafts += fuzz.owners.size;
        for (const [k, n] of Object.entries(fuzz.kinds)) kinds[k] = (kinds[k] ?? 0) + n;
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });
});
