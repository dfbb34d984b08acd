/** Evaluating a parsed Sheets formula, with Google Sheets' semantics (see formula.ts for the language). */

import { formatGeneralNumber } from './format';
import { FormulaError, type FVal, type Node, type RefNode } from './formula';
import { isDateCell } from './state';
import { toSerial } from './time';

export interface EvalContext {
  /** A cell's computed value on a sheet (null = the formula's own sheet); null for an empty cell. */
  cell(sheet: string | null, row: number, col: number): FVal;
  timeZone: string;
  locale: string;
  /** How far relative references move (a conditional format evaluated at another cell of its range). */
  dRow: number;
  dCol: number;
}

const VALUE = new FormulaError('#VALUE!');
const REF = new FormulaError('#REF!');

function refPosition(ref: RefNode, ctx: EvalContext): { row: number; col: number } | null {
  const row = ref.rowAbs ? ref.row : ref.row + ctx.dRow;
  const col = ref.colAbs ? ref.col : ref.col + ctx.dCol;
  return row < 1 || col < 1 ? null : { row, col };
}

function readRef(ref: RefNode, ctx: EvalContext): FVal {
  const p = refPosition(ref, ctx);
  return p ? ctx.cell(ref.sheet, p.row, p.col) : REF;
}

function rangeValues(node: Node, ctx: EvalContext): FVal[] {
  if (node.t === 'range') {
    const a = refPosition(node.from, ctx);
    const b = refPosition(node.to, ctx);
    if (!a || !b) return [REF];
    const out: FVal[] = [];
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(ctx.cell(node.from.sheet, r, c));
    }
    return out;
  }
  return [evaluate(node, ctx)];
}

function toNumber(v: FVal, ctx: EvalContext): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    if (v.trim() === '') return 0;
    const n = Number(v.trim());
    return Number.isFinite(n) ? n : VALUE;
  }
  return toSerial(v.d, ctx.timeZone);
}

function toText(v: FVal, ctx: EvalContext): string | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return formatGeneralNumber(v, ctx.locale);
  return formatGeneralNumber(toSerial(v.d, ctx.timeZone), ctx.locale);
}

function toBool(v: FVal, ctx: EvalContext): boolean | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const u = v.trim().toUpperCase();
    if (u === 'TRUE') return true;
    if (u === 'FALSE') return false;
    return VALUE;
  }
  const n = toNumber(v, ctx);
  return n instanceof FormulaError ? n : n !== 0;
}

function rank(v: number | string | boolean): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/** Sheets' comparison: blank is "" or 0 or FALSE as the other side needs; numbers < text < booleans; text ignores case. */
export function compareValues(a: FVal, b: FVal, timeZone: string): number | FormulaError {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  let x: number | string | boolean | null = isDateCell(a) ? toSerial(a.d, timeZone) : a;
  let y: number | string | boolean | null = isDateCell(b) ? toSerial(b.d, timeZone) : b;
  if (x === null && y === null) return 0;
  if (x === null) x = typeof y === 'number' ? 0 : typeof y === 'boolean' ? false : '';
  if (y === null) y = typeof x === 'number' ? 0 : typeof x === 'boolean' ? false : '';
  const rx = rank(x);
  const ry = rank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === 'number') return x - (y as number);
  if (typeof x === 'boolean') return Number(x) - Number(y);
  const lx = (x as string).toLowerCase();
  const ly = (y as string).toLowerCase();
  return lx < ly ? -1 : lx > ly ? 1 : 0;
}

function arithmetic(op: string, a: FVal, b: FVal, ctx: EvalContext): FVal {
  const x = toNumber(a, ctx);
  if (x instanceof FormulaError) return x;
  const y = toNumber(b, ctx);
  if (y instanceof FormulaError) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? new FormulaError('#DIV/0!') : x / y;
    default: {
      const p = x ** y;
      return Number.isFinite(p) ? p : new FormulaError('#NUM!');
    }
  }
}

const regexCache = new Map<string, RegExp | null>();

/** RE2 patterns as JavaScript ones; a leading (?i) becomes the i flag. */
function regexOf(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re === undefined) {
    let source = pattern;
    let flags = '';
    const inline = /^\(\?([ims]+)\)/.exec(source);
    if (inline) {
      source = source.slice(inline[0].length);
      flags = inline[1]!;
    }
    try {
      re = new RegExp(source, flags);
    } catch {
      re = null;
    }
    regexCache.set(pattern, re);
  }
  return re;
}

function textArg(args: Node[], i: number, ctx: EvalContext): string | FormulaError {
  const node = args[i];
  return node ? toText(evaluate(node, ctx), ctx) : VALUE;
}

function numberArg(args: Node[], i: number, ctx: EvalContext, fallback: number): number | FormulaError {
  const node = args[i];
  if (!node) return fallback;
  return toNumber(evaluate(node, ctx), ctx);
}

function callFunction(name: string, args: Node[], ctx: EvalContext): FVal {
  const arity = (min: number, max: number): boolean => args.length >= min && args.length <= max;
  switch (name) {
    case 'HYPERLINK': {
      if (!arity(1, 2)) return new FormulaError('#N/A');
      const url = evaluate(args[0]!, ctx);
      if (url instanceof FormulaError) return url;
      return args.length === 2 ? evaluate(args[1]!, ctx) : url;
    }
    case 'LEFT':
    case 'RIGHT': {
      if (!arity(1, 2)) return new FormulaError('#N/A');
      const s = textArg(args, 0, ctx);
      const n = numberArg(args, 1, ctx, 1);
      if (s instanceof FormulaError) return s;
      if (n instanceof FormulaError) return n;
      if (n < 0) return VALUE;
      const k = Math.floor(n);
      return name === 'LEFT' ? s.slice(0, k) : k === 0 ? '' : s.slice(-k);
    }
    case 'MID': {
      if (!arity(3, 3)) return new FormulaError('#N/A');
      const s = textArg(args, 0, ctx);
      const start = numberArg(args, 1, ctx, 1);
      const len = numberArg(args, 2, ctx, 0);
      if (s instanceof FormulaError) return s;
      if (start instanceof FormulaError) return start;
      if (len instanceof FormulaError) return len;
      if (start < 1 || len < 0) return VALUE;
      return s.substr(Math.floor(start) - 1, Math.floor(len));
    }
    case 'LEN':
    case 'LOWER':
    case 'UPPER':
    case 'TRIM': {
      if (!arity(1, 1)) return new FormulaError('#N/A');
      const s = textArg(args, 0, ctx);
      if (s instanceof FormulaError) return s;
      if (name === 'LEN') return s.length;
      if (name === 'LOWER') return s.toLowerCase();
      if (name === 'UPPER') return s.toUpperCase();
      return s.replace(/ +/g, ' ').trim();
    }
    case 'REGEXMATCH': {
      if (!arity(2, 2)) return new FormulaError('#N/A');
      const v = evaluate(args[0]!, ctx);
      if (v instanceof FormulaError) return v;
      // Sheets: "Function REGEXMATCH parameter 1 expects text values" for numbers, booleans and dates.
      if (v !== null && typeof v !== 'string') return VALUE;
      const pattern = textArg(args, 1, ctx);
      if (pattern instanceof FormulaError) return pattern;
      const re = regexOf(pattern);
      if (!re) return new FormulaError('#REF!');
      return re.test(v ?? '');
    }
    case 'AND':
    case 'OR': {
      if (args.length === 0) return new FormulaError('#N/A');
      let seen = false;
      let result = name === 'AND';
      for (const a of args) {
        for (const v of rangeValues(a, ctx)) {
          if (v instanceof FormulaError) return v;
          if (v === null || (a.t === 'range' && typeof v === 'string')) continue;
          const b = toBool(v, ctx);
          if (b instanceof FormulaError) return b;
          seen = true;
          result = name === 'AND' ? result && b : result || b;
        }
      }
      return seen ? result : VALUE;
    }
    case 'NOT': {
      if (!arity(1, 1)) return new FormulaError('#N/A');
      const b = toBool(evaluate(args[0]!, ctx), ctx);
      return b instanceof FormulaError ? b : !b;
    }
    case 'ISBLANK': {
      if (!arity(1, 1)) return new FormulaError('#N/A');
      return evaluate(args[0]!, ctx) === null;
    }
    case 'ISERROR':
    case 'ISNUMBER':
    case 'ISTEXT': {
      if (!arity(1, 1)) return new FormulaError('#N/A');
      const v = evaluate(args[0]!, ctx);
      if (name === 'ISERROR') return v instanceof FormulaError;
      if (name === 'ISNUMBER') return typeof v === 'number' || isDateCell(v);
      return typeof v === 'string';
    }
    case 'IF': {
      if (!arity(2, 3)) return new FormulaError('#N/A');
      const cond = toBool(evaluate(args[0]!, ctx), ctx);
      if (cond instanceof FormulaError) return cond;
      if (cond) return evaluate(args[1]!, ctx);
      return args[2] ? evaluate(args[2], ctx) : false;
    }
    case 'IFERROR': {
      if (!arity(1, 2)) return new FormulaError('#N/A');
      const v = evaluate(args[0]!, ctx);
      if (!(v instanceof FormulaError)) return v;
      return args[1] ? evaluate(args[1], ctx) : '';
    }
    case 'CONCATENATE': {
      let out = '';
      for (const a of args) {
        for (const v of rangeValues(a, ctx)) {
          const s = toText(v, ctx);
          if (s instanceof FormulaError) return s;
          out += s;
        }
      }
      return out;
    }
    default:
      return new FormulaError('#NAME?');
  }
}

export function evaluate(node: Node, ctx: EvalContext): FVal {
  switch (node.t) {
    case 'num':
      return node.v;
    case 'str':
      return node.v;
    case 'bool':
      return node.v;
    case 'err':
      return new FormulaError(node.v);
    case 'blank':
      return null;
    case 'ref':
      return readRef(node, ctx);
    case 'range': {
      const values = rangeValues(node, ctx);
      return values.length === 1 ? values[0]! : VALUE;
    }
    case 'name':
      return new FormulaError('#NAME?');
    case 'call':
      return callFunction(node.name, node.args, ctx);
    case 'un': {
      const v = toNumber(evaluate(node.a, ctx), ctx);
      if (v instanceof FormulaError) return v;
      return node.op === '-' ? -v : node.op === '%' ? v / 100 : v;
    }
    case 'bin': {
      const a = evaluate(node.a, ctx);
      const b = evaluate(node.b, ctx);
      switch (node.op) {
        case '&': {
          const x = toText(a, ctx);
          if (x instanceof FormulaError) return x;
          const y = toText(b, ctx);
          return y instanceof FormulaError ? y : x + y;
        }
        case '=':
        case '<>':
        case '<':
        case '>':
        case '<=':
        case '>=': {
          const c = compareValues(a, b, ctx.timeZone);
          if (c instanceof FormulaError) return c;
          if (node.op === '=') return c === 0;
          if (node.op === '<>') return c !== 0;
          if (node.op === '<') return c < 0;
          if (node.op === '>') return c > 0;
          if (node.op === '<=') return c <= 0;
          return c >= 0;
        }
        default:
          return arithmetic(node.op, a, b, ctx);
      }
    }
    default:
      return VALUE;
  }
}

/** A conditional format's formula is satisfied by TRUE or a non-zero number. */
export function isSatisfied(v: FVal): boolean {
  return v === true || (typeof v === 'number' && v !== 0);
}
