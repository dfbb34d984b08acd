/**
 * The functions the sidebar and the settings dialog call on the server (google.script.run) and the data they answer
 * with. Declared once here, where src/main.ts, src/app and the pages in src/ui can all import it: a page calling a
 * function main.ts does not export, or misreading its answer, fails to compile (see src/server-contract.ts).
 */
import type { ColumnKey } from './columns';
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
  /**
   * The row is listed because its mail looks like a rejection (docs/RULES.md §5), not because a follow-up is due: the
   * sidebar offers "Mark as rejected" (markRejected), which sets its Status. Such a row has no action or draft.
   */
  mayMarkRejected: boolean;
  /** The day the rejection came, YYYY-MM-DD in the spreadsheet's zone ('' unless mayMarkRejected). */
  rejectedOn: string;
}

export interface Preview {
  sheetName: string | null;
  today: string;
  /** The due rows by priority, then the rows whose mail looks like a rejection (mayMarkRejected), by sheet row. */
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
  /** The tracker sheet's headers, left to right, without blanks and the add-on's own columns ([] with no tracker). */
  sheetHeaders: string[];
  /** Per key of docs/RULES.md §1: what it holds, and the header it is read from now (by its words or the setting). */
  columnReads: { key: ColumnKey; label: string; reads: string | null }[];
}

/** What saving the settings dialog answers: all saved, or nothing saved and every problem named. */
export interface SaveSettingsResult {
  ok: boolean;
  errors: SettingError[];
}

/** google.script.run's functions, by name, as main.ts exports them (parameters are what the pages send). */
export interface ServerApi {
  getPreview: () => Preview;
  createDrafts: (rowKeys: string[]) => Preview;
  createAllDrafts: () => Preview;
  skipFollowUp: (rowKey: string, untilIso: string) => Preview;
  markRejected: (rowKey: string) => Preview;
  selectRow: (sheetName: string, row: number) => void;
  getSettingsForm: () => SettingsForm;
  saveSettings: (values: Record<string, unknown>) => SaveSettingsResult;
}
