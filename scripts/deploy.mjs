// npm run deploy: checks what clasp needs (installed, signed in, a script linked, rootDir dist), then runs
// lint → test → build → clasp push, stopping at the first missing step or failed command with one sentence.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const API_SETTINGS = 'https://script.google.com/home/usersettings';
const CREATE = 'npx clasp create --type sheets --title "Job follow-ups" --rootDir dist';
/** The id placeholder of .clasp.json.example. */
const PLACEHOLDER = 'PASTE-YOUR-SCRIPT-ID-HERE';

/** The commands, in order: the gate of Google's own Apps Script TypeScript starter (lint, test, build, push). */
const STEPS = [
  ['npm', 'run', 'lint'],
  ['npm', 'test'],
  ['npm', 'run', 'build'],
  // --force: clasp 3 otherwise stops to ask before it replaces the project's manifest (appsscript.json).
  ['npx', 'clasp', 'push', '--force'],
];

/**
 * The first thing missing before clasp can push from `project`, as one sentence saying what to do, or null.
 * clasp 3 reads its sign-in from ~/.clasprc.json (or the file `clasp_config_auth` names) and the script link from
 * .clasp.json (node_modules/@google/clasp/build/src/auth/auth.js and core/clasp.js).
 */
function missingStep(project, env = process.env) {
  if (!existsSync(join(project, 'node_modules', '@google', 'clasp'))) {
    return 'clasp is not installed: run `npm ci` in this folder, then `npm run deploy` again.';
  }
  const auth = env.clasp_config_auth || join(homedir(), '.clasprc.json');
  if (!existsSync(auth)) {
    return `You are not signed in to clasp: switch on the Apps Script API at ${API_SETTINGS}, run \`npx clasp login\`, then \`npm run deploy\` again.`;
  }
  const file = join(project, '.clasp.json');
  if (!existsSync(file)) {
    return `No Apps Script project is linked yet: run \`${CREATE}\` for a new spreadsheet, or copy .clasp.json.example to .clasp.json and paste your spreadsheet's script id (Extensions › Apps Script › Project Settings) into "scriptId", then run \`npm run deploy\` again.`;
  }
  let config;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return `.clasp.json is not valid JSON (${error.message}): fix it, or delete it and link the project again as the README says.`;
  }
  const scriptId = typeof config?.scriptId === 'string' ? config.scriptId.trim() : '';
  if (scriptId === '' || scriptId === PLACEHOLDER) {
    return `.clasp.json has no script id: paste your spreadsheet's script id (Extensions › Apps Script › Project Settings) into "scriptId", or delete .clasp.json and run \`${CREATE}\`.`;
  }
  const rootDir = String(config.srcDir ?? config.rootDir ?? '.');
  if (rootDir.replace(/^\.\//, '').replace(/\/$/, '') !== 'dist') {
    return `.clasp.json pushes the folder "${rootDir}", not the built add-on: set "rootDir": "dist" in .clasp.json, then run \`npm run deploy\` again.`;
  }
  return null;
}

/** Why a step failed (a spawnSync result) and what to do next, in one sentence. */
function failedStep(step, result) {
  const command = step.join(' ');
  const how = result.error
    ? `could not start: ${result.error.code}`
    : result.signal
      ? `ended by ${result.signal}`
      : `exit ${result.status}`;
  if (step[1] === 'clasp') {
    return `deploy stopped at \`${command}\` (${how}): if clasp says the Apps Script API is off, switch it on at ${API_SETTINGS} and wait a few minutes; if it says you are not signed in, run \`npx clasp login\`; then run \`npm run deploy\` again.`;
  }
  return `deploy stopped at \`${command}\` (${how}): fix what it reported above, then run \`npm run deploy\` again.`;
}

function main() {
  const missing = missingStep(process.cwd());
  if (missing) {
    process.stderr.write(`deploy: ${missing}\n`);
    return 1;
  }
  for (const [index, step] of STEPS.entries()) {
    process.stderr.write(`deploy: step ${index + 1} of ${STEPS.length}: ${step.join(' ')}\n`);
    const [command, ...args] = step;
    // Windows runs npm and npx through their .cmd shims, which need a shell.
    const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) {
      process.stderr.write(`deploy: ${failedStep(step, result)}\n`);
      return 1;
    }
  }
  process.stderr.write(
    'deploy: pushed dist/ to your Apps Script project: reload the spreadsheet and open the Follow-ups menu.\n',
  );
  return 0;
}

process.exitCode = main();
