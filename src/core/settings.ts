/** Settings (RULES.md §3) with their defaults, and validation that names the setting and what it allows. */
import { COLUMN_KEYS, type ColumnKey, KEY_LABELS, normaliseHeader } from './columns';
import { ACTION_LABELS, ACTIONS, type Action, hasControlCharacters, PLACEHOLDERS, placeholdersIn } from './templates';

export interface TemplateOverride {
  subject?: string;
  body?: string;
}

export interface Settings {
  yourName: string;
  responseWindowDays: number;
  secondFollowUpDays: number;
  monthlyCheckIns: boolean;
  monthlyIntervalDays: number;
  maxMonthlyCheckIns: number;
  applicationFollowUpDays: number;
  /** A thank-you is drafted only until this many days after the interview (docs/RULES.md §3). */
  thankYouWindowDays: number;
  /** A follow-up overdue by more than this many days is not drafted (docs/RULES.md §2). */
  staleAfterDays: number;
  skipWeekends: boolean;
  dailyHour: number;
  /** Names the tracker sheet; blank means the first sheet with a Company header. */
  trackerSheet: string;
  /** Header overrides: the header to read for a key, '' for none (docs/RULES.md §1). */
  columns: Partial<Record<ColumnKey, string>>;
  templates: Partial<Record<Action, TemplateOverride>>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  yourName: '',
  responseWindowDays: 7,
  secondFollowUpDays: 7,
  monthlyCheckIns: true,
  monthlyIntervalDays: 30,
  maxMonthlyCheckIns: 3,
  applicationFollowUpDays: 14,
  thankYouWindowDays: 2,
  staleAfterDays: 45,
  skipWeekends: true,
  dailyHour: 8,
  trackerSheet: '',
  columns: {},
  templates: {},
});

export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

interface NumberRule {
  min: number;
  max: number;
}

const NUMBER_RULES: Partial<Record<SettingKey, NumberRule>> = {
  responseWindowDays: { min: 1, max: 90 },
  secondFollowUpDays: { min: 1, max: 60 },
  monthlyIntervalDays: { min: 7, max: 180 },
  maxMonthlyCheckIns: { min: 0, max: 24 },
  applicationFollowUpDays: { min: 0, max: 120 },
  thankYouWindowDays: { min: 0, max: 14 },
  staleAfterDays: { min: 1, max: 365 },
  dailyHour: { min: 0, max: 23 },
};

/** How each setting is named to a person (the settings dialog's labels); messages lead with it. */
export const SETTING_LABELS: Readonly<Record<SettingKey, string>> = {
  yourName: 'Your name',
  responseWindowDays: 'Days to wait for a response',
  secondFollowUpDays: 'Days before the second follow-up',
  monthlyCheckIns: 'Monthly check-ins',
  monthlyIntervalDays: 'Days between monthly check-ins',
  maxMonthlyCheckIns: 'Monthly check-ins at most',
  applicationFollowUpDays: 'Days after applying to check in',
  thankYouWindowDays: 'Days after the interview to send a thank-you',
  staleAfterDays: 'Days overdue before a follow-up is left to you',
  skipWeekends: 'Move weekend check-ins to Monday',
  dailyHour: 'Hour of the daily drafts',
  trackerSheet: 'Tracker sheet',
  columns: 'Column headers',
  templates: 'Wording',
};

/** "Hour of the daily drafts (dailyHour)": the label a person sees, and the key a settings file uses. */
function named(key: SettingKey): string {
  return `${SETTING_LABELS[key]} (${key})`;
}

/** "The Check-in subject (templates.check-in.subject)". */
function templateNamed(action: Action, field: string): string {
  return `The ${ACTION_LABELS[action]} ${field} (templates.${action}.${field})`;
}

const BOOLEAN_KEYS: SettingKey[] = ['monthlyCheckIns', 'skipWeekends'];

export interface SettingError {
  setting: string;
  message: string;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function readNumber(key: SettingKey, rule: NumberRule, value: unknown, errors: SettingError[]): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= rule.min && n <= rule.max) return n;
  errors.push({
    setting: key,
    message: `${named(key)} must be a whole number from ${rule.min} to ${rule.max}; it is ${show(value)}.`,
  });
  return undefined;
}

function readBoolean(key: SettingKey, value: unknown, errors: SettingError[]): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false|yes|no|on|off)$/i.test(value.trim())) {
    return /^(true|yes|on)$/i.test(value.trim());
  }
  errors.push({ setting: key, message: `${named(key)} must be true or false; it is ${show(value)}.` });
  return undefined;
}

function readText(key: SettingKey, value: unknown, max: number, errors: SettingError[]): string | undefined {
  if (typeof value !== 'string') {
    errors.push({ setting: key, message: `${named(key)} must be text; it is ${show(value)}.` });
    return undefined;
  }
  const text = value.trim();
  if (hasControlCharacters(text)) {
    errors.push({
      setting: key,
      message: `${named(key)} must be one line of text, without line breaks or control characters.`,
    });
    return undefined;
  }
  if (text.length > max) {
    errors.push({ setting: key, message: `${named(key)} must be at most ${max} characters; it has ${text.length}.` });
    return undefined;
  }
  return text;
}

/**
 * Checks the `columns` setting: known keys only, each a one-line header (blank for none), no header for two keys.
 * @example readColumns({ applied: 'Date Applied' }, errors) // { applied: 'Date Applied' }
 */
export function readColumns(value: unknown, errors: SettingError[]): Partial<Record<ColumnKey, string>> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({
      setting: 'columns',
      message: `${named('columns')} must name a header for each column, such as {"applied": "Date Applied"}; it is ${show(value)}.`,
    });
    return undefined;
  }
  const columns: Partial<Record<ColumnKey, string>> = {};
  const byHeader = new Map<string, ColumnKey>();
  for (const [key, header] of Object.entries(value as Record<string, unknown>)) {
    const where = `columns.${key}`;
    if (!(COLUMN_KEYS as string[]).includes(key)) {
      errors.push({
        setting: where,
        message: `There is no column "${key}" to map (${where}); the columns are ${COLUMN_KEYS.join(', ')}.`,
      });
      continue;
    }
    const k = key as ColumnKey;
    const about = `The header for ${KEY_LABELS[k]} (${where})`;
    if (typeof header !== 'string' || hasControlCharacters(header) || header.trim().length > 100) {
      errors.push({
        setting: where,
        message: `${about} must be one line of text of at most 100 characters, or blank for none; it is ${show(header)}.`,
      });
      continue;
    }
    const normal = normaliseHeader(header);
    const other = normal === '' ? undefined : byHeader.get(normal);
    if (other !== undefined) {
      errors.push({
        setting: where,
        message: `${about} is "${header.trim()}", the header already chosen for ${KEY_LABELS[other]}: one column holds one thing.`,
      });
      continue;
    }
    if (normal !== '') byHeader.set(normal, k);
    columns[k] = header.trim();
  }
  return columns;
}

/** Checks one template override; unknown placeholders are errors that name them. */
export function validateTemplate(
  action: string,
  override: unknown,
  errors: SettingError[],
): TemplateOverride | undefined {
  const where = `templates.${action}`;
  if (!(ACTIONS as readonly string[]).includes(action)) {
    errors.push({
      setting: where,
      message: `There is no follow-up "${action}" to word (${where}); the follow-ups are ${ACTIONS.join(', ')}.`,
    });
    return undefined;
  }
  if (typeof override !== 'object' || override === null || Array.isArray(override)) {
    errors.push({
      setting: where,
      message: `The ${ACTION_LABELS[action as Action]} wording (${where}) must be an object with "subject" and/or "body".`,
    });
    return undefined;
  }
  const named = (field: string) => templateNamed(action as Action, field);
  const result: TemplateOverride = {};
  for (const [field, value] of Object.entries(override)) {
    if (field !== 'subject' && field !== 'body') {
      errors.push({
        setting: `${where}.${field}`,
        message: `The ${ACTION_LABELS[action as Action]} wording (${where}) takes only "subject" and "body", not "${field}".`,
      });
      continue;
    }
    if (typeof value !== 'string') {
      errors.push({ setting: `${where}.${field}`, message: `${named(field)} must be text.` });
      continue;
    }
    if (value.trim() === '') continue;
    if (field === 'subject' && /[\r\n]/.test(value)) {
      errors.push({ setting: `${where}.subject`, message: `${named('subject')} must be one line (no line breaks).` });
      continue;
    }
    if (value.length > 5000) {
      errors.push({ setting: `${where}.${field}`, message: `${named(field)} must be at most 5000 characters.` });
      continue;
    }
    const unknown = placeholdersIn(value).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
    if (unknown.length > 0) {
      errors.push({
        setting: `${where}.${field}`,
        message: `${named(field)} uses the unknown placeholder {{${unknown[0]}}}; the placeholders are ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.`,
      });
      continue;
    }
    result[field] = value;
  }
  return result;
}

/**
 * Builds settings from stored or submitted values: defaults for what is missing, and an error per bad value
 * (the bad value is replaced by its default so the rest still works).
 */
export function parseSettings(raw: Readonly<Record<string, unknown>>): { settings: Settings; errors: SettingError[] } {
  const errors: SettingError[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, columns: {}, templates: {} };
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    if (!(SETTING_KEYS as string[]).includes(key)) {
      errors.push({
        setting: key,
        message: `There is no setting "${key}"; the settings are ${SETTING_KEYS.join(', ')}.`,
      });
      continue;
    }
    const k = key as SettingKey;
    const numberRule = NUMBER_RULES[k];
    if (numberRule) {
      const n = readNumber(k, numberRule, value, errors);
      if (n !== undefined) (settings[k] as number) = n;
    } else if (BOOLEAN_KEYS.includes(k)) {
      const b = readBoolean(k, value, errors);
      if (b !== undefined) (settings[k] as boolean) = b;
    } else if (k === 'yourName') {
      const text = readText(k, value, 100, errors);
      if (text !== undefined) settings.yourName = text;
    } else if (k === 'trackerSheet') {
      const text = readText(k, value, 100, errors);
      if (text !== undefined) settings.trackerSheet = text;
    } else if (k === 'columns') {
      const columns = readColumns(value, errors);
      if (columns !== undefined) settings.columns = columns;
    } else if (k === 'templates') {
      if (typeof value !== 'object' || Array.isArray(value)) {
        errors.push({ setting: 'templates', message: 'templates must be an object keyed by action.' });
        continue;
      }
      for (const [action, override] of Object.entries(value as Record<string, unknown>)) {
        const checked = validateTemplate(action, override, errors);
        if (checked && Object.keys(checked).length > 0) settings.templates[action as Action] = checked;
      }
    }
  }
  return { settings, errors };
}
