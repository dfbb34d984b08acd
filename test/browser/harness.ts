/**
 * Browser tests' set-up: a local Chromium (see chromiumExecutable) driven by playwright-core, the built pages
 * served by emulator/webserver.ts with google.script.run bridged to the add-on in the emulator, on the demo's
 * sample tracker laid out around a fixed day. Every request the page makes is recorded; any request that does not
 * go to the local server is refused, so a test can never reach the network.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { prepareEmulator } from '../../emulator/cli';
import type { Emulator } from '../../emulator/emulator';
import { type PageServer, startPageServer } from '../../emulator/webserver';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const DOCS = join(ROOT, 'docs');
export const SHEET = 'Applications';
/** A Wednesday; the sample's dates are laid out around it, so screenshots come out the same every run. */
export const TODAY = '2026-11-25';
/** Generous for a cold Chromium start on a slow CI machine; each test takes well under a second here. */
export const TIMEOUT_MS = 30_000;

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/**
 * The Chromium to drive: the one `CHROMIUM` names, else Debian's at /usr/bin/chromium, else the self-contained
 * build shipped inside the npm package @sparticuz/chromium (a devDependency; it unpacks to /tmp on first use), so a
 * fresh machine needs no system browser. Never a browser downloaded at test time.
 */
export async function chromiumExecutable(): Promise<{ path: string; args: string[] }> {
  if (process.env.CHROMIUM) return { path: process.env.CHROMIUM, args: FLAGS };
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, args: FLAGS };
  const packaged = (await import('@sparticuz/chromium')).default;
  // Not the package's own flags: its --single-process (made for one page per Lambda call) ends the browser when a
  // context closes, and the tests open many.
  return { path: await packaged.executablePath(), args: [...FLAGS, '--no-zygote'] };
}

export async function launchChromium(): Promise<Browser> {
  let found: { path: string; args: string[] };
  try {
    found = await chromiumExecutable();
    return await chromium.launch({ executablePath: found.path, args: found.args, timeout: TIMEOUT_MS });
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new Error(
      `No Chromium could start for the browser tests (${why}): run npm ci to install @sparticuz/chromium, or set CHROMIUM to a Chromium or Chrome executable.`,
    );
  }
}

/** The demo's sample (tracker, mailbox, settings) in a fresh emulator, as `npm run demo -- --today …` sets it up. */
export function sampleEmulator(today = TODAY): Emulator {
  return prepareEmulator(['--today', today], ROOT);
}

export interface Session {
  emulator: Emulator;
  server: PageServer;
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Uncaught errors in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  emulator?: Emulator;
  width?: number;
  height?: number;
  /** Runs before the page is loaded (to hold or watch requests). */
  beforeLoad?: (context: BrowserContext, server: PageServer) => Promise<unknown>;
}

/** Opens a page as Sheets would: `{ handler: 'showPreview' }` runs the menu item; `{ file: 'sidebar' }` is bare. */
export async function openPage(
  browser: Browser,
  target: { handler: string } | { file: string },
  options: OpenOptions = {},
): Promise<Session> {
  const emulator = options.emulator ?? sampleEmulator();
  const server = await startPageServer({ emulator, distDir: DIST });
  const context = await browser.newContext({
    viewport: { width: options.width ?? 300, height: options.height ?? 800 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'block',
  });
  // A locator that never matches fails fast with its name, well inside the test's own timeout.
  context.setDefaultTimeout(5_000);
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) =>
    route.request().url().startsWith(`${server.origin}/`) ? route.fallback() : route.abort('blockedbyclient'),
  );
  if (options.beforeLoad) await options.beforeLoad(context, server);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url(target));
  return {
    emulator,
    server,
    context,
    page,
    requests,
    pageErrors,
    async close() {
      await context.close();
      await server.close();
    },
  };
}

export function docsPath(file: string): string {
  mkdirSync(DOCS, { recursive: true });
  return join(DOCS, file);
}

/** Display values of one column (by header) of a sheet row. */
export function cell(emulator: Emulator, row: number, header: string): string {
  const values = emulator.displayValues(SHEET);
  const column = values[0]!.indexOf(header);
  if (column < 0) throw new Error(`no column ${header}`);
  return values[row - 1]?.[column] ?? '';
}

/**
 * The element's text once it matches (server calls answer asynchronously), or its last text after `timeoutMs`, so
 * the test's own expect reports what was there instead.
 */
export async function textWhen(locator: Locator, expected: string | RegExp, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = (await locator.textContent()) ?? '';
    const matches = typeof expected === 'string' ? text === expected : expected.test(text);
    if (matches || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * One Chromium for a test file, and an `open` that opens a page in it: every page is closed after its test, which
 * also fails if the page threw.
 */
export function useBrowser(defaults: OpenOptions = {}) {
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const session of sessions.splice(0)) {
      expect(session.pageErrors).toEqual([]);
      await session.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (target: { handler: string } | { file: string }, options: OpenOptions = {}): Promise<Session> => {
    if (!browser) throw new Error('the browser is not started yet');
    const session = await openPage(browser, target, { ...defaults, ...options });
    sessions.push(session);
    return session;
  };
}
