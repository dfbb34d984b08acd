/**
 * The Settings… dialog in Debian's Chromium at the dialog's size (620 px), with google.script.run bridged to the
 * built add-on in the emulator: fields come from the stored settings, messages are the server's own, and Save
 * really stores what the next run uses.
 */
import type { Page } from 'playwright-core';
import { prepareEmulator } from '../../emulator/cli';
import type { Emulator } from '../../emulator/emulator';
import { docsPath, type OpenOptions, ROOT, sampleEmulator, TIMEOUT_MS, TODAY, textWhen, useBrowser } from './harness';

jest.setTimeout(TIMEOUT_MS);

interface Stored {
  values: Record<string, unknown> & { templates: Record<string, { subject?: string; body?: string }> };
}

const openDialog = useBrowser({ width: 620, height: 680 });
const open = (
  target: { handler: string } | { file: string } = { handler: 'showSettings' },
  options: OpenOptions = {},
) => openDialog(target, options);

function stored(emulator: Emulator): Stored['values'] {
  const result = emulator.run('getSettingsForm', 'menu');
  if (!result.ok) throw new Error(result.error);
  return (result.value as Stored).values;
}

/** The message the server gives for these values (saveSettings refuses them and stores nothing). */
function serverMessage(emulator: Emulator, values: Record<string, unknown>): string {
  const result = emulator.run('saveSettings', 'menu', [values]);
  const answer = result.value as { ok: boolean; errors: { message: string }[] };
  expect(answer.ok).toBe(false);
  return answer.errors[0]!.message;
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

const sampleText = (page: Page) => page.locator('#sample').textContent();

describe('Settings dialog', () => {
  it('Settings… opens with every field filled from the stored settings', async () => {
    const emulator = sampleEmulator();
    const saved = emulator.run('saveSettings', 'menu', [
      { dailyHour: 7, maxMonthlyCheckIns: 2, templates: { 'thank-you': { subject: 'Thank you, {{firstName}}' } } },
    ]);
    expect(saved.value).toEqual({ ok: true, errors: [] });
    const { page, server } = await open({ handler: 'showSettings' }, { emulator });
    expect(server.calls).toEqual([]);

    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Alex Doe');
    await expect(page.getByLabel('Tracker sheet (optional)').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Days to wait for a response').inputValue()).resolves.toBe('7');
    await expect(page.getByLabel('Days before the second follow-up').inputValue()).resolves.toBe('7');
    await expect(page.getByLabel('Days between monthly check-ins').inputValue()).resolves.toBe('30');
    await expect(page.getByLabel('Monthly check-ins at most').inputValue()).resolves.toBe('2');
    await expect(page.getByLabel('Days after applying to check in').inputValue()).resolves.toBe('14');
    await expect(page.getByLabel('Hour of the daily drafts (0–23)').inputValue()).resolves.toBe('7');
    await expect(page.getByLabel('Keep checking in monthly after the second follow-up').isChecked()).resolves.toBe(
      true,
    );
    // The sample settings turn weekend moving off.
    await expect(page.getByLabel('Move check-ins due on a weekend to Monday').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Follow-up', { exact: true }).inputValue()).resolves.toBe('thank-you');
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe('Thank you, {{firstName}}');
    await expect(page.getByLabel('Body').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Body').getAttribute('placeholder')).resolves.toMatch(/^\{\{greeting\}\}/);
    await expect(sampleText(page)).resolves.toMatch(/^Subject: Thank you, Sam\n\nHi Sam,\n/);
    await expect(page.getByRole('alert').isHidden()).resolves.toBe(true);
    await page.screenshot({ path: docsPath('settings.png'), fullPage: true });
  });

  it('opened without initial data, loads the settings through google.script.run.getSettingsForm, with Save off until they arrive', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { page, server } = await open(
      { file: 'settings' },
      {
        beforeLoad: (context, pageServer) =>
          context.route(`${pageServer.origin}/run/getSettingsForm`, async (route) => {
            await held;
            await route.fallback();
          }),
      },
    );
    await expect(page.getByRole('status').textContent()).resolves.toBe('Loading your settings…');
    await expect(page.getByRole('button', { name: 'Save' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('');
    release();
    await page.getByRole('status').waitFor({ state: 'hidden' });
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Alex Doe');
    await expect(page.getByRole('button', { name: 'Save' }).isEnabled()).resolves.toBe(true);
    expect(server.calls.map((c) => [c.name, c.ok])).toEqual([['getSettingsForm', true]]);
  });

  it('typing dailyHour 25 shows the server’s own message beside the field, marks it aria-invalid, and Save then sends nothing', async () => {
    const { page, emulator, server } = await open();
    const before = stored(emulator);
    const hour = page.getByLabel('Hour of the daily drafts (0–23)');
    await hour.fill('25');
    const message = serverMessage(emulator, { dailyHour: 25 });
    expect(message).toMatch(/^Hour of the daily drafts \(dailyHour\) must be a whole number from 0 to 23; it is 25\.$/);
    await expect(page.locator('#dailyHour-message').textContent()).resolves.toBe(message);
    await expect(hour.getAttribute('aria-invalid')).resolves.toBe('true');
    // The message is the field's description, so a screen reader reads it with the field.
    await expect(hour.getAttribute('aria-describedby')).resolves.toContain('dailyHour-message');

    await page.getByRole('button', { name: 'Save' }).click();
    await expect(focusedId(page)).resolves.toBe('dailyHour');
    expect(server.calls).toEqual([]);
    expect(stored(emulator)).toEqual(before);

    await hour.fill('23');
    await expect(page.locator('#dailyHour-message').textContent()).resolves.toBe('');
    await expect(hour.getAttribute('aria-invalid')).resolves.toBe(null);
  });

  it('an unknown placeholder {{nickname}} in a body gets the server’s message beside Body, and the sample says the wording cannot be used yet', async () => {
    const { page, emulator, server } = await open();
    const body = page.getByLabel('Body');
    await body.fill('Hi {{nickname}},\n\nThanks!');
    const message = serverMessage(emulator, {
      templates: { en: { 'thank-you': { body: 'Hi {{nickname}},\n\nThanks!' } } },
    });
    expect(message).toMatch(
      /^The Thank-you note body in English \(templates\.en\.thank-you\.body\) uses the unknown placeholder \{\{nickname\}\}; the placeholders are/,
    );
    await expect(page.locator('#body-message').textContent()).resolves.toBe(message);
    await expect(body.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(sampleText(page)).resolves.toMatch(
      /^This wording cannot be used yet: unknown placeholder \{\{nickname\}\}/,
    );
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(focusedId(page)).resolves.toBe('body');
    expect(server.calls).toEqual([]);
    await page.getByRole('button', { name: 'Use the default wording' }).click();
    await expect(body.inputValue()).resolves.toBe('');
    await expect(body.getAttribute('aria-invalid')).resolves.toBe(null);
    await expect(sampleText(page)).resolves.toMatch(/^Subject: Alex Doe – Thank you\n\nHi Sam,/);
  });

  it('the sample draft follows the wording, the name and the chosen follow-up as you type', async () => {
    const { page } = await open();
    await expect(sampleText(page)).resolves.toMatch(/^Subject: Alex Doe – Thank you\n/);
    await page.getByLabel('Subject').fill('A note from {{yourName}} about the {{role}} role');
    await expect(sampleText(page)).resolves.toMatch(/^Subject: A note from Alex Doe about the Data Engineer role\n/);
    await page.getByLabel('Your name').fill('Sam Rivera');
    await expect(sampleText(page)).resolves.toMatch(/^Subject: A note from Sam Rivera about the Data Engineer role\n/);
    await expect(sampleText(page)).resolves.toMatch(/\nSam Rivera\n?$/);
    await page.getByLabel('Follow-up', { exact: true }).selectOption('check-in');
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe('');
    await expect(sampleText(page)).resolves.toMatch(/^Subject: Checking in on the Data Engineer role at Acme\n/);
    // The other follow-up's wording is kept while you look at this one.
    await page.getByLabel('Follow-up', { exact: true }).selectOption('thank-you');
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe(
      'A note from {{yourName}} about the {{role}} role',
    );
  });

  it('Save stores the settings: getSettingsForm returns them and the next Draft follow-ups run writes with the new wording', async () => {
    const { page, emulator, server } = await open();
    await page.getByLabel('Your name').fill('Alex Q. Doe');
    await page.getByLabel('Hour of the daily drafts (0–23)').fill('7');
    await page.getByLabel('Move check-ins due on a weekend to Monday').check();
    await page.getByLabel('Subject').fill('Thank you, {{firstName}} — {{yourName}}');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(textWhen(page.getByRole('status'), 'Saved.')).resolves.toBe('Saved.');
    expect(server.calls.map((c) => [c.name, c.ok, c.value])).toEqual([
      ['saveSettings', true, { ok: true, errors: [] }],
    ]);

    expect(stored(emulator)).toMatchObject({
      yourName: 'Alex Q. Doe',
      dailyHour: 7,
      skipWeekends: true,
      templates: { en: { 'thank-you': { subject: 'Thank you, {{firstName}} — {{yourName}}' } } },
    });
    expect(emulator.run('draftFollowUps', 'menu').ok).toBe(true);
    const contoso = emulator.drafts().find((d) => d.to.includes('maria@contoso.example'));
    expect(contoso?.subject).toBe('Thank you, Maria — Alex Q. Doe');
    expect(contoso?.text).toMatch(/\nAlex Q\. Doe\s*$/);
  });

  it('the keyboard alone reaches every control in order, up to Save and Close, and saves with Enter', async () => {
    const { page, emulator } = await open();
    const order: string[] = [];
    for (let i = 0; i < 18; i++) {
      await page.keyboard.press('Tab');
      order.push(await focusedId(page));
    }
    expect(order).toEqual([
      'yourName',
      'trackerSheet',
      'responseWindowDays',
      'secondFollowUpDays',
      'monthlyIntervalDays',
      'maxMonthlyCheckIns',
      'applicationFollowUpDays',
      'dailyHour',
      'monthlyCheckIns',
      'skipWeekends',
      'language',
      'wordingLanguage',
      'action',
      'subject',
      'body',
      'use-default',
      'save',
      'cancel',
    ]);

    // Back to the top and through the form again, using each control with keys only.
    await page.getByLabel('Your name').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Kim Key');
    for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
    await expect(focusedId(page)).resolves.toBe('dailyHour');
    await page.keyboard.press('ArrowDown'); // 8 → 7
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // monthly check-ins off
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // weekends moved on
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // Check-in
    await expect(page.getByLabel('Follow-up', { exact: true }).inputValue()).resolves.toBe('check-in');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Any news, {{firstName}}?');
    await expect(sampleText(page)).resolves.toMatch(/^Subject: Any news, Sam\?\n/);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(focusedId(page)).resolves.toBe('save');
    await page.keyboard.press('Enter');
    await expect(textWhen(page.getByRole('status'), 'Saved.')).resolves.toBe('Saved.');
    expect(stored(emulator)).toMatchObject({
      yourName: 'Kim Key',
      dailyHour: 7,
      monthlyCheckIns: false,
      skipWeekends: true,
      templates: { en: { 'check-in': { subject: 'Any news, {{firstName}}?' } } },
    });
  });

  it('in a French sheet, opens on the spreadsheet’s language with French wording and a French sample; picking Deutsch switches both, and Save makes the next drafts German', async () => {
    const emulator = prepareEmulator(['--today', TODAY, '--locale', 'fr_FR', '--tz', 'Europe/Paris'], ROOT);
    const { page } = await open({ handler: 'showSettings' }, { emulator });
    const language = page.getByLabel('Language of the drafts');
    await expect(language.inputValue()).resolves.toBe('');
    await expect(language.locator('option:checked').textContent()).resolves.toBe(
      'The spreadsheet’s language: Français (French)',
    );
    await expect(page.getByLabel('Wording in').inputValue()).resolves.toBe('fr');
    await expect(page.getByLabel('Subject').getAttribute('placeholder')).resolves.toBe(
      '{{yourName}} – Merci pour notre entretien',
    );
    await expect(sampleText(page)).resolves.toMatch(
      /^Subject: Alex Doe – Merci pour notre entretien\n\nBonjour Zoé,\n/,
    );
    await page.getByLabel('Follow-up', { exact: true }).selectOption('check-in');
    await expect(sampleText(page)).resolves.toContain('d’ici le vendredi 20 novembre');

    await language.selectOption('de');
    await expect(page.getByLabel('Wording in').inputValue()).resolves.toBe('de');
    await expect(sampleText(page)).resolves.toMatch(/^Subject: Nachfrage zu meiner Bewerbung als Datenanalystin/);
    await expect(sampleText(page)).resolves.toContain('bis Freitag, 20. November in Aussicht gestellt');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(textWhen(page.getByRole('status'), 'Saved.')).resolves.toBe('Saved.');
    expect(stored(emulator)).toMatchObject({ language: 'de' });

    expect(emulator.run('draftFollowUps', 'menu').ok).toBe(true);
    const thanks = emulator.drafts().find((d) => d.to.includes('tom.reyes@northwind.example'));
    expect(thanks?.subject).toBe('Alex Doe – Vielen Dank für das Gespräch');
    expect(thanks?.text).toMatch(/^Hallo Tom,\n\nvielen Dank, dass Sie sich die Zeit genommen haben/);
  });

  it('keeps wording per language: French wording stays French, English is edited apart, and each draft uses its language’s', async () => {
    const { page, emulator } = await open();
    const wording = page.getByLabel('Wording in');
    await expect(wording.inputValue()).resolves.toBe('en');
    await page.getByLabel('Follow-up', { exact: true }).selectOption('check-in');
    await wording.selectOption('fr');
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Subject').getAttribute('placeholder')).resolves.toMatch(/^Suivi de ma candidature/);
    await page.getByLabel('Subject').fill('Des nouvelles, {{firstName}} ?');
    await expect(sampleText(page)).resolves.toMatch(/^Subject: Des nouvelles, Zoé \?\n\nBonjour Zoé,/);

    await wording.selectOption('en');
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe('');
    await expect(sampleText(page)).resolves.toMatch(
      /^Subject: Checking in on the Data Engineer role at Acme\n\nHi Sam,/,
    );
    await page.getByLabel('Subject').fill('Any news, {{firstName}}?');
    await wording.selectOption('fr');
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe('Des nouvelles, {{firstName}} ?');
    await page.getByRole('button', { name: 'Use the default wording' }).click();
    await expect(page.getByLabel('Subject').inputValue()).resolves.toBe('');
    await page.getByLabel('Subject').fill('Des nouvelles, {{firstName}} ?');

    await page.getByRole('button', { name: 'Save' }).click();
    await expect(textWhen(page.getByRole('status'), 'Saved.')).resolves.toBe('Saved.');
    expect(stored(emulator).templates).toEqual({
      en: { 'check-in': { subject: 'Any news, {{firstName}}?' } },
      fr: { 'check-in': { subject: 'Des nouvelles, {{firstName}} ?' } },
    });
    // The sample sheet is en_GB: English drafts take the English wording.
    expect(emulator.run('draftFollowUps', 'menu').ok).toBe(true);
    expect(emulator.drafts().find((d) => d.to.includes('sam@globex.example'))?.text).toMatch(/^Hi Sam,/);
    expect(emulator.drafts().map((d) => d.subject)).not.toContain('Des nouvelles, Sam ?');
  });

  it('a mistake in one language’s wording is shown beside the field, named with its language', async () => {
    const { page, emulator, server } = await open();
    await page.getByLabel('Wording in').selectOption('es');
    await page.getByLabel('Body').fill('Hola {{apodo}}');
    const message = serverMessage(emulator, { templates: { es: { 'thank-you': { body: 'Hola {{apodo}}' } } } });
    expect(message).toMatch(
      /^The Thank-you note body in Spanish \(templates\.es\.thank-you\.body\) uses the unknown placeholder \{\{apodo\}\}/,
    );
    await expect(page.locator('#body-message').textContent()).resolves.toBe(message);
    await page.getByRole('button', { name: 'Save' }).click();
    expect(server.calls).toEqual([]);
  });

  it('if the server fails while saving, the alert region says why in plain words and nothing is stored', async () => {
    const { page, emulator, server } = await open();
    const before = stored(emulator);
    const outage = 'Service unavailable: Properties. Try again in a few minutes.';
    emulator.runtime.faults.push((call) =>
      call.execution?.handler === 'saveSettings' && call.service === 'PropertiesService' ? outage : undefined,
    );
    await page.getByLabel('Your name').fill('Someone Else');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(textWhen(page.getByRole('alert'), outage)).resolves.toBe(outage);
    await expect(page.getByRole('status').isHidden()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Save' }).isEnabled()).resolves.toBe(true);
    expect(server.calls.map((c) => [c.name, c.ok])).toEqual([['saveSettings', false]]);
    emulator.runtime.faults.length = 0;
    expect(stored(emulator)).toEqual(before);
  });

  it('clicking Close calls google.script.host.close()', async () => {
    const { page, server } = await open();
    const closed = page.waitForResponse(`${server.origin}/host/close`);
    await page.getByRole('button', { name: 'Close' }).click();
    await closed;
    expect(server.hostCalls).toEqual([{ method: 'close', args: [] }]);
    expect(server.calls).toEqual([]);
  });
});
