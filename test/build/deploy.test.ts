/**
 * `npm run deploy` (scripts/deploy.mjs) with npm and npx replaced by stubs on PATH: each missing step stops it with
 * one sentence before anything runs, and otherwise it runs lint → test → build → clasp push, stopping at the first
 * failure. Also: a fresh clone carries no .clasp.json, so the README's `clasp create` is not refused for one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'scripts', 'deploy.mjs');
const LINKED = JSON.stringify({ scriptId: '1AbCdEfGhIjKlMnOpQrStUvWxYz', rootDir: 'dist' });

let scratch: string;
let bin: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'deploy-'));
  bin = join(scratch, 'bin');
  mkdirSync(bin);
  // Each stub logs the command it stands for and fails when that command is the one FAIL_STEP names.
  for (const tool of ['npm', 'npx']) {
    const stub = join(bin, tool);
    writeFileSync(
      stub,
      `#!/bin/sh\necho "${tool} $*" >> "$DEPLOY_LOG"\nif [ "${tool} $*" = "$FAIL_STEP" ]; then exit 3; fi\nexit 0\n`,
    );
    chmodSync(stub, 0o755);
  }
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

let projects = 0;

interface Setup {
  claspInstalled?: boolean;
  signedIn?: boolean;
  /** The .clasp.json text, or null for none. */
  claspJson?: string | null;
  failStep?: string;
}

interface Deploy {
  status: number | null;
  stderr: string;
  /** The commands the stubs received, in order. */
  ran: string[];
}

/** Runs the deploy script in a fresh project folder and home, with the stubs first on PATH. */
function deploy(setup: Setup = {}): Deploy {
  const project = join(scratch, `project-${++projects}`);
  const home = join(project, 'home');
  mkdirSync(home, { recursive: true });
  if (setup.claspInstalled ?? true) mkdirSync(join(project, 'node_modules', '@google', 'clasp'), { recursive: true });
  if (setup.signedIn ?? true) writeFileSync(join(home, '.clasprc.json'), '{"tokens":{}}');
  const claspJson = setup.claspJson === undefined ? LINKED : setup.claspJson;
  if (claspJson !== null) writeFileSync(join(project, '.clasp.json'), claspJson);
  const log = join(project, 'ran.log');
  writeFileSync(log, '');
  const { clasp_config_auth: _ignored, ...env } = process.env;
  const result = spawnSync(process.execPath, [DEPLOY], {
    cwd: project,
    encoding: 'utf8',
    env: {
      ...env,
      HOME: home,
      PATH: `${bin}:${process.env.PATH}`,
      DEPLOY_LOG: log,
      FAIL_STEP: setup.failStep ?? '',
    },
  });
  const ran = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { status: result.status, stderr: result.stderr, ran };
}

/** One line, starting "deploy: ", ending with a full stop: one sentence. */
function oneSentence(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^deploy: [^\n]+\.$/);
  return lines[0]!;
}

describe('scripts/deploy.mjs', () => {
  describe('a missing step stops it before any command runs, in one sentence naming the fix', () => {
    test.each<[string, Setup, RegExp]>([
      ['clasp not installed', { claspInstalled: false }, /clasp is not installed: run `npm ci`/],
      [
        'not signed in',
        { signedIn: false },
        /not signed in to clasp: switch on the Apps Script API at .*`npx clasp login`/,
      ],
      [
        'no .clasp.json',
        { claspJson: null },
        /No Apps Script project is linked yet: run `npx clasp create --type sheets --title "Job follow-ups" --rootDir dist`.*copy \.clasp\.json\.example to \.clasp\.json/,
      ],
      ['.clasp.json not JSON', { claspJson: '{ scriptId: ' }, /\.clasp\.json is not valid JSON/],
      ['an empty script id', { claspJson: '{"scriptId": "", "rootDir": "dist"}' }, /\.clasp\.json has no script id/],
      [
        'the example file copied unchanged',
        { claspJson: readFileSync(join(ROOT, '.clasp.json.example'), 'utf8') },
        /\.clasp\.json has no script id: paste your spreadsheet's script id/,
      ],
      [
        'a rootDir other than dist',
        { claspJson: '{"scriptId": "1AbC", "rootDir": "src"}' },
        /pushes the folder "src", not the built add-on: set "rootDir": "dist"/,
      ],
    ])('%s', (_name, setup, message) => {
      const run = deploy(setup);
      expect(run.status).toBe(1);
      expect(oneSentence(run.stderr)).toMatch(message);
      expect(run.ran).toEqual([]);
    });
  });

  test('with everything in place: lint, test, build, then clasp push, in that order, each announced', () => {
    const run = deploy();
    expect(run.status).toBe(0);
    expect(run.ran).toEqual(['npm run lint', 'npm test', 'npm run build', 'npx clasp push --force']);
    expect(run.stderr.trim().split('\n')).toEqual([
      'deploy: step 1 of 4: npm run lint',
      'deploy: step 2 of 4: npm test',
      'deploy: step 3 of 4: npm run build',
      'deploy: step 4 of 4: npx clasp push --force',
      'deploy: pushed dist/ to your Apps Script project: reload the spreadsheet and open the Follow-ups menu.',
    ]);
  });

  test('honours clasp_config_auth as clasp does, instead of ~/.clasprc.json', () => {
    const auth = join(scratch, 'elsewhere.json');
    writeFileSync(auth, '{}');
    const project = join(scratch, `project-${++projects}`);
    mkdirSync(join(project, 'node_modules', '@google', 'clasp'), { recursive: true });
    writeFileSync(join(project, '.clasp.json'), LINKED);
    const log = join(project, 'ran.log');
    const env = { ...process.env, HOME: join(project, 'no-home'), PATH: `${bin}:${process.env.PATH}`, DEPLOY_LOG: log };
    const result = spawnSync(process.execPath, [DEPLOY], {
      cwd: project,
      encoding: 'utf8',
      env: { ...env, clasp_config_auth: auth },
    });
    expect(result.status).toBe(0);
    expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toHaveLength(4);
  });

  test.each([
    ['npm run lint', ['npm run lint']],
    ['npm test', ['npm run lint', 'npm test']],
    ['npm run build', ['npm run lint', 'npm test', 'npm run build']],
  ])('a failing `%s` stops it there and says to fix what it reported', (failStep, ran) => {
    const run = deploy({ failStep });
    expect(run.status).toBe(1);
    expect(run.ran).toEqual(ran);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      `deploy: deploy stopped at \`${failStep}\` (exit 3): fix what it reported above, then run \`npm run deploy\` again.`,
    );
  });

  test('a failing clasp push names the Apps Script API setting and clasp login', () => {
    const run = deploy({ failStep: 'npx clasp push --force' });
    expect(run.status).toBe(1);
    expect(run.ran).toHaveLength(4);
    const last = run.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^deploy: deploy stopped at `npx clasp push --force` \(exit 3\): /);
    expect(last).toContain('https://script.google.com/home/usersettings');
    expect(last).toContain('`npx clasp login`');
  });
});

describe('a fresh clone and clasp 3', () => {
  test('carries no .clasp.json (it is gitignored) but an example with rootDir dist', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    expect(tracked).not.toContain('.clasp.json');
    expect(tracked).toContain('.clasp.json.example');
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('/.clasp.json');
    expect(JSON.parse(readFileSync(join(ROOT, '.clasp.json.example'), 'utf8'))).toMatchObject({ rootDir: 'dist' });
  });

  test('`clasp create --type sheets --title T --rootDir dist` stops only for the sign-in, not for a project file', () => {
    const clone = join(scratch, 'clone');
    mkdirSync(join(clone, 'home'), { recursive: true });
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    for (const file of tracked.filter((f) => f !== '' && !f.includes('/')))
      copyFileSync(join(ROOT, file), join(clone, file));
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
    const { clasp_config_auth: _ignored, ...env } = process.env;
    const clasp = join(ROOT, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');
    const result = spawnSync(
      process.execPath,
      [clasp, 'create', '--type', 'sheets', '--title', 'T', '--rootDir', 'dist'],
      {
        cwd: clone,
        encoding: 'utf8',
        env: { ...env, HOME: join(clone, 'home') },
        timeout: 60_000,
      },
    );
    const said = `${result.stdout}${result.stderr}`;
    expect(said).not.toContain('Project file already exists');
    expect(said).toContain('No credentials found');
  });
});
