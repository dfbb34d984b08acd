/** Settings per spreadsheet, kept in document properties: scalars in one value, each template override in its own. */
import { parseSettings, type SettingError, type Settings } from '../core/settings';
import { ACTIONS } from '../core/templates';
import type { KeyValueStore } from '../ports';

const SETTINGS_KEY = 'settings';
const TEMPLATE_PREFIX = 'template.';

export interface LoadedSettings {
  settings: Settings;
  errors: SettingError[];
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
    const value = all[`${TEMPLATE_PREFIX}${action}`];
    if (!value) continue;
    try {
      templates[action] = JSON.parse(value);
    } catch {
      templates[action] = value;
    }
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
  for (const action of ACTIONS) {
    const override = templates[action];
    if (override && (override.subject || override.body))
      values[`${TEMPLATE_PREFIX}${action}`] = JSON.stringify(override);
    else store.remove(`${TEMPLATE_PREFIX}${action}`);
  }
  store.set(values);
  return { settings, errors };
}

/** Applies changes on top of what is stored (the command line's --settings file gives only some keys). */
export function updateSettings(store: KeyValueStore, changes: Record<string, unknown>): LoadedSettings {
  return saveSettings(store, { ...storedSettings(store.getAll()), ...changes });
}
