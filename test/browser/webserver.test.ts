/**
 * emulator/webserver.ts: the google.script.run the pages get behaves like HtmlService's — one method per top-level
 * server function, chainable handlers on a new runner each time, calls that return at once and answer later, an
 * Error with the server's message for failures, and arguments that cannot cross refused at the call.
 */
import type { Browser } from 'playwright-core';
import { serverFunctionNames } from '../../emulator/webserver';
import { DIST, launchChromium, openPage, type Session, TIMEOUT_MS } from './harness';

jest.setTimeout(TIMEOUT_MS);

let browser: Browser;
let session: Session;

beforeAll(async () => {
  browser = await launchChromium();
  session = await openPage(browser, { file: 'sidebar' });
  await session.page.locator('article').first().waitFor();
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
});

describe('the google.script.run bridge', () => {
  it('offers exactly the add-on’s top-level functions and answers each call later, through the handlers of its own runner', async () => {
    const { page, server } = session;
    const seen = await page.evaluate(async () => {
      const run = (window as unknown as { google: { script: { run: Record<string, unknown> } } }).google.script.run;
      type Runner = Record<string, (...args: unknown[]) => unknown>;
      const base = run as unknown as Runner;
      const events: string[] = [];
      const done = new Promise<unknown[]>((resolve) => {
        const runner = (base.withSuccessHandler!((value: unknown, user: unknown) => resolve([value, user])) as Runner)
          .withFailureHandler!(() => events.push('failed')) as Runner;
        const chained = (runner.withUserObject!({ card: 3 }) as Runner).getSettingsForm!();
        events.push(`returned ${String(chained)}`);
      });
      const [value, user] = await done;
      events.push('answered');
      return {
        events,
        user,
        yourName: (value as { values: { yourName: string } }).values.yourName,
        separateRunner: (base.withSuccessHandler!(() => {}) as unknown) !== base,
        names: Object.keys(base).filter((k) => !k.startsWith('with')),
      };
    });
    expect(seen.events).toEqual(['returned undefined', 'answered']);
    expect(seen.user).toEqual({ card: 3 });
    expect(seen.yourName).toBe('Alex Doe');
    expect(seen.separateRunner).toBe(true);
    expect(seen.names).toContain('createDrafts');
    expect(seen.names).toContain('skipFollowUp');
    expect(seen.names).not.toContain('deps');
    expect(seen.names.sort()).toEqual(serverFunctionNames(DIST));
    expect(server.calls.at(-1)).toMatchObject({ name: 'getSettingsForm', args: [], ok: true });
  });

  it('gives the failure handler an Error carrying the server’s message, and refuses a Date argument at the call', async () => {
    const { page } = session;
    const seen = await page.evaluate(async () => {
      type Runner = Record<string, (...args: unknown[]) => unknown>;
      const run = (window as unknown as { google: { script: { run: Runner } } }).google.script.run;
      const error = await new Promise<Error>((resolve) => {
        (run.withFailureHandler!((e: Error) => resolve(e)) as Runner).skipFollowUp!('no such row', '2026-12-01');
      });
      let thrown = '';
      try {
        run.skipFollowUp!('x', new Date());
      } catch (e) {
        thrown = (e as Error).message;
      }
      return { isError: error instanceof Error, name: error.name, message: error.message, thrown };
    });
    expect(seen).toEqual({
      isError: true,
      name: 'ScriptError',
      message: 'That row has no follow-up to skip any more; the list has been refreshed.',
      thrown: 'Failed due to illegal value in property: 1',
    });
  });

  it('serves nothing but the pages and the bridge', async () => {
    const { server } = session;
    const missing = await fetch(`${server.origin}/page/Code.js`);
    expect(missing.status).toBe(404);
    const outside = await fetch(`${server.origin}/page/..%2Fpackage.json`);
    expect(outside.status).toBe(404);
    const unknown = await fetch(`${server.origin}/run/noSuchFunction`, { method: 'POST', body: '{"args":[]}' });
    expect(await unknown.json()).toEqual({ ok: false, error: 'Script function not found: noSuchFunction' });
  });
});
