/** Every method name the emulator's fakes charge has a call kind in emulator/latency-kinds.ts, and kinds are priced. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRoundTrip, LATENCY_NAMES, LATENCY_TABLES, LatencyModel, latencyTable } from '../../emulator/latency';
import { CLASSIFIED, callKind } from '../../emulator/latency-kinds';

const ROOT = join(__dirname, '../../emulator');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !/latency/.test(name) ? [path] : [];
  });
}

/** `Class.method` names a fake charges: literal arguments, and `Class.${m}` templates expanded by their callers. */
function chargedNames(): Set<string> {
  const names = new Set<string>();
  const literal = /(?:charge|local|call|begin|refuseSend)\((?:\s*'[A-Za-z]+',)?\s*'((?:[A-Z]\w*\.)+[a-z]\w*)'/g;
  const template = /private (\w+)\(method: string[^)]*\)[^{]*\{\s*this\.ctx\.charge\(`(\w+)\.\$\{method\}`/g;
  for (const path of sources(ROOT)) {
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(literal)) names.add(m[1]!);
    for (const m of text.matchAll(template)) {
      for (const call of text.matchAll(new RegExp(`this\\.${m[1]}\\(\\s*'(\\w+)'`, 'g')))
        names.add(`${m[2]}.${call[1]}`);
    }
  }
  return names;
}

describe('call kinds', () => {
  test('every method name the fakes charge is classified', () => {
    const names = chargedNames();
    expect(names.size).toBeGreaterThan(150);
    const unclassified = [...names].filter((n) => !CLASSIFIED.has(n));
    expect(unclassified).toEqual([]);
  });

  test('an unclassified method throws instead of being priced by a default', () => {
    expect(() => callKind('Range.getSomethingNew')).toThrow(/no kind for Range.getSomethingNew/);
  });

  test.each([
    ['Range.offset', 'builder'],
    ['Sheet.getRange', 'builder'],
    ['SpreadsheetApp.newConditionalFormatRule', 'builder'],
    ['Range.getValues', 'batch-read'],
    ['Range.setValues', 'batch-write'],
    ['Sheet.getLastRow', 'metadata-read'],
    ['Range.getValue', 'cell-read'],
    ['SpreadsheetApp.flush', 'flush'],
    ['Gmail.Users.Drafts.create', 'draft-write'],
    ['Gmail.Users.Threads.get', 'gmail-call'],
    ['Properties.getProperty', 'properties-get'],
    ['Properties.setProperty', 'properties-set'],
    ['Lock.tryLock', 'lock'],
    ['ScriptApp.getProjectTriggers', 'script-app'],
    ['Utilities.formatDate', 'in-process'],
  ])('%s is %s', (method, kind) => {
    expect(callKind(method)).toBe(kind);
  });
});

describe('latency tables', () => {
  test('three tables, central the default; optimistic ≤ central ≤ pessimistic for every figure', () => {
    expect(LATENCY_NAMES).toEqual(['optimistic', 'central', 'pessimistic']);
    const { optimistic, central, pessimistic } = LATENCY_TABLES;
    for (const key of Object.keys(central.figures) as (keyof typeof central.figures)[]) {
      expect(optimistic.figures[key]).toBeLessThanOrEqual(central.figures[key]);
      expect(central.figures[key]).toBeLessThanOrEqual(pessimistic.figures[key]);
    }
    expect(() => latencyTable('fast')).toThrow(
      'unknown latency table "fast"; use one of optimistic, central, pessimistic',
    );
  });

  test('builders are free and no round trip; a write is paid again by the next read as a commit', () => {
    const model = new LatencyModel(latencyTable('central'));
    const f = LATENCY_TABLES.central.figures;
    expect(isRoundTrip('builder')).toBe(false);
    expect(isRoundTrip('batch-read')).toBe(true);
    expect(model.price('builder', 0)).toEqual({ ms: 0, committed: false });
    expect(model.price('batch-write', 10).ms).toBeCloseTo(f.sheetsWriteMs + 10 * f.sheetsWritePerCellMs);
    const read = model.price('batch-read', 5);
    expect(read.committed).toBe(true);
    expect(read.ms).toBeCloseTo(
      f.sheetsRoundTripMs + 5 * f.sheetsReadPerCellMs + f.sheetsCommitMs + 10 * f.sheetsCommitPerCellMs,
    );
    expect(model.price('batch-read', 5)).toEqual({
      ms: f.sheetsRoundTripMs + 5 * f.sheetsReadPerCellMs,
      committed: false,
    });
    expect(model.settle()).toEqual({ ms: 0, committed: false });
  });
});
