/** Property tests: the core never throws on any cell, keeps the priority order, and escapes every value. */
import fc from 'fast-check';
import { COLUMN_HEADERS, MANAGED_HEADERS } from '../../src/core/columns';
import { fromIso } from '../../src/core/dates';
import type { Status } from '../../src/core/rules';
import { parseSettings } from '../../src/core/settings';
import { ACTIONS, PLACEHOLDERS, renderDraft, type TemplateData } from '../../src/core/templates';
import { scoreTracker } from '../../src/core/tracker';

const SEED = 20261125;
const TODAY = fromIso('2026-11-25')!;

const anyHeader = fc.oneof(
  fc.constantFrom(...Object.values(COLUMN_HEADERS).flat(), ...Object.values(MANAGED_HEADERS)),
  fc.string(),
);

const dateText = fc
  .tuple(fc.integer({ min: 2025, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const anyCell = fc.oneof(
  fc.constant(''),
  fc.constant('   '),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    'yes',
    'x',
    '✓',
    'TRUE',
    'Friday',
    'end of next week',
    '=1+1',
    '<b>hi</b>',
    'Rejected',
    'sam@acme.example',
  ),
  dateText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
  fc.constant(undefined),
);

const zones = fc.constantFrom('Europe/London', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC');
const locales = fc.constantFrom('en_US', 'en_GB', 'de_DE', 'fr_FR');

describe('scoreTracker (property)', () => {
  it('never throws on arbitrary headers and cells', () => {
    fc.assert(
      fc.property(
        fc.array(anyHeader, { minLength: 1, maxLength: 20 }),
        fc.array(fc.array(anyCell, { maxLength: 22 }), { maxLength: 8 }),
        zones,
        locales,
        fc.integer({ min: TODAY - 400, max: TODAY + 400 }),
        (headers, rows, timeZone, locale, today) => {
          const scored = scoreTracker(
            [['Company', ...headers], ...rows.map((r) => ['Acme', ...r])],
            parseSettings({}).settings,
            {
              timeZone,
              locale,
              today,
            },
          );
          for (const { evaluation } of scored.rows) {
            expect(evaluation.priority).toBeGreaterThanOrEqual(0);
            expect(evaluation.priority).toBeLessThanOrEqual(100);
            expect(['waiting', 'closed', 'not-applied'].includes(evaluation.status)).toBe(evaluation.action === null);
          }
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });
});

const RANK: Record<Status, number> = {
  overdue: 4,
  'due-today': 3,
  upcoming: 2,
  scheduled: 1.5,
  waiting: 1,
  'not-applied': 0,
  closed: 0,
};

describe('priority (property)', () => {
  const row = fc.record({
    Status: fc.constantFrom('', 'Interviewing', 'Rejected'),
    Applied: fc.option(dateText, { nil: '' }),
    'Interview date': fc.option(dateText, { nil: '' }),
    'Expected response': fc.option(dateText, { nil: '' }),
    'Thank-you sent': fc.constantFrom('', 'yes'),
    'Last follow-up': fc.option(dateText, { nil: '' }),
    'Follow-ups sent': fc.integer({ min: 0, max: 6 }),
    'Heard back': fc.constantFrom('', ''),
  });

  it('orders rows as docs/RULES.md §3 says', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 12 }), (rows) => {
        const headers = ['Company', ...Object.keys(rows[0]!)];
        const values = [headers, ...rows.map((r) => ['Acme', ...Object.values(r)])];
        const scored = scoreTracker(values, parseSettings({}).settings, {
          timeZone: 'UTC',
          locale: 'en_GB',
          today: TODAY,
        });
        const evals = scored.rows.map((r) => r.evaluation);
        for (const a of evals) {
          for (const b of evals) {
            if (RANK[a.status] > RANK[b.status]) expect(a.priority).toBeGreaterThan(b.priority);
            if (a.status === 'overdue' && b.status === 'overdue') {
              if (a.action === 'thank-you' && b.action !== 'thank-you') expect(a.priority).toBeGreaterThan(b.priority);
              const aDays = TODAY - a.due!;
              const bDays = TODAY - b.due!;
              const cap = b.action === 'thank-you' ? 10 : 29;
              if ((a.action === 'thank-you') === (b.action === 'thank-you') && aDays > bDays && bDays < cap) {
                expect(a.priority).toBeGreaterThan(b.priority);
              }
            }
            if (a.status === 'upcoming' && b.status === 'upcoming' && a.due! < b.due! && a.due! - TODAY < 20) {
              expect(a.priority).toBeGreaterThan(b.priority);
            }
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('renderDraft (property)', () => {
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom('<', '>', '&', '"', "'", '\r\n', '\n', '\r'),
  );
  const templateData = fc.record(
    Object.fromEntries(
      PLACEHOLDERS.map((p) => [p, fc.array(value, { maxLength: 4 }).map((parts) => parts.join(''))]),
    ) as Record<keyof TemplateData, fc.Arbitrary<string>>,
  );

  it('escapes every value in HTML and keeps the subject on one line', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), templateData, (action, data) => {
        const draft = renderDraft(action, data);
        expect(draft.subject).not.toMatch(/[\r\n]/);
        const htmlText = draft.html.replace(/<\/?(?:div|p|span)[^>]*>|<br>/g, '');
        expect(htmlText).not.toMatch(/[<>"']/);
        expect(htmlText.replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
