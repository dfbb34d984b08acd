/**
 * `npm run demo`, called as `main(argv, io)` with a capturing io: the contract of docs/COMMAND-LINE.md (flags,
 * actions, --state, the report, out/, exit codes) on the built add-on.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AddressObject, simpleParser } from 'mailparser';
import { fillSampleDates, main } from '../../emulator/cli';
import { Emulator } from '../../emulator/emulator';
import type { Report } from '../../emulator/report';
import { cellValue } from '../../emulator/spreadsheet';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2026-11-25';
/** Noon on TODAY: the real clock the io gives, for the default --today. */
const NOW = new Date('2026-11-25T12:00:00Z');

const ACTIONS = ['thank-you', 'check-in', 'second-follow-up', 'monthly-check-in', 'application-check-in'];
const STATUSES = ['overdue', 'due-today', 'upcoming', 'waiting', 'closed'];

let scratch: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
  scratch = mkdtempSync(join(tmpdir(), 'demo-cli-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

let dirs = 0;
/** A fresh folder under the scratch folder (for --out, state files and inputs). */
function freshDir(name = 'run'): string {
  const dir = join(scratch, `${name}-${++dirs}`);
  return dir;
}

function file(name: string, content: string): string {
  const path = join(scratch, `${++dirs}-${name}`);
  writeFileSync(path, content);
  return path;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
  report: () => Report;
}

function demo(args: string[], options: { out?: string; now?: Date } = {}): Run {
  const out = options.out ?? freshDir('out');
  let stdout = '';
  let stderr = '';
  const code = main([...args, '--out', out], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    now: () => options.now ?? NOW,
    root: ROOT,
  });
  return {
    code,
    stdout,
    stderr,
    out,
    report: () => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report,
  };
}

/** The display value of a column (by header) in a report's sheet, for the row of a company. */
function cell(report: Report, company: string, header: string): string {
  const [head, ...rows] = report.sheet.values;
  const column = head!.indexOf(header);
  const row = rows.find((r) => r[0] === company);
  if (column < 0 || !row) throw new Error(`no ${header} for ${company}`);
  return row[column]!;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => v.address ?? ''));
}

describe('with no flags but --today: the embedded sample', () => {
  let run: Run;
  let report: Report;

  beforeAll(() => {
    run = demo(['--today', TODAY]);
    report = run.report();
  });

  test('prints the table of rows and where the outputs went, and exits 0', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^row\s+company\s+action\s+due\s+status\s+priority\s+draft$/);
    expect(lines[1]).toMatch(/^-+(\s+-+){6}$/);
    expect(report.rows.length).toBeGreaterThanOrEqual(10);
    for (const [i, row] of report.rows.entries()) {
      const cells = lines[2 + i]!.split(/\s{2,}/);
      expect(cells).toEqual([
        String(row.row),
        row.company,
        row.action ?? '–',
        row.due ?? '–',
        row.status ?? '–',
        String(row.priority),
        // On the first day every Draft cell names a draft still in Gmail.
        row.draft === null ? '–' : 'drafted',
      ]);
      expect(report.drafts.some((d) => d.row === row.row)).toBe(row.draft !== null);
    }
    expect(run.stdout).toContain(
      `Wrote ${join(run.out, 'report.json')}, ${join(run.out, 'sheet.html')} and ${join(run.out, 'drafts')}/\n`,
    );
    expect(run.stdout).toContain(`${report.drafts.length} drafts in Gmail`);
  });

  test('writes out/report.json, out/sheet.html and out/drafts/*.eml that mailparser reads', async () => {
    expect(report.today).toBe(TODAY);
    const html = readFileSync(join(run.out, 'sheet.html'), 'utf8');
    for (const row of report.rows) expect(html).toContain(row.company.replace(/&/g, '&amp;'));
    const coloured = report.rows.filter((r) => r.color !== null);
    expect(coloured.length).toBeGreaterThan(0);
    for (const row of coloured) expect(html.toLowerCase()).toContain(row.color!.toLowerCase());

    const emls = readdirSync(join(run.out, 'drafts')).filter((f) => f.endsWith('.eml'));
    expect(emls.length).toBeGreaterThanOrEqual(3);
    expect(emls).toHaveLength(report.drafts.length);
    for (const name of emls) {
      const draft = report.drafts.find((d) => name.endsWith(`-${d.id}.eml`));
      expect(draft).toBeDefined();
      expect(name).toBe(`row-${draft!.row}-${draft!.action}-${draft!.id}.eml`);
      const mail = await simpleParser(readFileSync(join(run.out, 'drafts', name)));
      expect(addresses(mail.to)).toEqual(draft!.to);
      expect(mail.subject).toBe(draft!.subject);
      expect(mail.text?.trim()).toBe(draft!.text.trim());
      expect(mail.text!.length).toBeGreaterThan(50);
      expect(typeof mail.html).toBe('string');
      expect(mail.html as string).toContain('<');
      expect(mail.inReplyTo ?? null).toBe(draft!.inReplyTo);
    }
  });

  test('shows every action and every status of docs/RULES.md', () => {
    expect(new Set(report.rows.map((r) => r.action).filter((a) => a !== null))).toEqual(new Set(ACTIONS));
    expect(new Set(report.rows.map((r) => r.status))).toEqual(new Set(STATUSES));
    expect(new Set(report.drafts.map((d) => d.action))).toEqual(new Set(ACTIONS));
  });

  test('records a reply from the mailbox: Heard back is filled and that row waits', () => {
    const csv = fillSampleDates(readFileSync(join(ROOT, 'examples', 'sample-tracker.csv'), 'utf8'), TODAY);
    const header = csv.split('\n')[0]!.split(',');
    const blankBefore = csv
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '' && line.split(',')[header.indexOf('Heard back')] === '')
      .map((line) => line.split(',')[0]!);
    const filled = report.rows.filter(
      (r) => blankBefore.includes(r.company) && cell(report, r.company, 'Heard back') !== '',
    );
    expect(filled.map((r) => r.company)).toEqual(['Initech']);
    // The reply came two days before today.
    expect(cell(report, 'Initech', 'Heard back')).toMatch(/^(2026-11-23|23\/11\/2026)$/);
    expect(filled[0]).toMatchObject({ status: 'waiting', action: null, draft: null });
    expect(run.stdout).toContain('1 reply found');
  });

  test('a check-in replies in the existing thread, with In-Reply-To and References', () => {
    const mailbox = JSON.parse(readFileSync(join(ROOT, 'examples', 'sample-mailbox.json'), 'utf8')) as {
      messages: { threadId: string; subject: string }[];
    };
    const threads = new Set(mailbox.messages.map((m) => m.threadId));
    const replies = report.drafts.filter((d) => d.threadId !== null && threads.has(d.threadId));
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply.action).toBe('check-in');
    const first = mailbox.messages.find((m) => m.threadId === reply.threadId)!;
    expect(reply.subject).toBe(`Re: ${first.subject}`);
    expect(reply.inReplyTo).toMatch(/^<[^<>\s]+@[^<>\s]+>$/);
    expect((reply as { references?: string | null }).references).toContain(reply.inReplyTo);
    // Every other draft starts a new thread of its own.
    for (const d of report.drafts.filter((x) => x !== reply)) {
      expect(d.inReplyTo).toBeNull();
      expect(threads.has(d.threadId ?? '')).toBe(false);
    }
  });

  test('a closed row gets nothing, and a row missing an email address says so and gets no draft', () => {
    const closed = report.rows.filter((r) => r.status === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(1);
    for (const row of closed) expect(row).toMatchObject({ action: null, due: null, draft: null, color: null });

    const missing = report.rows.filter((r) => r.problems.some((p) => /email address/i.test(p)));
    expect(missing.map((r) => r.company)).toEqual(['Acme Corp']);
    expect(cell(report, 'Acme Corp', 'Recruiter email')).toBe('');
    expect(missing[0]).toMatchObject({ action: 'check-in', status: 'overdue', draft: null });
    expect(report.drafts.some((d) => d.row === missing[0]!.row)).toBe(false);
  });

  test('opened as a simple trigger, the menu is in the report; the draft run toasted once', () => {
    expect(report.ui.menu).toEqual(
      expect.arrayContaining(['Draft follow-ups', 'Score rows (colour only, no drafts)', 'Check setup']),
    );
    expect(report.ui.toasts).toHaveLength(1);
    expect(report.ui.toasts[0]).toMatch(new RegExp(`^${report.drafts.length} drafts created`));
    expect(report.errors).toEqual([]);
    expect(report.sent).toEqual([]);
    expect(report.triggers).toEqual([]);
  });
});

describe('--json', () => {
  test('stdout holds exactly one JSON document, the report of docs/COMMAND-LINE.md, and nothing else', () => {
    const run = demo(['--json', '--today', TODAY]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('}\n')).toBe(true);
    const report = JSON.parse(run.stdout) as Report;
    expect(report).toEqual(run.report());
    expect(Object.keys(report).sort()).toEqual(
      [
        'today',
        'timeZone',
        'locale',
        'sheet',
        'rows',
        'drafts',
        'sent',
        'triggers',
        'ui',
        'calls',
        'modeledMs',
        'errors',
      ].sort(),
    );
    expect(report).toMatchObject({ today: TODAY, timeZone: 'Europe/London', locale: 'en_GB', errors: [], sent: [] });
    expect(Object.keys(report.sheet).sort()).toEqual(['backgrounds', 'name', 'values']);
    expect(report.sheet.name).toBe('Applications');
    expect(report.sheet.values[0]).toEqual(expect.arrayContaining(['Company', 'Next follow-up', 'Due', 'Draft']));
    expect(report.sheet.backgrounds).toHaveLength(report.sheet.values.length);
    report.sheet.backgrounds.forEach((line, i) => {
      expect(line).toHaveLength(report.sheet.values[i]!.length);
      for (const colour of line) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    });
    for (const row of report.rows) {
      expect(Object.keys(row).sort()).toEqual(
        ['row', 'company', 'action', 'due', 'status', 'priority', 'color', 'problems', 'draft'].sort(),
      );
      expect(row.due === null || /^\d{4}-\d{2}-\d{2}$/.test(row.due)).toBe(true);
      expect(typeof row.priority).toBe('number');
      expect(row.color === null || /^#[0-9a-f]{6}$/.test(row.color)).toBe(true);
    }
    expect(report.drafts.length).toBeGreaterThanOrEqual(3);
    for (const draft of report.drafts) {
      expect(Object.keys(draft)).toEqual(
        expect.arrayContaining(['id', 'row', 'action', 'to', 'cc', 'subject', 'text', 'html', 'threadId', 'inReplyTo']),
      );
      expect(draft.html).toContain('<');
      expect(draft.to.every((a) => /^[^@\s]+@[^@\s]+$/.test(a))).toBe(true);
    }
    expect(Object.keys(report.ui).sort()).toEqual(['alerts', 'menu', 'toasts']);
    expect(report.calls.SpreadsheetApp).toBeGreaterThan(0);
    expect(report.calls.Gmail).toBeGreaterThan(0);
    for (const n of Object.values(report.calls)) expect(Number.isInteger(n)).toBe(true);
    expect(report.modeledMs).toBeGreaterThan(0);
    expect(Number.isInteger(report.modeledMs)).toBe(true);
  });

  test('through `npm run --silent demo` (scripts/run.mjs and demo.ts) too, with the exit status of main', () => {
    const out = freshDir('out');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts', 'run.mjs'), 'emulator/demo.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const ok = run(['--json', '--today', TODAY, '--out', out]);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe('');
    const report = JSON.parse(ok.stdout) as Report;
    expect(report).toEqual(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    const bad = run(['--json', '--today', 'yesterday', '--out', out]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('demo: --today "yesterday" is not a date; use YYYY-MM-DD\n');
  });

  test('--today defaults to the real date in the spreadsheet time zone', () => {
    const lateEvening = new Date('2026-11-25T23:30:00Z');
    expect(demo(['--json'], { now: lateEvening }).report().today).toBe('2026-11-25');
    const auckland = demo(['--json', '--tz', 'Pacific/Auckland'], { now: lateEvening }).report();
    expect(auckland).toMatchObject({ today: '2026-11-26', timeZone: 'Pacific/Auckland' });
  });
});

describe('bad flags and unreadable input: exit 2 with a one-line message', () => {
  const state = () => {
    const path = join(freshDir('state'), 'state.json');
    expect(demo(['--today', TODAY, '--state', path, '--action', 'score']).code).toBe(0);
    return path;
  };
  const CASES: [string, () => string[], RegExp][] = [
    ['an unknown flag', () => ['--colour', 'red'], /unknown flag --colour/],
    ['a stray argument', () => ['draft'], /unexpected argument "draft"/],
    ['a bad --today', () => ['--today', '25/11/2026'], /--today "25\/11\/2026" is not a date/],
    ['a --today that is no real day', () => ['--today', '2026-02-30'], /--today "2026-02-30" is not a date/],
    ['a bad --tz', () => ['--tz', 'Mars/Olympus_Mons'], /--tz "Mars\/Olympus_Mons" is not a time zone/],
    ['a bad --locale', () => ['--locale', 'english'], /--locale "english" is not a locale/],
    ['an unknown action', () => ['--action', 'send'], /unknown action "send"/],
    ['a flag without its value', () => ['--today'], /--today needs a value/],
    [
      'an unreadable --sheet file',
      () => ['--sheet', join(scratch, 'no-such.csv')],
      /--sheet .*no-such\.csv: cannot read/,
    ],
    ['malformed mailbox JSON', () => ['--mailbox', file('inbox.json', '{"me": ')], /--mailbox .*: not valid JSON/],
    [
      'a mailbox message missing its date',
      () => [
        '--mailbox',
        file(
          'inbox.json',
          JSON.stringify({
            me: { email: 'alex@example.com', name: 'Alex' },
            messages: [{ id: 'm1', threadId: 't1', from: 'sam@acme.example', to: ['alex@example.com'], subject: 'Hi' }],
          }),
        ),
      ],
      /messages\[0\]\.date is missing/,
    ],
    [
      '--sheet together with an existing --state',
      () => ['--state', state(), '--sheet', file('t.csv', 'Company\nAcme\n')],
      /already holds a sheet and mailbox/,
    ],
    [
      'bad --settings values',
      () => ['--settings', file('s.json', '{"dailyHour": 25}')],
      /\(dailyHour\) must be a whole number from 0 to 23; it is 25\./,
    ],
    ['an unknown setting', () => ['--settings', file('s.json', '{"colour": "red"}')], /no setting "colour"/],
    ['--settings that are not an object', () => ['--settings', file('s.json', '[1, 2]')], /one JSON object/],
    ['an unreadable --settings file', () => ['--settings', join(scratch, 'none.json')], /cannot read the file/],
    ['a --state file that is not JSON', () => ['--state', file('st.json', 'not json')], /--state .*: not valid JSON/],
    [
      'a --state file that is no saved state',
      () => ['--state', file('st.json', '{"a": 1}')],
      /not a saved emulator state/,
    ],
    ['--tz differing from the saved state', () => ['--state', state(), '--tz', 'Asia/Tokyo'], /differs from the saved/],
  ];

  test.each(CASES)('%s', (_what, args, message) => {
    const argv = args();
    const run = demo(argv.includes('--today') ? argv : [...argv, '--today', TODAY]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^demo: [^\n]+\n$/);
    expect(run.stderr).toMatch(message);
    expect(existsSync(run.out)).toBe(false);
  });

  test('an --out that cannot be made', () => {
    const blocker = file('not-a-folder', 'x');
    const run = demo(['--today', TODAY], { out: join(blocker, 'out') });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^demo: --out .*not-a-folder\/out: cannot write there \(ENOTDIR\)\n$/);
  });
});

describe('an action that throws: exit 1', () => {
  test('--action daily with no trigger installed: the error is in the report and on stderr', () => {
    const run = demo(['--today', TODAY, '--action', 'daily', '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.errors).toEqual([{ action: 'daily', message: expect.stringMatching(/no daily trigger/) }]);
    expect(run.stderr).toBe(`demo: daily: ${report.errors[0]!.message}\n`);
    expect(run.report()).toEqual(report);
  });

  test('an action the add-on fails (the properties quota used up): its Apps Script error is reported', () => {
    const state = join(freshDir('state'), 'state.json');
    expect(demo(['--state', state, '--today', TODAY, '--action', 'score']).code).toBe(0);
    const saved = JSON.parse(readFileSync(state, 'utf8')) as {
      quotas: { properties: { limit: number; used: number } };
    };
    saved.quotas.properties.used = saved.quotas.properties.limit;
    writeFileSync(state, JSON.stringify(saved));

    const run = demo(['--state', state, '--today', TODAY, '--action', 'draft', '--action', 'open']);
    expect(run.code).toBe(1);
    const report = run.report();
    expect(report.errors).toEqual([
      { action: 'draft', message: 'Service invoked too many times for one day: properties.' },
    ]);
    expect(run.stderr).toBe('demo: draft: Service invoked too many times for one day: properties.\n');
    // The actions after it still ran, and nothing was drafted.
    expect(report.ui.menu).toContain('Draft follow-ups');
    expect(report.drafts).toEqual([]);

    // The quota is daily: the next day the same action works.
    const nextDay = demo(['--state', state, '--today', '2026-11-26', '--action', 'draft']);
    expect(nextDay.code).toBe(0);
    expect(nextDay.report().drafts.length).toBeGreaterThanOrEqual(3);
  });
});

describe('several days with --state', () => {
  test('draft, send the drafts, then the next day records the sends and drafts nothing twice', () => {
    const state = join(freshDir('state'), 'state.json');
    const day1 = demo(['--state', state, '--today', TODAY, '--json']);
    expect(day1.code).toBe(0);
    const drafted = (JSON.parse(day1.stdout) as Report).drafts;
    expect(drafted.length).toBeGreaterThanOrEqual(3);
    expect(readdirSync(join(day1.out, 'drafts'))).toHaveLength(drafted.length);
    expect(existsSync(state)).toBe(true);

    const send = demo(['--state', state, '--today', TODAY, '--action', 'send-drafts', '--json']);
    expect(send.code).toBe(0);
    const sent = JSON.parse(send.stdout) as Report;
    expect(sent.drafts).toEqual([]);
    expect(sent.sent.map((s) => s.subject).sort()).toEqual(drafted.map((d) => d.subject).sort());
    expect(sent.sent.map((s) => s.to).sort()).toEqual(drafted.map((d) => d.to).sort());
    for (const s of sent.sent) expect(s.date.slice(0, 10)).toBe(TODAY);

    const day2 = demo(['--state', state, '--today', '2026-11-26', '--action', 'draft', '--json']);
    expect(day2.code).toBe(0);
    const report = JSON.parse(day2.stdout) as Report;
    expect(report.today).toBe('2026-11-26');
    const byRow = new Map(report.rows.map((r) => [r.row, r]));
    for (const d of drafted) {
      const row = byRow.get(d.row!)!;
      expect(row.draft).toMatch(/ · sent 2026-11-25$/);
      if (d.action === 'thank-you') {
        expect(cell(report, row.company, 'Thank-you sent')).not.toMatch(/^(|FALSE)$/);
      } else {
        expect(cell(report, row.company, 'Last follow-up')).toMatch(/^(2026-11-25|25\/11\/2026)$/);
        expect(cell(report, row.company, 'Follow-ups sent')).toMatch(/^[1-9]\d*$/);
      }
      // The next follow-up of that row is not due yet, so nothing is drafted twice.
      expect(row.action === null || row.due! > '2026-11-26').toBe(true);
    }
    expect(report.drafts.filter((d) => drafted.some((x) => x.row === d.row))).toEqual([]);
    expect(report.ui.toasts.join()).toMatch(new RegExp(`${drafted.length} sent follow-ups recorded`));

    // The same --out again: it holds this run's drafts only (none), not the .eml files of day 1.
    const sameOut = demo(['--state', state, '--today', '2026-11-26', '--action', 'score'], { out: day1.out });
    expect(sameOut.code).toBe(0);
    expect(readdirSync(join(day1.out, 'drafts'))).toEqual([]);

    // Time only moves forward.
    const back = demo(['--state', state, '--today', TODAY]);
    expect(back.code).toBe(2);
    expect(back.stderr).toMatch(/^demo: --today 2026-11-25 is before the saved state's day 2026-11-26[^\n]*\n$/);
  });

  test('install-trigger, then daily on a later day drafts what became due with no UI; remove-trigger removes it', () => {
    const state = join(freshDir('state'), 'state.json');
    expect(demo(['--state', state, '--today', TODAY]).code).toBe(0);
    const drafted = demo(['--state', state, '--today', TODAY, '--action', 'send-drafts']).report().sent;

    const install = demo(['--state', state, '--today', '2026-11-26', '--action', 'install-trigger', '--json']);
    expect(install.code).toBe(0);
    const installed = JSON.parse(install.stdout) as Report;
    expect(installed.triggers).toEqual([{ handler: 'dailyRun', type: 'CLOCK', atHour: expect.any(Number) }]);
    const before = installed.rows;
    const upcoming = before.filter((r) => r.status === 'upcoming' && r.due === '2026-11-27');
    expect(upcoming.length).toBeGreaterThanOrEqual(1);

    const daily = demo(['--state', state, '--today', '2026-11-27', '--action', 'daily', '--json']);
    expect(daily.code).toBe(0);
    const report = JSON.parse(daily.stdout) as Report;
    expect(report.errors).toEqual([]);
    // A time-driven trigger has no UI: nothing was shown.
    expect(report.ui).toEqual({ menu: [], toasts: [], alerts: [] });
    // What became due today was drafted; what was sent on day 1 was not drafted again.
    for (const row of upcoming) {
      const draft = report.drafts.find((d) => d.row === row.row);
      expect(draft).toMatchObject({ action: row.action });
      expect(report.rows.find((r) => r.row === row.row)).toMatchObject({ status: 'due-today' });
    }
    expect(report.drafts.some((d) => drafted.some((s) => s.subject === d.subject && s.to.join() === d.to.join()))).toBe(
      false,
    );
    expect(report.triggers).toHaveLength(1);

    const removed = demo(['--state', state, '--today', '2026-11-27', '--action', 'remove-trigger', '--json']);
    expect(removed.code).toBe(0);
    expect((JSON.parse(removed.stdout) as Report).triggers).toEqual([]);
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { platform: { triggers: unknown[] } };
    expect(saved.platform.triggers).toEqual([]);
    const again = demo(['--state', state, '--today', '2026-11-28', '--action', 'daily']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^demo: daily: no daily trigger/);
  });
});

describe('your own files: --sheet CSV, --mailbox and --settings', () => {
  const HEAD =
    'Company,Role,Status,Applied,Interview date,Expected response,Recruiter,Recruiter email,Interviewer,Interviewer email,Thank-you sent,Last follow-up,Follow-ups sent,Heard back,Personal note';
  const CSV = `${HEAD}
Blue Sky Ltd,Data Engineer,Interviewing,2026-11-01,2026-11-24,,Rita Ora,rita@bluesky.example,,,FALSE,,,,Enjoyed the talk about streaming
Red Rock,Analyst,Interviewing,2026-10-20,2026-11-10,2026-11-17,Ken Adams,ken@redrock.example,,,TRUE,,,,
Green Leaf,Designer,Interviewing,2026-10-20,2026-11-12,2026-11-19,Lia Wong,lia@greenleaf.example,,,TRUE,,,,
`;
  const MAILBOX = {
    me: { email: 'robin@example.com', name: 'Robin Roe' },
    messages: [
      {
        id: 'k1',
        threadId: 't-red',
        from: 'Ken Adams <ken@redrock.example>',
        to: ['robin@example.com'],
        cc: [],
        date: '2026-11-05T15:00:00Z',
        subject: 'Analyst interview',
        text: 'Shall we say 10:00 on the 10th?',
        labels: ['INBOX'],
      },
      {
        id: 'k2',
        threadId: 't-red',
        from: 'Robin Roe <robin@example.com>',
        to: ['ken@redrock.example'],
        cc: [],
        date: '2026-11-05T16:00:00Z',
        subject: 'Re: Analyst interview',
        text: 'Perfect, see you then.',
        labels: ['SENT'],
        messageId: '<k2-robin@example.com>',
      },
      {
        id: 'l1',
        threadId: 't-green',
        from: 'Lia Wong <lia@greenleaf.example>',
        to: ['robin@example.com'],
        cc: [],
        date: '2026-11-23T10:00:00Z',
        subject: 'Your application',
        text: 'We would like to move you to the next round.',
        labels: ['INBOX'],
      },
    ],
  };

  test('loads typed cells, reads the mailbox, applies the settings and drafts end to end', async () => {
    const state = join(freshDir('state'), 'state.json');
    const run = demo([
      '--sheet',
      file('tracker.csv', CSV),
      '--mailbox',
      file('inbox.json', JSON.stringify(MAILBOX)),
      '--settings',
      file('settings.json', JSON.stringify({ yourName: 'Robin Roe', dailyHour: 7 })),
      '--tz',
      'America/New_York',
      '--locale',
      'en_US',
      '--today',
      TODAY,
      '--state',
      state,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = run.report();
    expect(report).toMatchObject({ today: TODAY, timeZone: 'America/New_York', locale: 'en_US', errors: [] });

    // Cells loaded as typing them into Sheets would: dates are Date cells, TRUE/FALSE booleans.
    const saved = Emulator.fromJSON(JSON.parse(readFileSync(state, 'utf8')), { distDir: join(ROOT, 'dist') });
    const spreadsheet = saved.state.spreadsheet;
    const sheet = spreadsheet.sheets[0]!;
    expect(sheet.name).toBe('Applications');
    const header = HEAD.split(',');
    const at = (row: number, column: string) => cellValue(spreadsheet, sheet, row, header.indexOf(column));
    expect(at(1, 'Interview date')).toEqual({ d: Date.UTC(2026, 10, 24, 5) }); // midnight in New York
    expect(at(1, 'Thank-you sent')).toBe(false);
    expect(at(2, 'Thank-you sent')).toBe(true);
    expect(at(1, 'Company')).toBe('Blue Sky Ltd');

    const row = (company: string) => report.rows.find((r) => r.company === company)!;
    expect(row('Blue Sky Ltd')).toMatchObject({ action: 'thank-you', due: '2026-11-24', status: 'overdue' });
    expect(row('Red Rock')).toMatchObject({ action: 'check-in', due: '2026-11-18', status: 'overdue' });
    expect(row('Green Leaf')).toMatchObject({ action: null, status: 'waiting', draft: null });
    expect(cell(report, 'Green Leaf', 'Heard back')).not.toBe('');

    const thanks = report.drafts.find((d) => d.row === row('Blue Sky Ltd').row)!;
    expect(thanks).toMatchObject({ action: 'thank-you', to: ['rita@bluesky.example'], threadId: expect.any(String) });
    expect(thanks.text).toContain('Robin Roe');
    expect(thanks.text).toContain('Enjoyed the talk about streaming');
    const checkIn = report.drafts.find((d) => d.row === row('Red Rock').row)!;
    expect(checkIn).toMatchObject({
      action: 'check-in',
      to: ['ken@redrock.example'],
      threadId: 't-red',
      inReplyTo: '<k2-robin@example.com>',
      subject: 'Re: Analyst interview',
    });
    expect(report.drafts).toHaveLength(2);

    const eml = readdirSync(join(run.out, 'drafts')).find((f) => f.includes('check-in'))!;
    const mail = await simpleParser(readFileSync(join(run.out, 'drafts', eml)));
    expect(mail.inReplyTo).toBe('<k2-robin@example.com>');
    expect(addresses(mail.from)).toEqual(['robin@example.com']);

    // The settings were stored where the add-on keeps them: the trigger it installs uses dailyHour.
    const install = demo(['--state', state, '--today', TODAY, '--action', 'install-trigger']);
    expect(install.report().triggers).toEqual([{ handler: 'dailyRun', type: 'CLOCK', atHour: 7 }]);
  });
});

describe('--action preview', () => {
  test('writes out/preview.html holding the sidebar with the due rows', () => {
    const run = demo(['--today', TODAY, '--action', 'open', '--action', 'preview']);
    expect(run.code).toBe(0);
    const report = run.report();
    expect(report.drafts).toEqual([]);
    const path = join(run.out, 'preview.html');
    expect(run.stdout).toContain(`and ${path}\n`);
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    const data = /window\.__INITIAL__ = (\{.*?\});<\/script>/s.exec(html);
    expect(data).not.toBeNull();
    const preview = JSON.parse(data![1]!) as {
      today: string;
      rows: { row: number; company: string; status: string }[];
    };
    expect(preview.today).toBe(TODAY);
    // The due rows, as a draft run of the same sheet shows them: the preview reads Gmail the same way (a reply
    // takes Initech off the list) but drafts nothing.
    const scored = demo(['--today', TODAY, '--action', 'draft']).report();
    const due = scored.rows.filter((r) => r.status === 'overdue' || r.status === 'due-today');
    expect(due.length).toBeGreaterThanOrEqual(3);
    expect(preview.rows.map((r) => [r.row, r.company, r.status]).sort()).toEqual(
      due.map((r) => [r.row, r.company, r.status]).sort(),
    );
    expect(html).toContain('<title>');

    // A later run into the same --out without a preview leaves no stale preview.html behind.
    expect(demo(['--today', TODAY, '--action', 'score'], { out: run.out }).code).toBe(0);
    expect(existsSync(path)).toBe(false);
  });
});
