/**
 * What `npm run demo` prints for a person (docs/COMMAND-LINE.md, "What it prints"): --help, the preview's
 * follow-ups, the drafts sent, a sheet not yet scored, and the ready-made "your own tracker" files of the README.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTIONS, main } from '../../emulator/cli';
import { previewData } from '../../emulator/cli-output';
import type { Report } from '../../emulator/report';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T12:00:00Z');
/** The README's "your own tracker" command, without `npm run demo --`. */
const YOUR_OWN = [
  '--sheet',
  'examples/my-tracker.csv',
  '--mailbox',
  'examples/my-mailbox.json',
  '--settings',
  'examples/my-settings.json',
  '--today',
  '2026-03-18',
  '--tz',
  'America/New_York',
  '--locale',
  'en_US',
];

let scratch: string;
let runs = 0;

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
  scratch = mkdtempSync(join(tmpdir(), 'demo-output-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
  report: () => Report;
}

/** main() as `npm run demo` calls it, from the project folder (the README's paths are relative to it). */
function demo(args: string[], options: { out?: string; withOut?: boolean } = {}): Run {
  const out = options.out ?? join(scratch, `out-${++runs}`);
  let stdout = '';
  let stderr = '';
  const code = main(options.withOut === false ? args : [...args, '--out', out], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    now: () => NOW,
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

describe('--help', () => {
  test.each([
    ['--help', ['--help']],
    ['-h', ['-h']],
    ['--help after a bad flag value', ['--today', 'not-a-date', '--help']],
  ])('%s prints the help on stdout and exits 0', (_name, args) => {
    const run = demo(args, { withOut: false });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^npm run demo -- \[flags\]/);
  });

  test('names every flag, every action, the defaults, the file formats and where the rest is', () => {
    const help = demo(['--help'], { withOut: false }).stdout;
    for (const flag of ['sheet', 'mailbox', 'settings', 'state', 'today', 'tz', 'locale', 'action', 'json', 'out']) {
      expect(help).toMatch(new RegExp(`^ {2}--${flag}\\b`, 'm'));
    }
    for (const action of ACTIONS) expect(help).toMatch(new RegExp(`^ {2}${action} `, 'm'));
    expect(help).toContain('default Europe/London');
    expect(help).toContain('default en_GB');
    expect(help).toContain('{{today}}, {{today-3}} or {{today+2}}');
    expect(help).toMatch(/"me": \{"email"/);
    expect(help).toContain('Exit status: 0 every action ran, 1 an action failed, 2 bad flags');
    expect(help).toContain('docs/COMMAND-LINE.md');
    expect(existsSync(join(ROOT, 'docs', 'COMMAND-LINE.md'))).toBe(true);
    expect(help.split('\n').every((line) => line.length <= 120)).toBe(true);
  });

  test("gives the README's own-tracker command, which the README gives too", () => {
    const help = demo(['--help'], { withOut: false }).stdout.replace(/\s*\\\n\s*/g, ' ');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s*\\\n\s*/g, ' ');
    const command = `npm run demo -- ${YOUR_OWN.join(' ')}`;
    expect(help).toContain(command);
    expect(readme).toContain(command);
  });

  test('a bad flag points to --help', () => {
    const run = demo(['--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^demo: unknown flag --bogus; .*\(--help explains them\)\n$/);
  });
});

describe('--action preview', () => {
  test("prints the sidebar's follow-ups as a table, with each row's problems under it, not a table of dashes", () => {
    const run = demo(['--today', TODAY, '--action', 'open', '--action', 'preview']);
    expect(run.code).toBe(0);
    const preview = previewData(readFileSync(join(run.out, 'preview.html'), 'utf8'))!;
    expect(preview.rows.length).toBeGreaterThanOrEqual(3);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`Preview of ${TODAY}: ${preview.rows.length} follow-ups due`);
    expect(lines[1]).toMatch(/^row\s+company\s+follow-up\s+due\s+status\s+to\s+subject$/);
    expect(lines[2]).toMatch(/^-+(\s+-+){6}$/);
    let at = 3;
    for (const row of preview.rows) {
      const cells = lines[at++]!.split(/\s{2,}/);
      const to = row.to === '' ? '(no address)' : (/<([^>]+)>/.exec(row.to)?.[1] ?? row.to);
      expect(cells).toEqual([String(row.row), row.company, row.actionLabel, row.due, row.statusText, to, row.subject]);
      for (const problem of row.problems) {
        expect(lines[at++]).toBe(`     ${problem.blocking ? 'not drafted: ' : 'note: '}${problem.message}`);
      }
    }
    expect(preview.rows.some((r) => r.problems.some((p) => p.blocking))).toBe(true);
    expect(run.stdout).not.toMatch(/^\S+\s+–\s+–/m);
  });

  test('after a draft run, the rows table comes first and the preview marks what is already drafted', () => {
    const run = demo(['--today', TODAY, '--action', 'draft', '--action', 'preview']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^row\s+company\s+action\s+due\s+status\s+priority\s+draft\n/);
    expect(run.stdout).toMatch(/\nPreview of 2026-11-25: \d+ follow-ups due\n/);
    expect(run.stdout).toMatch(/ \(already drafted\)\n/);
  });
});

describe('a sheet no action scored', () => {
  test('says so in one line instead of a table of dashes', () => {
    const run = demo(['--today', TODAY, '--action', 'open']);
    expect(run.code).toBe(0);
    const rows = run.report().rows.length;
    expect(run.stdout.split('\n')[0]).toBe(
      `${rows} application rows, not scored: add --action score or --action draft to see their follow-ups.`,
    );
  });
});

describe('--action send-drafts', () => {
  test('says "sent N drafts:" and names each one, and the summary has no empty list of calls', () => {
    const state = join(scratch, `state-${++runs}.json`);
    const day1 = demo(['--state', state, '--today', TODAY]);
    const drafted = day1.report().drafts;
    expect(drafted.length).toBeGreaterThanOrEqual(3);
    const send = demo(['--state', state, '--today', TODAY, '--action', 'send-drafts']);
    expect(send.code).toBe(0);
    const lines = send.stdout.split('\n');
    const at = lines.indexOf(`sent ${drafted.length} drafts:`);
    expect(at).toBeGreaterThan(0);
    const named = lines.slice(at + 1, at + 1 + drafted.length).sort();
    expect(named).toEqual(drafted.map((d) => `  to ${d.to.join(', ')}: ${d.subject}`).sort());
    expect(lines[at + 1 + drafted.length]).toBe(
      'The add-on records them in the sheet on its next run (--action draft or --action daily).',
    );
    expect(send.stdout).toContain('\n0 drafts in Gmail · no add-on code ran (only your own steps in Gmail)\n');
    expect(send.stdout).not.toContain(' ·  calls');

    const again = demo(['--state', state, '--today', TODAY, '--action', 'send-drafts']);
    expect(again.stdout).toContain('\nsent no drafts: Gmail held none that could go (run --action draft first).\n');
  });

  test('a run of the add-on ends with the drafts in Gmail, the modeled time and the calls by service', () => {
    const run = demo(['--today', TODAY]);
    const report = run.report();
    const calls = Object.entries(report.calls)
      .map(([service, n]) => `${service} ${n}`)
      .join(', ');
    expect(run.stdout).toContain(
      `\n${report.drafts.length} drafts in Gmail · ${(report.modeledMs / 1000).toFixed(1)} s modeled · Apps Script calls: ${calls}\n`,
    );
  });
});

describe("the README's own-tracker files (examples/my-*)", () => {
  test('hold real dates: no {{today}} placeholders', () => {
    for (const file of ['my-tracker.csv', 'my-mailbox.json', 'my-settings.json']) {
      expect(readFileSync(join(ROOT, 'examples', file), 'utf8')).not.toContain('{{');
    }
  });

  test('plan every kind of row on 2026-03-18 in New York, reading 3/2/2026 month first (en_US)', () => {
    const run = demo(YOUR_OWN);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = run.report();
    expect([report.timeZone, report.locale]).toEqual(['America/New_York', 'en_US']);
    const plan = Object.fromEntries(report.rows.map((r) => [r.company, [r.action, r.due, r.status]]));
    expect(plan).toEqual({
      'Brightline Health': ['thank-you', '2026-03-18', 'due-today'],
      // Expected by Friday 13 March: due the Saturday after, moved to Monday.
      'Cobalt Logistics': ['check-in', '2026-03-16', 'overdue'],
      'Juniper Software': ['second-follow-up', '2026-03-18', 'due-today'],
      // Applied 3/2/2026 = 2 March, plus 14 days.
      'Meridian Bank': ['application-check-in', '2026-03-16', 'overdue'],
      'Orchard Foods': ['check-in', '2026-03-27', 'upcoming'],
      'Pinecrest Studios': [null, null, 'waiting'],
      'Northgate Labs': [null, null, 'closed'],
      'Harbor Insurance': ['thank-you', '2026-03-16', 'overdue'],
    });
    const draftOf = (company: string) => {
      const row = report.rows.find((r) => r.company === company)!.row;
      return report.drafts.find((d) => d.row === row);
    };
    expect(report.drafts).toHaveLength(4);
    expect(draftOf('Brightline Health')!.to).toEqual(['marcus.lee@brightline.example']);
    expect(draftOf('Cobalt Logistics')!.subject).toBe('Re: Interview: Operations Analyst at Cobalt Logistics');
    expect(draftOf('Cobalt Logistics')!.inReplyTo).toBe('<jr-cobalt-2@mail.example.com>');
    expect(draftOf('Juniper Software')!.text).toContain('it cut first-week support tickets by 18%');
    expect(draftOf('Harbor Insurance')).toBeUndefined();
    expect(report.rows.find((r) => r.company === 'Harbor Insurance')!.problems.join(' ')).toMatch(/email/i);
  });
});
