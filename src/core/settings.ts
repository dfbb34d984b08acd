/** Settings (docs/RULES.md §3) with their defaults, and validation that names the setting and what it allows. */
import { COLUMN_KEYS, type ColumnKey, KEY_LABELS, normaliseHeader } from './columns';
import {
  hasControlCharacters,
  LANGUAGE_PACKS,
  LANGUAGES,
  type Language,
  readTemplates,
  type TemplateOverrides,
} from './templates';

export type { TemplateOverride, TemplateOverrides } from './templates';

export interface Settings {
  yourName: string;
  /** The drafts' language; '' means the spreadsheet locale's language when built in, else English. */
  language: Language | '';
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
  templates: TemplateOverrides;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  yourName: '',
  language: '',
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
  language: 'Language of the drafts',
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

function readLanguage(value: unknown, errors: SettingError[]): Language | '' | undefined {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : null;
  if (text !== null && (text === '' || (LANGUAGES as readonly string[]).includes(text))) return text as Language | '';
  const choices = LANGUAGES.map((l) => `${l} (${LANGUAGE_PACKS[l].englishName})`).join(', ');
  errors.push({
    setting: 'language',
    message: `${named('language')} must be one of ${choices}, or blank for the spreadsheet's language; it is ${show(value)}.`,
  });
  return undefined;
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
    } else if (k === 'language') {
      const language = readLanguage(value, errors);
      if (language !== undefined) settings.language = language;
    } else if (k === 'templates') {
      settings.templates = readTemplates(value, errors);
    }
  }
  return { settings, errors };
}
