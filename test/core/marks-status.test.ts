/** Yes-marks and statuses read by their words (docs/RULES.md §2). */
import fc from 'fast-check';
import { readYes } from '../../src/core/cells';
import { toIso } from '../../src/core/dates';
import { readStatus, rejectedChoice, type StatusKind } from '../../src/core/status';
import { context } from './helpers';

const ctx = context('2026-11-25', 'America/New_York', 'en_US');

describe('readYes', () => {
  it.each([
    [true, true, undefined],
    ['TRUE', true, undefined],
    ['✓', true, undefined],
    ['✔', true, undefined],
    ['✔️', true, undefined],
    ['✅', true, undefined],
    ['☑', true, undefined],
    ['☑️', true, undefined],
    ['x', true, undefined],
    ['X', true, undefined],
    ['y', true, undefined],
    ['Yes', true, undefined],
    ['Done!', true, undefined],
    ['Thanked', true, undefined],
    ['replied', true, undefined],
    ['Oui', true, undefined],
    ['2026-11-23', true, '2026-11-23'],
    ['Sent 11/23', true, '2026-11-23'],
    ['yes - emailed 11/23', true, '2026-11-23'],
    ['Emailed on Nov 23', true, '2026-11-23'],
    ['✅ 11/23', true, '2026-11-23'],
    ['Done: 23 Nov 2026', true, '2026-11-23'],
    ['sent (by LinkedIn)', true, undefined],
    [false, false, undefined],
    ['', false, undefined],
    ['No', false, undefined],
    ['no - waiting', false, undefined],
    ['not yet', false, undefined],
    ['n', false, undefined],
    ['pending', false, undefined],
    ['yesterday', false, undefined],
    ['to send', false, undefined],
    ['❌', false, undefined],
    [0, false, undefined],
  ])('%p is yes: %p, on %p', (value, yes, iso) => {
    const read = readYes(value, ctx);
    expect({ yes: read.yes, date: read.date === undefined ? undefined : toIso(read.date) }).toEqual({ yes, date: iso });
  });

  it('reads a year-less date in a mark as the one nearest today', () => {
    expect(toIso(readYes('Sent 1/2', ctx).date!)).toBe('2027-01-02');
  });
});

describe('readStatus', () => {
  it.each<[string, StatusKind]>([
    ['Rejected', 'closed'],
    ['❌ Rejected', 'closed'],
    ['Withdrew application', 'closed'],
    ['Withdrawn', 'closed'],
    ['Position filled', 'closed'],
    ['Not moving forward', 'closed'],
    ['Rejection received', 'closed'],
    ['No longer interested', 'closed'],
    ['Not selected', 'closed'],
    ['No offer', 'closed'],
    ['Offer', 'closed'],
    ['Offer accepted!', 'closed'],
    ['Hired', 'closed'],
    ['Declined', 'closed'],
    ['Archived', 'closed'],
    ['Ghosted', 'closed'],
    ['Turned down', 'closed'],
    ['7 - Rejected', 'closed'],
    ['Rejected after final round', 'closed'],
    ['Phone screen', 'interviewing'],
    ['📞 Phone Screen', 'interviewing'],
    ['5 - Technical Round', 'interviewing'],
    ['Onsite scheduled', 'interviewing'],
    ['On-site', 'interviewing'],
    ['Interview', 'interviewing'],
    ['Interviewing', 'interviewing'],
    ['Final round', 'interviewing'],
    ['Panel', 'interviewing'],
    ['Assessment sent', 'interviewing'],
    ['Take-home', 'interviewing'],
    ['Case study', 'interviewing'],
    ['Second round', 'interviewing'],
    ['Screening call', 'interviewing'],
    ['Preparing for the interview', 'interviewing'],
    ['Wishlist', 'not-applied'],
    ['Saved', 'not-applied'],
    ['Bookmarked', 'not-applied'],
    ['Researching', 'not-applied'],
    ['To apply', 'not-applied'],
    ['Not applied', 'not-applied'],
    ['Not yet applied', 'not-applied'],
    ['Preparing', 'not-applied'],
    ['✉️ Applied', 'open'],
    ['1 - Applied', 'open'],
    ['Applied', 'open'],
    ['No interview yet', 'open'],
    ['Offered role? not yet', 'open'],
    ['', 'open'],
  ])('"%s" is %s', (text, kind) => {
    expect(readStatus(text).kind).toBe(kind);
  });

  it('keeps the text as written for messages', () => {
    expect(readStatus('  📞 Phone Screen ')).toEqual({ kind: 'interviewing', text: '📞 Phone Screen' });
  });

  it('reads the same whatever the case, emoji or numbering around the words', () => {
    const words = fc.constantFrom('Rejected', 'Phone screen', 'Wishlist', 'Applied', 'Not moving forward', 'Onsite');
    const decorate = fc.constantFrom(
      (s: string) => s.toUpperCase(),
      (s: string) => s.toLowerCase(),
      (s: string) => `3 - ${s}`,
      (s: string) => `✨ ${s}`,
      (s: string) => `${s} 🎉`,
      (s: string) => `(2) ${s}`,
    );
    fc.assert(
      fc.property(words, decorate, (status, how) => {
        expect(readStatus(how(status)).kind).toBe(readStatus(status).kind);
      }),
      { seed: 20261125 },
    );
  });
});

describe('readStatus in the other built-in languages', () => {
  it.each([
    ['Refusé', 'closed'],
    ['Candidature non retenue', 'closed'],
    ['Offre reçue', 'closed'],
    ['Entretien RH', 'interviewing'],
    ['À postuler', 'not-applied'],
    ['Pas encore postulé', 'not-applied'],
    ['Envoyée', 'open'],
    ['Abgelehnt', 'closed'],
    ['Absage erhalten', 'closed'],
    ['Zurückgezogen', 'closed'],
    ['Vorstellungsgespräch', 'interviewing'],
    ['Merkliste', 'not-applied'],
    ['Noch nicht beworben', 'not-applied'],
    ['Beworben', 'open'],
    ['Rechazada', 'closed'],
    ['No seleccionado', 'closed'],
    ['Entrevista técnica', 'interviewing'],
    ['Por postular', 'not-applied'],
    ['Enviada', 'open'],
    ['Pas refusé', 'open'],
    ['Nicht abgelehnt', 'open'],
  ])('"%s" is %s', (text, kind) => {
    expect(readStatus(text).kind).toBe(kind);
  });

  it("Mark as rejected writes the sheet language's word in a cell that takes any text, and reads it closed", () => {
    expect(rejectedChoice(null, 'fr')).toBe('Refusé');
    expect(rejectedChoice(null, 'de')).toBe('Abgelehnt');
    expect(rejectedChoice(null, 'es')).toBe('Rechazado');
    for (const language of ['en', 'fr', 'de', 'es'] as const) {
      expect(readStatus(rejectedChoice(null, language)).kind).toBe('closed');
    }
    expect(rejectedChoice(['Postulé', 'Entretien', 'Offre', 'Refusée'], 'fr')).toBe('Refusée');
    expect(rejectedChoice(['Beworben', 'Zusage', 'Absage'], 'de')).toBe('Absage');
    // The user's own refusals are never written for the employer's.
    expect(rejectedChoice(['Applied', 'I rejected them', 'Rejected by company'])).toBe('Rejected by company');
    expect(rejectedChoice(['Applied', 'I declined', 'Rejected offer'])).toBeNull();
  });
});

describe('rejectedChoice (what Mark as rejected writes into Status)', () => {
  const WORD = fc.constantFrom('Rejected', 'not rejected', 'Offer', 'Offer declined', 'Closed', 'no offer', 'Applied');
  it.each([
    [null, 'Rejected'],
    [['Applied', 'Interviewing', 'Rejected', 'Not selected'], 'Rejected'],
    [['Applied', 'Not selected', '❌ Rejected'], '❌ Rejected'],
    [['Applied', 'Interviewing', 'Not selected'], 'Not selected'],
    [['Applied', 'Declined by company'], 'Declined by company'],
    [['Applied', 'Not moving forward'], 'Not moving forward'],
    [['Applied', 'Archived', 'Closed'], 'Archived'],
    [['Closed', 'Applied', 'Not selected'], 'Not selected'],
    [['Applied', 'Offer', 'Accepted', 'Withdrawn', 'Hired'], null],
    [['Applied', 'Offer declined', 'Not rejected'], null],
    [['Applied', 'Interviewing'], null],
    [[], null],
  ] as const)('%j → %j', (allowed, expected) => {
    expect(rejectedChoice(allowed)).toBe(expected);
  });

  it('only ever picks a value that readStatus reads as closed', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(WORD, fc.string({ maxLength: 20 })), { maxLength: 6 }), (allowed) => {
        const choice = rejectedChoice(allowed);
        if (choice !== null) {
          expect(allowed).toContain(choice);
          expect(readStatus(choice).kind).toBe('closed');
        }
      }),
    );
  });
});
