/**
 * The small interfaces the use cases (src/app) work through. Adapters (src/adapters) implement them over the
 * Apps Script services; nothing in src/app touches a Google global.
 */
import type { CellValue } from './core/cells';
import type { ManagedKey } from './core/columns';
import type { MessageMeta } from './core/mail';

export interface Clock {
  /** Epoch milliseconds (the modeled clock in the emulator). */
  now(): number;
  /** Waits; used for retry back-off. */
  sleep(ms: number): void;
}

export interface Lock {
  /** Waits up to `ms` for the document lock. */
  tryLock(ms: number): boolean;
  release(): void;
}

/** The HtmlService pages built into dist/ (src/ui/<name>.html). */
export type PageName = 'sidebar' | 'settings';

/** A person looking at the spreadsheet; absent in the daily trigger. */
export interface Ui {
  toast(message: string): void;
  alert(title: string, message: string): void;
  /** Opens a page in the 300 px sidebar, filled with `data` before it shows (no server call needed to draw it). */
  showSidebar(page: PageName, title: string, data: unknown): void;
  /** Opens a page in a modal dialog of `size` pixels, filled with `data`. */
  showDialog(page: PageName, title: string, data: unknown, size: { width: number; height: number }): void;
}

/** The developer metadata key of a managed column's mark; its value is the managed key (docs/RULES.md §1). */
export const MANAGED_MARK = 'followups.managed';

/** The tracker as read in one batch, plus the writes the run makes back to it. */
export interface TrackerSheet {
  name: string;
  /** `getValues()` of the data range, header row included. */
  values: CellValue[][];
  /**
   * The formulas of one column's data rows (index 0 is sheet row 2), read on first use and cached: only the columns
   * the add-on may write into need them, and reading the whole sheet's formulas would cost a second full read.
   */
  columnFormulas(column: number): string[];
  /**
   * The columns marked as the add-on's (developer metadata `followups.managed`, value the managed key), by key: one
   * `createDeveloperMetadataFinder()` call, cached. A key marked twice reads from its leftmost column.
   */
  managedMarks(): Partial<Record<ManagedKey, number>>;
  /** Marks a 0-based column as the add-on's `key` column (whole-column metadata, PROJECT visibility). */
  markColumn(column: number, key: ManagedKey): void;
  /** Appends columns with these headers to the right of the last used column (the caller extends its grid). */
  addColumns(headers: readonly string[]): void;
  /**
   * Writes consecutive columns from `firstColumn` (0-based) in one batch, from sheet row `firstRow` (1-based,
   * default 2), with notes when given.
   */
  writeColumns(firstColumn: number, rows: CellValue[][], notes?: string[][], firstRow?: number): void;
  /**
   * The values one cell's list validation allows (sheet row 1-based, column 0-based), in the rule's order, blanks
   * left out: "a list of items", or the cells of "a list from a range". Null when the cell has no validation of
   * either kind (other validations are left to refuse the write themselves).
   */
  allowedValues(sheetRow: number, column: number): string[] | null;
  /** Sets a number format on a column's data cells. */
  formatColumn(column: number, numberFormat: string): void;
  /**
   * Gives one cell (sheet row 1-based, column 0-based) a date-only number format when it has none of its own
   * (General), so a Date written at 01:00 (a day that begins after midnight) shows as a date, not a date and time.
   */
  showDateOnly(sheetRow: number, column: number): void;
  /** Colours Overdue and Due-today rows through conditional formatting keyed on the status column. */
  colourRows(statusColumn: number, colours: { overdue: string; dueToday: string }): void;
  /** A key that changes when the colouring rules would need to change (sheet, status column, width). */
  layoutKey(statusColumn: number): string;
}

export interface Workbook {
  timeZone: string;
  locale: string;
  /** The tracker sheet (docs/RULES.md §1), or null when no sheet has a Company header (or the named one is missing). */
  findTracker(preferredName: string): TrackerSheet | null;
  /** Adds a new sheet for "Set up a tracker sheet"; returns its name. */
  createTrackerSheet(): string;
  /** Selects a row of the tracker sheet (the sidebar's "show in sheet" link). */
  selectRow(sheetName: string, row: number): void;
}

export interface DraftMessage {
  fromName: string;
  fromAddress: string;
  to: string;
  toName: string;
  subject: string;
  text: string;
  html: string;
  threadId?: string;
  inReplyTo?: string;
  references?: string;
  /** The Message-ID header to give the draft (the journal finds an interrupted run's draft by it). */
  rfcMessageId?: string;
}

export interface CreatedDraft {
  draftId: string;
  messageId: string;
  threadId: string;
}

export interface Mailbox {
  myAddress(): string;
  /** Every live draft id with its message id (Drafts.list, paged). */
  liveDrafts(): Map<string, string>;
  /** Message ids matching a query (Messages.list, paged). */
  search(query: string): { id: string; threadId: string }[];
  /** Metadata of every message in a thread. */
  thread(threadId: string): MessageMeta[];
  createDraft(message: DraftMessage): CreatedDraft;
}

/**
 * The field check's questions to a real Gmail account (docs/DECISIONS.md "Field check"): what the emulator assumes
 * and Google does not document. Nothing is sent; the one draft it makes is deleted before it returns.
 */
export interface FieldProbe {
  /**
   * Creates a draft to `to` carrying the Message-ID `rfcMessageId`, reads back the Message-ID Gmail keeps on it
   * ('' when none), and deletes the draft (also when the read fails).
   */
  draftMessageId(to: string, rfcMessageId: string): string;
  /** The Message-ID headers of up to `max` SENT messages since `afterSeconds` (epoch seconds), newest first. */
  sentMessageIds(afterSeconds: number, max: number): string[];
  /** The label ids of up to `max` messages labelled SCHEDULED now (Messages.list with labelIds). */
  scheduledLabels(max: number): string[][];
}

export interface KeyValueStore {
  getAll(): Record<string, string>;
  set(values: Record<string, string>): void;
  remove(key: string): void;
}

export interface Scheduler {
  /** How many daily-run triggers are installed. */
  dailyTriggerCount(): number;
  /** Leaves exactly one daily trigger, at `hour` in `timeZone`. */
  installDaily(hour: number, timeZone: string): void;
  /** Removes every daily trigger; returns how many there were. */
  removeDaily(): number;
}
