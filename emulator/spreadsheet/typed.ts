/**
 * Typed entry: what Google Sheets stores when a person types text into a cell (and what `Range.setValues` does
 * with strings, since Apps Script writes them as user-entered): formulas, booleans, numbers, dates and times.
 */

import { type LocaleSeparators, localeSeparators } from './locale';
import type { StoredValue } from './state';
import { entryInitials, parseDateEntry, type TypedEntryContext } from './typed-dates';

export type { TypedEntryContext } from './typed-dates';

export interface TypedEntry {
  /** The stored value (null for a formula, whose value is computed, or for an empty entry). */
  value: StoredValue;
  /** The formula, with its `=`, when the entry is one. */
  formula: string | null;
  /** The number format Sheets applies with the entry (an ISO date keeps `yyyy-mm-dd`, `50%` gets `0%`). */
  format: string | null;
}

const numberPatterns = new Map<string, RegExp>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function numberPattern(seps: LocaleSeparators): RegExp {
  const key = `${seps.decimal}|${seps.group}`;
  let re = numberPatterns.get(key);
  if (!re) {
    const d = escapeRe(seps.decimal);
    const g = escapeRe(seps.group);
    // Grouping only in threes (1,234,567); a decimal part; an exponent (1e3); a trailing % for percentages.
    re = new RegExp(`^([+-]?)((?:\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}\\d*)?|${d}\\d+)(?:[eE]([+-]?\\d+))?(%?)$`);
    numberPatterns.set(key, re);
  }
  return re;
}

/**
 * True when typed entry can only keep this string as the text it is (it starts with a letter that begins no month
 * or weekday name of the locale, nor TRUE/FALSE), so a batch write can skip parsing it.
 */
export function isPlainTextEntry(s: string, locale: string): boolean {
  if (s === '') return false;
  const c = s.charCodeAt(0);
  if (c <= 127) {
    const lower = c | 0x20;
    return lower >= 97 && lower <= 122 && !entryInitials(locale).has(String.fromCharCode(lower));
  }
  return !/[\s\uFEFF]/.test(s[0]!) && !entryInitials(locale).has(s[0]!.toLowerCase());
}

const EMPTY: TypedEntry = { value: null, formula: null, format: null };

function text(value: string): TypedEntry {
  return { value, formula: null, format: null };
}

function numberEntry(t: string, seps: LocaleSeparators): TypedEntry | null {
  const m = numberPattern(seps).exec(t);
  if (!m) return null;
  const digits = m[2]!.split(seps.group).join('').replace(seps.decimal, '.');
  let n = Number(`${m[1]}${digits}${m[3] !== undefined ? `e${m[3]}` : ''}`);
  if (!Number.isFinite(n)) return null;
  if (m[4] !== '%') return { value: n, formula: null, format: null };
  n /= 100;
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  return { value: n, formula: null, format: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
}

/**
 * What Sheets stores when `input` is typed into a cell: `=...` a formula; a leading `'` keeps the rest as text;
 * TRUE/FALSE (any case) a boolean; numbers in the locale's notation (`1,234.5` in en_*, `1.234,5` in de_DE);
 * `50%` a number with a percent format; dates, date-times and times as `parseDateEntry` reads them (surrounding
 * spaces ignored); anything else the text itself. `now` (epoch ms of the emulated clock) dates year-less entries;
 * without it they stay text. Not modelled: currencies (`$5`), durations (`25:00`), fractions.
 */
export function parseTypedEntry(
  input: string,
  locale: string,
  timeZone: string,
  now: number | null = null,
): TypedEntry {
  return typedEntry(input, { locale, timeZone, now });
}

/** parseTypedEntry with its context in one object (the form the fakes use). */
export function typedEntry(input: string, ctx: TypedEntryContext): TypedEntry {
  if (input === '') return EMPTY;
  const c0 = input.charCodeAt(0);
  if (c0 === 61 /* = */ && input.length > 1) return { value: null, formula: input, format: null };
  if (c0 === 39 /* ' */) return input.length === 1 ? EMPTY : text(input.slice(1));
  const t = input.trim();
  if (t === '') return text(input);
  const f = t.charCodeAt(0);
  const startsNumeric = (f >= 48 && f <= 57) || f === 45 || f === 43 || f === 46 || f === 44;
  if (!startsNumeric && (t.length === 4 || t.length === 5)) {
    const upper = t.toUpperCase();
    if (upper === 'TRUE') return { value: true, formula: null, format: null };
    if (upper === 'FALSE') return { value: false, formula: null, format: null };
  }
  if (startsNumeric) {
    const n = numberEntry(t, localeSeparators(ctx.locale));
    if (n) return n;
  }
  const date = parseDateEntry(t, ctx);
  return date ? { value: date.value, formula: null, format: date.format } : text(input);
}
