/** What `npm run build` tells a person: where the built files are and how each goes into the Apps Script editor. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BUILD = join(ROOT, 'scripts', 'build.mjs');
const DIST = join(ROOT, 'dist');

function build(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BUILD, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('scripts/build.mjs', () => {
  test('names the dist folder and every file in it, in the order to add them by hand', () => {
    const run = build();
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`The add-on's files are in ${DIST}${sep} `);
    expect(run.stderr).toContain('"Install without a terminal"');
    const listed = [...run.stderr.matchAll(/^ {2}(\S+)\s+→ (.+)$/gm)].map((m) => [m[1], m[2]]);
    expect(listed.map(([file]) => file).sort()).toEqual(readdirSync(DIST).sort());
    expect(listed.slice(0, 2)).toEqual([
      ['mimetext.js', 'script file "mimetext"'],
      ['Code.js', 'script file "Code"'],
    ]);
    expect(listed.at(-1)).toEqual([
      'appsscript.json',
      'the manifest (Project Settings › Show "appsscript.json" manifest file in editor)',
    ]);
    expect(listed.filter(([file]) => file!.endsWith('.html'))).toEqual([
      ['settings.html', 'HTML file "settings"'],
      ['sidebar.html', 'HTML file "sidebar"'],
    ]);
  });

  test('--quiet (the demo, the benchmark and the tests) prints nothing', () => {
    const run = build('--quiet');
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });
});
