/**
 * The data the server hands the sidebar and the settings dialog (google.script.run answers). Declared once here,
 * where both src/app and the pages in src/ui can import it, so the two sides cannot drift apart.
 */
import type { SettingError, Settings } from './settings';
import type { Action, Language, Template } from './templates';

export interface PreviewRow {
  row: number;
  /** Finds the row again after the user sorts the sheet. */
  rowKey: string;
  company: string;
  role: string;
  action: string;
  actionLabel: string;
  due: string;
  status: string;
  statusText: string;
  priority: number;
  to: string;
  subject: string;
  bodyStart: string;
  problems: { message: string; blocking: boolean }[];
  /** A draft or a sent message already covers this follow-up. */
  drafted: boolean;
  /** The row's private Notes, shown beside the draft to help write it; never part of the email. */
  notes: string;
}

export interface Preview {
  sheetName: string | null;
  today: string;
  rows: PreviewRow[];
  mustAct: string[];
  message?: string;
}

export interface SettingsForm {
  values: Settings;
  defaults: Settings;
  /** The built-in wording of every action, per language. */
  defaultTemplates: Record<Language, Record<Action, Template>>;
  languages: { language: Language; name: string; englishName: string }[];
  /** The language a blank `language` setting means here: the spreadsheet locale's, else English. */
  localeLanguage: Language;
  actions: { action: string; label: string }[];
  placeholders: readonly string[];
  timeZone: string;
  locale: string;
  errors: SettingError[];
}
