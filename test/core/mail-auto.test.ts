/** isAutoReplySubject: auto-reply subjects in four languages, and real replies that merely mention them. */
import { isAutoReplySubject } from '../../src/core/mail-auto';

describe('isAutoReplySubject', () => {
  test.each([
    ['Automatic reply: Data Analyst role', true],
    ['Auto-Reply: your application', true],
    ['Out of Office: back on Monday', true],
    ['Réponse automatique : absent', true],
    ['Abwesenheitsnotiz: Ihre Bewerbung', true],
    ['Respuesta automática: vacaciones', true],
    ['Re: Data Analyst interview – next steps', false],
    ['Re: Automatic reply settings question', false],
    ['Your interview is out of office hours', false],
  ])('%s → %s', (subject, expected) => {
    expect(isAutoReplySubject(subject)).toBe(expected);
  });
});
