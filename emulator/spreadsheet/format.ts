/** Display values: a cell's value shown through its number format, in the spreadsheet's locale and zone. */

import { DAY_NAMES, MONTH_NAMES } from '../platform/timezone';
import { bcp47, localeSeparators } from './locale';
import { isDateCell, type StoredValue } from './state';
import { fromSerial, toSerial, wallClock } from './time';

const EN_MONTHS = [...MONTH_NAMES];
const EN_DAYS = [...DAY_NAMES];

export interface Names {
  months: string[];
  monthsShort: string[];
  days: string[];
  daysShort: string[];
}

const namesCache = new Map<string, Names>();

/** Month and day names: English ones for en_* (Sheets shows `Sep`, not ICU's `Sept`), ICU's for other locales. */
export function localeNames(locale: string): Names {
  let names = namesCache.get(locale);
  if (!names) {
    if (locale.startsWith('en')) {
      names = {
        months: EN_MONTHS,
        monthsShort: EN_MONTHS.map((m) => m.slice(0, 3)),
        days: EN_DAYS,
        daysShort: EN_DAYS.map((d) => d.slice(0, 3)),
      };
    } else {
      const tag = bcp47(locale);
      const month = (style: 'long' | 'short') =>
        EN_MONTHS.map((_, i) =>
          new Intl.DateTimeFormat(tag, { month: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, i, 15))),
        );
      const day = (style: 'long' | 'short') =>
        EN_DAYS.map((_, i) =>
          new Intl.DateTimeFormat(tag, { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 8, 1 + i))),
        );
      names = { months: month('long'), monthsShort: month('short'), days: day('long'), daysShort: day('short') };
    }
    namesCache.set(locale, names);
  }
  return names;
}

/** The locale's default date format, as Sheets shows a date cell with no explicit format. */
export function defaultDateFormat(locale: string): string {
  // Sheets: en_US M/d/yyyy, en_GB dd/MM/yyyy; other locales day first (de_DE uses dots).
  if (locale === 'en_US') return 'M/d/yyyy';
  if (locale.startsWith('de')) return 'dd.MM.yyyy';
  return 'dd/MM/yyyy';
}

/** The locale's default date-time format (a date cell whose time of day is not midnight). */
export function defaultDateTimeFormat(locale: string): string {
  return locale === 'en_US' ? 'M/d/yyyy H:mm:ss' : `${defaultDateFormat(locale)} HH:mm:ss`;
}

type DateToken = { kind: 'lit'; text: string } | { kind: 'tok'; letter: string; count: number };

const dateTokenCache = new Map<string, DateToken[]>();

function tokenizeDateFormat(format: string): DateToken[] {
  let tokens = dateTokenCache.get(format);
  if (tokens) return tokens;
  tokens = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const lit = end < 0 ? format.slice(i + 1) : format.slice(i + 1, end);
      tokens.push({ kind: 'lit', text: lit });
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (ch === '\\' && i + 1 < format.length) {
      tokens.push({ kind: 'lit', text: format[i + 1]! });
      i += 2;
      continue;
    }
    const lower = ch.toLowerCase();
    if (/^[ymdhs]$/.test(lower)) {
      let j = i;
      while (j < format.length && format[j]!.toLowerCase() === lower) j++;
      tokens.push({ kind: 'tok', letter: lower, count: j - i });
      i = j;
      continue;
    }
    if (format.slice(i, i + 5).toLowerCase() === 'am/pm') {
      tokens.push({ kind: 'tok', letter: 'ampm', count: 5 });
      i += 5;
      continue;
    }
    tokens.push({ kind: 'lit', text: ch });
    i++;
  }
  // `m` is minutes right after an hour or right before seconds.
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'tok' || t.letter !== 'm' || t.count > 2) continue;
    const prev = tokens
      .slice(0, k)
      .reverse()
      .find((x) => x.kind === 'tok');
    const next = tokens.slice(k + 1).find((x) => x.kind === 'tok');
    if ((prev?.kind === 'tok' && prev.letter === 'h') || (next?.kind === 'tok' && next.letter === 's')) {
      tokens[k] = { kind: 'tok', letter: 'min', count: t.count };
    }
  }
  dateTokenCache.set(format, tokens);
  return tokens;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Formats an instant with a Sheets date pattern (`yyyy-mm-dd`, `d mmm yyyy`, `ddd d mmm`, `M/d/yyyy H:mm:ss`). */
export function formatDate(ms: number, format: string, locale: string, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  const names = localeNames(locale);
  const tokens = tokenizeDateFormat(format);
  const hasAmPm = tokens.some((t) => t.kind === 'tok' && t.letter === 'ampm');
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'lit') {
      out += t.text;
      continue;
    }
    switch (t.letter) {
      case 'y':
        out += t.count <= 2 ? pad(w.year % 100, 2) : pad(w.year, 4);
        break;
      case 'm':
        if (t.count === 1) out += String(w.month);
        else if (t.count === 2) out += pad(w.month, 2);
        else if (t.count === 3) out += names.monthsShort[w.month - 1];
        else if (t.count === 5) out += names.months[w.month - 1]!.charAt(0);
        else out += names.months[w.month - 1];
        break;
      case 'd':
        if (t.count === 1) out += String(w.day);
        else if (t.count === 2) out += pad(w.day, 2);
        else if (t.count === 3) out += names.daysShort[w.weekday];
        else out += names.days[w.weekday];
        break;
      case 'h': {
        const h = hasAmPm ? ((w.hour + 11) % 12) + 1 : w.hour;
        out += t.count >= 2 ? pad(h, 2) : String(h);
        break;
      }
      case 'min':
        out += t.count >= 2 ? pad(w.minute, 2) : String(w.minute);
        break;
      case 's':
        out += t.count >= 2 ? pad(w.second, 2) : String(w.second);
        break;
      case 'ampm':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * A number in Sheets' automatic format: integers as they are, others to 10 significant digits, very large or
 * very small magnitudes in scientific notation (`1.5E+20`), with the locale's decimal separator.
 */
export function formatGeneralNumber(n: number, locale: string): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const abs = Math.abs(n);
  let s: string;
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [mantissa, exp] = n.toExponential(9).split('e');
    const m = mantissa!.replace(/\.?0+$/, '');
    const e = Number(exp);
    s = `${m}E${e < 0 ? '-' : '+'}${pad(Math.abs(e), 2)}`;
  } else if (Number.isInteger(n)) {
    s = String(n);
  } else {
    s = String(Number(n.toPrecision(10)));
    if (s.includes('e')) s = n.toFixed(10).replace(/\.?0+$/, '');
  }
  const { decimal } = localeSeparators(locale);
  return decimal === '.' ? s : s.replace('.', decimal);
}

interface NumberPattern {
  prefix: string;
  suffix: string;
  minInt: number;
  minFrac: number;
  maxFrac: number;
  grouping: boolean;
  percent: boolean;
}

const numberPatternCache = new Map<string, NumberPattern>();

function stripLiterals(section: string): { core: string; prefix: string; suffix: string } {
  // Splits `"$"#,##0.00" total"` into the placeholder core and literal text either side.
  let prefix = '';
  let suffix = '';
  let core = '';
  let seenCore = false;
  let i = 0;
  while (i < section.length) {
    const ch = section[i]!;
    let lit: string | null = null;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit = end < 0 ? section.slice(i + 1) : section.slice(i + 1, end);
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      lit = section[i + 1] ?? '';
      i += 2;
    } else if ('0#?.,%'.includes(ch)) {
      core += ch;
      seenCore = true;
      i++;
      continue;
    } else {
      lit = ch === '_' || ch === '*' ? '' : ch;
      if (ch === '_' || ch === '*') i++;
      i++;
    }
    if (seenCore) suffix += lit;
    else prefix += lit;
  }
  return { core, prefix, suffix };
}

function parseNumberPattern(section: string): NumberPattern {
  let p = numberPatternCache.get(section);
  if (p) return p;
  const { core, prefix, suffix } = stripLiterals(section);
  const percent = core.includes('%') || suffix.includes('%');
  const digits = core.replace(/%/g, '');
  const [intPart = '', fracPart = ''] = digits.split('.');
  p = {
    prefix,
    suffix: core.includes('%') ? `${suffix}%` : suffix,
    minInt: (intPart.match(/0/g) ?? []).length,
    minFrac: (fracPart.match(/0/g) ?? []).length,
    maxFrac: (fracPart.match(/[0#?]/g) ?? []).length,
    grouping: /[0#?],[0#?]/.test(intPart),
    percent,
  };
  numberPatternCache.set(section, p);
  return p;
}

const numberFormatters = new Map<string, Intl.NumberFormat>();

function formatWithPattern(n: number, section: string, locale: string, negativeSection: boolean): string {
  const p = parseNumberPattern(section);
  const value = p.percent ? n * 100 : n;
  const key = `${locale}|${p.minInt}|${p.minFrac}|${p.maxFrac}|${p.grouping}`;
  let f = numberFormatters.get(key);
  if (!f) {
    let tag = bcp47(locale);
    try {
      new Intl.NumberFormat(tag);
    } catch {
      tag = 'en-US';
    }
    f = new Intl.NumberFormat(tag, {
      minimumIntegerDigits: Math.max(1, p.minInt),
      minimumFractionDigits: p.minFrac,
      maximumFractionDigits: p.maxFrac,
      useGrouping: p.grouping,
    });
    numberFormatters.set(key, f);
  }
  let body = f.format(negativeSection ? Math.abs(value) : value);
  // `#,##0` shows 0.4 as "0"; a format with no integer zeros (`#.00`) shows ".40".
  if (p.minInt === 0 && /^-?0[^\d]/.test(body)) body = body.replace(/^(-?)0/, '$1');
  if (body === '-0') body = '0';
  return `${p.prefix}${body}${p.suffix}`;
}

/** True when a number format shows dates or times rather than numbers. */
export function isDateFormat(format: string): boolean {
  const plain = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  if (/[0#?]/.test(plain)) return false;
  return /[ymdhs]/i.test(plain);
}

function isGeneral(format: string | null): boolean {
  return format === null || format === '' || format.toLowerCase() === 'general';
}

/** A computed cell value: what a cell holds or a formula returns (errors are their `#...` text). */
export type CellValue = StoredValue;

/** The text a person sees in a cell with this value and number format. */
export function displayValue(value: CellValue, format: string | null, locale: string, timeZone: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isGeneral(format) || format === '@') {
    if (typeof value === 'number') return formatGeneralNumber(value, locale);
    const w = wallClock(value.d, timeZone);
    const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
    // Sheets shows a date written by a script with its time of day unless the time is midnight.
    return formatDate(value.d, midnight ? defaultDateFormat(locale) : defaultDateTimeFormat(locale), locale, timeZone);
  }
  const fmt = format as string;
  if (isDateFormat(fmt)) {
    const ms = isDateCell(value) ? value.d : fromSerial(value, timeZone);
    return Number.isFinite(ms) ? formatDate(ms, fmt, locale, timeZone) : formatGeneralNumber(value as number, locale);
  }
  const n = isDateCell(value) ? toSerial(value.d, timeZone) : value;
  const sections = fmt.split(';');
  if (n < 0 && sections.length > 1) return formatWithPattern(n, sections[1]!, locale, true);
  if (n === 0 && sections.length > 2) return formatWithPattern(n, sections[2]!, locale, false);
  return formatWithPattern(n, sections[0]!, locale, false);
}
