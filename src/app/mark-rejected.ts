/**
 * The sidebar's "Mark as rejected" (docs/RULES.md §5): the one write into a Status cell, and only when the user
 * clicks it. It writes that row's Status cell alone, with the value rejectedChoice picks, or refuses with a sentence
 * saying what to fix and writes nothing.
 */
import { COLUMN_HEADERS } from '../core/columns';
import { rejectedChoice } from '../core/status';
import { languageOfLocale } from '../core/templates/language';
import { isTimeLimit } from './gmail-gate';
import * as say from './messages';
import type { TrackerModel } from './tracker-model';
import { PROTECTED } from './write-back';

/**
 * Writes the rejected value into the Status cell of the row `rowKey` names, in one single-cell write through the
 * TrackerSheet port, and scores the row again (closed: no follow-up). Returns why it refused instead (the row is gone,
 * its Status already closes it, the sheet has no Status column, the cell holds a formula, its list validation has no
 * value that reads as rejected or closed, or the sheet refused the write — a protection, say); nothing is written then.
 */
export function markRowRejected(model: TrackerModel, rowKey: string): string | undefined {
  const row = model.byKey(rowKey);
  if (!row) return say.reject.gone;
  const company = row.app.company;
  if (row.app.status.kind === 'closed') return say.reject.alreadyClosed(company, row.app.status.text);
  const column = model.headers.columns.status;
  if (column === undefined) return say.reject.noStatusColumn(company);
  if (model.formula(column, row.sheetRow) !== '') return say.reject.formula(company, row.sheetRow);
  const allowed = model.tracker.allowedValues(row.sheetRow, column);
  const value = rejectedChoice(allowed, languageOfLocale(model.ctx.locale));
  if (value === null) return say.reject.noClosedValue(company, allowed ?? []);
  try {
    model.tracker.writeColumns(column, [[value]], undefined, row.sheetRow);
  } catch (error) {
    if (isTimeLimit(error)) throw error;
    const message = say.errorText(error);
    const header = String(model.values[0]?.[column] ?? COLUMN_HEADERS.status[0]);
    if (/data validation/i.test(message)) return say.reject.validationRefused(company, value);
    const why = PROTECTED.test(message) ? say.protectedWrite([header], row.sheetRow, row.sheetRow) : message;
    return say.reject.notWritten(company, why);
  }
  model.statusWritten(row, column, value);
  return undefined;
}
