/**
 * A small Sheets formula engine: the subset cell formulas and conditional-format rules of the add-on use.
 * Literals, cell references with `$` anchors (relative ones shift for conditional formats), ranges as function
 * arguments, `= <> < > <= >= & + - * / ^ %`, and the functions in FUNCTIONS. Semantics follow Google Sheets:
 * string comparison ignores case, numbers < text < booleans, a blank cell equals "" and 0.
 */

import { ParseError, type Token, tokenize } from './formula-tokens';
import type { DateCell } from './state';

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
