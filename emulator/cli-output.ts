/**
 * What `npm run demo` prints for a person (docs/COMMAND-LINE.md, "What it prints"): `--help`, the rows table, the
 * preview's follow-ups, the mail the user sent, and the one-line summary. `--json` prints none of this.
 */
import type { Preview } from '../src/core/pages';
import type { Report } from './report';

/** The sample's and your own files' commands, as the README gives them. */
const YOUR_OWN =
  'npm run demo -- --sheet examples/my-tracker.csv --mailbox examples/my-mailbox.json \\\n' +
  '                  --settings examples/my-settings.json --today 2026-03-18 --tz America/New_York --locale en_US';

/** `npm run demo -- --help`: the flags, actions and file formats in a few lines; docs/COMMAND-LINE.md has the rest. */
export function helpText(defaults: { timeZone: string; locale: string }): string {
  return `npm run demo -- [flags]   runs the built add-on (dist/) in a local Apps Script emulator: no Google account

Flags
  --sheet FILE.csv       your tracker; row 1 holds the headers; each cell is read as Sheets reads what you type
  --mailbox FILE.json    the Gmail mailbox the add-on sees (format below)
  --settings FILE.json   the add-on's settings as one object, e.g. {"yourName": "Alex Doe", "skipWeekends": false}
  --state FILE.json      keeps the sheet, mailbox, settings and triggers between runs (made on the first run)
  --today YYYY-MM-DD     the day the run happens (the clock starts at 09:00); default: today
  --tz Area/City         the spreadsheet's time zone; default ${defaults.timeZone}
  --locale xx_YY         the spreadsheet's locale; default ${defaults.locale}, which reads 3/4/2026 as 3 April;
                         en_US reads it as March 4
  --action NAME          repeatable, run in order; default: --action open --action draft
  --json                 print only the JSON report
  --out DIR              where report.json, sheet.html, drafts/*.eml and preview.html go; default out/
  --help, -h             this text

Actions: the add-on
  open                          the Follow-ups menu appears, as when the spreadsheet opens
  score                         Score rows: the follow-up columns and colours; no mail read or drafted
  draft                         Draft follow-ups: reads Gmail, records sends and replies, drafts what is due
  preview                       Preview follow-ups: what would be drafted (also written to preview.html)
  install-trigger               Turn on daily drafts
  remove-trigger                Turn off daily drafts
  daily                         the daily run fires, as Apps Script would start it
Actions: you, in Gmail (ROW is the sheet row whose Draft cell names the draft)
  send-drafts                   send every draft
  send-draft:ROW                send that row's draft
  edit-draft:ROW:to=ADDRESS     change its To line
  edit-draft:ROW:subject=TEXT   change its subject
  delete-draft:ROW              delete it unsent
  schedule-draft:ROW            schedule it (it waits under Scheduled)
  deliver-scheduled             Gmail sends what you scheduled
  receive:FILE.json             new mail arrives (a list of messages in the mailbox format)

Mailbox file
  {"me": {"email": "you@example.com", "name": "Your Name"},
   "messages": [{"id": "m1", "threadId": "t1", "from": "Sam Lee <sam@acme.example>", "to": ["you@example.com"],
                 "cc": [], "date": "2026-03-02T15:04:00Z", "subject": "Your interview", "text": "See you then",
                 "labels": ["INBOX"]}]}
  optional per message: messageId, inReplyTo, references, headers {"Auto-Submitted": "auto-replied", ...};
  labels: INBOX, SENT, DRAFT, SCHEDULED

With no --sheet and --mailbox, the sample in examples/sample-*.csv/json runs: its dates are written
{{today}}, {{today-3}} or {{today+2}} and are filled in from --today. Your own tracker, ready to try:
  ${YOUR_OWN}

Exit status: 0 every action ran, 1 an action failed, 2 bad flags or an unreadable file.
Everything else: docs/COMMAND-LINE.md
`;
}

function padTable(head: string[], lines: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => [...l[i]!].length)));
  const pad = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i]! - [...c].length))
      .join('  ')
      .trimEnd();
  return [pad(head), pad(widths.map((w) => '-'.repeat(w))), ...lines.map(pad)];
}

/** True when no row shows anything in the add-on's columns: no action of the run scored the sheet. */
export function unscored(report: Report): boolean {
  return report.rows.every((r) => r.action === null && r.status === null && r.priority === null && r.draft === null);
}

/** One line per application row, as the managed columns show it ("drafted" when its Draft cell names a draft). */
export function rowsTable(report: Report): string {
  if (report.rows.length === 0) return `No application rows in the sheet "${report.sheet.name}".`;
  if (unscored(report)) {
    return `${report.rows.length} application rows, not scored: add --action score or --action draft to see their follow-ups.`;
  }
  const lines = report.rows.map((r) => [
    String(r.row),
    r.company,
    r.action ?? '–',
    r.due ?? '–',
    r.status ?? '–',
    r.priority === null ? '–' : String(r.priority),
    r.draft ? (r.draft.includes(' · draft ') ? 'drafted' : r.draft.split(' · ').slice(-1)[0]!) : '–',
  ]);
  return padTable(['row', 'company', 'action', 'due', 'status', 'priority', 'draft'], lines).join('\n');
}

/** The data the preview sidebar was given (src/adapters/ui.ts puts it in the page as window.__INITIAL__). */
export function previewData(html: string): Preview | null {
  const found = /window\.__INITIAL__ = (\{.*?\});<\/script>/s.exec(html);
  if (!found) return null;
  try {
    return JSON.parse(found[1]!) as Preview;
  } catch {
    return null;
  }
}

/** The address in `Name <address>`, or the text as it is. */
function addressOf(to: string): string {
  return /<([^>]+)>/.exec(to)?.[1] ?? to;
}

/** The preview sidebar's follow-ups as a table, each row's problems under it, as a person reads the sidebar. */
export function previewTable(html: string): string {
  const preview = previewData(html);
  if (!preview) return 'Preview: the sidebar opened without its data (see preview.html).';
  const title = `Preview of ${preview.today}: ${preview.rows.length} follow-up${preview.rows.length === 1 ? '' : 's'} due`;
  const notes = [...(preview.message ? [preview.message] : []), ...preview.mustAct];
  if (preview.rows.length === 0) return [title, ...notes].join('\n');
  const lines = preview.rows.map((r) => [
    String(r.row),
    r.company,
    r.actionLabel,
    r.due,
    r.statusText,
    r.to === '' ? '(no address)' : addressOf(r.to),
    r.drafted ? `${r.subject} (already drafted)` : r.subject,
  ]);
  const [head, rule, ...body] = padTable(['row', 'company', 'follow-up', 'due', 'status', 'to', 'subject'], lines);
  // Under the company column: past the row column and its two-space gap.
  const indent = ' '.repeat(Math.max('row'.length, ...preview.rows.map((r) => String(r.row).length)) + 2);
  const out = [title, head!, rule!];
  body.forEach((line, i) => {
    out.push(line);
    for (const p of preview.rows[i]!.problems) {
      out.push(`${indent}${p.blocking ? 'not drafted: ' : 'note: '}${p.message}`);
    }
  });
  return [...out, ...notes].join('\n');
}

/** "sent 6 drafts:" and one line per message the user sent in this run (recipients and subject). */
export function sentLines(report: Report, sendActionRan: boolean): string[] {
  if (report.sent.length === 0) {
    return sendActionRan ? ['sent no drafts: Gmail held none that could go (run --action draft first).'] : [];
  }
  const count = `${report.sent.length} draft${report.sent.length === 1 ? '' : 's'}`;
  return [
    `sent ${count}:`,
    ...report.sent.map((s) => `  to ${s.to.join(', ')}: ${s.subject}`),
    'The add-on records them in the sheet on its next run (--action draft or --action daily).',
  ];
}

/** "6 drafts in Gmail · 4.5 s modeled · Apps Script calls: SpreadsheetApp 51, Gmail 11". */
export function summaryLine(report: Report): string {
  const drafts = `${report.drafts.length} draft${report.drafts.length === 1 ? '' : 's'} in Gmail`;
  const calls = Object.entries(report.calls);
  if (calls.length === 0) return `${drafts} · no add-on code ran (only your own steps in Gmail)`;
  const list = calls.map(([service, n]) => `${service} ${n}`).join(', ');
  return `${drafts} · ${(report.modeledMs / 1000).toFixed(1)} s modeled · Apps Script calls: ${list}`;
}
