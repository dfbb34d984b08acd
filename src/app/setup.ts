/** Check setup: what is missing or wrong, in plain words, with what to do about each. */
import {
  COLUMN_HEADERS,
  COLUMN_KEYS,
  type ColumnKey,
  closestHeader,
  type HeaderMap,
  KEY_LABELS,
} from '../core/columns';
import type { CommandDeps } from './commands';
import { runFollowUps } from './followups';
import * as say from './messages';

export interface SetupCheck {
  ok: boolean;
  lines: string[];
}

interface Lines {
  problem(line: string): void;
  note(line: string): void;
}

/**
 * The columns part of Check setup (docs/RULES.md §1): the header each key is read from, then each key not read —
 * with the sheet's closest header as a rename or a mapping when one looks close, else as a column worth adding.
 */
function checkColumns(headers: HeaderMap, out: Lines): void {
  const reads = COLUMN_KEYS.filter((k) => headers.labels[k] !== undefined).map(
    (k) => [KEY_LABELS[k], headers.labels[k]!] as const,
  );
  out.note(say.setup.columnsRead(reads));
  const worthAdding: string[] = [];
  for (const key of COLUMN_KEYS) {
    if (headers.columns[key] !== undefined) continue;
    const closest = closestHeader(key, headers.row, headers);
    const useful = USEFUL.includes(key);
    if (closest !== null) {
      const line = say.setup.renameOrMap(KEY_LABELS[key], key, closest.header, COLUMN_HEADERS[key][0]!);
      if (useful) out.problem(line);
      else out.note(line);
    } else if (useful) {
      worthAdding.push(COLUMN_HEADERS[key][0]!);
    }
  }
  if (worthAdding.length > 0) out.problem(say.setup.columnsWorthAdding(worthAdding));
}

const USEFUL: ColumnKey[] = ['role', 'applied', 'interview', 'expected', 'recruiterEmail', 'personalNote'];

/** The lines of Check setup: ✓ fine, ✗ to fix, • worth knowing. Reads the sheet once and writes nothing. */
export function checkSetup(deps: CommandDeps): SetupCheck {
  const lines: string[] = [];
  let ok = true;
  const problem = (line: string) => {
    ok = false;
    lines.push(`✗ ${line}`);
  };
  const good = (line: string) => lines.push(`✓ ${line}`);

  const result = runFollowUps(deps, { kind: 'check' });
  const { settings } = result;
  if (!result.found || result.headers === null) {
    problem(say.noTracker(settings.trackerSheet));
  } else {
    good(say.setup.tracker(result.sheetName() ?? '', result.rows.length));
    checkColumns(result.headers, { problem, note: (line) => lines.push(`• ${line}`) });
    for (const note of result.notes) problem(note);
  }

  if (settings.yourName) good(say.setup.signedAs(settings.yourName));
  else problem(say.setup.noName);

  for (const error of result.settingErrors) problem(say.setup.setting(error.setting, error.message));

  const triggers = deps.scheduler.dailyTriggerCount();
  if (triggers === 0) lines.push(`• ${say.setup.dailyOff}`);
  else if (triggers === 1) good(say.setup.dailyOn(settings.dailyHour));
  else problem(say.setup.dailyMany(triggers));

  const mailbox = deps.mailbox();
  if (!mailbox) {
    problem(say.GMAIL_OFF);
  } else {
    try {
      good(say.setup.gmailWorks(mailbox.myAddress()));
      lines.push(`• ${say.setup.fieldCheckOffer}`);
    } catch (error) {
      problem(say.setup.gmailFails(say.errorText(error)));
    }
  }

  const last = deps.store.getAll().lastDailyRun;
  if (last) {
    try {
      const { at, summary } = JSON.parse(last) as { at: string; summary: string };
      lines.push(`• ${say.setup.lastDaily(at.slice(0, 16).replace('T', ' '), summary)}`);
    } catch {
      // An unreadable record of the last run is not worth a message.
    }
  }
  return { ok, lines };
}

/** Menu: Check setup, shown in an alert. */
export function showCheckSetup(deps: CommandDeps): SetupCheck {
  const check = checkSetup(deps);
  deps.ui?.alert(say.setup.title(check.ok), check.lines.join('\n'));
  return check;
}
