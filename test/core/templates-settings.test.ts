/**
 * The `language` setting and the wording per language (docs/RULES.md §3, §4): how they are read and checked, which
 * wording a draft uses, and how they are stored — wording saved before languages existed keeps working.
 */
import { loadSettings, saveSettings, storedSettings } from '../../src/app/settings';
import { parseSettings } from '../../src/core/settings';
import { draftLanguage, placeUnsetTemplates, templateOverride } from '../../src/core/templates';
import type { KeyValueStore } from '../../src/ports';

/** Document properties as a map, counting removals. */
function memoryStore(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  const removed: string[] = [];
  const store: KeyValueStore = {
    getAll: () => Object.fromEntries(values),
    set: (entries) => {
      for (const [k, v] of Object.entries(entries)) values.set(k, v);
    },
    remove: (key) => {
      removed.push(key);
      values.delete(key);
    },
  };
  return { store, values, removed };
}

describe('the language setting', () => {
  it.each([
    ['', ''],
    ['fr', 'fr'],
    [' DE ', 'de'],
    ['es', 'es'],
    ['en', 'en'],
  ])('reads %p as %p', (value, language) => {
    const { settings, errors } = parseSettings({ language: value });
    expect(errors).toEqual([]);
    expect(settings.language).toBe(language);
  });

  it.each(['it', 'fr_FR', 'French', 3])('refuses %p, naming the choices', (value) => {
    const { settings, errors } = parseSettings({ language: value });
    expect(settings.language).toBe('');
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^Language of the drafts \(language\) must be one of en \(English\), fr \(French\), de \(German\), es \(Spanish\), or blank for the spreadsheet's language; it is /,
      ),
    ]);
  });

  it.each([
    ['', 'fr_FR', 'fr'],
    ['', 'de_AT', 'de'],
    ['', 'it_IT', 'en'],
    ['en', 'fr_FR', 'en'],
    ['es', 'en_US', 'es'],
  ] as const)('setting %p in a %s sheet writes drafts in %s', (setting, locale, language) => {
    expect(draftLanguage(setting, locale)).toBe(language);
  });
});

describe('wording per language', () => {
  it('reads wording per language, and wording without a language into "any"', () => {
    const { settings, errors } = parseSettings({
      templates: { fr: { 'check-in': { subject: 'Des nouvelles ?' } }, 'thank-you': { subject: 'Old {{notes}}' } },
    });
    expect(errors).toEqual([]);
    expect(settings.templates).toEqual({
      fr: { 'check-in': { subject: 'Des nouvelles ?' } },
      any: { 'thank-you': { subject: 'Old {{notes}}' } },
    });
  });

  it.each([
    [
      { fr: { 'check-in': { body: 'Bonjour {{surnom}}' } } },
      'templates.fr.check-in.body',
      /^The Check-in body in French \(templates\.fr\.check-in\.body\) uses the unknown placeholder \{\{surnom\}\}/,
    ],
    [
      { de: { nudge: { body: 'x' } } },
      'templates.de.nudge',
      /^There is no follow-up "nudge" to word \(templates\.de\.nudge\); the follow-ups are thank-you, check-in/,
    ],
    [{ it: { 'check-in': {} } }, 'templates.it', /the follow-ups are .*, and the languages en, fr, de, es\.$/],
    [{ es: 'hola' }, 'templates.es', /^The Spanish wording \(templates\.es\) must be an object keyed by action\.$/],
    [
      { de: { 'thank-you': { subject: 'a\nb' } } },
      'templates.de.thank-you.subject',
      /in German \(templates\.de\.thank-you\.subject\) must be one line/,
    ],
  ])('explains bad wording %p at %s', (templates, setting, message) => {
    const { errors } = parseSettings({ templates });
    expect(errors).toEqual([{ setting, message: expect.stringMatching(message) }]);
  });

  it('a draft takes its language’s own wording, else the wording saved without a language', () => {
    const settings = {
      templates: {
        fr: { 'check-in': { subject: 'fr' } },
        any: { 'check-in': { subject: 'any' }, 'thank-you': { body: 'old' } },
      },
    };
    expect(templateOverride(settings, 'fr', 'check-in')).toEqual({ subject: 'fr' });
    expect(templateOverride(settings, 'de', 'check-in')).toEqual({ subject: 'any' });
    expect(templateOverride(settings, 'fr', 'thank-you')).toEqual({ body: 'old' });
    expect(templateOverride(settings, 'fr', 'monthly-check-in')).toEqual({});
  });

  it('the dialog files wording without a language under the drafts’ language, a language’s own winning', () => {
    expect(
      placeUnsetTemplates(
        {
          fr: { 'check-in': { subject: 'mine' } },
          any: { 'check-in': { subject: 'old' }, 'thank-you': { body: 'old' } },
        },
        'fr',
      ),
    ).toEqual({ fr: { 'check-in': { subject: 'mine' }, 'thank-you': { body: 'old' } } });
    expect(placeUnsetTemplates({ de: { 'check-in': { body: 'x' } } }, 'en')).toEqual({
      de: { 'check-in': { body: 'x' } },
    });
  });
});

describe('stored wording', () => {
  it('keeps reading wording saved before languages (template.<action>) exactly as it was', () => {
    const before = {
      settings: '{"yourName":"Alex Doe"}',
      'template.check-in': '{"subject":"Any news, {{firstName}}?"}',
    };
    const { settings, errors } = loadSettings(before);
    expect(errors).toEqual([]);
    expect(settings.templates).toEqual({ any: { 'check-in': { subject: 'Any news, {{firstName}}?' } } });
    expect(templateOverride(settings, 'fr', 'check-in')).toEqual({ subject: 'Any news, {{firstName}}?' });
  });

  it('saves each language’s wording under template.<language>.<action> and reads it back', () => {
    const { store, values } = memoryStore();
    const saved = saveSettings(store, {
      yourName: 'Alex Doe',
      language: 'de',
      templates: { de: { 'thank-you': { subject: 'Danke – {{yourName}}' } }, es: { 'check-in': { body: 'Hola' } } },
    });
    expect(saved.errors).toEqual([]);
    expect(Object.fromEntries(values)).toEqual({
      settings: expect.stringContaining('"language":"de"'),
      'template.de.thank-you': '{"subject":"Danke – {{yourName}}"}',
      'template.es.check-in': '{"body":"Hola"}',
    });
    expect(loadSettings(Object.fromEntries(values)).settings).toMatchObject({
      language: 'de',
      templates: { de: { 'thank-you': { subject: 'Danke – {{yourName}}' } }, es: { 'check-in': { body: 'Hola' } } },
    });
  });

  it('saving from the dialog moves old wording to its language and removes only keys that were there', () => {
    const { store, values, removed } = memoryStore({
      settings: '{"yourName":"Alex Doe"}',
      'template.check-in': '{"subject":"Old"}',
      'template.fr.monthly-check-in': '{"body":"Ancien"}',
    });
    const dialog = { ...storedSettings(store.getAll()) };
    const { settings } = parseSettings(dialog);
    saveSettings(store, { ...dialog, templates: placeUnsetTemplates(settings.templates, 'fr') });
    expect(Object.fromEntries(values)).toMatchObject({
      'template.fr.check-in': '{"subject":"Old"}',
      'template.fr.monthly-check-in': '{"body":"Ancien"}',
    });
    expect(values.has('template.check-in')).toBe(false);
    expect(removed).toEqual(['template.check-in']);
  });
});
