/**
 * Typed entry: what Google Sheets stores when a person types text into a cell (and what `Range.setValues` does
 * with strings, since Apps Script writes them as user-entered), plus the RFC 4180 CSV loader built on it.
 */

import { defaultDateFormat } from './format';
import { type LocaleSeparators, localeSeparators } from './locale';
import {
  type DateCell,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  gridRow,
  MAX_CELLS,
  requireSheet,
  type SpreadsheetState,
  type StoredValue,
} from './state';
import { isRealDay, zonedToEpoch } from './time';

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
 * True when typed entry can only keep this string as the text it is (a letter other than t/f first, say), so a
 * batch write can skip parsing it.
 */
export function isPlainTextEntry(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 97 && c <= 122) return c !== 116 && c !== 102;
  if (c >= 65 && c <= 90) return c !== 84 && c !== 70;
  return c > 127 && !/\s/.test(s[0]!) && c !== 0xfeff;
}

const EMPTY: TypedEntry = { value: null, formula: null, format: null };

function text(value: string): TypedEntry {
  return { value, formula: null, format: null };
}

function dateEntry(
  year: number,
  month: number,
  day: number,
  timeZone: string,
  format: string | null,
): TypedEntry | null {
  if (!isRealDay(year, month, day)) return null;
  const d: DateCell = { d: zonedToEpoch(year, month, day, 0, 0, 0, timeZone) };
  return { value: d, formula: null, format };
}

/**
 * What Sheets stores when `text` is typed into a cell: `=...` a formula; a leading `'` keeps the rest as text;
 * TRUE/FALSE (any case) a boolean; numbers in the locale's notation (`1,234.5` in en_*, `1.234,5` in de_DE);
 * `50%` a number with a percent format; `yyyy-mm-dd` (and `yyyy/mm/dd`) a date at midnight in the spreadsheet's
 * zone, keeping the `yyyy-mm-dd` format; `d/m/yyyy` or `m/d/yyyy` by locale (en_US month first, others day first,
 * and `d.m.yyyy` outside English) a date with the locale's default date format; anything else the text itself.
 * Not modelled: times (`9:30`), currencies (`$5`), month names (`25 Nov 2026` stays text).
 */
export function parseTypedEntry(input: string, locale: string, timeZone: string): TypedEntry {
  if (input === '') return EMPTY;
  const c0 = input.charCodeAt(0);
  if (c0 === 61 /* = */ && input.length > 1) return { value: null, formula: input, format: null };
  if (c0 === 39 /* ' */) return input.length === 1 ? EMPTY : text(input.slice(1));
  const t = input.trim();
  if (t === '') return text(input);
  const f = t.charCodeAt(0);
  const startsNumeric = (f >= 48 && f <= 57) || f === 45 || f === 43 || f === 46 || f === 44;
  if (!startsNumeric) {
    if (t.length === 4 || t.length === 5) {
      const upper = t.toUpperCase();
      if (upper === 'TRUE') return { value: true, formula: null, format: null };
      if (upper === 'FALSE') return { value: false, formula: null, format: null };
    }
    return text(input);
  }
  const seps = localeSeparators(locale);
  const m = numberPattern(seps).exec(t);
  if (m) {
    const digits = m[2]!.split(seps.group).join('').replace(seps.decimal, '.');
    let n = Number(`${m[1]}${digits}${m[3] !== undefined ? `e${m[3]}` : ''}`);
    if (Number.isFinite(n)) {
      if (m[4] === '%') {
        n /= 100;
        const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
        return { value: n, formula: null, format: decimals > 0 ? `0.${'0'.repeat(decimals)}%` : '0%' };
      }
      return { value: n, formula: null, format: null };
    }
  }
  let d = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(t);
  if (d) {
    const entry = dateEntry(
      Number(d[1]),
      Number(d[3]),
      Number(d[4]),
      timeZone,
      d[2] === '-' ? 'yyyy-mm-dd' : 'yyyy/mm/dd',
    );
    if (entry) return entry;
    return text(input);
  }
  d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (d) {
    const a = Number(d[1]);
    const b = Number(d[2]);
    const fmt = defaultDateFormat(locale);
    const entry = seps.monthFirst
      ? dateEntry(Number(d[3]), a, b, timeZone, fmt)
      : dateEntry(Number(d[3]), b, a, timeZone, fmt);
    return entry ?? text(input);
  }
  if (!locale.startsWith('en')) {
    d = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
    if (d)
      return dateEntry(Number(d[3]), Number(d[2]), Number(d[1]), timeZone, defaultDateFormat(locale)) ?? text(input);
  }
  return text(input);
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/** Parses RFC 4180 CSV (quoted fields, `""` escapes, newlines inside quotes, CRLF or LF). */
export function parseCsv(csvText: string): string[][] {
  const src = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const n = src.length;
  let fieldStarted = false;
  while (i < n) {
    const ch = src[i]!;
    if (ch === '"' && !fieldStarted) {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new Error(`CSV line ${startLine}: unterminated quoted field (a " is never closed)`);
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new Error(`CSV line ${line}: unexpected text after a closing quote`);
      }
      fieldStarted = true;
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Loads CSV into a sheet as a person importing it would see it: row 1 (the headers) onwards, each cell typed as
 * typed entry in the spreadsheet's locale and zone. The sheet grows when the CSV is larger than it.
 */
export function loadCsvIntoSheet(state: SpreadsheetState, sheetName: string, csvText: string): void {
  const sheet = requireSheet(state, sheetName);
  const rows = parseCsv(csvText);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  sheet.maxRows = Math.max(sheet.maxRows, rows.length, DEFAULT_ROWS);
  sheet.maxColumns = Math.max(sheet.maxColumns, width, DEFAULT_COLUMNS);
  const cells = state.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  if (cells > MAX_CELLS) throw new Error(`CSV too large: the spreadsheet would exceed ${MAX_CELLS} cells`);
  const { values, formulas, formats } = sheet.cells;
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r]!;
    for (let c = 0; c < src.length; c++) {
      const entry = parseTypedEntry(src[c]!, state.locale, state.timeZone);
      if (entry.formula !== null) gridRow(formulas, r)[c] = entry.formula;
      else if (entry.value !== null) gridRow(values, r)[c] = entry.value;
      if (entry.format !== null) gridRow(formats, r)[c] = entry.format;
    }
  }
}
