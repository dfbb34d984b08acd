/** The sheet as a person sees it, as a standalone HTML page (`out/sheet.html`). */
import { formatGeneralNumber } from './format';
import { compileFormula } from './formula';
import { escapeHtml } from './html';
import { hiddenCells } from './merge';
import { cellDisplay, usedSize, visibleStyles } from './model';
import { columnLetters, gridGet, requireSheet, type SpreadsheetState } from './state';

/** The URL of a `=HYPERLINK("https://...", ...)` cell, when it is a plain web or mail link. */
function hyperlinkOf(formula: string | null): string | null {
  if (formula === null) return null;
  const ast = compileFormula(formula).ast;
  if (ast?.t !== 'call' || ast.name !== 'HYPERLINK') return null;
  const url = ast.args[0];
  if (url?.t !== 'str' || !/^(https?:|mailto:)/i.test(url.v)) return null;
  return url.v;
}

/**
 * A standalone HTML page of the used range: display values, the colours a person sees (conditional formats
 * applied), bold cells, the frozen rows kept on top, notes as tooltips, links from HYPERLINK cells, checkboxes
 * as ☑/☐, merged cells as one spanning cell. Every cell text is HTML-escaped.
 */
export function renderSheetHtml(state: SpreadsheetState, sheetName: string): string {
  const sheet = requireSheet(state, sheetName);
  const { rows, cols } = usedSize(sheet);
  const styles = visibleStyles(state, sheet);
  const { notes, formulas, validations, values } = sheet.cells;
  const frozen = Math.min(sheet.frozenRows, rows);
  const used = { row: 1, col: 1, numRows: rows, numCols: cols };
  const hidden = rows === 0 ? null : hiddenCells(sheet, used);
  const spans = new Map<number, string>();
  for (const m of sheet.merges) {
    const rowspan = Math.min(m.numRows, rows - m.row + 1);
    const colspan = Math.min(m.numCols, cols - m.col + 1);
    if (rowspan < 1 || colspan < 1) continue;
    const attrs = `${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}${colspan > 1 ? ` colspan="${colspan}"` : ''}`;
    spans.set((m.row - 1) * cols + (m.col - 1), attrs);
  }
  const head = ['<tr><th class="corner"></th>'];
  for (let c = 1; c <= cols; c++) head.push(`<th class="col">${columnLetters(c)}</th>`);
  head.push('</tr>');
  const body: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [`<th class="row">${r + 1}</th>`];
    for (let c = 0; c < cols; c++) {
      if (hidden?.has(r * cols + c)) continue;
      const style: string[] = [`background-color:${styles.backgrounds[r]![c]}`];
      const colour = styles.fontColors[r]![c];
      if (colour) style.push(`color:${colour}`);
      if (styles.bold[r]![c]) style.push('font-weight:bold');
      const note = gridGet(notes, r, c);
      const attrs = [`style="${style.join(';')}"${spans.get(r * cols + c) ?? ''}`];
      if (note !== null) attrs.push(`title="${escapeHtml(note)}" class="note"`);
      const rule = gridGet(validations, r, c);
      const value = gridGet(values, r, c);
      let text: string;
      if (rule !== null && sheet.dataValidations[rule]?.criteria === 'CHECKBOX' && typeof value === 'boolean') {
        text = value ? '☑' : '☐';
      } else {
        text = escapeHtml(cellDisplay(state, sheet, r, c));
        const link = hyperlinkOf(gridGet(formulas, r, c));
        if (link !== null) text = `<a href="${escapeHtml(link)}">${text}</a>`;
      }
      const numeric = typeof value === 'number' || (typeof value === 'object' && value !== null);
      if (numeric) attrs.push('data-align="right"');
      cells.push(`<td ${attrs.join(' ')}>${text}</td>`);
    }
    const cls = r < frozen ? ' class="frozen"' : '';
    const top = r < frozen ? ` style="top:${(r + 1) * 26}px"` : '';
    body.push(`<tr${cls}${top}>${cells.join('')}</tr>`);
  }
  const title = `${escapeHtml(state.name)} – ${escapeHtml(sheet.name)}`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(state.locale.replace('_', '-'))}">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
  body { font-family: Arial, Helvetica, sans-serif; font-size: 13px; margin: 0; }
  h1 { font-size: 15px; font-weight: normal; margin: 8px 12px; }
  .meta { color: #5f6368; margin: 0 12px 8px; }
  table { border-collapse: separate; border-spacing: 0; }
  td, th { border-right: 1px solid #e2e3e3; border-bottom: 1px solid #e2e3e3; padding: 3px 6px; height: 19px;
    white-space: nowrap; max-width: 320px; overflow: hidden; text-overflow: ellipsis; }
  th { background: #f8f9fa; color: #5f6368; font-weight: normal; position: sticky; top: 0; z-index: 2; }
  th.row { position: sticky; left: 0; z-index: 1; text-align: center; }
  th.corner { left: 0; z-index: 3; }
  tr.frozen td { position: sticky; z-index: 1; border-bottom: 2px solid #c0c0c0; }
  td[data-align="right"] { text-align: right; }
  td.note { background-image: linear-gradient(225deg, #000 4px, transparent 4px); }
  a { color: #1155cc; }
</style>
</head>
<body>
<h1>${title}</h1>
<p class="meta">${rows} rows × ${cols} columns · time zone ${escapeHtml(state.timeZone)} · locale ${escapeHtml(state.locale)} · ${formatGeneralNumber(sheet.conditionalFormatRules.length, 'en_US')} conditional format rules</p>
<table>
<thead>${head.join('')}</thead>
<tbody>
${body.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
