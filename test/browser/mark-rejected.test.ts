/**
 * The sidebar's "Mark as rejected" in Chromium at 300 px, bridged to the built add-on in the emulator: the demo's
 * sample tracker, plus a hiring system's rejection for Hooli two days ago. The button shows on Hooli's card with the
 * day, asks before it writes, works from the keyboard, and calls markRejected with the row's key.
 */
import type { Page } from 'playwright-core';
import { requireSheet } from '../../emulator/spreadsheet';
import { gridSet } from '../../emulator/spreadsheet/state';
import { cell, SHEET, sampleEmulator, TIMEOUT_MS, textWhen, useBrowser } from './harness';

jest.setTimeout(TIMEOUT_MS);

const open = useBrowser();
const HOOLI = 'Hooli · Frontend Engineer';
/** Hooli's row in examples/sample-tracker.csv. */
const HOOLI_ROW = 9;

function withRejection() {
  const emulator = sampleEmulator();
  emulator.receive({
    id: 'hooli-rejection',
    threadId: 'hooli-rejection',
    from: 'Hooli Recruiting <no-reply@hire.lever.co>',
    to: ['alex@example.com'],
    cc: [],
    date: '2026-11-23T14:00:00Z',
    subject: 'Your application to Hooli',
    text: 'Thank you for your interest. After review, we will not be moving forward with your application.',
    labels: ['INBOX'],
  });
  return emulator;
}

function hooli(page: Page) {
  return page.getByRole('article', { name: HOOLI });
}

describe('Mark as rejected in the sidebar', () => {
  it('shows on the rejected row, after the due rows, with the day of the rejection and no draft controls', async () => {
    const { page, server } = await open({ handler: 'showPreview' }, { emulator: withRejection() });
    const titles = await page.locator('article h2').allTextContents();
    expect(titles.at(-1)).toBe(HOOLI);
    expect(titles.filter((t) => t === HOOLI)).toHaveLength(1);
    const card = hooli(page);
    await expect(card.locator('.meta').textContent()).resolves.toBe(
      'Looks like a rejection · 2026-11-23 Waiting · looks like a rejection on 2026-11-23: set Status to Rejected',
    );
    const button = card.getByRole('button', { name: 'Mark as rejected…' });
    await expect(button.isEnabled()).resolves.toBe(true);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(card.getByRole('button', { name: 'Create draft' }).count()).resolves.toBe(0);
    await expect(card.getByRole('button', { name: 'Yes, set Status' }).isVisible()).resolves.toBe(false);
    // The other cards keep their own buttons and none of this one.
    await expect(page.getByRole('button', { name: 'Mark as rejected…' }).count()).resolves.toBe(1);
    expect(server.calls).toEqual([]);
    // Readable at 300 px with the confirm step open.
    await button.click();
    const widest = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(300);
  });

  it('from the keyboard: Enter opens the confirm step, Escape closes it without a call, Yes calls markRejected with the row key and the card leaves the list', async () => {
    const session = await open({ handler: 'showPreview' }, { emulator: withRejection() });
    const { page, server, emulator } = session;
    const rowKey = await page.evaluate(
      (company) =>
        (window as unknown as { __INITIAL__: { rows: { company: string; rowKey: string }[] } }).__INITIAL__.rows.find(
          (r) => r.company === company,
        )!.rowKey,
      'Hooli',
    );
    const card = hooli(page);
    const button = card.getByRole('button', { name: 'Mark as rejected…' });
    await button.focus();
    await page.keyboard.press('Enter');
    const yes = card.getByRole('button', { name: 'Yes, set Status' });
    await expect(yes.isVisible()).resolves.toBe(true);
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(card.getByRole('group', { name: 'Mark Hooli as rejected' }).textContent()).resolves.toContain(
      'Set the Status of row 9 (Hooli) to Rejected? Nothing else in the sheet changes.',
    );
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Yes, set Status');
    await page.keyboard.press('Escape');
    await expect(yes.isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Mark as rejected…');
    expect(server.calls).toEqual([]);
    expect(cell(emulator, HOOLI_ROW, 'Status')).toBe('Applied');

    await page.keyboard.press('Space');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Yes, set Status');
    await page.keyboard.press('Enter');
    await expect(textWhen(page.getByRole('status'), 'Hooli marked as rejected.')).resolves.toBe(
      'Hooli marked as rejected.',
    );
    expect(server.calls.map((c) => [c.name, c.args, c.ok])).toEqual([['markRejected', [rowKey], true]]);
    await expect(hooli(page).count()).resolves.toBe(0);
    expect(cell(emulator, HOOLI_ROW, 'Status')).toBe('Rejected');
    expect(cell(emulator, HOOLI_ROW, 'Follow-up status')).toBe('Closed');
  });

  it('a refusal shows the server’s words in the alert region and keeps the card', async () => {
    const emulator = withRejection();
    const { page, server } = await open({ handler: 'showPreview' }, { emulator });
    // Meanwhile the user types a formula into Hooli's Status: the add-on does not write over it.
    gridSet(requireSheet(emulator.state.spreadsheet, SHEET).cells.formulas, HOOLI_ROW - 1, 2, '="Applied"');
    const card = hooli(page);
    await card.getByRole('button', { name: 'Mark as rejected…' }).click();
    await card.getByRole('button', { name: 'Yes, set Status' }).click();
    await expect(textWhen(page.getByRole('alert'), /holds a formula/)).resolves.toBe(
      "Hooli's Status (row 9) holds a formula, so the add-on did not write into it: change what the formula reads, or replace it with the word Rejected yourself.",
    );
    expect(server.calls.map((c) => [c.name, c.ok])).toEqual([['markRejected', false]]);
    await expect(hooli(page).count()).resolves.toBe(1);
  });
});
