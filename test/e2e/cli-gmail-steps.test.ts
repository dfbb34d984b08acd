/**
 * `npm run demo`'s actions for what the user does in Gmail (docs/COMMAND-LINE.md): send, edit, delete and schedule a
 * row's draft, deliver scheduled mail, receive mail; and --settings stored as given.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../emulator/cli';
import { Emulator } from '../../emulator/emulator';
import { metaOf } from '../../emulator/gmail';
import type { Report } from '../../emulator/report';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2026-11-25';
const NOW = new Date('2026-11-25T12:00:00Z');

let scratch: string;
let count = 0;

beforeAll(() => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
  scratch = mkdtempSync(join(tmpdir(), 'demo-steps-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function path(name: string): string {
  return join(scratch, `${++count}-${name}`);
}

function demo(args: string[]): { code: number; stderr: string; report: Report | null } {
  let stdout = '';
  let stderr = '';
  const code = main([...args, '--json', '--out', path('out')], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    now: () => NOW,
    root: ROOT,
  });
  return { code, stderr, report: stdout.trim() === '' ? null : (JSON.parse(stdout) as Report) };
}

/** The sample drafted once into a fresh --state file; returns the state path and that first report. */
function drafted(): { state: string; report: Report } {
  const state = path('state.json');
  const run = demo(['--state', state, '--today', TODAY]);
  expect(run.code).toBe(0);
  expect(run.report!.drafts.length).toBeGreaterThanOrEqual(3);
  return { state, report: run.report! };
}

function saved(state: string): Emulator {
  return Emulator.fromJSON(JSON.parse(readFileSync(state, 'utf8')), { distDir: join(ROOT, 'dist') });
}

describe('the user steps in Gmail, by the row whose Draft cell names the draft', () => {
  test('send-draft:ROW sends that draft only: SENT in its thread with a new Message-ID of Gmail’s making', () => {
    const { state, report } = drafted();
    const [first, ...rest] = report.drafts;
    const before = saved(state)
      .drafts()
      .find((d) => d.id === first!.id)!;
    const run = demo(['--state', state, '--today', TODAY, '--action', `send-draft:${first!.row}`]);
    expect(run.code).toBe(0);
    expect(run.report!.sent).toEqual([{ to: first!.to, subject: first!.subject, date: expect.any(String) }]);
    expect(run.report!.drafts.map((d) => d.id)).toEqual(rest.map((d) => d.id));
    const mailbox = saved(state).state.mailbox;
    const sent = mailbox.messages.filter((m) => m.labelIds.includes('SENT') && metaOf(m).subject === first!.subject);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.threadId).toBe(before.threadId);
    expect(sent[0]!.id).not.toBe(before.messageId);
    expect(metaOf(sent[0]!).rfcMessageId).not.toBeNull();
    expect(metaOf(sent[0]!).rfcMessageId).not.toBe(before.rfcMessageId);
  });

  test('edit-draft:ROW:to= and :subject= change the draft, keep its id and give its message a new id', () => {
    const { state, report } = drafted();
    const target = report.drafts[0]!;
    const before = saved(state)
      .drafts()
      .find((d) => d.id === target.id)!;
    const to = demo(['--state', state, '--today', TODAY, '--action', `edit-draft:${target.row}:to=new@corp.example`]);
    expect(to.code).toBe(0);
    const afterTo = saved(state)
      .drafts()
      .find((d) => d.id === target.id)!;
    expect(afterTo.to).toEqual(['new@corp.example']);
    expect(afterTo.subject).toBe(before.subject);
    expect(afterTo.threadId).toBe(before.threadId);
    expect(afterTo.messageId).not.toBe(before.messageId);
    const subject = demo([
      '--state',
      state,
      '--today',
      TODAY,
      '--action',
      `edit-draft:${target.row}:subject=Hello: again`,
    ]);
    expect(subject.code).toBe(0);
    const afterSubject = subject.report!.drafts.find((d) => d.id === target.id)!;
    expect(afterSubject.subject).toBe('Hello: again');
    expect(afterSubject.to).toEqual(['new@corp.example']);
  });

  test('delete-draft:ROW removes the draft and sends nothing', () => {
    const { state, report } = drafted();
    const target = report.drafts[0]!;
    const run = demo(['--state', state, '--today', TODAY, '--action', `delete-draft:${target.row}`]);
    expect(run.code).toBe(0);
    expect(run.report!.sent).toEqual([]);
    expect(run.report!.drafts.map((d) => d.id)).not.toContain(target.id);
    expect(run.report!.drafts).toHaveLength(report.drafts.length - 1);
  });

  test('schedule-draft:ROW leaves Drafts labelled SCHEDULED only; deliver-scheduled sends it dated that day', () => {
    const { state, report } = drafted();
    const target = report.drafts[0]!;
    const scheduled = demo(['--state', state, '--today', TODAY, '--action', `schedule-draft:${target.row}`]);
    expect(scheduled.code).toBe(0);
    expect(scheduled.report!.drafts.map((d) => d.id)).not.toContain(target.id);
    expect(scheduled.report!.sent).toEqual([]);
    const waiting = saved(state).state.mailbox.messages.filter((m) => m.labelIds.includes('SCHEDULED'));
    expect(waiting.map((m) => [metaOf(m).subject, m.labelIds])).toEqual([[target.subject, ['SCHEDULED']]]);
    const delivered = demo(['--state', state, '--today', '2026-11-26', '--action', 'deliver-scheduled']);
    expect(delivered.code).toBe(0);
    expect(delivered.report!.sent).toEqual([{ to: target.to, subject: target.subject, date: expect.any(String) }]);
    expect(delivered.report!.sent[0]!.date.slice(0, 10)).toBe('2026-11-26');
    const mailbox = saved(state).state.mailbox;
    expect(mailbox.messages.filter((m) => m.labelIds.includes('SCHEDULED'))).toEqual([]);
    const sent = mailbox.messages.find((m) => m.labelIds.includes('SENT') && metaOf(m).subject === target.subject)!;
    expect(metaOf(sent).rfcMessageId).not.toBe(metaOf(waiting[0]!).rfcMessageId);
  });

  test('receive:FILE.json adds the messages, with their Message-ID, In-Reply-To, References and any header', () => {
    const { state } = drafted();
    const file = path('replies.json');
    const reply = {
      from: 'Sam <sam@acme.example>',
      to: ['jordan@example.com'],
      date: '2026-11-25T10:00:00Z',
      subject: 'Automatic reply: hello',
      text: 'I am away',
      messageId: '<away1@acme.example>',
      inReplyTo: '<x1@mail.example>',
      references: ['<x0@mail.example>', '<x1@mail.example>'],
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
    };
    writeFileSync(file, JSON.stringify([reply]));
    const run = demo(['--state', state, '--today', TODAY, '--action', `receive:${file}`]);
    expect(run.code).toBe(0);
    const got = saved(state).state.mailbox.messages.find((m) => metaOf(m).rfcMessageId === '<away1@acme.example>')!;
    const meta = metaOf(got);
    expect(got.labelIds).toEqual(['INBOX']);
    expect(got.internalDate).toBe(Date.parse(reply.date));
    expect(meta.inReplyTo).toEqual(['<x1@mail.example>']);
    expect(meta.references).toEqual(reply.references);
    expect(meta.headers['auto-submitted']).toEqual(['auto-replied']);
    expect(meta.headers['x-autoreply']).toEqual(['yes']);
  });

  test('a row whose Draft cell names no live draft fails that action (exit 1); the others still run', () => {
    const { state, report } = drafted();
    const target = report.drafts[0]!;
    const run = demo([
      ...['--state', state, '--today', TODAY],
      ...['--action', `delete-draft:${target.row}`, '--action', `send-draft:${target.row}`, '--action', 'send-drafts'],
    ]);
    expect(run.code).toBe(1);
    expect(run.report!.errors).toEqual([
      { action: `send-draft:${target.row}`, message: expect.stringMatching(/no longer in Gmail|names no draft/) },
    ]);
    expect(run.report!.sent).toHaveLength(report.drafts.length - 1);
  });

  test.each([
    ['send-draft:x', /ROW must be a sheet row number/],
    ['send-draft:1', /ROW must be a sheet row number/],
    ['edit-draft:2:cc=a@b.example', /edit-draft:ROW:to=ADDRESS/],
    ['edit-draft:2:to=nobody', /not an email address/],
    ['receive:/nonexistent/replies.json', /cannot read/],
    ['receive:', /needs a file/],
    ['launch-rocket:2', /unknown action/],
  ])('a bad action string %s: exit 2 and nothing ran', (action, message) => {
    const run = demo(['--today', TODAY, '--action', action]);
    expect(run.code).toBe(2);
    expect(run.report).toBeNull();
    expect(run.stderr).toMatch(message);
  });

  test('receive: a file that is not a list of messages is exit 2', () => {
    const file = path('one.json');
    writeFileSync(file, '{"from": "a@b.example"}');
    const run = demo(['--today', TODAY, '--action', `receive:${file}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/must hold a list of messages/);
  });
});

describe('--settings is stored as given, for the add-on to judge', () => {
  test('values the add-on cannot use are stored unchanged, and the add-on names the setting', () => {
    const settings = path('settings.json');
    const given = { yourName: 'Ann\r\nBcc: x@y.example', dailyHour: 25 };
    writeFileSync(settings, JSON.stringify(given));
    const state = path('state.json');
    const run = demo(['--state', state, '--today', TODAY, '--settings', settings]);
    expect(run.report).not.toBeNull();
    expect(JSON.parse(saved(state).state.platform.properties.document.settings!)).toEqual(given);
    const said = [...run.report!.ui.alerts, ...run.report!.ui.toasts].join(' | ');
    expect(said).toMatch(/name/i);
    expect(JSON.stringify(run.report!.drafts)).not.toContain('x@y.example');
  });
});
