/** The RFC 4180 CSV parser and the loader that puts a CSV into a sheet as a person importing it would. */

import {
  completeSpreadsheetState,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  gridRow,
  MAX_CELLS,
  requireSheet,
  type SpreadsheetState,
} from './state';
import { typedEntry } from './typed';

/** Parses RFC 4180 CSV (quoted fields, `""` escapes, newlines inside quotes, CRLF or LF). */
export function parseCsv(csvText: string): string[][] {
  const src = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;
  const n = src.length;
  let fieldStarted = false;
  while (i < n) {
    const ch = src[i]!;
    if (ch === '"' && !fieldStarted) {
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new Error(`CSV line ${startLine}: unterminated quoted field (a " is never closed)`);
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new Error(`CSV line ${line}: unexpected text after a closing quote`);
      }
      fieldStarted = true;
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Loads CSV into a sheet as a person importing it would see it: row 1 (the headers) onwards, each cell typed as
 * typed entry in the spreadsheet's locale and zone. The sheet grows when the CSV is larger than it. `now` (epoch ms
 * of the emulated clock) gives year-less dates (`Nov 25`, `11/25`) their year; without it they stay text.
 */
export function loadCsvIntoSheet(
  state: SpreadsheetState,
  sheetName: string,
  csvText: string,
  now: number | null = null,
): void {
  completeSpreadsheetState(state);
  const sheet = requireSheet(state, sheetName);
  const ctx = { locale: state.locale, timeZone: state.timeZone, now };
  const rows = parseCsv(csvText);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  sheet.maxRows = Math.max(sheet.maxRows, rows.length, DEFAULT_ROWS);
  sheet.maxColumns = Math.max(sheet.maxColumns, width, DEFAULT_COLUMNS);
  const cells = state.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  if (cells > MAX_CELLS) throw new Error(`CSV too large: the spreadsheet would exceed ${MAX_CELLS} cells`);
  const { values, formulas, formats } = sheet.cells;
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r]!;
    for (let c = 0; c < src.length; c++) {
      const entry = typedEntry(src[c]!, ctx);
      if (entry.formula !== null) gridRow(formulas, r)[c] = entry.formula;
      else if (entry.value !== null) gridRow(values, r)[c] = entry.value;
      if (entry.format !== null) gridRow(formats, r)[c] = entry.format;
    }
  }
}
