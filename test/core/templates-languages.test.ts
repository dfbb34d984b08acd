/**
 * The built-in wording in each language (docs/RULES.md §3 `language`, §4 Language): per language and action, the
 * subject, greeting, body and sign-off, dates written in that language, and no English left in the others.
 */
import {
  ACTIONS,
  type Action,
  type DraftFacts,
  LANGUAGE_PACKS,
  LANGUAGES,
  type Language,
  languageOfLocale,
  renderDraft,
  templateValues,
  writeDate,
} from '../../src/core/templates';
import { day } from './helpers';

const TODAY = day('2026-11-25');

/** One row per language, written in that language so that no English can come from the row itself. */
const ROWS: Record<Language, { facts: DraftFacts; locale: string }> = {
  en: { locale: 'en_GB', facts: facts('Sam Lee', 'Acme', 'Data Engineer', 'I enjoyed the talk.', 'A new case study.') },
  fr: {
    locale: 'fr_FR',
    facts: facts('Zoé Martin', 'Lumière SA', 'Analyste de données', 'Votre feuille de route m’a plu.', 'Une étude.'),
  },
  de: {
    locale: 'de_DE',
    facts: facts('Anna Schmidt', 'Nordlicht GmbH', 'Datenanalystin', 'Ihr Fahrplan hat mir gefallen.', 'Eine Studie.'),
  },
  es: {
    locale: 'es_ES',
    facts: facts('Lucía García', 'Soluciones Sol', 'Analista de datos', 'Me gustó su hoja de ruta.', 'Un estudio.'),
  },
};

function facts(recipientName: string, company: string, role: string, personalNote: string, update: string): DraftFacts {
  return {
    recipientName,
    firstName: recipientName.split(' ')[0]!,
    yourName: 'Casey Park',
    company,
    role,
    personalNote,
    update,
    interviewDate: day('2026-11-16'),
    expectedDate: day('2026-11-20'),
    appliedDate: day('2026-11-02'),
  };
}

function draft(language: Language, action: Action, change: Partial<DraftFacts> = {}) {
  const { facts: base, locale } = ROWS[language];
  return renderDraft(action, templateValues(language, { ...base, ...change }, TODAY, locale), {}, language);
}

/** [language, action, subject, greeting, phrases the body must hold, sign-off]. */
const EXPECTED: [Language, Action, string, string, string[], string][] = [
  [
    'en',
    'thank-you',
    'Casey Park – Thank you',
    'Hi Sam,',
    ['the Data Engineer role at Acme', 'I enjoyed the talk.'],
    'Best wishes,',
  ],
  [
    'en',
    'check-in',
    'Checking in on the Data Engineer role at Acme',
    'Hi Sam,',
    ['hear back by Friday 20 November'],
    'Kind regards,',
  ],
  [
    'en',
    'second-follow-up',
    'Following up on the Data Engineer role at Acme',
    'Hi Sam,',
    ['A new case study.'],
    'Kind regards,',
  ],
  [
    'en',
    'monthly-check-in',
    'Still interested in the Data Engineer role at Acme',
    'Hi Sam,',
    ['still very interested'],
    'Best wishes,',
  ],
  [
    'en',
    'application-check-in',
    'My application for the Data Engineer role at Acme',
    'Hi Sam,',
    ['at Acme on Monday 2 November'],
    'Kind regards,',
  ],
  [
    'fr',
    'thank-you',
    'Casey Park – Merci pour notre entretien',
    'Bonjour Zoé,',
    [
      'Je vous remercie d’avoir pris le temps',
      'le poste d’Analyste de données chez Lumière SA',
      'Votre feuille de route m’a plu.',
    ],
    'Bien cordialement,',
  ],
  [
    'fr',
    'check-in',
    'Suivi de ma candidature – Analyste de données chez Lumière SA',
    'Bonjour Zoé,',
    ['vous m’aviez indiqué un retour d’ici le vendredi 20 novembre', 'Ce poste m’intéresse toujours vivement'],
    'Cordialement,',
  ],
  [
    'fr',
    'second-follow-up',
    'Complément à ma candidature – Analyste de données chez Lumière SA',
    'Bonjour Zoé,',
    ['un élément nouveau qui pourrait vous être utile\u00a0:', 'Une étude.'],
    'Cordialement,',
  ],
  [
    'fr',
    'monthly-check-in',
    'Prise de nouvelles – Analyste de données chez Lumière SA',
    'Bonjour Zoé,',
    ['le poste d’Analyste de données chez Lumière SA m’intéresse toujours autant'],
    'Bien cordialement,',
  ],
  [
    'fr',
    'application-check-in',
    'Ma candidature – Analyste de données chez Lumière SA',
    'Bonjour Zoé,',
    ['Le lundi 2 novembre, je vous ai adressé ma candidature pour le poste d’Analyste de données chez Lumière SA'],
    'Cordialement,',
  ],
  [
    'de',
    'thank-you',
    'Casey Park – Vielen Dank für das Gespräch',
    'Hallo Anna,',
    [
      'vielen Dank, dass Sie sich die Zeit genommen haben',
      'über die Stelle als Datenanalystin bei Nordlicht GmbH',
      'Ihr Fahrplan hat mir gefallen.',
    ],
    'Mit freundlichen Grüßen',
  ],
  [
    'de',
    'check-in',
    'Nachfrage zu meiner Bewerbung als Datenanalystin bei Nordlicht GmbH',
    'Hallo Anna,',
    ['ich hoffe, es geht Ihnen gut.', 'eine Rückmeldung bis Freitag, 20. November in Aussicht gestellt'],
    'Mit freundlichen Grüßen',
  ],
  [
    'de',
    'second-follow-up',
    'Ergänzung zu meiner Bewerbung als Datenanalystin bei Nordlicht GmbH',
    'Hallo Anna,',
    ['ich melde mich noch einmal', 'Eine Studie.'],
    'Mit freundlichen Grüßen',
  ],
  [
    'de',
    'monthly-check-in',
    'Weiterhin Interesse an der Stelle als Datenanalystin bei Nordlicht GmbH',
    'Hallo Anna,',
    ['dass mich die Stelle als Datenanalystin bei Nordlicht GmbH weiterhin sehr interessiert'],
    'Viele Grüße',
  ],
  [
    'de',
    'application-check-in',
    'Meine Bewerbung als Datenanalystin bei Nordlicht GmbH',
    'Hallo Anna,',
    ['am Montag, 2. November habe ich mich bei Nordlicht GmbH auf die Stelle als Datenanalystin beworben'],
    'Mit freundlichen Grüßen',
  ],
  [
    'es',
    'thank-you',
    'Casey Park – Gracias por la entrevista',
    'Buenos días, Lucía:',
    [
      'Muchas gracias por dedicarme su tiempo',
      'el puesto de Analista de datos en Soluciones Sol',
      'Me gustó su hoja de ruta.',
    ],
    'Saludos cordiales,',
  ],
  [
    'es',
    'check-in',
    'Seguimiento de mi candidatura para el puesto de Analista de datos en Soluciones Sol',
    'Buenos días, Lucía:',
    ['podría tener una respuesta para el viernes 20 de noviembre', 'El puesto me sigue interesando mucho'],
    'Saludos cordiales,',
  ],
  [
    'es',
    'second-follow-up',
    'Novedades sobre mi candidatura para el puesto de Analista de datos en Soluciones Sol',
    'Buenos días, Lucía:',
    ['Le escribo de nuevo', 'Un estudio.'],
    'Saludos cordiales,',
  ],
  [
    'es',
    'monthly-check-in',
    'Mi interés por el puesto de Analista de datos en Soluciones Sol',
    'Buenos días, Lucía:',
    ['me sigue interesando mucho'],
    'Un cordial saludo,',
  ],
  [
    'es',
    'application-check-in',
    'Mi candidatura para el puesto de Analista de datos en Soluciones Sol',
    'Buenos días, Lucía:',
    ['El lunes 2 de noviembre presenté mi candidatura para el puesto de Analista de datos en Soluciones Sol'],
    'Saludos cordiales,',
  ],
];

describe('the built-in wording per language and action', () => {
  it('covers every language and every action', () => {
    expect(new Set(EXPECTED.map(([l, a]) => `${l}:${a}`)).size).toBe(LANGUAGES.length * ACTIONS.length);
  });

  it.each(EXPECTED)(
    '%s %s: subject, greeting, body and sign-off',
    (language, action, subject, greeting, body, signOff) => {
      const { subject: got, text } = draft(language, action);
      expect(got).toBe(subject);
      const paragraphs = text.trimEnd().split('\n\n');
      expect(paragraphs[0]).toBe(greeting);
      for (const phrase of body) expect(text).toContain(phrase);
      expect(paragraphs.at(-1)).toBe(`${signOff}\nCasey Park`);
    },
  );

  it.each(LANGUAGES)('%s: greets politely when the row names nobody', (language) => {
    const { text } = draft(language, 'check-in', { recipientName: '', firstName: '' });
    expect(text.split('\n\n')[0]).toBe(
      { en: 'Hello,', fr: 'Bonjour,', de: 'Guten Tag,', es: 'Buenos días:' }[language],
    );
  });

  it.each(LANGUAGES)('%s: a row without a role still reads as a sentence', (language) => {
    const { subject, text } = draft(language, 'application-check-in', { role: '' });
    expect(`${subject}\n${text}`).not.toMatch(/ {2}|\s[,.]| – chez| als bei| de en /);
    expect(text).toContain(
      {
        en: 'the open role at Acme',
        fr: 'le poste à pourvoir chez',
        de: 'auf die ausgeschriebene Stelle',
        es: 'el puesto en',
      }[language],
    );
  });

  it.each(LANGUAGES)('%s: the check-in without a promised date does not mention one', (language) => {
    const { text } = draft(language, 'check-in', { expectedDate: null });
    expect(text).not.toMatch(/20|Friday|vendredi|Freitag|viernes/);
  });

  it.each(LANGUAGES)('%s: a missing personal note and a missing update are prompts in that language', (language) => {
    const pack = LANGUAGE_PACKS[language];
    const thanks = draft(language, 'thank-you', { personalNote: '  ' });
    expect(thanks.text).toContain(pack.missingPersonalNote);
    expect(thanks.html).toContain(`<span style="background:#fff2cc">${pack.missingPersonalNote}</span>`);
    expect(draft(language, 'second-follow-up', { update: '' }).text).toContain(pack.missingUpdate);
  });
});

/** Words of the English built-in wording that are also ordinary words of another language, spelled the same. */
const SHARED_WORDS: Record<Language, string[]> = {
  en: [],
  fr: [],
  de: ['detail', 'link', 'stand'],
  es: ['personal', 'similar'],
};

const wordsOf = (text: string): string[] => Array.from(text.toLowerCase().matchAll(/\p{L}+/gu), (m) => m[0]);

describe('no English in the other languages', () => {
  const english = LANGUAGE_PACKS.en;
  const englishText = [
    ...ACTIONS.flatMap((a) => [english.templates[a].subject, english.templates[a].body]),
    english.missingPersonalNote,
    english.missingUpdate,
  ].map((t) => t.replace(/\{\{[^}]*\}\}/g, '\n'));
  const englishWords = new Set(englishText.flatMap(wordsOf).filter((w) => w.length >= 3));
  /** Every run of three words of the English wording: its phrases. */
  const englishPhrases = new Set(
    englishText.flatMap((t) => {
      const w = wordsOf(t);
      return w.slice(2).map((_, i) => w.slice(i, i + 3).join(' '));
    }),
  );

  it('the lists are taken from the English wording itself', () => {
    expect(englishWords).toContain('regards');
    expect(englishPhrases).toContain('thank you for');
    expect(englishPhrases.size).toBeGreaterThan(100);
  });

  const drafts = (['fr', 'de', 'es'] as const).flatMap((language) =>
    ACTIONS.flatMap((action) => [
      [language, action, draft(language, action)] as const,
      [
        language,
        action,
        draft(language, action, {
          role: '',
          expectedDate: null,
          appliedDate: null,
          firstName: '',
          personalNote: '',
          update: '',
        }),
      ] as const,
    ]),
  );

  it.each(drafts)('%s %s has no English word or phrase', (language, _action, rendered) => {
    const words = wordsOf(`${rendered.subject}\n${rendered.text}`);
    const english = words.filter((w) => englishWords.has(w) && !SHARED_WORDS[language].includes(w));
    expect(english).toEqual([]);
    const phrases = words.slice(2).map((_, i) => words.slice(i, i + 3).join(' '));
    expect(phrases.filter((p) => englishPhrases.has(p))).toEqual([]);
  });

  it('would catch an English sentence left in a translation', () => {
    const leaked = renderDraft(
      'check-in',
      templateValues('fr', ROWS.fr.facts, TODAY, 'fr_FR'),
      { body: '{{greeting}}\n\nI hope your week is going well.' },
      'fr',
    );
    expect(wordsOf(leaked.text).filter((w) => englishWords.has(w))).toEqual(['hope', 'your', 'week', 'going', 'well']);
  });

  it.each(['fr', 'es'] as const)(
    '%s: no first-person word that would have to agree with the writer’s gender',
    (language) => {
      const gendered =
        language === 'fr'
          ? /\b(ravie?|intéressée?|heureuse|heureux|reconnaissante?|motivée?|confortée?|enthousiaste|prête?)\b/iu
          : /\b(interesad[oa]|encantad[oa]|agradecid[oa]|motivad[oa]|segur[oa]|dispuest[oa])\b/iu;
      for (const action of ACTIONS) {
        const { subject, body } = LANGUAGE_PACKS[language].templates[action];
        expect(`${subject}\n${body}`).not.toMatch(gendered);
      }
    },
  );
});

describe('dates in a draft', () => {
  it.each([
    ['en', 'en_GB', '2026-11-02', 'Monday 2 November'],
    ['en', 'en_US', '2026-11-02', 'Monday, November 2'],
    ['en', 'en_US', '2025-11-03', 'Monday, November 3, 2025'],
    ['en', 'fr_FR', '2026-11-02', 'Monday 2 November'],
    ['en', 'en_AU', '2027-01-04', 'Monday 4 January 2027'],
    ['fr', 'fr_FR', '2026-11-02', 'lundi 2 novembre'],
    ['fr', 'fr_CA', '2026-12-01', 'mardi 1er décembre'],
    ['fr', 'fr_FR', '2027-08-15', 'dimanche 15 août 2027'],
    ['de', 'de_DE', '2026-11-02', 'Montag, 2. November'],
    ['de', 'de_DE', '2026-01-15', 'Donnerstag, 15. Januar'],
    ['de', 'de_AT', '2026-01-15', 'Donnerstag, 15. Jänner'],
    ['de', 'de_CH', '2025-03-01', 'Samstag, 1. März 2025'],
    ['es', 'es_ES', '2026-11-02', 'lunes 2 de noviembre'],
    ['es', 'es_MX', '2026-09-16', 'miércoles 16 de septiembre'],
    ['es', 'es_ES', '2027-02-06', 'sábado 6 de febrero de 2027'],
  ] as const)('%s in %s: %s is "%s"', (language, locale, iso, written) => {
    expect(writeDate(day(iso), language, TODAY, locale)).toBe(written);
  });

  it.each(LANGUAGES)('%s: every weekday and month is written in the language, never another', (language) => {
    const others = LANGUAGES.filter((l) => l !== language);
    for (let d = day('2026-01-01'); d < day('2027-01-01'); d++) {
      const written = writeDate(d, language, TODAY, ROWS[language].locale);
      for (const other of others) {
        const theirs = writeDate(d, other, TODAY, ROWS[other].locale);
        const foreign = wordsOf(theirs).filter((w) => w.length > 3 && wordsOf(written).includes(w));
        // Only month names spelled alike in both languages may be shared (German and English "November").
        expect(foreign.every((w) => ['april', 'august', 'september', 'november'].includes(w))).toBe(true);
      }
    }
  });
});

describe('the language of a spreadsheet locale', () => {
  it.each([
    ['fr_FR', 'fr'],
    ['fr_CA', 'fr'],
    ['fr-BE', 'fr'],
    ['de_AT', 'de'],
    ['de_CH', 'de'],
    ['es_MX', 'es'],
    ['es_419', 'es'],
    ['en_US', 'en'],
    ['en_GB', 'en'],
    ['it_IT', 'en'],
    ['pt_BR', 'en'],
    ['', 'en'],
  ])('%s → %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });
});
