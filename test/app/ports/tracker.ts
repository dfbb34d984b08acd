/**
 * In-memory Workbook and TrackerSheet ports for app tests: a sheet is a grid of values (row 0 the headers) with the
 * few things the add-on writes beside values — formulas, notes, number formats, column marks, colour rules.
 *
 * What it emulates: `values` is a copy read once, as `getValues()` gives; writes go to the stored grid, never to
 * that copy. What it does not: no typed-entry parsing, no merged cells or protections, and the only formula it
 * computes is the Draft cell's `=HYPERLINK("url", "label")` (its value is the label); any other formula written
 * throws, so a test learns at once that the fake cannot answer it.
 */
import type { CellValue } from '../../../src/core/cells';
import {
  COLUMN_HEADERS,
  COLUMN_KEYS,
  isTrackerHeader,
  MANAGED_HEADERS,
  MANAGED_KEYS,
  type ManagedKey,
} from '../../../src/core/columns';
import type { TrackerSheet, Workbook } from '../../../src/ports';

const HYPERLINK = /^=HYPERLINK\("([^"]*)", "([^"]*)"\)$/;

function copyCell(value: CellValue): CellValue {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

/** One sheet's stored state; `read()` is what the add-on gets from `findTracker`. */
export class InMemorySheet {
  /** Cell values by [row][column], 0-based; row 0 holds the headers. */
  readonly grid: CellValue[][];
  /** Formulas by `${row},${column}` (0-based), `=` included. */
  readonly formulas = new Map<string, string>();
  /** Notes by `${row},${column}` (0-based). */
  readonly notes = new Map<string, string>();
  /** Number formats by 0-based column (whole data column) or `${row},${column}` (one cell). */
  readonly formats = new Map<string, string>();
  /** Column marks (developer metadata `followups.managed`): key → 0-based columns, in the order they were made. */
  readonly marks = new Map<ManagedKey, number[]>();
  colours: { statusColumn: number; overdue: string; dueToday: string } | null = null;
  /** List validations' allowed values by `${row},${column}` (0-based). */
  readonly validations = new Map<string, string[]>();
  /** Every `writeColumns` batch: first column, first sheet row, and its width × height. */
  readonly batches: { column: number; row: number; width: number; height: number }[] = [];

  constructor(
    readonly name: string,
    rows: CellValue[][],
  ) {
    this.grid = rows.map((r) => r.map(copyCell));
  }

  get width(): number {
    return Math.max(0, ...this.grid.map((r) => r.length));
  }

  /** A cell by 1-based sheet row and header text ('' when the sheet has no such column or cell). */
  cell(sheetRow: number, header: string): CellValue {
    const column = (this.grid[0] ?? []).indexOf(header);
    if (column < 0) throw new Error(`no column ${JSON.stringify(header)} in ${this.name}`);
    return this.grid[sheetRow - 1]?.[column] ?? '';
  }

  /** The column as the person sees it, header first. */
  column(header: string): CellValue[] {
    const column = (this.grid[0] ?? []).indexOf(header);
    if (column < 0) throw new Error(`no column ${JSON.stringify(header)} in ${this.name}`);
    return this.grid.map((r) => r[column] ?? '');
  }

  setFormula(sheetRow: number, column: number, formula: string, value: CellValue): void {
    this.put(sheetRow - 1, column, value);
    this.formulas.set(`${sheetRow - 1},${column}`, formula);
  }

  private put(row: number, column: number, value: CellValue): void {
    while (this.grid.length <= row) this.grid.push([]);
    const cells = this.grid[row]!;
    while (cells.length < column) cells.push('');
    cells[column] = value;
  }

  private write(row: number, column: number, value: CellValue): void {
    const key = `${row},${column}`;
    if (typeof value === 'string' && value.startsWith('=')) {
      const link = HYPERLINK.exec(value);
      if (!link) throw new Error(`the in-memory sheet computes no formula but HYPERLINK: ${value}`);
      this.formulas.set(key, value);
      this.put(row, column, link[2]);
      return;
    }
    this.formulas.delete(key);
    this.put(row, column, copyCell(value));
  }

  /** What `findTracker` hands the add-on: a fresh read of the grid. */
  read(): TrackerSheet {
    const sheet = this;
    const width = this.width;
    const values = this.grid.map((r) => Array.from({ length: width }, (_, c) => copyCell(r[c] ?? '')));
    const formulaCache = new Map<number, string[]>();
    return {
      name: this.name,
      values,
      columnFormulas(column) {
        const cached = formulaCache.get(column);
        if (cached) return cached;
        const out = values.slice(1).map((_, i) => sheet.formulas.get(`${i + 1},${column}`) ?? '');
        formulaCache.set(column, out);
        return out;
      },
      managedMarks() {
        const out: Partial<Record<ManagedKey, number>> = {};
        for (const [key, columns] of sheet.marks) out[key] = Math.min(...columns);
        return out;
      },
      markColumn(column, key) {
        sheet.marks.set(key, [...(sheet.marks.get(key) ?? []), column]);
      },
      addColumns(headers) {
        const first = sheet.width;
        headers.forEach((h, i) => {
          sheet.put(0, first + i, h);
        });
      },
      writeColumns(firstColumn, rows, notes, firstRow = 2) {
        sheet.batches.push({ column: firstColumn, row: firstRow, width: rows[0]?.length ?? 0, height: rows.length });
        rows.forEach((cells, r) => {
          cells.forEach((value, c) => {
            sheet.write(firstRow - 1 + r, firstColumn + c, value);
            const note = notes?.[r]?.[c];
            if (note !== undefined) sheet.notes.set(`${firstRow - 1 + r},${firstColumn + c}`, note);
          });
        });
      },
      allowedValues(sheetRow, column) {
        return sheet.validations.get(`${sheetRow - 1},${column}`) ?? null;
      },
      formatColumn(column, numberFormat) {
        sheet.formats.set(String(column), numberFormat);
      },
      showDateOnly(sheetRow, column) {
        const key = `${sheetRow - 1},${column}`;
        if (!sheet.formats.has(key)) sheet.formats.set(key, 'yyyy-mm-dd');
      },
      colourRows(statusColumn, colours) {
        sheet.colours = { statusColumn, ...colours };
      },
      layoutKey(statusColumn) {
        return `${sheet.name}|${statusColumn}|${sheet.width}`;
      },
    };
  }
}

/**
 * The spreadsheet: its sheets in tab order. `findTracker` returns the named sheet (null when it is missing) or,
 * with no name, the first sheet whose header row has a Company column — docs/RULES.md §1.
 */
export class InMemoryWorkbook implements Workbook {
  readonly sheets: InMemorySheet[];
  readonly selected: { sheetName: string; row: number }[] = [];
  /** How many times the add-on read a tracker (each read is one `getValues()` in Apps Script). */
  reads = 0;

  constructor(
    sheets: InMemorySheet[],
    readonly timeZone = 'Europe/London',
    readonly locale = 'en_GB',
  ) {
    this.sheets = [...sheets];
  }

  sheet(name: string): InMemorySheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  findTracker(preferredName: string): TrackerSheet | null {
    const sheet = preferredName
      ? this.sheets.find((s) => s.name === preferredName)
      : this.sheets.find((s) => isTrackerHeader(s.grid[0] ?? []));
    if (!sheet) return null;
    this.reads++;
    return sheet.read();
  }

  /** A new sheet `Applications` (`Applications 2`… when taken) with every header the add-on reads; no example row. */
  createTrackerSheet(): string {
    const taken = new Set(this.sheets.map((s) => s.name));
    let name = 'Applications';
    for (let n = 2; taken.has(name); n++) name = `Applications ${n}`;
    const headers = [...COLUMN_KEYS.map((k) => COLUMN_HEADERS[k][0]!), ...MANAGED_KEYS.map((k) => MANAGED_HEADERS[k])];
    this.sheets.push(new InMemorySheet(name, [headers]));
    return name;
  }

  selectRow(sheetName: string, row: number): void {
    this.selected.push({ sheetName, row });
  }
}
