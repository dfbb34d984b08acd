/**
 * Languages and the private notes end to end (docs/RULES.md §1, §3 `language`, §4): the built bundle in the
 * emulator drafts in the spreadsheet locale's language unless the setting says otherwise, keeps wording saved
 * before languages existed, and never puts a row's private Notes into a draft — while the preview shows them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreviewRow, SettingsForm } from '../../src/core/pages';
import { ROOT, SHEET, sampleMessages, world } from './harness';

const TODAY = '2026-11-25';
const HEAD = 'Company,Role,Applied,Recruiter,Recruiter email';
const ROW = 'Lumière SA,Analyste de données,2026-11-02,Zoé Martin,zoe@lumiere.example';

function drafted(locale: string, settings: Record<string, unknown> = {}) {
  const w = world({
    csv: `${HEAD}\n${ROW}\n`,
    timeZone: 'Europe/Paris',
    locale,
    settings: { yourName: 'Casey Park', ...settings },
  });
  expect(w.run('draftFollowUps').ok).toBe(true);
  const [draft] = w.emulator.drafts();
  return { w, draft: draft! };
}

describe('the drafts’ language', () => {
  it.each([
    ['fr_FR', 'Ma candidature – Analyste de données chez Lumière SA', 'Le lundi 2 novembre, je vous ai adressé'],
    ['fr_CA', 'Ma candidature – Analyste de données chez Lumière SA', 'Bonjour Zoé,'],
    ['de_AT', 'Meine Bewerbung als Analyste de données bei Lumière SA', 'am Montag, 2. November habe ich mich'],
    ['es_MX', 'Mi candidatura para el puesto de Analyste de données en Lumière SA', 'El lunes 2 de noviembre presenté'],
    ['en_US', 'My application for the Analyste de données role at Lumière SA', 'on Monday, November 2 and'],
    ['it_IT', 'My application for the Analyste de données role at Lumière SA', 'on Monday 2 November and'],
  ])('a %s spreadsheet gets its language by default', (locale, subject, phrase) => {
    const { draft } = drafted(locale);
    expect(draft.subject).toBe(subject);
    expect(draft.text).toContain(phrase);
  });

  it('the language setting wins over the locale, dates included', () => {
    const { draft } = drafted('fr_FR', { language: 'en' });
    expect(draft.text).toContain('I applied for the Analyste de données role at Lumière SA on Monday 2 November');
    expect(draft.text).not.toMatch(/lundi|novembre/);
  });

  it('wording saved before languages existed keeps working in a French sheet, and the dialog files it under French', () => {
    const w = world({
      csv: `${HEAD}\n${ROW}\n`,
      timeZone: 'Europe/Paris',
      locale: 'fr_FR',
      settings: { yourName: 'Casey Park' },
    });
    // As an earlier version stored it: one property per action, no language.
    w.emulator.state.platform.properties.document['template.application-check-in'] = JSON.stringify({
      subject: 'Candidature {{role}}',
      body: '{{greeting}}\n\n{{#appliedDate}}Envoyée le {{appliedDate}}.{{/appliedDate}} {{notes}}',
    });
    w.run('draftFollowUps');
    const [draft] = w.emulator.drafts();
    expect(draft!.subject).toBe('Candidature Analyste de données');
    expect(draft!.text).toMatch(/^Bonjour Zoé,\n\nEnvoyée le lundi 2 novembre\. \[Ajoutez ici un détail personnel/);

    const form = w.run('getSettingsForm').value as SettingsForm;
    expect(form.localeLanguage).toBe('fr');
    expect(form.values.templates).toEqual({
      fr: { 'application-check-in': expect.objectContaining({ subject: 'Candidature {{role}}' }) },
    });
    expect(Object.keys(form.defaultTemplates)).toEqual(['en', 'fr', 'de', 'es']);
    expect(form.defaultTemplates.de['thank-you'].subject).toBe('{{yourName}} – Vielen Dank für das Gespräch');

    expect(w.run('saveSettings', [form.values]).value).toEqual({ ok: true, errors: [] });
    const stored = w.emulator.state.platform.properties.document;
    expect(stored['template.application-check-in']).toBeUndefined();
    expect(JSON.parse(stored['template.fr.application-check-in']!)).toMatchObject({ subject: 'Candidature {{role}}' });
  });
});

describe('the private notes', () => {
  const SAMPLES = ['sample-tracker.csv', 'sample-tracker.fr.csv', 'sample-tracker.de.csv', 'sample-tracker.es.csv'];

  it.each(SAMPLES)('%s: no draft of any action holds a word of a row’s private Notes', (file) => {
    const csv = readFileSync(join(ROOT, 'examples', file), 'utf8');
    const locale = {
      'sample-tracker.csv': 'en_GB',
      'sample-tracker.fr.csv': 'fr_FR',
      'sample-tracker.de.csv': 'de_DE',
      'sample-tracker.es.csv': 'es_ES',
    }[file]!;
    const w = world({ csv, messages: sampleMessages(TODAY), locale, settings: { yourName: 'Alex Doe' } });
    w.run('draftFollowUps');
    const drafts = w.emulator.drafts();
    expect(new Set(drafts.map((d) => d.subject)).size).toBeGreaterThanOrEqual(5);
    const values = w.emulator.displayValues(SHEET);
    const notes = values[0]!.indexOf('Notes');
    const privateText = values
      .slice(1)
      .map((r) => r[notes] ?? '')
      .filter((t) => t !== '');
    expect(privateText.length).toBeGreaterThanOrEqual(4);
    for (const d of drafts) {
      for (const text of privateText) {
        expect(`${d.subject}\n${d.text}\n${d.html}`).not.toContain(text);
        expect(d.text).not.toContain(text.slice(0, 20));
      }
    }
  });

  it('the preview gives each row its private notes, to show beside the draft', () => {
    const csv = readFileSync(join(ROOT, 'examples', 'sample-tracker.csv'), 'utf8');
    const w = world({ csv, messages: sampleMessages(TODAY), settings: { yourName: 'Alex Doe' } });
    const rows = (w.run('getPreview').value as { rows: PreviewRow[] }).rows;
    const contoso = rows.find((r) => r.company === 'Contoso')!;
    expect(contoso.notes).toBe('Pay is below my floor - only continue above 95K.');
    expect(contoso.bodyStart).not.toContain('floor');
    expect(rows.find((r) => r.company === 'Hooli')!.notes).toBe('');
  });
});

describe('Set up a tracker sheet and Check setup', () => {
  it('the new sheet has a Personal note column holding the example sentence, and private Notes apart', () => {
    const w = world({ settings: { yourName: 'Alex Doe' } });
    expect(w.run('setUpTrackerSheet').ok).toBe(true);
    const [header, example] = w.emulator.displayValues('Applications 2');
    const cell = (name: string) => example![header!.indexOf(name)];
    expect(cell('Personal note')).toBe(
      'I enjoyed hearing how your design system helped the team move to weekly releases.',
    );
    expect(cell('Notes')).toMatch(/^Private, never in a draft/);
  });

  it('Check setup suggests a Personal note column, not Notes', () => {
    const w = world({
      csv: 'Company,Role,Applied,Interview date,Expected response,Recruiter email,Notes\nAcme,x,,,,,y\n',
    });
    w.run('checkSetup');
    expect(w.alerts()[0]).toContain('✗ Columns worth adding: Personal note (the rules and drafts use them).');
  });
});
