/** Check setup: what is missing or wrong, in plain words, with what to do about each. */
import { COLUMN_HEADERS, type ColumnKey, isTrackerHeader, matchHeaders } from '../core/columns';
import { isApplicationRow } from '../core/tracker';
import type { CommandDeps } from './commands';
import { loadSettings } from './settings';

export interface SetupCheck {
  ok: boolean;
  lines: string[];
}

const USEFUL: ColumnKey[] = ['role', 'applied', 'interview', 'expected', 'recruiterEmail', 'personalNote'];

export function checkSetup(deps: CommandDeps): SetupCheck {
  const all = deps.store.getAll();
  const { settings, errors } = loadSettings(all);
  const lines: string[] = [];
  let ok = true;
  const problem = (line: string) => {
    ok = false;
    lines.push(`✗ ${line}`);
  };
  const good = (line: string) => lines.push(`✓ ${line}`);

  const tracker = deps.workbook.findTracker(settings.trackerSheet);
  if (!tracker || !isTrackerHeader(tracker.values[0] ?? [])) {
    problem(
      settings.trackerSheet
        ? `No sheet named "${settings.trackerSheet}" with a Company header: fix or clear the tracker sheet name in Settings….`
        : 'No tracker sheet: add a Company header in row 1 of your applications sheet, or use Set up a tracker sheet.',
    );
  } else {
    const headers = matchHeaders(tracker.values[0]!);
    const count = tracker.values.slice(1).filter((row) => isApplicationRow(row, headers)).length;
    good(`Tracker sheet "${tracker.name}" with ${count} application${count === 1 ? '' : 's'}.`);
    const missing = USEFUL.filter((k) => headers.columns[k] === undefined).map((k) => COLUMN_HEADERS[k][0]);
    if (missing.length > 0) problem(`Columns worth adding: ${missing.join(', ')} (the rules and drafts use them).`);
    for (const d of headers.duplicates)
      problem(`Column "${d.header}" repeats another heading and is ignored: rename it.`);
  }

  if (settings.yourName) good(`Drafts are signed "${settings.yourName}".`);
  else problem('Your name is not set: add it in Follow-ups › Settings… (nothing is drafted without it).');

  for (const error of errors) problem(`Setting ${error.setting}: ${error.message}`);

  const triggers = deps.scheduler.dailyTriggerCount();
  if (triggers === 0) lines.push('• Daily drafts are off (turn them on from the Follow-ups menu if you like).');
  else if (triggers === 1)
    good(`Daily drafts are on, between ${settings.dailyHour}:00 and ${settings.dailyHour + 1}:00.`);
  else problem(`There are ${triggers} daily triggers; choose Turn on daily drafts to leave exactly one.`);

  const mailbox = deps.mailbox();
  if (!mailbox) {
    problem('Gmail is not switched on: in the Apps Script editor, add the Gmail API under Services.');
  } else {
    try {
      good(`Gmail access works (${mailbox.myAddress()}).`);
    } catch (error) {
      problem(`Gmail access failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const last = all.lastDailyRun;
  if (last) {
    try {
      const { at, summary } = JSON.parse(last) as { at: string; summary: string };
      lines.push(`• Last daily run ${at.slice(0, 16).replace('T', ' ')} UTC: ${summary}`);
    } catch {
      // An unreadable record of the last run is not worth a message.
    }
  }
  return { ok, lines };
}
