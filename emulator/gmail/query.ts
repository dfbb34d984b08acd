/**
 * The subset of Gmail's search language the emulator understands, parsed once (into a `QueryNode`, evaluated by
 * query-match.ts against cached per-message metadata). Anything outside the subset throws
 * `not implemented in the emulator: Gmail query term "..."`, so a test learns at once that the emulator cannot
 * answer it (rather than getting a quietly wrong result).
 *
 * Supported: `from:` `to:` `cc:` `bcc:` (address, `"quoted"`, `@domain`, a word of the address or name, `me`),
 * `in:inbox|sent|drafts|draft|anywhere`, `after:`/`before:` (epoch seconds or yyyy/mm/dd), `rfc822msgid:` (the
 * Message-ID header, with or without angle brackets), `-term`, `OR`, `AND`,
 * juxtaposition (AND), `( ... )` and `{ ... }` (OR group).
 */

import { zonedTimeToUtc } from '../platform/timezone';

export type AddressField = 'from' | 'to' | 'cc' | 'bcc';

export type QueryNode =
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  | { kind: 'address'; field: AddressField; value: string }
  /** Exact addresses of one field, OR-ed (an optimisation of many `from:a@b OR from:c@d`). */
  | { kind: 'addressSet'; field: AddressField; addresses: Set<string> }
  | { kind: 'in'; box: 'inbox' | 'sent' | 'drafts' | 'anywhere' }
  | { kind: 'after' | 'before'; ms: number }
  | { kind: 'msgid'; id: string };

function unsupported(term: string): Error {
  return new Error(`not implemented in the emulator: Gmail query term "${term}"`);
}

type Token =
  | { type: 'open' | 'close' | 'openBrace' | 'closeBrace' | 'or' | 'and' | 'not' }
  | { type: 'term'; text: string; op: string; value: string };

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === '{' || c === '}') {
      tokens.push({ type: c === '(' ? 'open' : c === ')' ? 'close' : c === '{' ? 'openBrace' : 'closeBrace' });
      i++;
      continue;
    }
    if (c === '-' && i + 1 < q.length && !/\s/.test(q[i + 1]!)) {
      tokens.push({ type: 'not' });
      i++;
      continue;
    }
    // A term: op:value, op:"quoted value", a bare word or a "quoted phrase".
    const start = i;
    let op = '';
    let value = '';
    if (c === '"') {
      const end = q.indexOf('"', i + 1);
      i = end < 0 ? q.length : end + 1;
      throw unsupported(q.slice(start, i));
    }
    while (i < q.length && !/[\s(){}":]/.test(q[i]!)) i++;
    if (q[i] === ':') {
      op = q.slice(start, i).toLowerCase();
      i++;
      if (q[i] === '"') {
        const end = q.indexOf('"', i + 1);
        if (end < 0) throw unsupported(q.slice(start));
        value = q.slice(i + 1, end);
        i = end + 1;
      } else if (q[i] === '(' || q[i] === '{') {
        throw unsupported(q.slice(start, i + 1));
      } else {
        const vStart = i;
        while (i < q.length && !/[\s(){}]/.test(q[i]!)) i++;
        value = q.slice(vStart, i);
      }
    } else if (q[i] === '"') {
      throw unsupported(q.slice(start, i + 1));
    }
    const text = q.slice(start, i);
    if (op === '' && text === 'OR') tokens.push({ type: 'or' });
    else if (op === '' && text === 'AND') tokens.push({ type: 'and' });
    else tokens.push({ type: 'term', text, op, value });
  }
  return tokens;
}

const DATE_FORM = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

function termNode(token: { text: string; op: string; value: string }, timeZone: string): QueryNode {
  const { op, text } = token;
  const value = token.value.trim();
  switch (op) {
    case 'from':
    case 'to':
    case 'cc':
    case 'bcc':
      if (value === '') throw unsupported(text);
      return { kind: 'address', field: op, value: value.toLowerCase() };
    case 'in': {
      const box = value.toLowerCase();
      if (box === 'inbox' || box === 'sent' || box === 'anywhere') return { kind: 'in', box };
      if (box === 'drafts' || box === 'draft') return { kind: 'in', box: 'drafts' };
      throw unsupported(text);
    }
    case 'after':
    case 'before': {
      if (/^\d+$/.test(value)) return { kind: op, ms: Number(value) * 1000 };
      const m = DATE_FORM.exec(value);
      if (m) {
        const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
        if (month < 1 || month > 12 || day < 1 || day > 31) throw unsupported(text);
        return { kind: op, ms: zonedTimeToUtc(timeZone, year, month, day) };
      }
      throw unsupported(text);
    }
    case 'rfc822msgid': {
      // Gmail Help, "Search operators": rfc822msgid: finds the message with that Message-ID header.
      const id = value.replace(/^<|>$/g, '');
      if (id === '' || /[\s<>]/.test(id)) throw unsupported(text);
      return { kind: 'msgid', id: `<${id}>` };
    }
    default:
      throw unsupported(text);
  }
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly q: string,
    private readonly timeZone: string,
  ) {}

  parse(): QueryNode {
    const node = this.or();
    if (this.pos < this.tokens.length) throw this.syntax();
    return node;
  }

  private syntax(): Error {
    return new Error(`not implemented in the emulator: Gmail query syntax in ${JSON.stringify(this.q)}`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private or(): QueryNode {
    const children = [this.and()];
    while (this.peek()?.type === 'or') {
      this.pos++;
      children.push(this.and());
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  private and(): QueryNode {
    const children: QueryNode[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.type === 'close' || t.type === 'closeBrace' || t.type === 'or') break;
      if (t.type === 'and') {
        if (children.length === 0) throw this.syntax();
        this.pos++;
        continue;
      }
      children.push(this.unary());
    }
    if (children.length === 0) throw this.syntax();
    return children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  private unary(): QueryNode {
    const t = this.peek();
    if (!t) throw this.syntax();
    this.pos++;
    switch (t.type) {
      case 'not':
        return { kind: 'not', child: this.unary() };
      case 'open': {
        const node = this.or();
        if (this.peek()?.type !== 'close') throw this.syntax();
        this.pos++;
        return node;
      }
      case 'openBrace': {
        const children: QueryNode[] = [];
        while (this.peek() && this.peek()!.type !== 'closeBrace') {
          if (this.peek()!.type === 'or') {
            this.pos++;
            continue;
          }
          children.push(this.unary());
        }
        if (this.peek()?.type !== 'closeBrace' || children.length === 0) throw this.syntax();
        this.pos++;
        return children.length === 1 ? children[0]! : { kind: 'or', children };
      }
      case 'term':
        return termNode(t, this.timeZone);
      default:
        throw this.syntax();
    }
  }
}

function optimize(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'and':
      return { kind: 'and', children: node.children.map(optimize) };
    case 'not':
      return { kind: 'not', child: optimize(node.child) };
    case 'or': {
      const sets = new Map<AddressField, Set<string>>();
      const rest: QueryNode[] = [];
      for (const child of node.children.map(optimize)) {
        if (child.kind === 'address' && child.value.includes('@') && !child.value.startsWith('@')) {
          const set = sets.get(child.field) ?? new Set<string>();
          set.add(child.value);
          sets.set(child.field, set);
        } else rest.push(child);
      }
      for (const [field, addresses] of sets) rest.push({ kind: 'addressSet', field, addresses });
      return rest.length === 1 ? rest[0]! : { kind: 'or', children: rest };
    }
    default:
      return node;
  }
}

/**
 * Parses a query of the supported subset. Returns null for an empty query. `timeZone` is the zone `yyyy/mm/dd`
 * dates are read in (Gmail: PST). Throws on anything outside the subset.
 */
export function parseGmailQuery(q: string, timeZone: string): QueryNode | null {
  if (q.trim() === '') return null;
  return optimize(new Parser(tokenize(q), q, timeZone).parse());
}

/** True when the query names in:anywhere (Gmail then searches spam and trash too). */
export function mentionsAnywhere(node: QueryNode | null): boolean {
  if (!node) return false;
  switch (node.kind) {
    case 'in':
      return node.box === 'anywhere';
    case 'and':
    case 'or':
      return node.children.some(mentionsAnywhere);
    default:
      return false;
  }
}
