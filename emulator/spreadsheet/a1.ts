/** A1 notation and 1-based rectangles: parsing, printing and containment. */

/** A 1-based rectangle. */
export interface GridRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Column letters for a 1-based column: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 1-based column number of letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Of(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function a1OfRange(range: GridRange): string {
  const start = a1Of(range.row, range.col);
  if (range.numRows === 1 && range.numCols === 1) return start;
  return `${start}:${a1Of(range.row + range.numRows - 1, range.col + range.numCols - 1)}`;
}

/** Quotes a sheet name for A1 notation when it needs it (`'My sheet'!A1`). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL_PART = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/;

/**
 * Parses A1 notation (`A1`, `A1:C3`, `A:C`, `2:5`, `A2:C`, optionally `Sheet!` or `'My sheet'!` first) into the
 * sheet name (null when absent) and a rectangle within the given sheet size; null when it is not A1 notation.
 */
export function parseA1(
  text: string,
  maxRows: number,
  maxCols: number,
): { sheetName: string | null; range: GridRange } | null {
  let rest = text.trim();
  let sheetName: string | null = null;
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(rest);
  if (quoted) {
    sheetName = quoted[1]!.replace(/''/g, "'");
    rest = quoted[2]!;
  } else {
    const bang = rest.lastIndexOf('!');
    if (bang >= 0) {
      sheetName = rest.slice(0, bang);
      rest = rest.slice(bang + 1);
      if (sheetName === '') return null;
    }
  }
  const parts = rest.split(':');
  if (parts.length > 2 || parts[0] === '') return null;
  const ends = parts.map((p) => {
    const m = CELL_PART.exec(p);
    if (!m || (m[2] === '' && m[4] === '')) return null;
    return { col: m[2] === '' ? null : columnNumber(m[2]!), row: m[4] === '' ? null : Number(m[4]) };
  });
  if (ends.some((e) => e === null)) return null;
  const a = ends[0]!;
  const b = ends[1] ?? a;
  if (parts.length === 1 && (a.col === null || a.row === null)) return null;
  if (a.row === 0 || b.row === 0) return null;
  const r1 = a.row ?? 1;
  const c1 = a.col ?? 1;
  const r2 = b.row ?? maxRows;
  const c2 = b.col ?? maxCols;
  const rowStart = Math.min(r1, r2);
  const colStart = Math.min(c1, c2);
  return {
    sheetName,
    range: {
      row: rowStart,
      col: colStart,
      numRows: Math.max(r1, r2) - rowStart + 1,
      numCols: Math.max(c1, c2) - colStart + 1,
    },
  };
}

export function rangeContains(range: GridRange, row: number, col: number): boolean {
  return row >= range.row && row < range.row + range.numRows && col >= range.col && col < range.col + range.numCols;
}

/** True when two rectangles share at least one cell. */
export function rangesIntersect(a: GridRange, b: GridRange): boolean {
  return (
    a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols
  );
}

/** True when every cell of `inner` lies in `outer`. */
export function rangeWithin(inner: GridRange, outer: GridRange): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}
