import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../emulator/emulator';
import { LATENCY_TABLES } from '../../emulator/latency';
import { loadCsvIntoSheet } from '../../emulator/spreadsheet';

export const LATENCY = LATENCY_TABLES.central.figures;

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const TODAY = '2026-11-25';
export const TZ = 'Europe/London';
/** 09:00 on TODAY in London (GMT in November): where Emulator.create starts the clock. */
export const NINE_AM = Date.UTC(2026, 10, 25, 9);

export const SCOPES = {
  sheets: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  compose: 'https://www.googleapis.com/auth/gmail.compose',
  readonly: 'https://www.googleapis.com/auth/gmail.readonly',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
} as const;

const GMAIL_SERVICE = { enabledAdvancedServices: [{ userSymbol: 'Gmail', serviceId: 'gmail', version: 'v1' }] };

interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  dependencies?: unknown;
}

export const MANIFEST: Manifest = {
  timeZone: TZ,
  dependencies: GMAIL_SERVICE,
  oauthScopes: Object.values(SCOPES),
};

const tempDirs: string[] = [];
/** The fake dist/ each emulator was made from (to load its saved state again). */
export const distOf = new WeakMap<Emulator, string>();

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A dist/ folder holding `code` as Code.js and `manifest` as appsscript.json. */
export function fakeDist(code: string, manifest: Manifest = MANIFEST): string {
  const dir = mkdtempSync(join(tmpdir(), 'emu-dist-'));
  tempDirs.push(dir);
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  return dir;
}

export function emulatorFor(code: string, manifest: Manifest = MANIFEST, csv?: string): Emulator {
  const emulator = Emulator.create({ today: TODAY, timeZone: TZ, locale: 'en_GB', distDir: fakeDist(code, manifest) });
  distOf.set(emulator, tempDirs.at(-1)!);
  if (csv !== undefined) loadCsvIntoSheet(emulator.state.spreadsheet, 'Applications', csv);
  return emulator;
}

/** A raw MIME message as the Gmail REST API wants it (base64url), built inside the script. */
export const RAW_MIME = `Utilities.base64EncodeWebSafe(
  'From: me@example.com\\r\\nTo: sam@acme.example\\r\\nSubject: Hello\\r\\nContent-Type: text/plain; charset=UTF-8\\r\\n\\r\\nHi Sam')`;

/** `attempt(fn)`: 'ok' or the message of what fn threw, so one run can report several calls. */
export const ATTEMPT = `function attempt(fn) { try { fn(); return 'ok'; } catch (e) { return e.message; } }`;

export const PERMISSION = (call: string, scope: string) =>
  `You do not have permission to call ${call}. Required permissions: ${scope}`;
