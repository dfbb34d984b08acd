/** Sorting rows as Sheets does: by one or more columns, moving every layer of the cells in the sorted columns. */
import { rewriteReferences } from './formula';
import { cellValue } from './model';
import {
  type GridRange,
  isDateCell,
  layerNames,
  type SheetState,
  type SpreadsheetState,
  type StoredValue,
} from './state';

/** One sort key: an absolute 1-based column and its direction. */
export interface SortKey {
  column: number;
  ascending: boolean;
}

const ERROR_TEXT = /^#(REF!|NAME\?|VALUE!|N\/A|DIV\/0!|NUM!|ERROR!)$/;

/** Numbers and dates, then text, then booleans, then errors; blanks (4) always last. */
function sortRank(v: StoredValue): number {
  if (v === null) return 4;
  if (typeof v === 'number' || isDateCell(v)) return 0;
  if (typeof v === 'string') return v.startsWith('#') && ERROR_TEXT.test(v) ? 3 : 1;
  return 2;
}

function compareOne(x: StoredValue, y: StoredValue, ascending: boolean): number {
  const rx = sortRank(x);
  const ry = sortRank(y);
  if (rx === 4 || ry === 4) return rx === ry ? 0 : rx === 4 ? 1 : -1;
  const dir = ascending ? 1 : -1;
  if (rx !== ry) return (rx - ry) * dir;
  if (typeof x === 'string' && typeof y === 'string') {
    const lx = x.toLowerCase();
    const ly = y.toLowerCase();
    return (lx < ly ? -1 : lx > ly ? 1 : 0) * dir;
  }
  const nx = isDateCell(x) ? x.d / 86_400_000 + 25_569 : Number(x);
  const ny = isDateCell(y) ? y.d / 86_400_000 + 25_569 : Number(y);
  return (nx - ny) * dir;
}

/**
 * Sorts the rows of `area` by `keys` (the first key first; ties keep their order), moving the value, formula,
 * formats, note and validation of every cell in the area's columns; cells outside those columns stay. Numbers and
 * dates come before text (case-insensitive), then booleans; blanks always last. Relative row references of moved
 * formulas follow their row. Callers check protections and merges first.
 */
export function sortArea(state: SpreadsheetState, sheet: SheetState, area: GridRange, keys: SortKey[]): void {
  if (area.numRows < 2 || keys.length === 0) return;
  const from = area.row - 1;
  const rows = Array.from({ length: area.numRows }, (_, i) => ({
    index: from + i,
    values: keys.map((k) => cellValue(state, sheet, from + i, k.column - 1)),
  }));
  rows.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const order = compareOne(a.values[k]!, b.values[k]!, keys[k]!.ascending);
      if (order !== 0) return order;
    }
    return a.index - b.index;
  });
  if (rows.every((r, i) => r.index === from + i)) return;
  const c0 = area.col - 1;
  const c1 = c0 + area.numCols;
  const wholeRows = c0 === 0 && c1 >= sheet.maxColumns;
  for (const name of layerNames()) {
    const grid = sheet.cells[name] as (unknown[] | null)[];
    const old = grid
      .slice(from, from + area.numRows)
      .map((line) => (wholeRows ? line : line ? line.slice(c0, c1) : null));
    for (let i = 0; i < rows.length; i++) {
      const src = old[rows[i]!.index - from] ?? null;
      if (wholeRows) grid[from + i] = src;
      else placeCells(grid, from + i, c0, area.numCols, src);
    }
  }
  const formulas = sheet.cells.formulas;
  for (let i = 0; i < rows.length; i++) {
    const delta = from + i - rows[i]!.index;
    const row = formulas[from + i];
    if (!row || delta === 0) continue;
    for (let c = c0; c < Math.min(c1, row.length); c++) {
      const f = row[c];
      if (f === null || f === undefined) continue;
      row[c] = rewriteReferences(f, (ref) => {
        const moved = ref.rowAbs ? ref.row : ref.row + delta;
        return moved < 1 ? null : { row: moved, col: ref.col };
      });
    }
  }
}

/** Writes `count` cells of `src` (null: empty) into row `r` from column index `c0`. */
function placeCells(grid: (unknown[] | null)[], r: number, c0: number, count: number, src: unknown[] | null): void {
  let line = grid[r] ?? null;
  for (let j = 0; j < count; j++) {
    const v = src?.[j] ?? null;
    if (v === null) {
      if (line && c0 + j < line.length) line[c0 + j] = null;
      continue;
    }
    if (!line) {
      line = [];
      grid[r] = line;
    }
    line[c0 + j] = v;
  }
}
