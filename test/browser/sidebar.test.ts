/**
 * The Preview follow-ups sidebar in Debian's Chromium at Sheets' sidebar width (300 px), with google.script.run
 * bridged to the built add-on in the emulator: every click below runs the real server function on the demo's sample
 * tracker (today is Wednesday 2026-11-25) and the assertions read the emulated Gmail and sheet afterwards.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Emulator } from '../../emulator/emulator';
import { cell, DIST, docsPath, SHEET, sampleEmulator, TIMEOUT_MS, TODAY, textWhen, useBrowser } from './harness';

jest.setTimeout(TIMEOUT_MS);

/**
 * The sample's due rows as the rules rank them: priority first, then row. Initech is not among them: its recruiter
 * replied two days ago, and the preview reads Gmail as a draft run would.
 */
const DUE_IN_ORDER = [
  ['Contoso · Backend Engineer', 3],
  ['Acme Corp · Operations Manager', 13],
  ['Globex · Site Reliability Engineer', 5],
  ['Hooli · Frontend Engineer', 9],
  ['Northwind Traders · Data Analyst', 2],
  ['Umbrella Health · Data Engineer', 7],
  ['Soylent Labs · ML Engineer', 8],
] as const;

const open = useBrowser();

function card(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title });
}

async function titles(page: Page): Promise<string[]> {
  return page.locator('article h2').allTextContents();
}

function draftsTo(emulator: Emulator, address: string) {
  return emulator.drafts().filter((d) => d.to.includes(address));
}

describe('Preview follow-ups sidebar', () => {
  it('opened from the menu, lists every due row by priority with company, role, action, due date, status, recipient, subject, body start and problems, at 300 px, without a server call', async () => {
    const { page, server } = await open({ handler: 'showPreview' });
    await expect(titles(page)).resolves.toEqual(DUE_IN_ORDER.map(([title]) => title));
    // Filled from the data showPreview injected: no google.script.run call was needed.
    expect(server.calls).toEqual([]);
    const injected = await page.evaluate(() =>
      (window as unknown as { __INITIAL__: { rows: { row: number; priority: number }[] } }).__INITIAL__.rows.map(
        (r) => [r.row, r.priority],
      ),
    );
    expect(injected.map(([row]) => row)).toEqual(DUE_IN_ORDER.map(([, row]) => row));
    for (let i = 1; i < injected.length; i++) expect(injected[i]![1]).toBeLessThanOrEqual(injected[i - 1]![1]!);

    const contoso = card(page, 'Contoso · Backend Engineer');
    await expect(contoso.locator('.meta').textContent()).resolves.toBe(
      'Thank-you note · due 2026-11-24 Overdue · 1 day',
    );
    await expect(contoso.locator('.badge.overdue').textContent()).resolves.toBe('Overdue · 1 day');
    await expect(contoso.getByText('To:').locator('..').textContent()).resolves.toBe(
      'To: Maria Gonzalez <maria@contoso.example>',
    );
    await expect(contoso.getByText('Subject:').locator('..').textContent()).resolves.toBe(
      'Subject: Alex Doe – Thank you',
    );
    await expect(contoso.locator('.body').textContent()).resolves.toMatch(
      /^Hi Maria,\nThank you for taking the time to talk with me about the Backend Engineer role at Contoso\./,
    );
    await expect(contoso.getByRole('list', { name: 'Problems' }).textContent()).resolves.toBe(
      'no personal note for the thank-you: write one in the Personal note column (the draft has a placeholder)',
    );
    await expect(contoso.getByRole('button', { name: 'Create draft' }).isEnabled()).resolves.toBe(true);

    // Read from Gmail: Globex's check-in will reply in the thread with its recruiter, under that thread's subject.
    await expect(
      card(page, 'Globex · Site Reliability Engineer').getByText('Subject:').locator('..').textContent(),
    ).resolves.toBe('Subject: Re: Interview for the SRE role');
    await expect(card(page, 'Initech · QA Lead').count()).resolves.toBe(0);

    const northwind = card(page, 'Northwind Traders · Data Analyst');
    await expect(northwind.locator('.badge.due-today').textContent()).resolves.toBe('Due today');
    await expect(northwind.getByRole('list', { name: 'Problems' }).count()).resolves.toBe(0);

    // A blocking problem: no address to write to, so no Create draft.
    const acme = card(page, 'Acme Corp · Operations Manager');
    await expect(acme.getByText('To:').locator('..').textContent()).resolves.toBe('To: (no email address)');
    await expect(acme.locator('.problems .blocking').textContent()).resolves.toBe(
      'no valid email address: add a Recruiter email',
    );
    await expect(acme.getByRole('button', { name: 'Create draft' }).isDisabled()).resolves.toBe(true);

    // Readable at 300 px: nothing wider than the sidebar, every Skip box closed until asked for.
    const widest = await page.evaluate(() =>
      Math.max(
        document.documentElement.scrollWidth,
        ...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().right),
      ),
    );
    expect(widest).toBeLessThanOrEqual(300);
    await expect(page.getByLabel('Skip until').first().isVisible()).resolves.toBe(false);
    await page.screenshot({ path: docsPath('sidebar.png') });
  });

  it('shows a row’s private notes beside its draft, labelled as not part of the email, and they never reach Gmail', async () => {
    const { page, emulator } = await open({ handler: 'showPreview' });
    const contoso = card(page, 'Contoso · Backend Engineer');
    const notes = contoso.getByRole('note', { name: 'Your private notes' });
    await expect(notes.textContent()).resolves.toBe(
      'Your notes (private, not in the email): Pay is below my floor - only continue above 95K.',
    );
    // Outside the body preview, which shows the email's first lines with its prompt for a personal note.
    await expect(contoso.locator('.body').textContent()).resolves.not.toContain('floor');
    await expect(card(page, 'Hooli · Frontend Engineer').getByRole('note').count()).resolves.toBe(0);
    await contoso.getByRole('button', { name: 'Create draft' }).click();
    await contoso.getByRole('button', { name: 'Drafted' }).waitFor();
    const [draft] = draftsTo(emulator, 'maria@contoso.example');
    expect(`${draft!.text}${draft!.html}`).not.toContain('floor');
    expect(draft!.text).toContain('[Add a personal detail from your conversation here');
  });

  it('opened without initial data, shows a loading state until google.script.run.getPreview answers, then the same rows', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { page, server } = await open(
      { file: 'sidebar' },
      {
        beforeLoad: (context, pageServer) =>
          context.route(`${pageServer.origin}/run/getPreview`, async (route) => {
            await held;
            await route.fallback();
          }),
      },
    );
    await expect(page.getByText('Loading the follow-ups…').isVisible()).resolves.toBe(true);
    await expect(page.locator('#list').getAttribute('aria-busy')).resolves.toBe('true');
    await expect(page.getByRole('status').textContent()).resolves.toBe('Loading…');
    await expect(page.getByRole('button', { name: 'Create all drafts' }).isDisabled()).resolves.toBe(true);
    release();
    await page.locator('article').first().waitFor();
    await expect(titles(page)).resolves.toEqual(DUE_IN_ORDER.map(([title]) => title));
    await expect(page.locator('#list').getAttribute('aria-busy')).resolves.toBe('false');
    await expect(page.getByRole('status').isHidden()).resolves.toBe(true);
    expect(server.calls.map((c) => [c.name, c.ok])).toEqual([['getPreview', true]]);
  });

  it('clicking Create draft on Contoso creates exactly one Gmail draft, for row 3, records it in the Draft cell, and the card then says Drafted', async () => {
    const session = await open({ handler: 'showPreview' });
    const { page, emulator, server } = session;
    expect(emulator.drafts()).toEqual([]);
    const contoso = card(page, 'Contoso · Backend Engineer');
    await contoso.getByRole('button', { name: 'Create draft' }).click();
    await contoso.getByRole('button', { name: 'Drafted' }).waitFor();

    const drafts = emulator.drafts();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ to: ['maria@contoso.example'], subject: 'Alex Doe – Thank you' });
    expect(drafts[0]!.text).toMatch(/^Hi Maria,/);
    expect(cell(emulator, 3, 'Draft')).toBe(`Thank-you note · due 2026-11-24 · draft ${drafts[0]!.id} made ${TODAY}`);
    expect(server.calls.map((c) => [c.name, c.args])).toEqual([
      ['createDrafts', [['contoso|backend engineer|maria@contoso.example']]],
    ]);
    await expect(contoso.getByRole('button', { name: 'Drafted' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^1 draft created/);
    // Only that row: the others still offer Create draft, and focus went back to the card.
    await expect(
      card(page, 'Hooli · Frontend Engineer').getByRole('button', { name: 'Create draft' }).isEnabled(),
    ).resolves.toBe(true);
    // The draft run recorded Initech's reply (the preview had only read it): Heard back is filled now.
    await expect(card(page, 'Initech · QA Lead').count()).resolves.toBe(0);
    expect(cell(emulator, 6, 'Heard back')).not.toBe('');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('row-3-title');
  });

  it('choosing a date under Skip… and pressing Skip until this day defers Globex: it leaves the list, and the next Draft follow-ups run drafts nothing for it and shows it as skipped', async () => {
    const { page, emulator, server } = await open({ handler: 'showPreview' });
    const globex = card(page, 'Globex · Site Reliability Engineer');
    const skip = globex.getByRole('button', { name: 'Skip…' });
    const date = globex.getByLabel('Skip until');
    // Keyboard only: Enter on Skip… opens the box and puts focus in the date, Escape closes it again.
    await skip.focus();
    await page.keyboard.press('Enter');
    await expect(skip.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(date.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await expect(date.inputValue()).resolves.toBe('2026-12-02');
    await page.keyboard.press('Escape');
    await expect(date.isVisible()).resolves.toBe(false);
    await expect(skip.evaluate((e) => e === document.activeElement)).resolves.toBe(true);

    await skip.click();
    await date.fill('2026-12-04');
    await globex.getByRole('button', { name: 'Skip until this day' }).click();
    await globex.waitFor({ state: 'detached' });
    await expect(page.getByRole('status').textContent()).resolves.toBe('Globex: Check-in skipped until 2026-12-04.');
    expect(server.calls.map((c) => [c.name, c.args, c.ok])).toEqual([
      [
        'skipFollowUp',
        ['globex|site reliability engineer|sam@globex.example|kim.park@globex.example', '2026-12-04'],
        true,
      ],
    ]);
    expect(cell(emulator, 5, 'Draft')).toBe('Check-in · due 2026-11-22 · skipped until 2026-12-04');

    const run = emulator.run('draftFollowUps', 'menu');
    expect(run.ok).toBe(true);
    expect(emulator.drafts().length).toBeGreaterThan(0);
    expect(draftsTo(emulator, 'sam@globex.example')).toEqual([]);
    expect(cell(emulator, 5, 'Follow-up status')).toBe('Upcoming · in 9 days · skipped');
    expect(cell(emulator, 5, 'Draft')).toBe('Check-in · due 2026-11-22 · skipped until 2026-12-04');

    // On the day it was skipped to, Draft follow-ups drafts it.
    emulator.setDay('2026-12-04');
    expect(emulator.run('draftFollowUps', 'menu').ok).toBe(true);
    expect(draftsTo(emulator, 'sam@globex.example')).toHaveLength(1);
  });

  it('Skip refuses today: the page says in plain words to choose a later day, marks the date invalid, and the row is unchanged', async () => {
    const { page, emulator, server } = await open({ handler: 'showPreview' });
    const before = emulator.displayValues(SHEET);
    const globex = card(page, 'Globex · Site Reliability Engineer');
    await globex.getByRole('button', { name: 'Skip…' }).click();
    const date = globex.getByLabel('Skip until');
    await date.fill(TODAY);
    await globex.getByRole('button', { name: 'Skip until this day' }).click();
    const words = 'Choose a day after today (2026-11-25) to skip to, written like 2026-12-02.';
    await expect(page.getByRole('alert').filter({ hasText: words }).textContent()).resolves.toBe(words);
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(globex.locator('.skip .message').textContent()).resolves.toBe(words);
    // The box stays open with the day typed, focus on it, ready to correct.
    await expect(date.inputValue()).resolves.toBe(TODAY);
    await expect(date.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    expect(server.calls.map((c) => [c.name, c.ok])).toEqual([['skipFollowUp', false]]);
    expect(emulator.displayValues(SHEET)).toEqual(before);
    // Correcting the date clears the message and the skip goes through.
    await date.fill('2026-11-26');
    await expect(date.getAttribute('aria-invalid')).resolves.toBe(null);
    await globex.getByRole('button', { name: 'Skip until this day' }).click();
    await globex.waitFor({ state: 'detached' });
    await expect(page.getByRole('alert').isHidden()).resolves.toBe(true);
  });

  it('clicking Create all drafts drafts every remaining row that can be drafted, once each, and leaves the row with no email address alone', async () => {
    const { page, emulator, server } = await open({ handler: 'showPreview' });
    await card(page, 'Contoso · Backend Engineer').getByRole('button', { name: 'Create draft' }).click();
    await card(page, 'Contoso · Backend Engineer').getByRole('button', { name: 'Drafted' }).waitFor();
    await page.getByRole('button', { name: 'Create all drafts' }).click();
    await page.waitForFunction(() => document.querySelector('#list')?.getAttribute('aria-busy') === 'false');
    await card(page, 'Hooli · Frontend Engineer').getByRole('button', { name: 'Drafted' }).waitFor();

    const recipients = emulator
      .drafts()
      .map((d) => d.to.join(','))
      .sort();
    // Initech's recruiter wrote back two days ago: the run reads Gmail, sees the reply and drafts nothing for it.
    expect(recipients).toEqual(
      [
        'maria@contoso.example',
        'sam@globex.example',
        'gavin@hooli.example',
        'tom.reyes@northwind.example',
        'jo.park@umbrella.example',
        'dana@soylent.example',
      ].sort(),
    );
    expect(server.calls.map((c) => c.name)).toEqual(['createDrafts', 'createAllDrafts']);
    const drafted = await page
      .locator('article')
      .evaluateAll((cards) =>
        cards.map((c) => [c.querySelector('h2')?.textContent, c.querySelector('button')?.textContent]),
      );
    expect(drafted).toEqual([
      ['Contoso · Backend Engineer', 'Drafted'],
      ['Acme Corp · Operations Manager', 'Create draft'],
      ['Globex · Site Reliability Engineer', 'Drafted'],
      ['Hooli · Frontend Engineer', 'Drafted'],
      ['Northwind Traders · Data Analyst', 'Drafted'],
      ['Umbrella Health · Data Engineer', 'Drafted'],
      ['Soylent Labs · ML Engineer', 'Drafted'],
    ]);
    await expect(
      card(page, 'Acme Corp · Operations Manager').getByRole('button', { name: 'Create draft' }).isDisabled(),
    ).resolves.toBe(true);
    // Nothing left that can be drafted.
    await expect(page.getByRole('button', { name: 'Create all drafts' }).isDisabled()).resolves.toBe(true);
    // Running it again makes no duplicate.
    expect(emulator.run('createAllDrafts', 'menu').ok).toBe(true);
    expect(emulator.drafts()).toHaveLength(6);
  });

  it('clicking Show row 3 in the sheet runs selectRow for that sheet and row, and says so', async () => {
    const { page, emulator, server } = await open({ handler: 'showPreview' });
    const activations = emulator.runtime.methodCalls['Range.activate'] ?? 0;
    await card(page, 'Contoso · Backend Engineer').getByRole('button', { name: 'Show row 3 in the sheet' }).click();
    const selected = 'Row 3 (Contoso) is selected in the sheet.';
    await expect(textWhen(page.getByRole('status'), selected)).resolves.toBe(selected);
    expect(server.calls).toEqual([{ name: 'selectRow', args: [SHEET, 3], ok: true }]);
    expect(emulator.runtime.methodCalls['Range.activate']).toBe(activations + 1);
    expect(emulator.state.spreadsheet.sheets[emulator.state.spreadsheet.activeSheetIndex]!.name).toBe(SHEET);
  });

  it('a server call that fails shows its message in the alert region in plain words, keeps the list usable, and Refresh recovers', async () => {
    const { page, emulator, server } = await open({ handler: 'showPreview' });
    const outage = 'Service Spreadsheets timed out while accessing document with id 1EmuLatedSpreadsheetId.';
    emulator.runtime.faults.push((call) =>
      call.execution?.handler === 'getPreview' && call.service === 'SpreadsheetApp' ? outage : undefined,
    );
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(textWhen(page.getByRole('alert'), outage)).resolves.toBe(outage);
    expect(server.calls.map((c) => [c.name, c.ok, c.error])).toEqual([['getPreview', false, outage]]);
    await expect(titles(page)).resolves.toEqual(DUE_IN_ORDER.map(([title]) => title));
    await expect(page.getByRole('button', { name: 'Refresh' }).isEnabled()).resolves.toBe(true);
    await expect(
      card(page, 'Acme Corp · Operations Manager').getByRole('button', { name: 'Create draft' }).isDisabled(),
    ).resolves.toBe(true);

    emulator.runtime.faults.length = 0;
    const answered = page.waitForResponse(`${server.origin}/run/getPreview`);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await answered;
    await page.waitForFunction(() => document.getElementById('list')?.getAttribute('aria-busy') === 'false');
    await expect(page.getByRole('alert').isHidden()).resolves.toBe(true);
    expect(server.calls.map((c) => [c.name, c.ok])).toEqual([
      ['getPreview', false],
      ['getPreview', true],
    ]);
  });

  it('opened without initial data while the server fails, says why in the alert region instead of loading forever, and Refresh then loads the list', async () => {
    const emulator = sampleEmulator();
    const outage = 'Service Spreadsheets failed while accessing document with id 1EmuLatedSpreadsheetId.';
    emulator.runtime.faults.push((call) => (call.service === 'SpreadsheetApp' ? outage : undefined));
    const { page } = await open({ file: 'sidebar' }, { emulator });
    await expect(textWhen(page.getByRole('alert'), outage)).resolves.toBe(outage);
    await expect(page.locator('#list').textContent()).resolves.toBe(
      'The follow-ups could not be loaded. Press Refresh to try again.',
    );
    await expect(page.locator('#list').getAttribute('aria-busy')).resolves.toBe('false');
    await expect(page.getByRole('button', { name: 'Refresh' }).isEnabled()).resolves.toBe(true);

    emulator.runtime.faults.length = 0;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator('article').first().waitFor();
    await expect(titles(page)).resolves.toEqual(DUE_IN_ORDER.map(([title]) => title));
    await expect(page.getByRole('alert').isHidden()).resolves.toBe(true);
  });

  it('the page asks for nothing but the local server, and the built pages name no CDN or other external resource', async () => {
    const { page, requests, server } = await open({ handler: 'showPreview' });
    await card(page, 'Hooli · Frontend Engineer').getByRole('button', { name: 'Create draft' }).click();
    await card(page, 'Hooli · Frontend Engineer').getByRole('button', { name: 'Drafted' }).waitFor();
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const url of requests) expect(url.startsWith(`${server.origin}/`)).toBe(true);
    expect(requests).toEqual([`${server.origin}/open/showPreview`, `${server.origin}/run/createDrafts`]);

    const pages = readdirSync(DIST).filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(['settings.html', 'sidebar.html']);
    for (const file of pages) {
      const html = readFileSync(join(DIST, file), 'utf8');
      expect(html).not.toMatch(/<link\b|<script[^>]*\ssrc=|<img\b|<iframe\b|@import|url\(/i);
      // Any address left is sample text on reserved example domains (RFC 2606), never something to load.
      const hosts = [...html.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/([^/\s"'<>)]+)/gi)].map((m) => m[1]!);
      for (const host of hosts) expect(host).toMatch(/(^|\.)example(\.com)?$/);
    }
  });
});
