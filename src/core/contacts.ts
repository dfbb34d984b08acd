/** Reading the row's contacts (docs/RULES.md §2): the address in an email cell, and the first name in a name cell. */
import { type CellValue, cellText } from './cells';

export type AddressRead =
  | { kind: 'blank' }
  /** `leftOut`: the other addresses of a list, which the draft does not go to. */
  | { kind: 'address'; address: string; leftOut: string[] }
  | { kind: 'invalid'; lineBreak: boolean };

// Deliberately narrow: one address, no display name, no whitespace or angle brackets that could smuggle headers.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+=?^_`{}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const LABEL = /^(?:email|e-mail|mail|work|personal|contact|recruiter|address)\s*:\s*/i;
const MAILTO = /^mailto:([^?\s]+)(?:\?\S*)?$/i;
const NAMED = /^(?:"[^"]*"|[^"<>@]*)\s*<([^<>\s]+)>$/;
const WITH_COMMENT = /^(\S+@\S+)\s*\([^()@]*\)$/;
const PHONE = /^(?:(?:phone|tel|mobile|cell|ph)\.?\s*:?\s*)?\+?[\d\s().-]{5,}(?:\s*(?:ext|x)\.?\s*\d+)?$/i;
const NAME_ONLY = /^[\p{L}\s.'’-]+$/u;
// A line break, a tab or any other control character: never part of an address (no header can be added).
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

function isAddress(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text) && !text.includes('..');
}

/** Splits a cell on , ; / | outside quotes and angle brackets: "Lane, Jo" <jo@x> stays one part. */
function parts(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<') angled = true;
    else if (ch === '>') angled = false;
    if (!quoted && !angled && /[,;/|]/.test(ch)) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  out.push(current.trim());
  return out.filter((p) => p !== '');
}

/** The address a part gives, '' for a part that is a phone number, or null for a part that is neither. */
function addressIn(part: string): string | null {
  const text = part.replace(LABEL, '');
  const candidate =
    MAILTO.exec(text)?.[1] ?? NAMED.exec(text)?.[1] ?? WITH_COMMENT.exec(text)?.[1] ?? (text.includes('@') ? text : '');
  if (candidate !== '') return isAddress(candidate) ? candidate : null;
  return PHONE.test(text) && (text.match(/\d/g)?.length ?? 0) >= 5 ? '' : null;
}

/**
 * An email cell (docs/RULES.md §2): a bare address, `Name <address>`, `mailto:`, or a cell that also holds a label
 * or a phone number (`Email: jo@x.example`, `+1 555 0100 / jo@x.example`). A list takes its first address and names
 * the others. Anything else, and any cell with a line break or control character, is invalid.
 * @example readAddress('Jo Lane <jo@kitehill.example>') // { kind: 'address', address: 'jo@kitehill.example', leftOut: [] }
 */
export function readAddress(value: CellValue): AddressRead {
  const text = typeof value === 'string' ? value.trim() : cellText(value);
  if (text === '') return { kind: 'blank' };
  // A bare address (most cells): it has no separator, quote, bracket, colon or space, so the list reading below
  // would find it alone.
  if (isAddress(text)) return { kind: 'address', address: text, leftOut: [] };
  if (CONTROL.test(text)) return { kind: 'invalid', lineBreak: true };
  const list = parts(text);
  const found: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const part = list[i]!;
    const address = addressIn(part);
    if (address === null) {
      // The surname of "Lane, Jo <jo@x.example>" typed without quotes.
      const next = list[i + 1];
      if (NAME_ONLY.test(part) && next !== undefined && NAMED.test(next.replace(LABEL, ''))) continue;
      return { kind: 'invalid', lineBreak: false };
    }
    if (address !== '') found.push(address);
  }
  const [address, ...rest] = found;
  if (address === undefined) return { kind: 'invalid', lineBreak: false };
  const seen = new Set([address.toLowerCase()]);
  const leftOut = rest.filter((a) => !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
  return { kind: 'address', address, leftOut };
}

/** One mailbox's spelling: case, a +tag, and for Gmail the dots of the local part do not matter. */
function mailbox(address: string): string {
  const [local = '', domain = ''] = address.toLowerCase().split('@');
  const gmail = domain === 'gmail.com' || domain === 'googlemail.com';
  const base = local.replace(/\+.*$/, '');
  return `${gmail ? base.replace(/\./g, '') : base}@${gmail ? 'gmail.com' : domain}`;
}

/** True when `address` reaches one of the user's own mailboxes (their Gmail address or a send-as alias). */
export function isOwnAddress(address: string, own: readonly string[]): boolean {
  const target = mailbox(address);
  return own.some((o) => mailbox(o) === target);
}

const TITLES = /^(?:mr|mrs|ms|mx|miss|dr|prof|sir|madam|dame)\.?$/i;
const SUFFIXES = /^(?:phd|md|mba|jr|sr|ii|iii|iv|esq|cpa)\.?$/i;
/** Words of a team, not a person: "Hi Recruiting," is worse than "Hello,". */
const NOT_NAMES = new Set([
  'team',
  'hr',
  'recruiting',
  'recruitment',
  'hiring',
  'talent',
  'recruiter',
  'careers',
  'jobs',
  'people',
  'admin',
  'office',
  'info',
  'the',
]);

function nameWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^["'“‘(]+|["'”’),;:]+$/gu, ''))
    .filter((w) => w !== '' && !TITLES.test(w));
}

/**
 * The name to greet (docs/RULES.md §2): the first word, skipping titles (Dr., Mr., Ms., Mrs., Prof., …); for
 * `Last, First` the word after the comma. Empty for a cell with an email address in it, only a title, or a team.
 * @example firstName('Marsh, Theo') // 'Theo'
 * @example firstName('Dr Rita Moss') // 'Rita'
 */
export function firstName(value: CellValue): string {
  const text = cellText(value).replace(/[\r\n\t]+/g, ' ');
  if (text.includes('@')) return '';
  const [before = '', ...after] = text.split(',');
  const head = nameWords(before);
  const tail = nameWords(after.join(' '));
  // "Marsh, Theo" or "van der Berg, Anna": one capitalised word before the comma is a surname.
  const lastFirst = tail.length > 0 && !SUFFIXES.test(tail[0]!) && head.filter((w) => /^\p{Lu}/u.test(w)).length <= 1;
  const first = ((lastFirst ? tail : head)[0] ?? '').replace(/\.+$/, '');
  if (first.length < 2 || /\d/.test(first) || NOT_NAMES.has(first.toLowerCase())) return '';
  return first;
}
