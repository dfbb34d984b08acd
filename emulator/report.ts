/**
 * The JSON report of docs/COMMAND-LINE.md, read off the emulator as a person would see the sheet and Gmail: the managed
 * columns' text, the colours on screen, the notes on the status cells, and the drafts decoded from MIME.
 */
import type { Emulator } from './emulator';
import type { SentMessage } from './gmail';
import { cellValue } from './spreadsheet';
import { findSheet, gridGet, lastColumn, lastRow } from './spreadsheet/state';

export type ReportAction = 'thank-you' | 'check-in' | 'second-follow-up' | 'monthly-check-in' | 'application-check-in';
export type ReportStatus = 'overdue' | 'due-today' | 'upcoming' | 'scheduled' | 'waiting' | 'closed';

export interface ReportRow {
  row: number;
  company: string;
  action: ReportAction | null;
  due: string | null;
  status: ReportStatus | null;
  priority: number | null;
  color: string | null;
  problems: string[];
  draft: string | null;
}

export interface ReportDraft {
  id: string;
  row: number | null;
  action: ReportAction | null;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  threadId: string | null;
  inReplyTo: string | null;
  references: string | null;
  raw: string;
}

export interface Report {
  today: string;
  timeZone: string;
  locale: string;
  sheet: { name: string; values: string[][]; backgrounds: string[][] };
  rows: ReportRow[];
  drafts: Omit<ReportDraft, 'raw'>[];
  sent: { to: string[]; subject: string; date: string }[];
  triggers: { handler: string; type: 'CLOCK'; atHour: number | null }[];
  ui: { menu: string[]; toasts: string[]; alerts: string[] };
  calls: Record<string, number>;
  modeledMs: number;
  errors: { action: string; message: string }[];
}

const ACTION_OF: Record<string, ReportAction> = {
  'thank-you note': 'thank-you',
  'check-in': 'check-in',
  'second follow-up': 'second-follow-up',
  'monthly check-in': 'monthly-check-in',
  'application check-in': 'application-check-in',
};

function statusOf(text: string): ReportStatus | null {
  const t = text.trim().toLowerCase();
  if (t.startsWith('overdue')) return 'overdue';
  if (t.startsWith('due today')) return 'due-today';
  if (t.startsWith('upcoming')) return 'upcoming';
  if (t.startsWith('scheduled')) return 'scheduled';
  if (t.startsWith('waiting')) return 'waiting';
  if (t.startsWith('closed')) return 'closed';
  return null;
}

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, '');
const COMPANY_HEADERS = new Set(['company', 'companyname', 'employer', 'organization', 'organisation']);

/** The sheet the add-on treats as the tracker: the first whose row 1 has a Company header. */
export function trackerSheetName(emulator: Emulator): string {
  const sheets = emulator.state.spreadsheet.sheets;
  try {
    const settings = JSON.parse(emulator.state.platform.properties.document.settings ?? '{}') as {
      trackerSheet?: string;
    };
    if (settings.trackerSheet && sheets.some((s) => s.name === settings.trackerSheet)) return settings.trackerSheet;
  } catch {
    // Unreadable settings: the add-on falls back to the first tracker sheet, and so does the report.
  }
  const found = sheets.find((s) => emulator.displayValues(s.name)[0]?.some((h) => COMPANY_HEADERS.has(norm(h))));
  return (found ?? sheets[0]!).name;
}

/** Rows of the report, read from the managed columns as they show on screen. */
export function reportRows(emulator: Emulator, sheetName: string): ReportRow[] {
  const values = emulator.displayValues(sheetName);
  const backgrounds = emulator.backgrounds(sheetName);
  const state = emulator.state.spreadsheet;
  const sheet = findSheet(state, sheetName);
  if (!sheet) return [];
  const header = (values[0] ?? []).map(norm);
  const col = (name: string) => header.indexOf(norm(name));
  const company = header.findIndex((h) => COMPANY_HEADERS.has(h));
  // The add-on's columns by their marks (docs/RULES.md §1), else by the header an unmarked sheet gives them.
  const marked = (value: string) =>
    state.developerMetadata.find(
      (m) =>
        m.key === 'followups.managed' &&
        m.value === value &&
        m.location.type === 'COLUMN' &&
        m.location.sheetId === sheet.sheetId,
    );
  const managed = [
    ['nextFollowUp', 'Next follow-up'],
    ['due', 'Due'],
    ['followUpStatus', 'Follow-up status'],
    ['priority', 'Priority'],
    ['draft', 'Draft'],
  ].map(([key, header]) => {
    const location = marked(key!)?.location;
    return location?.type === 'COLUMN' ? location.column - 1 : col(header!);
  });
  const [next, due, status, priority, draft] = managed;
  const rows: ReportRow[] = [];
  if (company < 0) return rows;
  for (let r = 1; r < values.length; r++) {
    const line = values[r]!;
    if ((line[company] ?? '').trim() === '') continue;
    const dueValue = due! >= 0 ? cellValue(state, sheet, r, due!) : null;
    const dueIso =
      dueValue && typeof dueValue === 'object' && 'd' in dueValue
        ? new Intl.DateTimeFormat('en-CA', { timeZone: state.timeZone }).format(new Date(dueValue.d))
        : null;
    const ownBackground = gridGet(sheet.cells.backgrounds, r, company) ?? '#ffffff';
    const seen = backgrounds[r]?.[company] ?? '#ffffff';
    const note = status! >= 0 ? (gridGet(sheet.cells.notes, r, status!) ?? '') : '';
    const priorityText = priority! >= 0 ? (line[priority!] ?? '') : '';
    rows.push({
      row: r + 1,
      company: line[company] ?? '',
      action: next! >= 0 ? (ACTION_OF[(line[next!] ?? '').trim().toLowerCase()] ?? null) : null,
      due: dueIso,
      status: status! >= 0 ? statusOf(line[status!] ?? '') : null,
      priority: priorityText === '' ? null : Number(priorityText),
      color: seen.toLowerCase() === ownBackground.toLowerCase() ? null : seen,
      problems: note.split('\n').filter((l) => l.trim() !== ''),
      draft: draft! >= 0 && (line[draft!] ?? '') !== '' ? line[draft!]! : null,
    });
  }
  return rows;
}

/** Every live draft, decoded, with the row whose Draft cell names it. */
export function reportDrafts(emulator: Emulator, rows: readonly ReportRow[]): ReportDraft[] {
  return emulator.drafts().map((d) => {
    const row = rows.find((r) => r.draft?.includes(`draft ${d.id} `)) ?? null;
    const label = row?.draft?.split(' · ')[0]?.toLowerCase() ?? '';
    return {
      id: d.id,
      row: row?.row ?? null,
      action: ACTION_OF[label] ?? null,
      to: d.to,
      cc: d.cc,
      subject: d.subject,
      text: d.text ?? '',
      html: d.html ?? '',
      threadId: d.threadId,
      inReplyTo: d.inReplyTo,
      references: d.references.length > 0 ? d.references.join(' ') : null,
      raw: d.raw,
    };
  });
}

export function buildReport(
  emulator: Emulator,
  options: { today: string; sent: SentMessage[]; errors: { action: string; message: string }[] },
): { report: Report; drafts: ReportDraft[] } {
  const sheetName = trackerSheetName(emulator);
  const rows = reportRows(emulator, sheetName);
  const drafts = reportDrafts(emulator, rows);
  const state = emulator.state;
  const sheet = findSheet(state.spreadsheet, sheetName);
  const report: Report = {
    today: options.today,
    timeZone: state.spreadsheet.timeZone,
    locale: state.spreadsheet.locale,
    sheet: {
      name: sheetName,
      values: emulator.displayValues(sheetName),
      backgrounds: emulator.backgrounds(sheetName),
    },
    rows,
    drafts: drafts.map(({ raw: _raw, ...d }) => d),
    sent: options.sent.map((s) => ({ to: s.to, subject: s.subject, date: new Date(s.date).toISOString() })),
    triggers: state.platform.triggers.map((t) => ({ handler: t.handler, type: 'CLOCK', atHour: t.atHour ?? null })),
    ui: {
      menu: emulator.uiLog.menuItemCaptions(),
      toasts: emulator.uiLog.toasts.map((t) => t.message),
      alerts: emulator.uiLog.alerts.map((a) => (a.title ? `${a.title}: ${a.message}` : a.message)),
    },
    calls: { ...emulator.runtime.calls },
    modeledMs: Math.round(emulator.runtime.modeledMs),
    errors: options.errors,
  };
  if (sheet && (lastRow(sheet) === 0 || lastColumn(sheet) === 0)) report.sheet.values = [];
  return { report, drafts };
}
