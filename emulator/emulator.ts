/**
 * The emulator: the built add-on (dist/*.js) loaded as classic scripts into a fresh `node:vm` context per
 * execution, holding only ECMAScript built-ins, Intl and the fake Apps Script services, over one saved state.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import {
  CLOCK_SHIM,
  type ExecutionResult,
  errorMessage,
  errorName,
  freshQuotas,
  gmailSymbol,
  type Manifest,
  startOfDay,
  toHost,
} from './execution';
import {
  addMessage,
  createGmailService,
  createMailboxState,
  type DecodedDraft,
  type DraftEdit,
  deleteDraft,
  deliverScheduled,
  editDraft,
  listDecodedDrafts,
  type MailboxFileMessage,
  type MailboxState,
  mailboxFromJson,
  receiveMessages,
  type SentMessage,
  scheduleDraft,
  sendAllDrafts,
  sendDraft,
} from './gmail';
import {
  authModeFor,
  createPlatformServices,
  createPlatformState,
  holdLockForOtherExecution,
  type PlatformState,
  platformStateFromJson,
  releaseLocksOf,
} from './platform';
import { type ExecutionMode, type QuotaState, type Realm, Runtime } from './runtime';
import {
  createSpreadsheetService,
  createSpreadsheetState,
  displayGrid,
  renderSheetHtml,
  type SpreadsheetState,
  sortRows,
  type UiLog,
  visibleBackgrounds,
} from './spreadsheet';

export { type ExecutionResult, startOfDay } from './execution';

export const DEFAULT_DIST = join(__dirname, '..', 'dist');
/** Real (host) milliseconds a handler may run without calling a service before it counts as over time. */
export const REAL_TIME_LIMIT_MS = 60_000;

export interface EmulatorState {
  version: 1;
  /** The modeled clock, epoch ms. */
  now: number;
  quotas: Record<'gmail' | 'properties', QuotaState>;
  spreadsheet: SpreadsheetState;
  mailbox: MailboxState;
  platform: PlatformState;
}

export interface EmulatorOptions {
  /** Where the built add-on is; default dist/ beside the emulator. */
  distDir?: string;
  /**
   * Whether the advanced Gmail service is a global. Default: as appsscript.json says (enabled when
   * `dependencies.enabledAdvancedServices` lists serviceId `gmail`, under its `userSymbol`); false removes it.
   */
  gmailEnabled?: boolean;
  /**
   * PropertiesService in onOpen as a simple trigger (AuthMode.LIMITED): 'allow' as Google documents (default), or
   * 'deny' to hold the add-on to the stricter reading that a simple trigger touches no properties either.
   */
  propertiesInSimpleTrigger?: 'allow' | 'deny';
  /** Real milliseconds a handler may compute without a service call; default REAL_TIME_LIMIT_MS. */
  realTimeLimitMs?: number;
}

export interface CreateOptions extends EmulatorOptions {
  /** YYYY-MM-DD; the clock starts at 09:00 that day in the spreadsheet's time zone. */
  today: string;
  timeZone: string;
  locale: string;
  sheetName?: string;
  mailbox?: MailboxState;
}

export class Emulator {
  readonly runtime: Runtime;
  readonly state: EmulatorState;
  readonly uiLog: UiLog;
  /** Every execution run so far, in order. */
  readonly executions: ExecutionResult[] = [];
  private readonly distDir: string;
  private readonly realTimeLimitMs: number;
  private readonly scripts: { name: string; script: vm.Script }[];
  private readonly manifest: Manifest;
  private readonly globals: Record<string, unknown>;

  constructor(state: EmulatorState, options: EmulatorOptions = {}) {
    this.state = state;
    this.distDir = options.distDir ?? DEFAULT_DIST;
    this.realTimeLimitMs = options.realTimeLimitMs ?? REAL_TIME_LIMIT_MS;
    if (!existsSync(join(this.distDir, 'Code.js'))) {
      throw new Error(`no built add-on in ${this.distDir}: run npm run build first`);
    }
    this.manifest = JSON.parse(readFileSync(join(this.distDir, 'appsscript.json'), 'utf8')) as Manifest;
    this.scripts = readdirSync(this.distDir)
      .filter((f) => f.endsWith('.js'))
      .sort()
      .map((name) => ({
        name,
        script: new vm.Script(readFileSync(join(this.distDir, name), 'utf8'), { filename: name }),
      }));
    this.runtime = new Runtime(state.now);
    Object.assign(this.runtime.quotas.gmail, state.quotas.gmail);
    Object.assign(this.runtime.quotas.properties, state.quotas.properties);
    this.runtime.scopes = this.manifest.oauthScopes ? new Set(this.manifest.oauthScopes) : null;
    const sheets = createSpreadsheetService(this.runtime, state.spreadsheet, {
      htmlFiles: (name) => {
        const file = join(this.distDir, `${name}.html`);
        return existsSync(file) ? readFileSync(file, 'utf8') : null;
      },
      addonName: 'Follow-ups',
      userEmail: state.mailbox.me.email,
    });
    this.uiLog = sheets.uiLog;
    const platform = createPlatformServices(this.runtime, state.platform, {
      scriptTimeZone: this.manifest.timeZone ?? 'UTC',
      spreadsheetId: state.spreadsheet.id,
      userEmail: state.mailbox.me.email,
      ...(options.propertiesInSimpleTrigger ? { propertiesInSimpleTrigger: options.propertiesInSimpleTrigger } : {}),
    });
    const symbol =
      options.gmailEnabled === false ? null : (gmailSymbol(this.manifest) ?? (options.gmailEnabled ? 'Gmail' : null));
    const gmail = symbol === null ? {} : { [symbol]: createGmailService(this.runtime, state.mailbox).Gmail };
    this.globals = { SpreadsheetApp: sheets.SpreadsheetApp, HtmlService: sheets.HtmlService, ...gmail, ...platform };
  }

  /** A new spreadsheet with one empty sheet, a mailbox and a clock at 09:00 on `today`. */
  static create(options: CreateOptions): Emulator {
    const spreadsheet = createSpreadsheetState({
      timeZone: options.timeZone,
      locale: options.locale,
      sheetName: options.sheetName ?? 'Applications',
    });
    const now = startOfDay(options.today, options.timeZone, 9);
    const state: EmulatorState = {
      version: 1,
      now,
      quotas: freshQuotas(now),
      spreadsheet,
      mailbox: options.mailbox ?? createMailboxState({ email: 'me@example.com', name: 'Me' }),
      platform: createPlatformState(),
    };
    return new Emulator(state, options);
  }

  static fromJSON(json: unknown, options: EmulatorOptions = {}): Emulator {
    if (!json || typeof json !== 'object' || (json as { version?: unknown }).version !== 1) {
      throw new Error('not an emulator state file (version 1)');
    }
    const raw = json as EmulatorState;
    const state: EmulatorState = {
      version: 1,
      now: Number(raw.now),
      quotas: raw.quotas ?? freshQuotas(Number(raw.now)),
      spreadsheet: raw.spreadsheet,
      mailbox: mailboxFromJson(raw.mailbox),
      platform: platformStateFromJson(raw.platform),
    };
    return new Emulator(state, options);
  }

  /** The whole state, ready for JSON.stringify. */
  toJSON(): EmulatorState {
    this.state.now = this.runtime.now;
    this.state.quotas = { gmail: { ...this.runtime.quotas.gmail }, properties: { ...this.runtime.quotas.properties } };
    return this.state;
  }

  get timeZone(): string {
    return this.state.spreadsheet.timeZone;
  }

  /** Moves the clock to `hour`:`minute` of a day (YYYY-MM-DD) in the spreadsheet's zone; never backwards. */
  setDay(day: string, hour = 9, minute = 0): void {
    const target = startOfDay(day, this.timeZone, hour, minute);
    if (target < this.runtime.now) {
      throw new Error(`the emulated clock is already past ${day} ${hour}:00; time only moves forward`);
    }
    this.runtime.now = target;
  }

  /** Runs one handler as Apps Script would: a fresh global scope, the given execution mode, the 6-minute limit. */
  run(handler: string, mode: ExecutionMode = 'menu', args: readonly unknown[] = []): ExecutionResult {
    const context = vm.createContext({});
    const realm = vm.runInContext('({ Date, Error, Array, Object, JSON })', context) as Realm;
    this.runtime.realm = realm;
    const execution = this.runtime.begin(mode, handler);
    const startedAt = this.runtime.now;
    let result: ExecutionResult;
    try {
      (vm.runInContext(CLOCK_SHIM, context) as (clock: () => number) => void)(() => this.runtime.now);
      for (const [name, value] of Object.entries(this.globals)) (context as Record<string, unknown>)[name] = value;
      for (const { script } of this.scripts) script.runInContext(context);
      const fn = (context as Record<string, unknown>)[handler];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${handler}`);
      const callArgs = this.runtime.toRealm([...args, ...this.eventFor(mode, handler)]);
      if (!/^[A-Za-z_$][\w$]*$/.test(handler)) throw new Error(`Script function not found: ${handler}`);
      (context as Record<string, unknown>).__emulatorArgs = callArgs;
      // A pure-JavaScript loop spends no modeled time, so a real-time limit stands in for the 6 minutes there.
      const call = `(function () { var a = __emulatorArgs; delete globalThis.__emulatorArgs; return ${handler}.apply(this, a); })()`;
      const value = vm.runInContext(call, context, { timeout: this.realTimeLimitMs });
      if (this.runtime.killed) throw new Error('Exceeded maximum execution time');
      result = { handler, mode, ok: true, value: toHost(value), modeledMs: this.runtime.now - startedAt };
    } catch (error) {
      const killed = this.runtime.killed || /^Script execution timed out/.test(errorMessage(error));
      const message = killed ? 'Exceeded maximum execution time' : errorMessage(error);
      const name = killed ? 'Exception' : errorName(error);
      result = {
        handler,
        mode,
        ok: false,
        error: message,
        ...(name ? { errorName: name } : {}),
        modeledMs: this.runtime.now - startedAt,
      };
    } finally {
      releaseLocksOf(this.state.platform, execution.id);
      this.runtime.end();
    }
    // The commit Apps Script pays at the end for writes still buffered belongs to this execution's time.
    result.modeledMs = this.runtime.now - startedAt;
    this.executions.push(result);
    return result;
  }

  private eventFor(mode: ExecutionMode, handler: string): unknown[] {
    const authMode = authModeFor(mode);
    if (handler === 'onOpen' || handler === 'onInstall') return [{ authMode, source: undefined }];
    if (mode === 'time-trigger') {
      const parts = new Date(this.runtime.now);
      return [
        {
          authMode,
          triggerUid: this.state.platform.triggers.find((t) => t.handler === handler)?.id ?? '',
          year: parts.getUTCFullYear(),
          month: parts.getUTCMonth() + 1,
          'day-of-month': parts.getUTCDate(),
          hour: parts.getUTCHours(),
          minute: parts.getUTCMinutes(),
          second: parts.getUTCSeconds(),
          timezone: 'UTC',
        },
      ];
    }
    return [];
  }

  /**
   * Fires the installed daily triggers as Apps Script would on the current day: within the hour they were set
   * for (at :15), or straight away when the clock is already past it. Returns one result per trigger.
   */
  fireDailyTriggers(): ExecutionResult[] {
    const results: ExecutionResult[] = [];
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: this.timeZone }).format(new Date(this.runtime.now));
    for (const trigger of [...this.state.platform.triggers]) {
      if (trigger.everyDays === undefined) continue;
      const at = startOfDay(day, trigger.timeZone, trigger.atHour ?? 0, 15);
      if (at > this.runtime.now) this.runtime.now = at;
      results.push(this.run(trigger.handler, 'time-trigger'));
    }
    return results;
  }

  /** The person sends every draft from Gmail. */
  sendDrafts(): SentMessage[] {
    return sendAllDrafts(this.runtime, this.state.mailbox);
  }

  /** The person deletes a draft in Gmail. */
  deleteDraft(id: string): boolean {
    return deleteDraft(this.state.mailbox, id);
  }

  /** Mail arrives (same shape as a mailbox-file message). */
  receive(message: MailboxFileMessage): void {
    addMessage(this.state.mailbox, message);
  }

  /** Several messages arrive in order (a `receive:FILE.json` list); throws MailboxFileError naming a bad one. */
  receiveAll(messages: readonly unknown[]): void {
    receiveMessages(this.state.mailbox, messages);
  }

  /** The person sends one draft; throws UserStepError when there is no such draft. */
  sendDraft(id: string): SentMessage {
    return sendDraft(this.runtime, this.state.mailbox, id);
  }

  /** The person edits a draft's To line or subject (Gmail gives it a new message id). */
  editDraft(id: string, edit: DraftEdit): void {
    editDraft(this.runtime, this.state.mailbox, id, edit);
  }

  /** The person schedules a draft: it leaves Drafts and waits labelled SCHEDULED. */
  scheduleDraft(id: string): void {
    scheduleDraft(this.state.mailbox, id);
  }

  /** Gmail sends everything scheduled, dated now. */
  deliverScheduled(): SentMessage[] {
    return deliverScheduled(this.runtime, this.state.mailbox);
  }

  drafts(): DecodedDraft[] {
    return listDecodedDrafts(this.state.mailbox);
  }

  /** Another execution (a daily run, say) holds the document lock until the modeled time `untilMs`. */
  holdDocumentLock(untilMs: number): void {
    holdLockForOtherExecution(this.state.platform, 'document', untilMs);
  }

  /** The person sorts the tracker by a column (1-based), rows 2 onwards. */
  sortSheet(sheetName: string, column: number, ascending = true): void {
    sortRows(this.state.spreadsheet, sheetName, column, ascending);
  }

  displayValues(sheetName: string): string[][] {
    return displayGrid(this.state.spreadsheet, sheetName);
  }

  backgrounds(sheetName: string): string[][] {
    return visibleBackgrounds(this.state.spreadsheet, sheetName);
  }

  sheetHtml(sheetName: string): string {
    return renderSheetHtml(this.state.spreadsheet, sheetName);
  }
}
