/** The Sheets formula tokenizer: literals, references (with sheet names and `$` anchors), operators. */
import type { RefNode } from './formula';

export type Token =
  | { k: 'num'; v: number; s: number; e: number }
  | { k: 'str'; v: string; s: number; e: number }
  | { k: 'ref'; ref: RefNode; s: number; e: number; prefixEnd: number }
  | { k: 'ident'; v: string; s: number; e: number }
  | { k: 'err'; v: string; s: number; e: number }
  | { k: 'op'; v: string; s: number; e: number }
  | { k: 'eof'; s: number; e: number };

export class ParseError extends Error {}

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

export function tokenize(src: string): Token[] {
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
