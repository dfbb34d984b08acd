/** Typed entry (what Sheets stores for typed text), the CSV loader built on it, and display formats. */
import fc from 'fast-check';
import {
  createSpreadsheetState,
  displayGrid,
  displayValue,
  loadCsvIntoSheet,
  parseCsv,
  parseTypedEntry,
} from '../../emulator/spreadsheet';
import { setup } from './spreadsheet-setup';

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

describe('typed dates, date-times and times', () => {
  const NY = 'America/New_York';
  const CLOCK = Date.UTC(2026, 10, 25, 14);
  /** Epoch ms of a wall time in New York in November 2026 (UTC−5). */
  const ny = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => Date.UTC(y, m - 1, d, h + 5, min, s);
  const us = (text: string) => parseTypedEntry(text, 'en_US', NY, CLOCK);

  it.each([
    ['2026-11-25', ny(2026, 11, 25), 'yyyy-mm-dd', '2026-11-25'],
    [' 2026-11-25 ', ny(2026, 11, 25), 'yyyy-mm-dd', '2026-11-25'],
    ['2026/11/10', ny(2026, 11, 10), 'yyyy/mm/dd', '2026/11/10'],
    ['11/25/2026', ny(2026, 11, 25), 'M/d/yyyy', '11/25/2026'],
    ['11/10/26', ny(2026, 11, 10), 'M/d/yyyy', '11/10/2026'],
    ['Nov 25, 2026', ny(2026, 11, 25), 'mmm d, yyyy', 'Nov 25, 2026'],
    ['nov 25 2026', ny(2026, 11, 25), 'mmm d yyyy', 'Nov 25 2026'],
    ['25 Nov 2026', ny(2026, 11, 25), 'd mmm yyyy', '25 Nov 2026'],
    ['November 10, 2026', ny(2026, 11, 10), 'mmmm d, yyyy', 'November 10, 2026'],
    ['10-Nov-26', ny(2026, 11, 10), 'd-mmm-yy', '10-Nov-26'],
    ['Sept 5, 2026', Date.UTC(2026, 8, 5, 4), 'mmm d, yyyy', 'Sep 5, 2026'],
    ['Wed, Nov 25, 2026', ny(2026, 11, 25), 'ddd, mmm d, yyyy', 'Wed, Nov 25, 2026'],
    ['Wednesday 25 November 2026', ny(2026, 11, 25), 'dddd d mmmm yyyy', 'Wednesday 25 November 2026'],
    ['Nov 25', ny(2026, 11, 25), 'mmm d', 'Nov 25'],
    ['25 Nov', ny(2026, 11, 25), 'd mmm', '25 Nov'],
    ['11/10', ny(2026, 11, 10), 'M/d', '11/10'],
    ['2026-11-25 14:00', ny(2026, 11, 25, 14), 'yyyy-mm-dd H:mm', '2026-11-25 14:00'],
    ['11/25/2026 2:30 PM', ny(2026, 11, 25, 14, 30), 'M/d/yyyy h:mm am/pm', '11/25/2026 2:30 PM'],
    ['11/10/2026 14:30:00', ny(2026, 11, 10, 14, 30), 'M/d/yyyy H:mm:ss', '11/10/2026 14:30:00'],
    ['Nov 10, 2026 2:30 PM', ny(2026, 11, 10, 14, 30), 'mmm d, yyyy h:mm am/pm', 'Nov 10, 2026 2:30 PM'],
    ['12:05 AM', Date.UTC(1899, 11, 30, 5, 5), 'h:mm am/pm', '12:05 AM'],
    ['10:30', Date.UTC(1899, 11, 30, 15, 30), 'H:mm', '10:30'],
    ['2:30 PM', Date.UTC(1899, 11, 30, 19, 30), 'h:mm am/pm', '2:30 PM'],
    ['14:30:15', Date.UTC(1899, 11, 30, 19, 30, 15), 'H:mm:ss', '14:30:15'],
  ])('reads %j in en_US as a Date cell with its format', (text, ms, format, shown) => {
    const entry = us(text);
    expect(entry).toEqual({ value: { d: ms }, formula: null, format });
    expect(displayValue(entry.value, entry.format, 'en_US', NY)).toBe(shown);
  });

  it.each([
    ['25/11/2026', Date.UTC(2026, 10, 25), 'dd/MM/yyyy'],
    ['25/11/26', Date.UTC(2026, 10, 25), 'dd/MM/yyyy'],
    ['25/11', Date.UTC(2026, 10, 25), 'd/M'],
    ['Wed 25 Nov 2026', Date.UTC(2026, 10, 25), 'ddd d mmm yyyy'],
    ['25/11/2026 09:15', Date.UTC(2026, 10, 25, 9, 15), 'dd/MM/yyyy HH:mm'],
  ])('reads %j day first outside en_US', (text, ms, format) => {
    expect(parseTypedEntry(text, 'en_GB', 'Europe/London', CLOCK)).toEqual({ value: { d: ms }, formula: null, format });
  });

  it("reads the locale's own month names too", () => {
    const fr = (text: string) => parseTypedEntry(text, 'fr_FR', 'Europe/Paris', CLOCK);
    expect(fr('25 nov. 2026').value).toEqual({ d: Date.UTC(2026, 10, 24, 23) });
    expect(fr('mercredi 25 novembre 2026').format).toBe('dddd d mmmm yyyy');
    expect(displayValue(fr('25 nov. 2026').value, fr('25 nov. 2026').format, 'fr_FR', 'Europe/Paris')).toBe(
      '25 nov. 2026',
    );
  });

  it('gives a year-less date the current year of the emulated clock, in the spreadsheet zone', () => {
    // 2026-12-31 23:30 in New York is already 2027 in UTC: the spreadsheet zone decides.
    const newYearsEve = Date.UTC(2027, 0, 1, 4, 30);
    expect(parseTypedEntry('Mar 3', 'en_US', NY, newYearsEve).value).toEqual({ d: Date.UTC(2026, 2, 3, 5) });
    expect(parseTypedEntry('Mar 3', 'en_NZ', 'Pacific/Auckland', newYearsEve).value).toEqual({
      d: Date.UTC(2027, 2, 2, 11),
    });
  });

  it('keeps a year-less date as text when no clock is given', () => {
    expect(parseTypedEntry('Nov 25', 'en_US', NY).value).toBe('Nov 25');
    expect(parseTypedEntry('11/10', 'en_US', NY).value).toBe('11/10');
  });

  it('reads two-digit years 00–29 as 20xx and 30–99 as 19xx', () => {
    expect(us('1/2/29').value).toEqual({ d: ny(2029, 1, 2) });
    expect(us('1/2/30').value).toEqual({ d: ny(1930, 1, 2) });
  });

  it.each([
    '11/10/26, 3:07 PM',
    'Thu, Nov 25, 2026',
    'Nov 31, 2026',
    'Smarch 3, 2026',
    '13/25/2026',
    '25:00',
    '10:5',
    '0:30 PM',
    '2026-11-25T14:00',
    'Nov 2026',
    '3 days',
    'May',
    'Acme 25',
    '10/2026',
  ])('keeps %j as text', (text) => {
    expect(us(text)).toEqual({ value: text, formula: null, format: null });
  });

  it('reads 25/11/2026 as text in en_US, where the 25th month does not exist', () => {
    expect(us('25/11/2026').value).toBe('25/11/2026');
  });

  it('shows a date typed in any of its shapes the same way when it is typed back (property)', () => {
    const shapes = [
      'yyyy-mm-dd',
      'M/d/yyyy',
      'mmm d, yyyy',
      'd mmmm yyyy',
      'ddd, mmm d, yyyy',
      'd-mmm-yy',
      'M/d/yyyy h:mm am/pm',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1930, 0, 1), max: Date.UTC(2029, 11, 31) }),
        fc.constantFrom(...shapes),
        (t, shape) => {
          const minute = Math.floor(t / 60_000) * 60_000;
          const ms = shape.includes('h') ? minute : Math.floor(t / 86_400_000) * 86_400_000;
          const text = displayValue({ d: ms }, shape, 'en_US', 'UTC');
          const entry = parseTypedEntry(text, 'en_US', 'UTC', CLOCK);
          expect(entry.value).toEqual({ d: ms });
          expect(displayValue(entry.value, entry.format, 'en_US', 'UTC')).toBe(text);
        },
      ),
    );
  });

  it('never throws and keeps anything that is not a date, number or boolean as the text typed (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const entry = parseTypedEntry(text, 'en_US', NY, CLOCK);
        const v = entry.value;
        if (typeof v === 'string') expect([text, text.slice(1)]).toContain(v);
      }),
    );
  });

  it('loads CSV dates with the emulated clock, and displays them as typed', () => {
    const state = createSpreadsheetState({ timeZone: NY, locale: 'en_US', sheetName: 'Applications' });
    loadCsvIntoSheet(
      state,
      'Applications',
      'Company,Applied\nKitehill,11/10/2026 14:30:00\nMarlow,10-Nov-26\nLarkspur,11/10\nQuill,"Nov 10, 2026 2:30 PM"\nLumen,"11/10/26, 3:07 PM"\n',
      CLOCK,
    );
    const sheet = state.sheets[0]!;
    expect(sheet.cells.values.slice(1, 6).map((r) => r![1])).toEqual([
      { d: ny(2026, 11, 10, 14, 30) },
      { d: ny(2026, 11, 10) },
      { d: ny(2026, 11, 10) },
      { d: ny(2026, 11, 10, 14, 30) },
      '11/10/26, 3:07 PM',
    ]);
    expect(displayGrid(state, 'Applications').map((r) => r[1])).toEqual([
      'Applied',
      '11/10/2026 14:30:00',
      '10-Nov-26',
      '11/10',
      'Nov 10, 2026 2:30 PM',
      '11/10/26, 3:07 PM',
    ]);
  });
});

describe('typed entry through Range.setValues and setValue', () => {
  it('stores dates, date-times and times written as strings, with their formats, by the runtime clock', () => {
    const { sheet, runtime } = setup({ timeZone: 'America/New_York', locale: 'en_US' });
    runtime.now = Date.UTC(2027, 5, 1, 12);
    runtime.begin('menu', 'a later run');
    sheet.getRange('A1:D1').setValues([['Nov 25, 2026', '11/10', '2:30 PM', '11/10/26, 3:07 PM']]);
    const [values] = sheet.getRange('A1:D1').getValues();
    expect((values as Date[]).slice(0, 3).map((d) => d.toISOString())).toEqual([
      '2026-11-25T05:00:00.000Z',
      '2027-11-10T05:00:00.000Z',
      '1899-12-30T19:30:00.000Z',
    ]);
    expect(values![3]).toBe('11/10/26, 3:07 PM');
    expect(sheet.getRange('A1:D1').getNumberFormats()).toEqual([['mmm d, yyyy', 'M/d', 'h:mm am/pm', 'General']]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([
      ['Nov 25, 2026', '11/10', '2:30 PM', '11/10/26, 3:07 PM'],
    ]);
    sheet.getRange('E1').setValue(' March 3, 2026 ');
    expect(sheet.getRange('E1').getDisplayValue()).toBe('March 3, 2026');
  });

  it('keeps a date-shaped string as text in a plain-text (@) cell', () => {
    const { sheet } = setup({ locale: 'en_US', timeZone: 'America/New_York' });
    sheet.getRange('A1').setNumberFormat('@').setValue('Nov 25, 2026');
    expect(sheet.getRange('A1').getValue()).toBe('Nov 25, 2026');
  });

  it('shows a typed date through a format the cell already had', () => {
    const { sheet } = setup({ locale: 'en_US', timeZone: 'America/New_York' });
    sheet.getRange('A1').setNumberFormat('yyyy-mm-dd').setValue('Nov 25, 2026');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-11-25');
  });
});
