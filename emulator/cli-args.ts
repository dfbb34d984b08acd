/** The `npm run demo` flags (docs/COMMAND-LINE.md): the actions, the options they give, and the usage errors. */

import { existsSync } from 'node:fs';
import { isValidTimeZone } from './platform';
import { parseUserStep, USER_STEP_FORMS, UserStepSyntaxError } from './user-steps';

export const ACTIONS = [
  'open',
  'score',
  'draft',
  'daily',
  'install-trigger',
  'remove-trigger',
  'send-drafts',
  'preview',
] as const;
export type ActionName = (typeof ACTIONS)[number];
/** An action string: an add-on action, or one of the user's Gmail steps (`send-draft:2`, `receive:FILE.json`…). */
export type Action = ActionName | `${string}:${string}` | 'deliver-scheduled';

export interface Options {
  sheet?: string;
  mailbox?: string;
  settings?: string;
  state?: string;
  today: string;
  tz?: string;
  locale?: string;
  actions: Action[];
  json: boolean;
  out: string;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The real date, for the default --today. */
  now: () => Date;
  /** Where examples/ and dist/ are. */
  root: string;
}

export class UsageError extends Error {}

const VALUE_FLAGS = new Set(['sheet', 'mailbox', 'settings', 'state', 'today', 'tz', 'locale', 'action', 'out']);
export const DEFAULT_TZ = 'Europe/London';
export const DEFAULT_LOCALE = 'en_GB';

function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

export function parseArgs(argv: readonly string[], now: Date): Options {
  const raw: Record<string, string> = {};
  const actions: Action[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"; flags start with -- (see npm run demo -- --help)`);
    const name = m[1]!;
    if (name === 'json') {
      if (m[2] !== undefined) throw new UsageError('--json takes no value');
      json = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) {
      throw new UsageError(
        `unknown flag --${name}; the flags are --sheet --mailbox --settings --state --today --tz --locale --action --json --out (--help explains them)`,
      );
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    if (name === 'action') {
      actions.push(checkAction(value));
      continue;
    }
    if (raw[name] !== undefined) throw new UsageError(`--${name} is given twice`);
    raw[name] = value;
  }
  if (raw.tz !== undefined && !isValidTimeZone(raw.tz)) {
    throw new UsageError(`--tz "${raw.tz}" is not a time zone; use an IANA name such as Europe/London`);
  }
  if (raw.locale !== undefined && !/^[a-z]{2,3}(?:_[A-Z]{2})?$/.test(raw.locale)) {
    throw new UsageError(`--locale "${raw.locale}" is not a locale; use a form such as en_US or en_GB`);
  }
  const today = raw.today ?? todayIn(raw.tz ?? DEFAULT_TZ, now);
  if (!isCalendarDay(today)) {
    throw new UsageError(`--today "${today}" is not a date; use YYYY-MM-DD`);
  }
  if (raw.state && existsSync(raw.state) && (raw.sheet || raw.mailbox)) {
    throw new UsageError(
      `--state ${raw.state} already holds a sheet and mailbox; drop --sheet/--mailbox or use a new state file`,
    );
  }
  return {
    ...(raw.sheet ? { sheet: raw.sheet } : {}),
    ...(raw.mailbox ? { mailbox: raw.mailbox } : {}),
    ...(raw.settings ? { settings: raw.settings } : {}),
    ...(raw.state ? { state: raw.state } : {}),
    ...(raw.tz ? { tz: raw.tz } : {}),
    ...(raw.locale ? { locale: raw.locale } : {}),
    today,
    actions: actions.length > 0 ? actions : ['open', 'draft'],
    json,
    out: raw.out ?? 'out',
  };
}

/** An --action value: an add-on action, or a user step written correctly (its receive file a readable list). */
function checkAction(value: string): Action {
  if ((ACTIONS as readonly string[]).includes(value)) return value as ActionName;
  try {
    if (parseUserStep(value) !== null) return value as Action;
  } catch (error) {
    if (error instanceof UserStepSyntaxError) throw new UsageError(error.message);
    throw error;
  }
  throw new UsageError(`unknown action "${value}"; the actions are ${ACTIONS.join(', ')}, ${USER_STEP_FORMS}`);
}

/** YYYY-MM-DD naming a real day (Date.parse alone lets 2026-02-30 through as 2 March). */
function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}
