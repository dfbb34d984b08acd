/**
 * The user's own wording per language and action (docs/RULES.md §4; the `templates` setting): how a settings file
 * writes it, how it is checked, and which one a draft uses.
 */
import type { SettingError, Settings } from '../settings';
import { ACTION_LABELS, ACTIONS, type Action } from './actions';
import { LANGUAGE_PACKS } from './drafts';
import { LANGUAGES, type Language } from './language';
import { placeholderList, placeholderNamed, placeholdersIn } from './render';

export interface TemplateOverride {
  subject?: string;
  body?: string;
}

/**
 * The user's wording per language. `any` holds wording saved without a language (before languages existed, or a
 * settings file keyed by action): it is used for whichever language the drafts are in (docs/DECISIONS.md).
 */
export type TemplateOverrides = Partial<Record<Language | 'any', Partial<Record<Action, TemplateOverride>>>>;

/** "The Check-in subject (templates.check-in.subject)", or "… in French (templates.fr.check-in.subject)". */
function templateNamed(action: Action, field: string, language: Language | 'any'): string {
  if (language === 'any') return `The ${ACTION_LABELS[action]} ${field} (templates.${action}.${field})`;
  const name = LANGUAGE_PACKS[language].englishName;
  return `The ${ACTION_LABELS[action]} ${field} in ${name} (templates.${language}.${action}.${field})`;
}

/**
 * Checks one template override (`language` 'any' for wording saved without one); unknown placeholders are errors
 * that name them.
 */
export function validateTemplate(
  action: string,
  override: unknown,
  errors: SettingError[],
  language: Language | 'any' = 'any',
): TemplateOverride | undefined {
  const where = language === 'any' ? `templates.${action}` : `templates.${language}.${action}`;
  if (!(ACTIONS as readonly string[]).includes(action)) {
    const languages = language === 'any' ? `, and the languages ${LANGUAGES.join(', ')}` : '';
    errors.push({
      setting: where,
      message: `There is no follow-up "${action}" to word (${where}); the follow-ups are ${ACTIONS.join(', ')}${languages}.`,
    });
    return undefined;
  }
  const label = ACTION_LABELS[action as Action];
  if (typeof override !== 'object' || override === null || Array.isArray(override)) {
    errors.push({
      setting: where,
      message: `The ${label} wording (${where}) must be an object with "subject" and/or "body".`,
    });
    return undefined;
  }
  const named = (field: string) => templateNamed(action as Action, field, language);
  const result: TemplateOverride = {};
  for (const [field, value] of Object.entries(override)) {
    if (field !== 'subject' && field !== 'body') {
      errors.push({
        setting: `${where}.${field}`,
        message: `The ${label} wording (${where}) takes only "subject" and "body", not "${field}".`,
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
    const unknown = placeholdersIn(value).filter((name) => placeholderNamed(name) === null);
    if (unknown.length > 0) {
      errors.push({
        setting: `${where}.${field}`,
        message: `${named(field)} uses the unknown placeholder {{${unknown[0]}}}; the placeholders are ${placeholderList()}.`,
      });
      continue;
    }
    result[field] = value;
  }
  return result;
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Reads the `templates` setting: `{ "fr": { "check-in": {...} } }` per language, and `{ "check-in": {...} }`
 * (wording saved before languages existed) into `any`. Bad entries become errors and are left out.
 */
export function readTemplates(value: unknown, errors: SettingError[]): TemplateOverrides {
  const templates: TemplateOverrides = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ setting: 'templates', message: 'templates must be an object keyed by language or by action.' });
    return templates;
  }
  const keep = (language: Language | 'any', action: string, override: unknown) => {
    const checked = validateTemplate(action, override, errors, language);
    if (checked && Object.keys(checked).length > 0) {
      templates[language] = { ...templates[language], [action]: checked };
    }
  };
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (!isLanguage(key)) {
      keep('any', key, inner);
      continue;
    }
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
      errors.push({
        setting: `templates.${key}`,
        message: `The ${LANGUAGE_PACKS[key].englishName} wording (templates.${key}) must be an object keyed by action.`,
      });
      continue;
    }
    for (const [action, override] of Object.entries(inner as Record<string, unknown>)) keep(key, action, override);
  }
  return templates;
}

/** The user's wording for an action in a language: that language's own, else wording saved without a language. */
export function templateOverride(
  settings: Pick<Settings, 'templates'>,
  language: Language,
  action: Action,
): TemplateOverride {
  return settings.templates[language]?.[action] ?? settings.templates.any?.[action] ?? {};
}

/**
 * The wording keyed by language only, wording saved without a language placed under `language` (the drafts'
 * language) unless that language has its own for the action: what the Settings dialog shows and saves.
 */
export function placeUnsetTemplates(templates: TemplateOverrides, language: Language): TemplateOverrides {
  const { any, ...byLanguage } = templates;
  if (!any) return byLanguage;
  return { ...byLanguage, [language]: { ...any, ...byLanguage[language] } };
}
