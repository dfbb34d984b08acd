/**
 * The personal note and the private notes (docs/RULES.md §1 personalNote and notes, §4 Thank-you): the thank-you
 * quotes the Personal note column, `{{notes}}` in saved wording means that same sentence, and nothing a row's
 * private Notes hold ever reaches a draft, in any language or wording.
 */
import fc from 'fast-check';
import { renderFor } from '../../src/app/wording';
import { matchHeaders } from '../../src/core/columns';
import { evaluate } from '../../src/core/rules';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { LANGUAGE_PACKS, LANGUAGES, placeholderNamed } from '../../src/core/templates';
import { readApplication } from '../../src/core/tracker';
import { cellsOf, context, HEADERS, type RowCells } from './helpers';

const TODAY = '2026-11-25';
const SEED = 20261125;

/** One row per action, as of TODAY (a Wednesday). */
const SCENARIOS: Record<string, RowCells> = {
  'thank-you': { 'Interview date': '2026-11-25', Interviewer: 'Kim Park', 'Interviewer email': 'kim@acme.example' },
  'check-in': {
    'Interview date': '2026-11-16',
    'Expected response': '2026-11-20',
    'Thank-you sent': 'yes',
    Recruiter: 'Sam Lee',
    'Recruiter email': 'sam@acme.example',
  },
  'second-follow-up': {
    'Interview date': '2026-11-02',
    'Thank-you sent': 'yes',
    'Last follow-up': '2026-11-18',
    'Follow-ups sent': 1,
    'Recruiter email': 'sam@acme.example',
  },
  'monthly-check-in': {
    'Interview date': '2026-09-01',
    'Thank-you sent': 'yes',
    'Last follow-up': '2026-10-26',
    'Follow-ups sent': 2,
    'Recruiter email': 'sam@acme.example',
  },
  'application-check-in': { Applied: '2026-11-11', 'Recruiter email': 'sam@acme.example' },
};

/** Reads one row as the add-on does, evaluates it and renders its draft (in the language the settings give). */
function draftOf(cells: RowCells, settings: Partial<Settings> = {}, locale = 'en_GB') {
  const full = { ...DEFAULT_SETTINGS, yourName: 'Casey Park', ...settings };
  const ctx = context(TODAY, 'Europe/London', locale);
  const app = readApplication(cellsOf({ Company: 'Acme', Role: 'Engineer', ...cells }), 2, matchHeaders(HEADERS), ctx);
  const evaluation = evaluate(app, full, ctx.today);
  return { evaluation, draft: renderFor(app, evaluation, full, ctx) };
}

describe('the personal note', () => {
  it('is what the thank-you quotes; the private Notes are not', () => {
    const { draft } = draftOf({
      ...SCENARIOS['thank-you'],
      'Personal note': 'I enjoyed hearing how your team ships every week.',
      Notes: 'Pay is below my floor. Recruiter seemed disorganised.',
    });
    expect(draft.text).toContain('I enjoyed hearing how your team ships every week.');
    expect(draft.text).not.toMatch(/floor|disorganised/);
  });

  it.each(LANGUAGES)(
    '%s: with only private Notes the thank-you keeps its prompt and the row its problem, naming the column',
    (language) => {
      const { draft, evaluation } = draftOf(
        { ...SCENARIOS['thank-you'], Notes: 'They asked about my notice period' },
        { language },
      );
      expect(draft.text).toContain(LANGUAGE_PACKS[language].missingPersonalNote);
      expect(draft.text).not.toContain('notice period');
      expect(evaluation.problems).toContainEqual({
        code: 'missing-notes',
        message:
          'no personal note for the thank-you: write one in the Personal note column (the draft has a placeholder)',
        blocking: false,
      });
    },
  );

  it('{{notes}} in wording saved before the Personal note column means the personal note, never the private notes', () => {
    expect(placeholderNamed('notes')).toBe('personalNote');
    const { draft } = draftOf(
      { ...SCENARIOS['thank-you'], 'Personal note': 'Loved the roadmap talk.', Notes: 'Salary too low' },
      { templates: { any: { 'thank-you': { body: 'Hi {{firstName}},\n\n{{notes}}\n\n{{#notes}}yes{{/notes}}' } } } },
    );
    expect(draft.text).toBe('Hi Kim,\n\nLoved the roadmap talk.\n\nyes\n');
  });

  it.each([
    ['Personal note', 'personalNote'],
    ['Personal reference', 'personalNote'],
    ['Talking points', 'personalNote'],
    ['Thank-you note', 'personalNote'],
    ['Something to mention', 'personalNote'],
    ['Notes', 'notes'],
    ['Interview notes', 'notes'],
    ['Conversation notes', 'notes'],
    ['Comments', 'notes'],
    ['Thank-you note sent', 'thankYou'],
  ])('the header "%s" reads as %s', (header, key) => {
    expect(Object.entries(matchHeaders([header]).columns)).toEqual([[key, 0]]);
  });
});

describe('the private notes never enter a draft (property)', () => {
  it.each(Object.entries(SCENARIOS))('the %s row is due today or overdue with that action', (action, cells) => {
    const { evaluation } = draftOf(cells);
    expect(evaluation).toMatchObject({ action, status: expect.stringMatching(/^(due-today|overdue)$/) });
  });

  // The built-in wording, or the user's wording using every placeholder there is, the old {{notes}} included.
  const everyPlaceholder = {
    subject: '{{yourName}} {{recipientName}} {{role}} {{position}}',
    body: '{{greeting}} {{firstName}} {{company}} {{notes}} {{personalNote}} {{update}} {{interviewDate}} {{expectedDate}} {{appliedDate}}',
  };
  const wording = fc.constantFrom(null, everyPlaceholder);
  const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary', minLength: 1 }));

  it('the draft is the same whatever the Notes hold, in every language, action and wording', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(SCENARIOS)),
        fc.constantFrom(...LANGUAGES),
        wording,
        text,
        fc.option(text, { nil: '' }),
        (action, language, override, notes, personalNote) => {
          const cells = { ...SCENARIOS[action], 'Personal note': personalNote, Update: 'Shipped a dashboard.' };
          const settings: Partial<Settings> = {
            language,
            templates: override ? { [language]: { [action]: override } } : {},
          };
          const without = draftOf(cells, settings).draft;
          const withNotes = draftOf({ ...cells, Notes: notes }, settings).draft;
          expect(withNotes).toEqual(without);
          const marked = draftOf({ ...cells, Notes: `PRIVATE:${notes}` }, settings).draft;
          expect(`${marked.subject}\n${marked.text}\n${marked.html}`).not.toContain('PRIVATE:');
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
