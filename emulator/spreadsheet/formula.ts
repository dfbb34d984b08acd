/**
 * A small Sheets formula engine: the subset cell formulas and conditional-format rules of the add-on use.
 * Literals, cell references with `$` anchors (relative ones shift for conditional formats), ranges as function
 * arguments, `= <> < > <= >= & + - * / ^ %`, and the functions in FUNCTIONS. Semantics follow Google Sheets:
 * string comparison ignores case, numbers < text < booleans, a blank cell equals "" and 0.
 */

import { formatGeneralNumber } from './format';
import { type DateCell, isDateCell } from './state';
import { toSerial } from './time';

/** A formula error value (`#NAME?`, `#VALUE!`, `#REF!`, `#N/A`, `#DIV/0!`, `#ERROR!`). */
export class FormulaError {
  constructor(readonly code: string) {}
}

/** What formulas compute with: null is a blank cell. */
export type FVal = number | string | boolean | DateCell | null | FormulaError;

export interface RefNode {
  t: 'ref';
  sheet: string | null;
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

export type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string }
  | { t: 'blank' }
  | RefNode
  | { t: 'range'; from: RefNode; to: RefNode }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'name'; name: string }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node };

/** Functions the engine evaluates. */
export const FUNCTIONS = new Set([
  'HYPERLINK',
  'LEFT',
  'RIGHT',
  'MID',
  'LEN',
  'LOWER',
  'UPPER',
  'TRIM',
  'REGEXMATCH',
  'AND',
  'OR',
  'NOT',
  'ISBLANK',
  'IF',
  'IFERROR',
  'ISERROR',
  'ISNUMBER',
  'ISTEXT',
  'CONCATENATE',
]);

// ---------------------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { k: 'num'; v: number; s: number; e: number }
  | { k: 'str'; v: string; s: number; e: number }
  | { k: 'ref'; ref: RefNode; s: number; e: number; prefixEnd: number }
  | { k: 'ident'; v: string; s: number; e: number }
  | { k: 'err'; v: string; s: number; e: number }
  | { k: 'op'; v: string; s: number; e: number }
  | { k: 'eof'; s: number; e: number };

class ParseError extends Error {}

const REF_RE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const NUM_RE = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;
const RUN_RE = /[A-Za-z0-9_.$]+/y;
const ERR_RE = /#(?:REF!|NAME\?|VALUE!|N\/A|DIV\/0!|NUM!|NULL!|ERROR!)/y;
const OPS = ['<=', '>=', '<>', '=', '<', '>', '&', '+', '-', '*', '/', '^', '%', '(', ')', ',', ':'];

function refOf(text: string, sheet: string | null): RefNode | null {
  const m = REF_RE.exec(text);
  if (!m) return null;
  let col = 0;
  for (const ch of m[2]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[4]);
  if (row < 1) return null;
  return { t: 'ref', sheet, row, col, rowAbs: m[3] === '$', colAbs: m[1] === '$' };
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const s = i;
    if (ch === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new ParseError('unterminated string');
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i];
        i++;
      }
      tokens.push({ k: 'str', v, s, e: i });
      continue;
    }
    if (ch === "'") {
      // 'Sheet name'!A1
      let name = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new ParseError('unterminated sheet name');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            name += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += src[i];
        i++;
      }
      if (src[i] !== '!') throw new ParseError('a quoted name must be a sheet name');
      const prefixEnd = i + 1;
      RUN_RE.lastIndex = prefixEnd;
      const m = RUN_RE.exec(src);
      const ref = m ? refOf(m[0], name) : null;
      if (!m || !ref) throw new ParseError('expected a cell reference after the sheet name');
      i = prefixEnd + m[0].length;
      tokens.push({ k: 'ref', ref, s, e: i, prefixEnd });
      continue;
    }
    if (ch === '#') {
      ERR_RE.lastIndex = i;
      const m = ERR_RE.exec(src);
      if (!m) throw new ParseError('unknown error literal');
      i += m[0].length;
      tokens.push({ k: 'err', v: m[0], s, e: i });
      continue;
    }
    if ((ch >= '0' && ch <= '9') || ch === '.') {
      NUM_RE.lastIndex = i;
      const m = NUM_RE.exec(src);
      // A run such as 2A is not a number: fall through to names below.
      const after = m ? src[i + m[0].length] : undefined;
      if (m && !(after !== undefined && /[A-Za-z_$]/.test(after))) {
        i += m[0].length;
        tokens.push({ k: 'num', v: Number(m[0]), s, e: i });
        continue;
      }
    }
    RUN_RE.lastIndex = i;
    const run = RUN_RE.exec(src);
    if (run) {
      const word = run[0];
      i += word.length;
      if (src[i] === '!') {
        const prefixEnd = i + 1;
        RUN_RE.lastIndex = prefixEnd;
        const m = RUN_RE.exec(src);
        const ref = m ? refOf(m[0], word) : null;
        if (!m || !ref) throw new ParseError('expected a cell reference after the sheet name');
        i = prefixEnd + m[0].length;
        tokens.push({ k: 'ref', ref, s, e: i, prefixEnd });
        continue;
      }
      const ref = refOf(word, null);
      let j = i;
      while (src[j] === ' ') j++;
      if (ref && src[j] !== '(') tokens.push({ k: 'ref', ref, s, e: i, prefixEnd: s });
      else tokens.push({ k: 'ident', v: word, s, e: i });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ParseError(`unexpected character ${ch}`);
    i += op.length;
    tokens.push({ k: 'op', v: op, s, e: i });
  }
  tokens.push({ k: 'eof', s: src.length, e: src.length });
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------
// Parser

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) throw new ParseError(`expected ${v}`);
    this.pos++;
  }

  parseFormula(): Node {
    const node = this.comparison();
    if (this.peek().k !== 'eof') throw new ParseError('unexpected text after the formula');
    return node;
  }

  private binary(next: () => Node, ops: string[]): Node {
    let left = next();
    for (;;) {
      const t = this.peek();
      if (t.k !== 'op' || !ops.includes(t.v)) return left;
      this.pos++;
      left = { t: 'bin', op: t.v, a: left, b: next() };
    }
  }

  private comparison(): Node {
    return this.binary(() => this.concat(), ['=', '<>', '<', '>', '<=', '>=']);
  }

  private concat(): Node {
    return this.binary(() => this.additive(), ['&']);
  }

  private additive(): Node {
    return this.binary(() => this.multiplicative(), ['+', '-']);
  }

  private multiplicative(): Node {
    return this.binary(() => this.power(), ['*', '/']);
  }

  private power(): Node {
    return this.binary(() => this.unary(), ['^']);
  }

  private unary(): Node {
    if (this.isOp('-') || this.isOp('+')) {
      const op = (this.peek() as { v: string }).v;
      this.pos++;
      return { t: 'un', op, a: this.unary() };
    }
    let node = this.primary();
    while (this.isOp('%')) {
      this.pos++;
      node = { t: 'un', op: '%', a: node };
    }
    return node;
  }

  private primary(): Node {
    const t = this.peek();
    this.pos++;
    switch (t.k) {
      case 'num':
        return { t: 'num', v: t.v };
      case 'str':
        return { t: 'str', v: t.v };
      case 'err':
        return { t: 'err', v: t.v };
      case 'ref': {
        if (this.isOp(':')) {
          this.pos++;
          const end = this.peek();
          if (end.k !== 'ref') throw new ParseError('expected a cell reference after :');
          this.pos++;
          return { t: 'range', from: t.ref, to: { ...end.ref, sheet: end.ref.sheet ?? t.ref.sheet } };
        }
        return t.ref;
      }
      case 'ident': {
        if (this.isOp('(')) {
          this.pos++;
          const args: Node[] = [];
          if (!this.isOp(')')) {
            for (;;) {
              if (this.isOp(',') || this.isOp(')')) args.push({ t: 'blank' });
              else args.push(this.comparison());
              if (this.isOp(',')) {
                this.pos++;
                continue;
              }
              break;
            }
          }
          this.expectOp(')');
          return { t: 'call', name: t.v.toUpperCase(), args };
        }
        const upper = t.v.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { t: 'bool', v: upper === 'TRUE' };
        return { t: 'name', name: t.v };
      }
      case 'op':
        if (t.v === '(') {
          const inner = this.comparison();
          this.expectOp(')');
          return inner;
        }
        throw new ParseError(`unexpected ${t.v}`);
      default:
        throw new ParseError('the formula ends too early');
    }
  }
}

export interface CompiledFormula {
  ast: Node | null;
  /** Why the formula does not parse (its cell shows #ERROR!). */
  parseError: string | null;
  /** Functions it calls that the engine does not know, upper-case. */
  unknownFunctions: string[];
  /** True when no reference has a relative column (the result is the same across a row). */
  columnInvariant: boolean;
}

const compiled = new Map<string, CompiledFormula>();

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  switch (node.t) {
    case 'range':
      visit(node.from);
      visit(node.to);
      break;
    case 'call':
      for (const a of node.args) walk(a, visit);
      break;
    case 'un':
      walk(node.a, visit);
      break;
    case 'bin':
      walk(node.a, visit);
      walk(node.b, visit);
      break;
    default:
      break;
  }
}

/** Parses a formula (with or without its leading `=`), cached by text. */
export function compileFormula(formula: string): CompiledFormula {
  let c = compiled.get(formula);
  if (c) return c;
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  try {
    const ast = new Parser(tokenize(body)).parseFormula();
    const unknown = new Set<string>();
    let columnInvariant = true;
    walk(ast, (n) => {
      if (n.t === 'call' && !FUNCTIONS.has(n.name)) unknown.add(n.name);
      if (n.t === 'ref' && !n.colAbs) columnInvariant = false;
    });
    c = { ast, parseError: null, unknownFunctions: [...unknown], columnInvariant };
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    c = { ast: null, parseError: error.message, unknownFunctions: [], columnInvariant: true };
  }
  if (compiled.size > 100_000) compiled.clear();
  compiled.set(formula, c);
  return c;
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation

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

// ---------------------------------------------------------------------------------------------------------
// Reference rewriting (rows or columns inserted, deleted or moved)

export interface RefLocation {
  sheet: string | null;
  row: number;
  col: number;
  rowAbs: boolean;
  colAbs: boolean;
}

/**
 * Rewrites every cell reference of a formula: `move` returns the new position, or null when the referenced cell
 * is gone (the reference becomes #REF!). Formulas that do not parse are returned unchanged.
 */
export function rewriteReferences(
  formula: string,
  move: (ref: RefLocation) => { row: number; col: number } | null,
): string {
  const offset = formula.startsWith('=') ? 1 : 0;
  let tokens: Token[];
  try {
    tokens = tokenize(formula.slice(offset));
  } catch {
    return formula;
  }
  let out = formula.slice(0, offset);
  let last = 0;
  const body = formula.slice(offset);
  for (const t of tokens) {
    if (t.k !== 'ref') continue;
    const to = move(t.ref);
    out += body.slice(last, t.s);
    if (to === null) out += '#REF!';
    else {
      let letters = '';
      let n = to.col;
      while (n > 0) {
        const rem = (n - 1) % 26;
        letters = String.fromCharCode(65 + rem) + letters;
        n = Math.floor((n - 1) / 26);
      }
      out += `${body.slice(t.s, t.prefixEnd)}${t.ref.colAbs ? '$' : ''}${letters}${t.ref.rowAbs ? '$' : ''}${to.row}`;
    }
    last = t.e;
  }
  return out + body.slice(last);
}
