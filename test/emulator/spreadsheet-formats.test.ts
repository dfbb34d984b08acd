/** Formulas, conditional formatting (the colour a person sees), sorting, inserting columns, and the HTML render. */
import { Runtime } from '../../emulator/runtime';
import {
  createSpreadsheetService,
  createSpreadsheetState,
  displayGrid,
  renderSheetHtml,
  sortRows,
  visibleBackgrounds,
} from '../../emulator/spreadsheet';

function setup() {
  const runtime = new Runtime(Date.UTC(2026, 10, 25, 9));
  const state = createSpreadsheetState({ timeZone: 'Europe/London', locale: 'en_GB', sheetName: 'Applications' });
  const services = createSpreadsheetService(runtime, state, { htmlFiles: () => null });
  runtime.begin('menu', 'test');
  const sheet = services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Applications')!;
  return { runtime, state, ...services, sheet };
}

const OVERDUE = '#f4c7c3';
const TODAY = '#fce8b2';
const W = '#ffffff';

/** A tracker with a status column M (13), rows 2..4. */
function tracker() {
  const t = setup();
  const header = Array.from({ length: 13 }, (_, i) => (i === 0 ? 'Company' : i === 12 ? 'Follow-up status' : `C${i}`));
  const row = (company: string, status: string) =>
    Array.from({ length: 13 }, (_, i) => (i === 0 ? company : i === 12 ? status : ''));
  t.sheet
    .getRange(1, 1, 4, 13)
    .setValues([header, row('Acme', 'Overdue · 3 days'), row('Beta', 'Due today'), row('Gamma', 'Upcoming')]);
  return t;
}

describe('formulas', () => {
  it.each([
    ['="a"="A"', true],
    ['=1="1"', false],
    ['=1<"a"', true],
    ['="b">"A"', true],
    ['=A1=""', true],
    ['=A1=0', true],
    ['=ISBLANK(A1)', true],
    ['=LEN("héllo")', 5],
    ['=LEFT("Overdue · 3 days",7)', 'Overdue'],
    ['=RIGHT("abc",2)', 'bc'],
    ['=LOWER("AbC")&UPPER("x")', 'abcX'],
    ['=TRIM("  a   b ")', 'a b'],
    ['=REGEXMATCH("Due today","^Due today")', true],
    ['=REGEXMATCH("due TODAY","(?i)^due today")', true],
    ['=AND(TRUE,1>0,NOT(FALSE))', true],
    ['=OR(FALSE,0)', false],
    ['=IF(2>1,"yes","no")', 'yes'],
    ['=IF(FALSE,"yes")', false],
    ['=1+2*3^2', 19],
    ['=-2^2', 4],
    ['=10/4', 2.5],
    ['=1/0', '#DIV/0!'],
    ['="n"&1.5', 'n1.5'],
    ['=HYPERLINK("https://example.com")', 'https://example.com'],
    ['=REGEXMATCH(5,"5")', '#VALUE!'],
    ['=UNKNOWN()', '#NAME?'],
    ['=1+', '#ERROR!'],
  ])('%s computes %j', (formula, value) => {
    const { sheet } = setup();
    sheet.getRange('B2').setFormula(formula);
    expect(sheet.getRange('B2').getValue()).toBe(value);
  });

  it('reads other cells, other sheets and ranges', () => {
    const { sheet, SpreadsheetApp } = setup();
    sheet.getRange('A1:C1').setValues([['x', 'y', "=CONCATENATE(A1:B1)&'Other sheet'!A1"]]);
    SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other sheet').getRange('A1').setValue('!');
    expect(sheet.getRange('C1').getValue()).toBe('xy!');
  });

  it('shows #REF! for a circular reference instead of looping', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setFormulas([['=B1', '=A1']]);
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
  });

  it('fills a formula over a range with relative references moving', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    sheet.getRange('B1:B3').setFormula('=UPPER(A1)&$A$1');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([
      ['=UPPER(A1)&$A$1'],
      ['=UPPER(A2)&$A$1'],
      ['=UPPER(A3)&$A$1'],
    ]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([['Aa'], ['Ba'], ['Ca']]);
  });
});

describe('conditional formatting', () => {
  function colour(t: ReturnType<typeof tracker>) {
    const { SpreadsheetApp, sheet } = t;
    const range = sheet.getRange('A2:M1000');
    const overdue = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=LEFT($M2,7)="Overdue"')
      .setBackground('#F4C7C3')
      .setRanges([range])
      .build();
    const today = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=REGEXMATCH($M2,"^Due today")')
      .setBackground(TODAY)
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([overdue, today]);
  }

  it('colours whole rows by the status column (anchored column, relative row)', () => {
    const t = tracker();
    colour(t);
    const bg = visibleBackgrounds(t.state, 'Applications');
    expect(bg[0]).toEqual(Array(13).fill(W));
    expect(bg[1]).toEqual(Array(13).fill(OVERDUE));
    expect(bg[2]).toEqual(Array(13).fill(TODAY));
    expect(bg[3]).toEqual(Array(13).fill(W));
  });

  it("shows the cell's own background where no rule matches, and the first matching rule wins", () => {
    const t = tracker();
    t.sheet.getRange('A4').setBackground('#00ff00');
    t.sheet.getRange('M2').setValue('Overdue and due today');
    colour(t);
    const bg = visibleBackgrounds(t.state, 'Applications');
    expect(bg[3]![0]).toBe('#00ff00');
    expect(bg[1]![0]).toBe(OVERDUE);
    // Range.getBackground is the cell's own colour, not the conditional one.
    expect(t.sheet.getRange('A2').getBackground()).toBe(W);
  });

  it('shifts fully relative references from the top-left cell of the rule range', () => {
    const t = setup();
    t.sheet.getRange('A1:B2').setValues([
      [1, 5],
      [7, 2],
    ]);
    const rule = t.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=A1>3')
      .setBackground('red')
      .setRanges([t.sheet.getRange('A1:B2')])
      .build();
    t.sheet.setConditionalFormatRules([rule]);
    expect(visibleBackgrounds(t.state, 'Applications')).toEqual([
      [W, '#ff0000'],
      ['#ff0000', W],
    ]);
  });

  it('lists, copies and replaces the rules', () => {
    const t = tracker();
    colour(t);
    const rules = t.sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(2);
    const condition = rules[0]!.getBooleanCondition()!;
    expect(condition.getCriteriaType()).toBe(t.SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA);
    expect(condition.getCriteriaValues()).toEqual(['=LEFT($M2,7)="Overdue"']);
    expect(condition.getBackground()).toBe(OVERDUE);
    expect(rules[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:M1000']);
    const recoloured = rules[0]!.copy().setBackground('#0000ff').build();
    t.sheet.setConditionalFormatRules([recoloured]);
    expect(t.state.sheets[0]!.conditionalFormatRules).toEqual([
      { ranges: ['A2:M1000'], formula: '=LEFT($M2,7)="Overdue"', background: '#0000ff', fontColor: null, bold: null },
    ]);
    expect(visibleBackgrounds(t.state, 'Applications')[2]![0]).toBe(W);
  });

  it('refuses a function the engine cannot evaluate when the rules are set', () => {
    const t = tracker();
    const rule = t.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=$E2<TODAY()')
      .setBackground(OVERDUE)
      .setRanges([t.sheet.getRange('A2:M')])
      .build();
    expect(() => t.sheet.setConditionalFormatRules([rule])).toThrow(
      'not implemented in the emulator: formula function TODAY',
    );
    expect(t.sheet.getConditionalFormatRules()).toHaveLength(0);
  });

  it('refuses ranges on another sheet', () => {
    const t = tracker();
    const other = t.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other');
    const rule = t.SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied('=TRUE')
      .setRanges([other.getRange('A1')])
      .build();
    expect(() => t.sheet.setConditionalFormatRules([rule])).toThrow(
      'Conditional format rule cannot reference a different sheet.',
    );
  });
});

describe('sorting and inserting', () => {
  it('moves whole rows with their notes, formats, formulas and validation when a person sorts', () => {
    const t = setup();
    const { sheet, SpreadsheetApp } = t;
    sheet.getRange('A1:C4').setValues([
      ['Company', 'Due', 'Label'],
      ['Gamma', '2026-12-01', '=A2&"!"'],
      ['Alpha', '', '=A3&"!"'],
      ['beta', '2026-11-01', '=A4&"!"'],
    ]);
    sheet.getRange('A2').setNote('gamma note').setBackground('#ff0000');
    sheet.getRange('A4').setFontWeight('bold');
    sheet.getRange('B2').setDataValidation(SpreadsheetApp.newDataValidation().requireDate().build());
    sortRows(t.state, 'Applications', 1);
    expect(
      sheet
        .getRange('A1:C4')
        .getValues()
        .map((r) => [r[0], r[2]]),
    ).toEqual([
      ['Company', 'Label'],
      ['Alpha', 'Alpha!'],
      ['beta', 'beta!'],
      ['Gamma', 'Gamma!'],
    ]);
    expect(sheet.getRange('A4').getNote()).toBe('gamma note');
    expect(sheet.getRange('A4').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('A3').getFontWeight()).toBe('bold');
    expect(sheet.getRange('B4').getDataValidation()).not.toBeNull();
    expect(sheet.getRange('C4').getFormula()).toBe('=A4&"!"');
  });

  it('sorts dates and numbers before text and blanks last, either way', () => {
    const t = setup();
    t.sheet.setFrozenRows(1);
    t.sheet.getRange('A1:A6').setValues([['H'], [''], ['b'], [3], ['2026-01-01'], ['a']]);
    t.sheet.sort(1, false);
    expect(t.sheet.getRange('A1:A6').getDisplayValues().flat()).toEqual(['H', 'b', 'a', '2026-01-01', '3', '']);
  });

  it('inserts columns after the last one, moving conditional ranges and formulas and keeping formats', () => {
    const t = tracker();
    t.sheet.getRange('M1').setFontWeight('bold');
    t.sheet.getRange('N1').setFormula('=M1');
    t.sheet.setConditionalFormatRules([
      t.SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied('=$M2="Due today"')
        .setBackground(TODAY)
        .setRanges([t.sheet.getRange('A2:N4')])
        .build(),
    ]);
    t.sheet.insertColumnsAfter(13, 2);
    expect(t.sheet.getMaxColumns()).toBe(28);
    expect(t.sheet.getRange('P1').getFormula()).toBe('=M1');
    expect(t.sheet.getRange('N1:O1').getFontWeights()).toEqual([['bold', 'bold']]);
    expect(t.state.sheets[0]!.conditionalFormatRules[0]).toMatchObject({
      ranges: ['A2:P4'],
      formula: '=$M2="Due today"',
    });
    expect(visibleBackgrounds(t.state, 'Applications')[2]).toEqual(Array(16).fill(TODAY));
    t.sheet.insertColumnBefore(1);
    expect(t.sheet.getRange('Q1').getFormula()).toBe('=N1');
    expect(t.state.sheets[0]!.conditionalFormatRules[0]).toMatchObject({
      ranges: ['B2:Q4'],
      formula: '=$N2="Due today"',
    });
    expect(visibleBackgrounds(t.state, 'Applications')[2]!.slice(0, 2)).toEqual([W, TODAY]);
  });

  it('refuses to outgrow the 10 million cell limit', () => {
    const t = setup();
    expect(() => t.sheet.insertColumnsAfter(26, 10_000)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  it('deletes rows, shifting what is below and refusing to delete every unfrozen row', () => {
    const t = tracker();
    t.sheet.setFrozenRows(1);
    t.sheet.deleteRows(2, 1);
    expect(t.sheet.getRange('A2:A3').getValues()).toEqual([['Beta'], ['Gamma']]);
    expect(t.sheet.getMaxRows()).toBe(999);
    expect(() => t.sheet.deleteRows(2, 998)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => t.sheet.deleteRows(999, 2)).toThrow('Those rows are out of bounds.');
  });
});

describe('rendering', () => {
  it('renders what a person sees, escaped', () => {
    const t = tracker();
    t.sheet.setFrozenRows(1);
    t.sheet.getRange('A1:M1').setFontWeight('bold');
    t.sheet.getRange('B2').setValue('<script>alert("x")</script>').setNote('a "note" & more');
    t.sheet.getRange('C2').setFormula('=HYPERLINK("https://mail.google.com/mail/#drafts/r1","Draft")');
    t.sheet.setConditionalFormatRules([
      t.SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied('=LEFT($M2,7)="Overdue"')
        .setBackground(OVERDUE)
        .setRanges([t.sheet.getRange('A2:M')])
        .build(),
    ]);
    const html = renderSheetHtml(t.state, 'Applications');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('title="a &quot;note&quot; &amp; more"');
    expect(html).toContain(`background-color:${OVERDUE}`);
    expect(html).toContain('<a href="https://mail.google.com/mail/#drafts/r1">Draft</a>');
    expect(html).toContain('<tr class="frozen"');
    expect(html).toMatch(/font-weight:bold[^>]*>Company</);
  });

  it('gives the display grid of the used range, header included', () => {
    const t = tracker();
    expect(displayGrid(t.state, 'Applications')).toHaveLength(4);
    expect(displayGrid(t.state, 'Applications')[1]![12]).toBe('Overdue · 3 days');
  });
});
