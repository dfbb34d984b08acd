/** Data validation and conditional format rules, and their builders. */
import type { Ctx } from './context';
import { compileFormula } from './formula';
import { normalizeColour } from './model';
import {
  a1OfRange,
  type ConditionalFormatRuleState,
  type DataValidationState,
  type GridRange,
  type SheetState,
} from './state';

type GAS = typeof GoogleAppsScript.Spreadsheet;
type RangeT = GoogleAppsScript.Spreadsheet.Range;

const enumValue = <T>(name: string): T => name as unknown as T;

export const DATA_VALIDATION_CRITERIA = Object.freeze(
  Object.fromEntries(
    [
      'DATE_AFTER',
      'DATE_BEFORE',
      'DATE_BETWEEN',
      'DATE_EQUAL_TO',
      'DATE_IS_VALID_DATE',
      'DATE_NOT_BETWEEN',
      'DATE_ON_OR_AFTER',
      'DATE_ON_OR_BEFORE',
      'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO',
      'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      'NUMBER_NOT_BETWEEN',
      'NUMBER_NOT_EQUAL_TO',
      'TEXT_CONTAINS',
      'TEXT_DOES_NOT_CONTAIN',
      'TEXT_EQUAL_TO',
      'TEXT_IS_VALID_EMAIL',
      'TEXT_IS_VALID_URL',
      'VALUE_IN_LIST',
      'VALUE_IN_RANGE',
      'CUSTOM_FORMULA',
      'CHECKBOX',
    ].map((n) => [n, n]),
  ),
) as unknown as GAS['DataValidationCriteria'];

export const BOOLEAN_CRITERIA = Object.freeze(
  Object.fromEntries(
    [
      'CELL_EMPTY',
      'CELL_NOT_EMPTY',
      'DATE_AFTER',
      'DATE_BEFORE',
      'DATE_EQUAL_TO',
      'DATE_AFTER_RELATIVE',
      'DATE_BEFORE_RELATIVE',
      'DATE_EQUAL_TO_RELATIVE',
      'NUMBER_BETWEEN',
      'NUMBER_EQUAL_TO',
      'NUMBER_GREATER_THAN',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      'NUMBER_LESS_THAN',
      'NUMBER_LESS_THAN_OR_EQUAL_TO',
      'NUMBER_NOT_BETWEEN',
      'NUMBER_NOT_EQUAL_TO',
      'TEXT_CONTAINS',
      'TEXT_DOES_NOT_CONTAIN',
      'TEXT_EQUAL_TO',
      'TEXT_STARTS_WITH',
      'TEXT_ENDS_WITH',
      'CUSTOM_FORMULA',
    ].map((n) => [n, n]),
  ),
) as unknown as GAS['BooleanCriteria'];

// ---------------------------------------------------------------------------------------------------------
// Data validation

function criteriaValues(ctx: Ctx, rule: DataValidationState): unknown[] {
  if (rule.criteria === 'VALUE_IN_LIST') return ctx.rt.toRealm([[...rule.values], rule.showDropdown]);
  return ctx.rt.toRealm([...rule.values]);
}

export class DataValidationFake
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.DataValidation,
      'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
    >
{
  readonly self: GoogleAppsScript.Spreadsheet.DataValidation;
  constructor(
    private readonly ctx: Ctx,
    readonly rule: DataValidationState,
  ) {
    this.self = ctx.wrap('DataValidation', this);
  }

  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.charge('DataValidation.copy');
    return new DataValidationBuilderFake(this.ctx, { ...this.rule, values: [...this.rule.values] }).self;
  }

  getAllowInvalid(): boolean {
    this.ctx.charge('DataValidation.getAllowInvalid');
    return this.rule.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.ctx.charge('DataValidation.getCriteriaType');
    return enumValue(this.rule.criteria);
  }

  getCriteriaValues(): unknown[] {
    this.ctx.charge('DataValidation.getCriteriaValues');
    return criteriaValues(this.ctx, this.rule);
  }

  getHelpText(): string {
    this.ctx.charge('DataValidation.getHelpText');
    return this.rule.helpText ?? '';
  }
}

type BuilderDraft = Omit<DataValidationState, 'criteria'> & { criteria: DataValidationState['criteria'] | null };

export class DataValidationBuilderFake
  implements
    Pick<
      GoogleAppsScript.Spreadsheet.DataValidationBuilder,
      | 'build'
      | 'copy'
      | 'getAllowInvalid'
      | 'getCriteriaType'
      | 'getCriteriaValues'
      | 'getHelpText'
      | 'requireCheckbox'
      | 'requireDate'
      | 'requireValueInList'
      | 'setAllowInvalid'
      | 'setHelpText'
    >
{
  readonly self: GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  private readonly draft: BuilderDraft;

  constructor(
    private readonly ctx: Ctx,
    draft?: BuilderDraft,
  ) {
    // Apps Script's builder allows invalid data unless told otherwise.
    this.draft = draft ?? { criteria: null, values: [], showDropdown: true, allowInvalid: true, helpText: null };
    this.self = ctx.wrap('DataValidationBuilder', this);
  }

  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    this.ctx.charge('DataValidationBuilder.build');
    const { criteria } = this.draft;
    if (criteria === null) {
      throw new Error(
        'not implemented in the emulator: a data validation rule without requireValueInList, requireCheckbox or requireDate',
      );
    }
    return new DataValidationFake(this.ctx, { ...this.draft, criteria, values: [...this.draft.values] }).self;
  }

  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.charge('DataValidationBuilder.copy');
    return new DataValidationBuilderFake(this.ctx, { ...this.draft, values: [...this.draft.values] }).self;
  }

  getAllowInvalid(): boolean {
    this.ctx.charge('DataValidationBuilder.getAllowInvalid');
    return this.draft.allowInvalid;
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    this.ctx.charge('DataValidationBuilder.getCriteriaType');
    return enumValue(this.draft.criteria ?? '');
  }

  getCriteriaValues(): unknown[] {
    this.ctx.charge('DataValidationBuilder.getCriteriaValues');
    return this.draft.criteria === null
      ? this.ctx.rt.toRealm([])
      : criteriaValues(this.ctx, { ...this.draft, criteria: this.draft.criteria });
  }

  getHelpText(): string | null {
    this.ctx.charge('DataValidationBuilder.getHelpText');
    return this.draft.helpText;
  }

  requireCheckbox(...args: unknown[]): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.charge('DataValidationBuilder.requireCheckbox');
    const values: (string | number | boolean)[] = [];
    for (const v of args) {
      if (args.length > 2 || (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) {
        throw this.ctx.signatureError('SpreadsheetApp.DataValidationBuilder.requireCheckbox', args);
      }
      values.push(v);
    }
    this.draft.criteria = 'CHECKBOX';
    this.draft.values = values;
    return this.self;
  }

  requireDate(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.charge('DataValidationBuilder.requireDate');
    this.draft.criteria = 'DATE_IS_VALID_DATE';
    this.draft.values = [];
    return this.self;
  }

  requireValueInList(values: string[], showDropdown?: boolean): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.charge('DataValidationBuilder.requireValueInList');
    if (!Array.isArray(values) || (showDropdown !== undefined && typeof showDropdown !== 'boolean')) {
      throw this.ctx.signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values, showDropdown]);
    }
    this.draft.criteria = 'VALUE_IN_LIST';
    this.draft.values = values.map((v) => String(v));
    this.draft.showDropdown = showDropdown ?? true;
    return this.self;
  }

  setAllowInvalid(allowInvalidData: boolean): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.charge('DataValidationBuilder.setAllowInvalid');
    if (typeof allowInvalidData !== 'boolean') {
      throw this.ctx.signatureError('SpreadsheetApp.DataValidationBuilder.setAllowInvalid', [allowInvalidData]);
    }
    this.draft.allowInvalid = allowInvalidData;
    return this.self;
  }

  setHelpText(helpText: string): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    this.ctx.charge('DataValidationBuilder.setHelpText');
    this.draft.helpText = helpText === null || helpText === undefined ? null : String(helpText);
    return this.self;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Conditional formatting

/** A rule's range: the sheet it is on and the rectangle. */
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
