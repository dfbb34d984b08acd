/**
 * The data the server hands the sidebar and the settings dialog (google.script.run answers). Declared once here,
 * where both src/app and the pages in src/ui can import it, so the two sides cannot drift apart.
 */
import type { SettingError, Settings } from './settings';
import type { Template } from './templates';

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
  defaultTemplates: Record<string, Template>;
  actions: { action: string; label: string }[];
  placeholders: readonly string[];
  timeZone: string;
  locale: string;
  errors: SettingError[];
}
