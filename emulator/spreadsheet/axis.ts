/** Column and row operations (insert, delete, move) as index maps, shared by everything that must follow them. */

/**
 * One structural change along an axis, 1-based: `insert` puts `count` new indices at `at` (old indices from `at`
 * on shift up); `delete` removes `count` indices from `start`; `move` takes `count` indices from `start` to before
 * old index `dest` (`Sheet.moveColumns` semantics: `dest` counts in the coordinates before the move).
 */
export type AxisOp =
  | { kind: 'insert'; at: number; count: number }
  | { kind: 'delete'; start: number; count: number }
  | { kind: 'move'; start: number; count: number; dest: number };

/** Where an old index ends up, or null when it is deleted. */
export function mapIndex(op: AxisOp, i: number): number | null {
  switch (op.kind) {
    case 'insert':
      return i >= op.at ? i + op.count : i;
    case 'delete': {
      const end = op.start + op.count - 1;
      if (i < op.start) return i;
      return i > end ? i - op.count : null;
    }
    case 'move': {
      const end = op.start + op.count - 1;
      if (op.dest > end + 1) {
        if (i >= op.start && i <= end) return i + (op.dest - 1 - end);
        return i > end && i < op.dest ? i - op.count : i;
      }
      if (op.dest < op.start) {
        if (i >= op.start && i <= end) return i - (op.start - op.dest);
        return i >= op.dest && i < op.start ? i + op.count : i;
      }
      return i;
    }
  }
}

/**
 * Where a span [s, e] ends up, or null when all of it is deleted: an insert inside it widens it, a delete
 * shortens it, a move gives the smallest span holding every one of its indices after the move.
 */
export function mapSpan(op: AxisOp, s: number, e: number): [number, number] | null {
  switch (op.kind) {
    case 'insert':
      if (s >= op.at) return [s + op.count, e + op.count];
      return e >= op.at ? [s, e + op.count] : [s, e];
    case 'delete': {
      const end = op.start + op.count - 1;
      const overlap = Math.max(0, Math.min(e, end) - Math.max(s, op.start) + 1);
      const kept = e - s + 1 - overlap;
      if (kept <= 0) return null;
      const first = s < op.start ? s : s > end ? s - op.count : op.start;
      return [first, first + kept - 1];
    }
    case 'move': {
      // mapIndex is increasing between these boundaries, so its extremes over [s, e] lie among them.
      const end = op.start + op.count - 1;
      const points = [s, e, op.start, op.start - 1, end, end + 1, op.dest, op.dest - 1].filter((i) => i >= s && i <= e);
      const moved = points.map((i) => mapIndex(op, i)!);
      return [Math.min(...moved), Math.max(...moved)];
    }
  }
}

/** How many indices the axis gains (negative: loses). */
export function sizeChange(op: AxisOp): number {
  return op.kind === 'insert' ? op.count : op.kind === 'delete' ? -op.count : 0;
}

/** Applies the operation to one row of cells (or one axis of rows): `fill` makes the inserted entries. */
export function permute<T>(line: (T | null)[], op: AxisOp, fill: () => T | null): void {
  switch (op.kind) {
    case 'insert': {
      const at = op.at - 1;
      const fresh = Array.from({ length: op.count }, fill);
      if (line.length > at) line.splice(at, 0, ...fresh);
      else if (fresh.some((v) => v !== null)) for (let k = 0; k < op.count; k++) line[at + k] = fresh[k]!;
      return;
    }
    case 'delete':
      if (line.length >= op.start) line.splice(op.start - 1, op.count);
      return;
    case 'move': {
      const end = op.start + op.count - 1;
      if (op.dest >= op.start && op.dest <= end + 1) return;
      if (line.length === 0) return;
      const need = Math.max(end, op.dest - 1);
      while (line.length < need) line.push(null);
      const block = line.splice(op.start - 1, op.count);
      const at = op.dest > end ? op.dest - 1 - op.count : op.dest - 1;
      line.splice(at, 0, ...block);
      return;
    }
  }
}
