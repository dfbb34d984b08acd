/** Conditional format rules and their builder (Sheet.setConditionalFormatRules, SpreadsheetApp.newConditionalFormatRule). */
import type { Ctx } from './context';
import { enumValue } from './enums';
import { compileFormula } from './formula';
import { normalizeColour } from './model';
import { a1OfRange, type ConditionalFormatRuleState, type GridRange, type SheetState } from './state';

type RangeT = GoogleAppsScript.Spreadsheet.Range;

export interface RuleRange {
  sheet: SheetState;
  range: GridRange;
}

export interface RuleDraft {
  formula: string | null;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: RuleRange[];
}

function colourArg(ctx: Ctx, method: string, color: string | null): string | null {
  if (color === null || color === undefined) return null;
  if (typeof color !== 'string') throw ctx.signatureError(method, [color]);
  const c = normalizeColour(color);
  if (c === null) throw new Error(`not implemented in the emulator: the colour "${color}" (use #rrggbb)`);
  return c;
}

/** Checks a custom formula against the engine: an unknown function or syntax is refused loudly. */
export function checkRuleFormula(formula: string): void {
  if (!formula.startsWith('=')) {
    throw new Error(`not implemented in the emulator: a custom formula without a leading = (${formula})`);
  }
  const compiled = compileFormula(formula);
  if (compiled.parseError !== null) {
    throw new Error(`not implemented in the emulator: formula syntax in ${formula} (${compiled.parseError})`);
  }
  if (compiled.unknownFunctions.length > 0) {
    throw new Error(`not implemented in the emulator: formula function ${compiled.unknownFunctions[0]}`);
  }
}

export class BooleanConditionFake
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.BooleanCondition,
      'getBackground' | 'getBold' | 'getCriteriaType' | 'getCriteriaValues' | 'getFontColor'
    >
{
  readonly self: GoogleAppsScript.Spreadsheet.BooleanCondition;
  constructor(
    private readonly ctx: Ctx,
    private readonly draft: RuleDraft,
  ) {
    this.self = ctx.wrap('BooleanCondition', this);
  }

  getBackground(): string | null {
    this.ctx.charge('BooleanCondition.getBackground');
    return this.draft.background;
  }

  getBold(): boolean | null {
    this.ctx.charge('BooleanCondition.getBold');
    return this.draft.bold;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    this.ctx.charge('BooleanCondition.getCriteriaType');
    return enumValue('CUSTOM_FORMULA');
  }

  getCriteriaValues(): unknown[] {
    this.ctx.charge('BooleanCondition.getCriteriaValues');
    return this.ctx.rt.toRealm([this.draft.formula]);
  }

  getFontColor(): string | null {
    this.ctx.charge('BooleanCondition.getFontColor');
    return this.draft.fontColor;
  }
}

function copyDraft(draft: RuleDraft): RuleDraft {
  return { ...draft, ranges: draft.ranges.map((r) => ({ sheet: r.sheet, range: { ...r.range } })) };
}

function rangesOf(ctx: Ctx, draft: RuleDraft): RangeT[] {
  return ctx.rt.toRealm(draft.ranges.map((r) => ctx.makeRange(r.sheet, r.range)));
}

export class ConditionalFormatRuleFake
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
      'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'
    >
{
  readonly self: GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  constructor(
    private readonly ctx: Ctx,
    readonly draft: RuleDraft,
  ) {
    this.self = ctx.wrap('ConditionalFormatRule', this);
  }

  copy(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.charge('ConditionalFormatRule.copy');
    return new ConditionalFormatRuleBuilderFake(this.ctx, copyDraft(this.draft)).self;
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.ctx.charge('ConditionalFormatRule.getBooleanCondition');
    return new BooleanConditionFake(this.ctx, this.draft).self;
  }

  getGradientCondition(): null {
    this.ctx.charge('ConditionalFormatRule.getGradientCondition');
    return null;
  }

  getRanges(): RangeT[] {
    this.ctx.charge('ConditionalFormatRule.getRanges');
    return rangesOf(this.ctx, this.draft);
  }

  /** The state saved for this rule on its sheet. */
  toState(): ConditionalFormatRuleState {
    return {
      ranges: this.draft.ranges.map((r) => a1OfRange(r.range)),
      formula: this.draft.formula ?? '',
      background: this.draft.background,
      fontColor: this.draft.fontColor,
      bold: this.draft.bold,
    };
  }
}

export class ConditionalFormatRuleBuilderFake
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
      | 'build'
      | 'copy'
      | 'getBooleanCondition'
      | 'getGradientCondition'
      | 'getRanges'
      | 'setBackground'
      | 'setBold'
      | 'setFontColor'
      | 'setRanges'
      | 'whenFormulaSatisfied'
    >
{
  readonly self: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  constructor(
    private readonly ctx: Ctx,
    private readonly draft: RuleDraft = { formula: null, background: null, fontColor: null, bold: null, ranges: [] },
  ) {
    this.self = ctx.wrap('ConditionalFormatRuleBuilder', this);
  }

  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    this.ctx.charge('ConditionalFormatRuleBuilder.build');
    if (this.draft.formula === null) {
      throw new Error('not implemented in the emulator: conditional format rules other than whenFormulaSatisfied');
    }
    return new ConditionalFormatRuleFake(this.ctx, copyDraft(this.draft)).self;
  }

  copy(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.charge('ConditionalFormatRuleBuilder.copy');
    return new ConditionalFormatRuleBuilderFake(this.ctx, copyDraft(this.draft)).self;
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    this.ctx.charge('ConditionalFormatRuleBuilder.getBooleanCondition');
    return this.draft.formula === null ? null : new BooleanConditionFake(this.ctx, copyDraft(this.draft)).self;
  }

  getGradientCondition(): null {
    this.ctx.charge('ConditionalFormatRuleBuilder.getGradientCondition');
    return null;
  }

  getRanges(): RangeT[] {
    this.ctx.charge('ConditionalFormatRuleBuilder.getRanges');
    return rangesOf(this.ctx, this.draft);
  }

  setBackground(color: string | null): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.charge('ConditionalFormatRuleBuilder.setBackground');
    this.draft.background = colourArg(this.ctx, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setBackground', color);
    return this.self;
  }

  setBold(bold: boolean | null): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.charge('ConditionalFormatRuleBuilder.setBold');
    this.draft.bold = bold === null || bold === undefined ? null : Boolean(bold);
    return this.self;
  }

  setFontColor(color: string | null): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.charge('ConditionalFormatRuleBuilder.setFontColor');
    this.draft.fontColor = colourArg(this.ctx, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setFontColor', color);
    return this.self;
  }

  setRanges(ranges: RangeT[]): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.charge('ConditionalFormatRuleBuilder.setRanges');
    if (!Array.isArray(ranges))
      throw this.ctx.signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', [ranges]);
    const out: RuleRange[] = [];
    for (const r of ranges) {
      const found = this.ctx.rangeInfo(r);
      if (!found) throw this.ctx.signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', [ranges]);
      out.push(found);
    }
    this.draft.ranges = out;
    return this.self;
  }

  whenFormulaSatisfied(formula: string): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.ctx.charge('ConditionalFormatRuleBuilder.whenFormulaSatisfied');
    if (typeof formula !== 'string') {
      throw this.ctx.signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.whenFormulaSatisfied', [formula]);
    }
    this.draft.formula = formula;
    return this.self;
  }
}
