/** The built bundle: loads in a bare ECMAScript context, exposes every handler, and ships the narrow manifest. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
});

function exportsOfMain(): string[] {
  const source = readFileSync(join(root, 'src', 'main.ts'), 'utf8');
  return [...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]!).sort();
}

describe('dist/', () => {
  it('holds Code.js, mimetext.js and appsscript.json', () => {
    const files = readdirSync(dist);
    expect(files).toEqual(expect.arrayContaining(['Code.js', 'mimetext.js', 'appsscript.json']));
  });

  it('loads in an empty context and every export of main.ts is a top-level function', () => {
    const context = vm.createContext({});
    for (const file of ['mimetext.js', 'Code.js']) {
      vm.runInContext(readFileSync(join(dist, file), 'utf8'), context, { filename: file });
    }
    const names = exportsOfMain();
    expect(names.length).toBeGreaterThanOrEqual(9);
    for (const name of names) {
      expect(typeof context[name]).toBe('function');
      // A top-level function declaration, which is what Apps Script lists and calls.
      expect(readFileSync(join(dist, 'Code.js'), 'utf8')).toContain(`\nfunction ${name}(`);
    }
    expect(typeof (context as { MimeText?: { createMimeMessage?: unknown } }).MimeText?.createMimeMessage).toBe(
      'function',
    );
  });

  it('uses nothing Apps Script lacks at load time', () => {
    const code = readFileSync(join(dist, 'Code.js'), 'utf8');
    for (const global of [
      'require(',
      'process.',
      'Buffer.',
      'setTimeout(',
      'TextEncoder',
      'fetch(',
      'structuredClone(',
    ]) {
      expect(code).not.toContain(global);
    }
  });

  it('puts every menu item on a handler that exists', () => {
    const context = vm.createContext({});
    vm.runInContext(readFileSync(join(dist, 'Code.js'), 'utf8'), context);
    const source = readFileSync(join(root, 'src', 'app', 'commands.ts'), 'utf8');
    const handlers = [...source.matchAll(/\['[^']+', '(\w+)'\]/g)].map((m) => m[1]!);
    expect(handlers.length).toBe(9);
    for (const handler of handlers) expect(typeof context[handler]).toBe('function');
  });
});

describe('appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8'));

  it('asks for exactly the narrow scopes', () => {
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/gmail.compose',
      'https://www.googleapis.com/auth/gmail.readonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(JSON.stringify(manifest)).not.toMatch(/mail\.google\.com|auth\/drive|external_request/);
  });

  it('runs on V8 with Stackdriver logging, a time zone and the Gmail advanced service', () => {
    expect(manifest).toMatchObject({
      runtimeVersion: 'V8',
      exceptionLogging: 'STACKDRIVER',
      timeZone: expect.any(String),
      dependencies: { enabledAdvancedServices: [{ serviceId: 'gmail', version: 'v1', userSymbol: 'Gmail' }] },
    });
  });

  it('is what the build ships', () => {
    expect(JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'))).toEqual(manifest);
  });
});

describe('.clasp.json.example (the repository ships no .clasp.json: clasp create writes it)', () => {
  it('pushes dist/', () => {
    expect(JSON.parse(readFileSync(join(root, '.clasp.json.example'), 'utf8')).rootDir).toBe('dist');
  });
});
