/**
 * The emulator's latency model: what each Apps Script call costs on the modeled clock, priced by the kind of call
 * (emulator/latency-kinds.ts) under one of three tables of published figures: optimistic, central (the default
 * everywhere) and pessimistic. The Spreadsheet service's write cache is modeled too: a write is buffered, and the
 * first read or flush after it pays the commit.
 *
 * How the three tables are filled: optimistic is the fastest published figure for a kind, central the published
 * average (or the middle of the published figures), pessimistic the slowest. Where only one figure is published the
 * tables take ½× and 2× of it; where none is, the figure is assumed from the nearest kind and said so.
 */

/** What a call does, which decides its price. */
export type CallKind =
  /** A handle or builder made in the script's own process (getRange, newConditionalFormatRule()…): no round trip. */
  | 'builder'
  /** Runs in the script's process and is no builder (Utilities, Logger, Session, HtmlService): no round trip. */
  | 'in-process'
  /** A Spreadsheet round trip for facts about the sheet (getName, getLastRow, getMaxRows…). */
  | 'metadata-read'
  /** A Spreadsheet read of a rectangle (getValues, getNotes…): a round trip plus a part per cell. */
  | 'batch-read'
  /** A single-cell read (getValue, getNote…): answered by the look-ahead cache when it is warm. */
  | 'cell-read'
  /** Any Spreadsheet write (values, formats, notes, structure): buffered in the write cache; base plus a part per cell. */
  | 'batch-write'
  /** SpreadsheetApp.flush: commits the write cache. */
  | 'flush'
  /** A call that reaches the user's browser (toast, alert, showSidebar, addToUi, activate). */
  | 'ui'
  /** A Gmail REST call that is not a draft write (list, get, remove, getProfile, history). */
  | 'gmail-call'
  /** Gmail.Users.Drafts.create and .update: a MIME upload the mailbox indexes. */
  | 'draft-write'
  | 'properties-get'
  | 'properties-set'
  | 'cache-get'
  | 'cache-put'
  /** Lock.tryLock, waitLock, releaseLock (time spent waiting for a held lock is charged by the lock fake). */
  | 'lock'
  /** Trigger management: ScriptApp.getProjectTriggers, deleteTrigger, ClockTriggerBuilder.create. */
  | 'script-app';

/** Every figure a table gives, in milliseconds (per call, or per cell where the name says so). */
export interface LatencyFigures {
  sheetsRoundTripMs: number;
  sheetsCachedReadMs: number;
  sheetsReadPerCellMs: number;
  sheetsWriteMs: number;
  sheetsWritePerCellMs: number;
  sheetsCommitMs: number;
  sheetsCommitPerCellMs: number;
  gmailCallMs: number;
  draftWriteMs: number;
  propertiesGetMs: number;
  propertiesSetMs: number;
  cacheGetMs: number;
  cachePutMs: number;
  lockMs: number;
  scriptAppMs: number;
}

export type LatencyName = 'optimistic' | 'central' | 'pessimistic';

export const LATENCY_NAMES: readonly LatencyName[] = ['optimistic', 'central', 'pessimistic'];

/** The table every run uses unless told otherwise (demo, tests, bench). */
export const DEFAULT_LATENCY: LatencyName = 'central';

export interface LatencyTable {
  name: LatencyName;
  figures: LatencyFigures;
}

/** A Stack Overflow answer that timed writes and flushes (the question "What is faster: ScriptDb or SpreadsheetApp?"). */
const SCRIPTDB_VS_SHEETS =
  'ruby-bash.developreference.com/article/29263774 (Stack Overflow, "What is faster: ScriptDb or SpreadsheetApp?")';

/** What each figure means and where it comes from: `[meaning, source]`. */
export const FIGURE_SOURCES: Readonly<Record<keyof LatencyFigures, readonly [string, string]>> = {
  sheetsRoundTripMs: [
    'Spreadsheet round trip: metadata read, batch-read base, cell read with a cold cache, UI call',
    'bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html: 1,000 getLastRow() calls took 160,377 ms (160 ms each); ½× and 2×',
  ],
  sheetsCachedReadMs: [
    'single-cell read answered by the look-ahead cache',
    'bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html: 1,000 getValue() calls took 3,064 ms (3 ms each); ½× and 2×',
  ],
  sheetsReadPerCellMs: [
    'batch read, per cell',
    'a published Apps Script book sample: one getValues + one setValues of 1,000 cells took 333 ms, which leaves ≈ 0.01 ms a cell ' +
      'once the round trip and the commit are paid (central; ½× optimistic); developers.google.com/apps-script/guides/' +
      'support/best-practices: one batched call over 10,000 cells ≈ 1 s, read as if it all were reading (pessimistic)',
  ],
  sheetsWriteMs: [
    'batch or single write call, base (the write is buffered)',
    `${SCRIPTDB_VS_SHEETS}: 400 row-by-row setValues took 164 ms (0.4 ms each, optimistic); best-practices page: ` +
      '10,000 single-cell writes with a flush per row ≈ 70 s, ≈ 6.5 ms a write once the flushes are paid ' +
      '(pessimistic); central the middle',
  ],
  sheetsWritePerCellMs: [
    'batch write, per cell',
    `${SCRIPTDB_VS_SHEETS}: one setValues of 4,000 cells took under 50 ms (≤ 0.0125 ms a cell); ½× and 2×`,
  ],
  sheetsCommitMs: [
    'write-cache commit paid by the first read or flush after a write, base',
    `${SCRIPTDB_VS_SHEETS}: a flush after each of 400 ten-cell rows took ≈ 12 s (30 ms a commit); ½× and 2×`,
  ],
  sheetsCommitPerCellMs: [
    'write-cache commit, per cell written since the last commit',
    `${SCRIPTDB_VS_SHEETS}: one flush after a 4,000-cell setValues added 560 ms (0.14 ms a cell, ` +
      'pessimistic); best-practices page: a 10,000-cell setBackgrounds ≈ 1 s all told (≤ 0.1 ms a cell, optimistic)',
  ],
  gmailCallMs: [
    'Gmail REST call other than a draft write',
    'salessheets.ai/blog/screenshots/blog-gmail-sync-after.html: history.list 120 ms, messages.get ≈ 113 ms from a ' +
      'server (optimistic); central and pessimistic assumed for the advanced service hop from Apps Script (none published)',
  ],
  draftWriteMs: [
    'Gmail.Users.Drafts.create or .update',
    'sites.google.com/quickfixters.com/add-onsuniverse/faq: a 100 KB message takes ≈ 1.2 s from Apps Script ' +
      '(pessimistic); developers.google.com/gmail/api/reference/quota: drafts.create costs twice the quota units of ' +
      'messages.get; optimistic 400 ms assumed, central the middle',
  ],
  propertiesGetMs: [
    'PropertiesService read (getProperty, getProperties, getKeys)',
    'ziritione.org/post/apps_script_performance: getProperty min 20, avg 30, max 84 ms over 100 calls',
  ],
  propertiesSetMs: [
    'PropertiesService write (setProperty, setProperties, deleteProperty)',
    'ziritione.org/post/apps_script_performance: setProperty min 43, avg 62, max 231 ms over 100 calls; ' +
      'justin.poehnelt.com/posts/apps-script-key-value-stores: a write and a read ≈ 80 ms',
  ],
  cacheGetMs: ['CacheService get', 'ziritione.org/post/apps_script_performance: get min 3, avg 3, max 7 ms'],
  cachePutMs: [
    'CacheService put or remove',
    'ziritione.org/post/apps_script_performance: put min 73, avg 93, max 281 ms',
  ],
  lockMs: [
    'LockService tryLock, waitLock, releaseLock',
    'none published: assumed a PropertiesService read (the lock lives in a shared store)',
  ],
  scriptAppMs: [
    'ScriptApp trigger list, create or delete',
    'none published: assumed a PropertiesService write (a trigger is a project setting)',
  ],
};

export const LATENCY_TABLES: Readonly<Record<LatencyName, LatencyTable>> = {
  optimistic: {
    name: 'optimistic',
    figures: {
      sheetsRoundTripMs: 80,
      sheetsCachedReadMs: 1.5,
      sheetsReadPerCellMs: 0.005,
      sheetsWriteMs: 0.4,
      sheetsWritePerCellMs: 0.006,
      sheetsCommitMs: 15,
      sheetsCommitPerCellMs: 0.1,
      gmailCallMs: 120,
      draftWriteMs: 400,
      propertiesGetMs: 20,
      propertiesSetMs: 43,
      cacheGetMs: 3,
      cachePutMs: 73,
      lockMs: 20,
      scriptAppMs: 43,
    },
  },
  central: {
    name: 'central',
    figures: {
      sheetsRoundTripMs: 160,
      sheetsCachedReadMs: 3,
      sheetsReadPerCellMs: 0.01,
      sheetsWriteMs: 3.5,
      sheetsWritePerCellMs: 0.0125,
      sheetsCommitMs: 30,
      sheetsCommitPerCellMs: 0.12,
      gmailCallMs: 250,
      draftWriteMs: 800,
      propertiesGetMs: 30,
      propertiesSetMs: 62,
      cacheGetMs: 3,
      cachePutMs: 93,
      lockMs: 30,
      scriptAppMs: 62,
    },
  },
  pessimistic: {
    name: 'pessimistic',
    figures: {
      sheetsRoundTripMs: 320,
      sheetsCachedReadMs: 6,
      sheetsReadPerCellMs: 0.1,
      sheetsWriteMs: 6.5,
      sheetsWritePerCellMs: 0.025,
      sheetsCommitMs: 60,
      sheetsCommitPerCellMs: 0.14,
      gmailCallMs: 600,
      draftWriteMs: 1200,
      propertiesGetMs: 84,
      propertiesSetMs: 231,
      cacheGetMs: 7,
      cachePutMs: 281,
      lockMs: 84,
      scriptAppMs: 231,
    },
  },
};

/** The table of that name; throws naming the ones there are. */
export function latencyTable(name: string): LatencyTable {
  if ((LATENCY_NAMES as readonly string[]).includes(name)) return LATENCY_TABLES[name as LatencyName];
  throw new Error(`unknown latency table "${name}"; use one of ${LATENCY_NAMES.join(', ')}`);
}

/** True for the kinds that leave the script's process (what `roundTrips` counts). */
export function isRoundTrip(kind: CallKind): boolean {
  return kind !== 'builder' && kind !== 'in-process';
}

/** The price of one call: its milliseconds, and whether it committed the Spreadsheet write cache. */
export interface Price {
  ms: number;
  committed: boolean;
}

/**
 * Prices calls for one runtime and keeps the state one execution's prices depend on: the Spreadsheet write cache
 * (cells written since the last commit) and whether the look-ahead read cache is warm. Google's 2010 post
 * "Optimizing Spreadsheet Operations" (googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html)
 * describes both caches: every read first commits the write cache. Harsher readings where Google is silent: a
 * write leaves the look-ahead cache cold (only a single-cell read with a cold cache warms it again), a flush with
 * nothing pending still pays the commit's base, and the end of an execution pays the pending commit.
 */
export class LatencyModel {
  private pendingWrite = false;
  private pendingCells = 0;
  private lookAheadWarm = false;

  constructor(public table: LatencyTable) {}

  /** A new execution: both caches start empty. */
  begin(): void {
    this.pendingWrite = false;
    this.pendingCells = 0;
    this.lookAheadWarm = false;
  }

  /** Prices one call of `kind` touching `cells` cells (0 when the call is not about cells). */
  price(kind: CallKind, cells: number): Price {
    const f = this.table.figures;
    const free = { ms: 0, committed: false };
    switch (kind) {
      case 'builder':
      case 'in-process':
        return free;
      case 'batch-write':
        this.pendingWrite = true;
        this.pendingCells += cells;
        this.lookAheadWarm = false;
        return { ms: f.sheetsWriteMs + cells * f.sheetsWritePerCellMs, committed: false };
      case 'flush':
        return this.pendingWrite ? this.commit(0) : { ms: f.sheetsCommitMs, committed: false };
      case 'metadata-read':
        return this.commit(f.sheetsRoundTripMs);
      case 'batch-read':
        return this.commit(f.sheetsRoundTripMs + cells * f.sheetsReadPerCellMs);
      case 'cell-read': {
        const warm = this.lookAheadWarm;
        this.lookAheadWarm = true;
        return this.commit(warm ? f.sheetsCachedReadMs : f.sheetsRoundTripMs);
      }
      case 'ui':
        return { ms: f.sheetsRoundTripMs, committed: false };
      case 'gmail-call':
        return { ms: f.gmailCallMs, committed: false };
      case 'draft-write':
        return { ms: f.draftWriteMs, committed: false };
      case 'properties-get':
        return { ms: f.propertiesGetMs, committed: false };
      case 'properties-set':
        return { ms: f.propertiesSetMs, committed: false };
      case 'cache-get':
        return { ms: f.cacheGetMs, committed: false };
      case 'cache-put':
        return { ms: f.cachePutMs, committed: false };
      case 'lock':
        return { ms: f.lockMs, committed: false };
      case 'script-app':
        return { ms: f.scriptAppMs, committed: false };
    }
  }

  /** The end of an execution: Apps Script commits what is still buffered; the price of that commit, or 0. */
  settle(): Price {
    return this.pendingWrite ? this.commit(0) : { ms: 0, committed: false };
  }

  /** `ms` plus the commit of the write cache when a write is pending. */
  private commit(ms: number): Price {
    if (!this.pendingWrite) return { ms, committed: false };
    const f = this.table.figures;
    const commitMs = f.sheetsCommitMs + this.pendingCells * f.sheetsCommitPerCellMs;
    this.pendingWrite = false;
    this.pendingCells = 0;
    return { ms: ms + commitMs, committed: true };
  }
}
