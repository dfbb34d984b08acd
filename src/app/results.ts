/** What a run reports: per row, its verdict and draft; for the run, what it did and what the user must know. */
import type { HeaderMap } from '../core/columns';
import { toIso } from '../core/dates';
import type { DraftRecord } from '../core/draftcell';
import type { MailVerdict } from '../core/mail-replies';
import type { Application, Evaluation, Problem } from '../core/rules';
import type { SettingError, Settings } from '../core/settings';
import type { Action } from '../core/templates';
import type { TrackerModel } from './tracker-model';

export interface RowOutcome {
  row: number;
  rowKey: string;
  company: string;
  role: string;
  action: Action | null;
  due: string | null;
  status: Evaluation['status'];
  statusText: string;
  priority: number;
  problems: Problem[];
  hints: string[];
  recipient: { email: string; name: string } | null;
  draft: DraftRecord | null;
  application: Application;
  evaluation: Evaluation;
  /** The "Re:" subject a check-in gets in its thread, when the run looked the thread up. */
  replySubject?: string;
  /**
   * What the row's mail says (docs/RULES.md §5), when the run read any about it: a rejection lets the preview offer
   * "Mark as rejected".
   */
  mail?: MailVerdict;
}

export interface RunResult {
  /** False when there is no tracker sheet (nothing was read or written). */
  found: boolean;
  /** The tracker's name, read on demand (it costs a call). */
  sheetName(): string | null;
  rows: RowOutcome[];
  drafted: number;
  replies: number;
  sentRecorded: number;
  leftForNextRun: number;
  /** Things the user must do before the add-on can go on (shown in an alert from the menu). */
  mustAct: string[];
  /** Things worth knowing (shown in the toast). */
  notes: string[];
  /**
   * Why a skip (the row has no follow-up, or a live draft) or a Mark as rejected (see mark-rejected.ts) was refused;
   * nothing was written then.
   */
  refused?: string;
  /** The run's settings, as loaded (with defaults), for whoever shows its results. */
  settings: Settings;
  /** The stored settings that are invalid (their defaults apply meanwhile). */
  settingErrors: SettingError[];
  /** Which column holds what (null without a tracker): Check setup lists it. */
  headers: HeaderMap | null;
}

/** Each application row of the model as the run leaves it. */
export function outcomes(model: TrackerModel): RowOutcome[] {
  return model.rows.map((r) => ({
    row: r.sheetRow,
    rowKey: r.key,
    company: r.app.company,
    role: r.app.role,
    action: r.evaluation.action,
    due: r.evaluation.due === null ? null : toIso(r.evaluation.due),
    status: r.evaluation.status,
    statusText: r.evaluation.statusText,
    priority: r.evaluation.priority,
    problems: r.evaluation.problems,
    hints: r.evaluation.hints,
    recipient: r.evaluation.recipient
      ? { email: r.evaluation.recipient.email, name: r.evaluation.recipient.name }
      : null,
    draft: r.app.draft,
    application: r.app,
    evaluation: r.evaluation,
    ...(r.replySubject ? { replySubject: r.replySubject } : {}),
    ...(r.mail ? { mail: r.mail } : {}),
  }));
}
