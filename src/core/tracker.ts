/** Reads a whole tracker grid (row 1 = headers) into applications, and scores every row in memory. */

import type { Application } from './application';
import { type CellValue, isBlank, type ReadContext } from './cells';
import { type HeaderMap, KEY_LABELS, type MatchOptions, matchHeaders } from './columns';
import { readRow, rowLayout } from './row';
import { type Evaluation, evaluate } from './rules';
import type { Settings } from './settings';

export { readApplication } from './row';

export interface ScoredRow {
  application: Application;
  evaluation: Evaluation;
}

export interface ScoredTracker {
  headers: HeaderMap;
  rows: ScoredRow[];
  /** Problems with the sheet as a whole (duplicate or ambiguous headers, rows without a company). */
  sheetProblems: string[];
}

/** True for a row that is an application: a non-blank Company cell. */
export function isApplicationRow(cells: readonly CellValue[], headers: HeaderMap): boolean {
  const index = headers.columns.company;
  return index !== undefined && !isBlank(cells[index]);
}

/** True for a row with a blank company but other application data: what a merged Company cell leaves below it. */
function hasDataWithoutCompany(cells: readonly CellValue[], headers: HeaderMap): boolean {
  if (isApplicationRow(cells, headers) || headers.columns.company === undefined) return false;
  return Object.values(headers.columns).some((index) => !isBlank(cells[index]));
}

/** What is worth telling about the header row and the rows the run does not read (docs/RULES.md §1). */
function headerProblems(headers: HeaderMap): string[] {
  const problems = headers.duplicates.map(
    (d) => `Column "${d.header}" repeats another column's heading, so it is left alone.`,
  );
  for (const a of headers.ambiguous) {
    const meanings = a.keys.map((k) => KEY_LABELS[k]).join(' or ');
    problems.push(
      `Column "${a.header}" could hold ${meanings}, so it is not read: rename it, or map it in the Column headers setting (columns: {"${a.keys[0]}": "${a.header}"}).`,
    );
  }
  for (const m of headers.missingOverrides) {
    problems.push(
      `The Column headers setting (columns) reads ${KEY_LABELS[m.key]} from a column "${m.header}", but the sheet has none: rename your column to "${m.header}", or change columns.${m.key} in the settings.`,
    );
  }
  return problems;
}

function companyless(rows: number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  const more = rows.length > 10 ? ` and ${rows.length - 10} more` : '';
  const which = rows.length === 1 ? `Row ${shown} has` : `Rows ${shown}${more} have`;
  return `${which} data but no Company, so ${rows.length === 1 ? 'it is' : 'they are'} not read: is the Company cell merged? Unmerge it and fill in the company on every row.`;
}

/**
 * Scores a whole grid as `getValues()` returns it, reading the headers with the `columns` setting and the columns
 * the add-on marked (`marked`). Never throws on odd cell values: a cell that cannot be read becomes a problem on its
 * row.
 */
export function scoreTracker(
  values: readonly (readonly CellValue[])[],
  settings: Settings,
  ctx: ReadContext,
  options: Pick<MatchOptions, 'marked' | 'managed'> = {},
): ScoredTracker {
  const headers = matchHeaders(values[0] ?? [], { ...options, overrides: settings.columns });
  const sheetProblems = headerProblems(headers);
  const layout = rowLayout(headers);
  const rows: ScoredRow[] = [];
  const orphans: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i]!;
    if (!isApplicationRow(cells, headers)) {
      if (hasDataWithoutCompany(cells, headers)) orphans.push(i + 1);
      continue;
    }
    const application = readRow(cells, i + 1, layout, ctx);
    rows.push({ application, evaluation: evaluate(application, settings, ctx.today) });
  }
  if (orphans.length > 0) sheetProblems.push(companyless(orphans));
  return { headers, rows, sheetProblems };
}
