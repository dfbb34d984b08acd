/**
 * The demo's out/sheet.html (the tracker as Sheets would show it after `npm run demo`) rendered in Chromium: the
 * picture in docs/sheet.png, from the same command line with a fixed day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { main } from '../../emulator/cli';
import { docsPath, launchChromium, ROOT, TIMEOUT_MS, TODAY } from './harness';

jest.setTimeout(TIMEOUT_MS);

let browser: Browser;
let out: string;

beforeAll(async () => {
  browser = await launchChromium();
  out = mkdtempSync(join(tmpdir(), 'demo-sheet-'));
});

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the demo sheet', () => {
  it('npm run demo writes out/sheet.html, which shows every row with its colour and the drafts made, loading nothing from outside', async () => {
    const printed: string[] = [];
    const code = main(['--today', TODAY, '--out', out], {
      stdout: (text) => printed.push(text),
      stderr: (text) => printed.push(text),
      now: () => new Date(`${TODAY}T09:00:00Z`),
      root: ROOT,
    });
    expect(code).toBe(0);
    expect(printed.join('')).toMatch(/6 drafts in Gmail/);

    const context = await browser.newContext({ viewport: { width: 1600, height: 420 }, deviceScaleFactor: 1 });
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    await context.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.fallback() : route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    const sheetUrl = pathToFileURL(join(out, 'sheet.html')).href;
    await page.goto(sheetUrl);
    expect(requests).toEqual([sheetUrl]);

    const rows = await page
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => [td.textContent ?? '', td.style.backgroundColor])),
      );
    const header = rows[0]!.map(([text]) => text);
    expect(rows).toHaveLength(13);
    const at = (company: string, column: string) => {
      const row = rows.find((r) => r[0]![0] === company);
      if (!row) throw new Error(`no row for ${company}`);
      return row[header.indexOf(column)]!;
    };
    // Overdue and due-today rows are coloured, others left white; drafted rows say so in Draft.
    expect(at('Contoso', 'Follow-up status')[0]).toMatch(/^Overdue/);
    expect(at('Contoso', 'Company')[1]).not.toBe('rgb(255, 255, 255)');
    expect(at('Northwind Traders', 'Follow-up status')[0]).toMatch(/^Due today/);
    expect(at('Northwind Traders', 'Company')[1]).not.toBe(at('Contoso', 'Company')[1]);
    expect(at('Fabrikam', 'Company')[1]).toBe('rgb(255, 255, 255)');
    expect(at('Contoso', 'Draft')[0]).toMatch(/^Thank-you note · due 2026-11-24 · draft \S+ made 2026-11-25$/);
    await page.screenshot({ path: docsPath('sheet.png'), fullPage: true });
    await context.close();
  });
});
