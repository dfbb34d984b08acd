/** Data validation rules and their builder (Range.setDataValidation, SpreadsheetApp.newDataValidation). */
import type { Ctx } from './context';
import { enumValue } from './enums';
import type { DataValidationState } from './state';

type GAS = typeof GoogleAppsScript.Spreadsheet;

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
