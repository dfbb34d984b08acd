/** Typed entry (what Sheets stores for typed text), the CSV loader built on it, and display formats. */
import {
  createSpreadsheetState,
  displayGrid,
  displayValue,
  loadCsvIntoSheet,
  parseCsv,
  parseTypedEntry,
} from '../../emulator/spreadsheet';

const midnight = (y: number, m: number, d: number, offsetHours: number) =>
  Date.UTC(y, m - 1, d) - offsetHours * 3_600_000;

describe('parseTypedEntry', () => {
  const gb = (text: string) => parseTypedEntry(text, 'en_GB', 'Europe/London');
  const us = (text: string) => parseTypedEntry(text, 'en_US', 'America/New_York');

  it('keeps a formula as a formula', () => {
    expect(gb('=A1&"x"')).toEqual({ value: null, formula: '=A1&"x"', format: null });
  });

  it('drops a leading apostrophe and keeps the rest as text', () => {
    expect(gb("'2026-11-25")).toEqual({ value: '2026-11-25', formula: null, format: null });
    expect(gb("'=1+1").value).toBe('=1+1');
    expect(gb("'TRUE").value).toBe('TRUE');
  });

  it.each([
    ['TRUE', true],
    ['true', true],
    ['False', false],
    [' FALSE ', false],
  ])('reads %s as a boolean', (text, value) => {
    expect(gb(text).value).toBe(value);
  });

  it.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['+7', 7],
    ['.5', 0.5],
    ['1,234', 1234],
    ['1,234,567.25', 1234567.25],
    ['007', 7],
    ['1e3', 1000],
  ])('reads %s as the number %d', (text, value) => {
    expect(gb(text)).toEqual({ value, formula: null, format: null });
  });

  it('reads a percentage as a fraction with a percent format', () => {
    expect(gb('50%')).toEqual({ value: 0.5, formula: null, format: '0%' });
    expect(gb('12.5%')).toEqual({ value: 0.125, formula: null, format: '0.0%' });
  });

  it.each(['1,23', '12-34', '+1 555 0100', 'Acme', 'N/A', '3 days', ''])('keeps %j as text (or empty)', (text) => {
    expect(gb(text)).toEqual({ value: text === '' ? null : text, formula: null, format: null });
  });

  it('reads yyyy-mm-dd as midnight in the spreadsheet time zone and keeps the ISO format', () => {
    expect(gb('2026-07-01')).toEqual({ value: { d: midnight(2026, 7, 1, 1) }, formula: null, format: 'yyyy-mm-dd' });
    expect(parseTypedEntry('2026-07-01', 'en_NZ', 'Pacific/Auckland').value).toEqual({ d: midnight(2026, 7, 1, 12) });
  });

  it('reads slash dates month first in en_US and day first elsewhere', () => {
    expect(us('3/4/2026').value).toEqual({ d: midnight(2026, 3, 4, -5) });
    expect(gb('3/4/2026').value).toEqual({ d: midnight(2026, 4, 3, 1) });
    expect(us('25/11/2026').value).toBe('25/11/2026');
    expect(gb('25/11/2026').value).toEqual({ d: midnight(2026, 11, 25, 0) });
    expect(gb('25/11/2026').format).toBe('dd/MM/yyyy');
  });

  it('refuses impossible days', () => {
    expect(gb('2026-02-30').value).toBe('2026-02-30');
    expect(gb('31/04/2026').value).toBe('31/04/2026');
  });

  it('reads numbers in the locale notation (de_DE: 1.234,5)', () => {
    const de = (text: string) => parseTypedEntry(text, 'de_DE', 'Europe/Berlin');
    expect(de('1.234,5').value).toBe(1234.5);
    expect(de('0,25').value).toBe(0.25);
    expect(de('25.11.2026').value).toEqual({ d: midnight(2026, 11, 25, 1) });
  });
});

describe('CSV', () => {
  it('parses quotes, escaped quotes, newlines inside quotes and CRLF', () => {
    const csv = 'Company,Notes\r\n"Acme, Inc.","Said ""great"" things\r\nabout me"\r\nBeta,\r\n';
    expect(parseCsv(csv)).toEqual([
      ['Company', 'Notes'],
      ['Acme, Inc.', 'Said "great" things\r\nabout me'],
      ['Beta', ''],
    ]);
  });

  it('names the line of an unterminated quote', () => {
    expect(() => parseCsv('Company,Notes\nAcme,ok\nBeta,"never closed\nstill open')).toThrow(
      /^CSV line 3: unterminated quoted field/,
    );
  });

  it('refuses text after a closing quote', () => {
    expect(() => parseCsv('a,"b"c\n')).toThrow('CSV line 1: unexpected text after a closing quote');
  });

  it('loads a tracker as typed entry, headers included', () => {
    const state = createSpreadsheetState({ timeZone: 'Europe/London', locale: 'en_GB', sheetName: 'Applications' });
    loadCsvIntoSheet(
      state,
      'Applications',
      '\uFEFFCompany,Applied,Follow-ups sent,Thank-you sent,Link\nAcme,2026-11-20,2,TRUE,"=HYPERLINK(""https://x.example"",""site"")"\n',
    );
    const sheet = state.sheets[0]!;
    expect(sheet.cells.values[0]).toEqual(['Company', 'Applied', 'Follow-ups sent', 'Thank-you sent', 'Link']);
    expect(sheet.cells.values[1]!.slice(0, 4)).toEqual(['Acme', { d: Date.UTC(2026, 10, 20) }, 2, true]);
    expect(sheet.cells.formulas[1]![4]).toBe('=HYPERLINK("https://x.example","site")');
    expect(displayGrid(state, 'Applications')).toEqual([
      ['Company', 'Applied', 'Follow-ups sent', 'Thank-you sent', 'Link'],
      ['Acme', '2026-11-20', '2', 'TRUE', 'site'],
    ]);
  });

  it('grows the sheet for a CSV wider or longer than it', () => {
    const state = createSpreadsheetState({ timeZone: 'UTC', locale: 'en_US' });
    const header = Array.from({ length: 30 }, (_, i) => `H${i}`).join(',');
    loadCsvIntoSheet(state, 'Sheet1', `${header}\n${'x\n'.repeat(1200)}`);
    expect(state.sheets[0]!.maxColumns).toBe(30);
    expect(state.sheets[0]!.maxRows).toBe(1201);
  });

  it('refuses an unknown sheet', () => {
    const state = createSpreadsheetState({ timeZone: 'UTC', locale: 'en_US' });
    expect(() => loadCsvIntoSheet(state, 'Nope', 'a\n')).toThrow('No sheet named "Nope"');
  });
});

describe('displayValue', () => {
  const at = Date.UTC(2026, 10, 25, 23, 30);
  it('formats dates in the spreadsheet zone, not the machine one', () => {
    expect(displayValue({ d: at }, 'yyyy-mm-dd', 'en_GB', 'Europe/London')).toBe('2026-11-25');
    expect(displayValue({ d: at }, 'yyyy-mm-dd', 'en_NZ', 'Pacific/Auckland')).toBe('2026-11-26');
    expect(displayValue({ d: at }, 'ddd d mmm', 'en_NZ', 'Pacific/Auckland')).toBe('Thu 26 Nov');
    expect(displayValue({ d: at }, 'yyyy-mm-dd hh:mm', 'en_GB', 'America/Los_Angeles')).toBe('2026-11-25 15:30');
  });

  it('shows general numbers as Sheets does', () => {
    expect(displayValue(3, null, 'en_US', 'UTC')).toBe('3');
    expect(displayValue(1 / 3, null, 'en_US', 'UTC')).toBe('0.3333333333');
    expect(displayValue(1.5e20, null, 'en_US', 'UTC')).toBe('1.5E+20');
    expect(displayValue(2.5, 'General', 'fr_FR', 'UTC')).toBe('2,5');
  });

  it('shows a number under a date format as the serial date, and a date under a number format as its serial', () => {
    expect(displayValue(46351, 'yyyy-mm-dd', 'en_US', 'UTC')).toBe('2026-11-25');
    expect(displayValue({ d: Date.UTC(2026, 10, 25) }, '0', 'en_US', 'UTC')).toBe('46351');
  });

  it('keeps text as it is under any format', () => {
    expect(displayValue('Acme', '0.00', 'en_US', 'UTC')).toBe('Acme');
    expect(displayValue('#NAME?', null, 'en_US', 'UTC')).toBe('#NAME?');
    expect(displayValue(null, '0.00', 'en_US', 'UTC')).toBe('');
  });

  it('rounds and groups with number formats', () => {
    expect(displayValue(-1234.5, '#,##0', 'en_US', 'UTC')).toBe('-1,235');
    expect(displayValue(0.256, '0.0%', 'en_US', 'UTC')).toBe('25.6%');
    expect(displayValue(7, '0.00', 'en_US', 'UTC')).toBe('7.00');
  });
});
