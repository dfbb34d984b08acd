/**
 * Settings per spreadsheet, kept in document properties: scalars in one value, each template override in its own —
 * `template.<language>.<action>`, and `template.<action>` for wording saved before languages existed, which is read
 * as it always was and used for whichever language the drafts are in (docs/DECISIONS.md, Languages).
 */
import { parseSettings, type SettingError, type Settings } from '../core/settings';
import { ACTIONS, LANGUAGES, type Language } from '../core/templates';
import type { KeyValueStore } from '../ports';

const SETTINGS_KEY = 'settings';
const TEMPLATE_PREFIX = 'template.';

export interface LoadedSettings {
  settings: Settings;
  errors: SettingError[];
}

/** The property key of one override: `template.fr.check-in`, or `template.check-in` for one without a language. */
function templateKey(language: Language | 'any', action: string): string {
  return language === 'any' ? `${TEMPLATE_PREFIX}${action}` : `${TEMPLATE_PREFIX}${language}.${action}`;
}

function readOverride(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The stored settings as submitted (before defaults), for the settings dialog. */
export function storedSettings(all: Record<string, string>): Record<string, unknown> {
  let raw: Record<string, unknown> = {};
  const text = all[SETTINGS_KEY];
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>;
    } catch {
      raw = {};
    }
  }
  const templates: Record<string, unknown> = {};
  for (const action of ACTIONS) {
    const value = all[templateKey('any', action)];
    if (value) templates[action] = readOverride(value);
  }
  for (const language of LANGUAGES) {
    const mine: Record<string, unknown> = {};
    for (const action of ACTIONS) {
      const value = all[templateKey(language, action)];
      if (value) mine[action] = readOverride(value);
    }
    if (Object.keys(mine).length > 0) templates[language] = mine;
  }
  return Object.keys(templates).length > 0 ? { ...raw, templates } : raw;
}

export function loadSettings(all: Record<string, string>): LoadedSettings {
  const raw = storedSettings(all);
  const loaded = parseSettings(raw);
  if (all[SETTINGS_KEY] && Object.keys(raw).length === 0 && all[SETTINGS_KEY] !== '{}') {
    loaded.errors.push({
      setting: SETTINGS_KEY,
      message: 'The saved settings could not be read; open Follow-ups › Settings… and save them again.',
    });
  }
  return loaded;
}

/**
 * Validates and saves a full set of settings. Nothing is saved when any value is wrong, so the user sees every
 * message at once and keeps what they typed.
 */
export function saveSettings(store: KeyValueStore, submitted: Record<string, unknown>): LoadedSettings {
  const { settings, errors } = parseSettings(submitted);
  if (errors.length > 0) return { settings, errors };
  const { templates, ...scalars } = settings;
  const values: Record<string, string> = { [SETTINGS_KEY]: JSON.stringify(scalars) };
  const stored = store.getAll();
  for (const language of ['any', ...LANGUAGES] as const) {
    for (const action of ACTIONS) {
      const key = templateKey(language, action);
      const override = templates[language]?.[action];
      if (override && (override.subject || override.body)) values[key] = JSON.stringify(override);
      else if (key in stored) store.remove(key);
    }
  }
  store.set(values);
  return { settings, errors };
}

/** Applies changes on top of what is stored (the command line's --settings file gives only some keys). */
export function updateSettings(store: KeyValueStore, changes: Record<string, unknown>): LoadedSettings {
  return saveSettings(store, { ...storedSettings(store.getAll()), ...changes });
}
