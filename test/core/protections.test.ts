/** The rules that protect the user (docs/RULES.md §2–§3): what each says on the row, and what never happens. */
import fc from 'fast-check';
import { score } from './helpers';

const TODAY = '2026-11-25';

describe('the protections say what to check (docs/RULES.md §2–§3)', () => {
  it('says the thank-you window has passed and the check-in is next', () => {
    const { evaluation } = score({ 'Interview date': '2026-11-20', 'Recruiter email': 'sam@acme.example' }, TODAY);
    expect(evaluation.hints).toContain('The thank-you window has passed; the check-in is next.');
  });

  it('asks for the interview date when the status says interviewing, naming the status', () => {
    const { evaluation } = score({ Status: '📞 Phone Screen', Applied: '2026-11-01' }, TODAY);
    expect(evaluation.problems.map((p) => p.message)).toEqual([
      'Status says "📞 Phone Screen" but there is no interview date: add it to get the thank-you and the check-ins',
    ]);
    expect(evaluation.statusText).toBe('Waiting · add the interview date');
  });

  it('holds a stale follow-up back and says to update or close the row', () => {
    const { evaluation } = score({ Applied: '2026-09-01', 'Recruiter email': 'sam@acme.example' }, TODAY);
    const stale = evaluation.problems.find((p) => p.code === 'stale-follow-up');
    expect(stale).toEqual({
      code: 'stale-follow-up',
      message:
        'The Application check-in has been due since 2026-09-15 (71 days): update the row with what happened since, or close it',
      blocking: true,
    });
  });

  it.each([
    [
      'interview before applied, both typed as text with day ≤ 12',
      { Applied: '10/11/2026', 'Interview date': '05/11/2026' },
      'interview-before-applied',
      'Interview date "05/11/2026" (read as 2026-11-05) is before Applied "10/11/2026" (read as 2026-11-10): check both dates; day and month may be swapped',
    ],
    [
      'applied after today, ISO text',
      { Applied: '2026-12-01' },
      'applied-after-today',
      'Applied 2026-12-01 is after today: check the date',
    ],
    [
      'applied after today, day/month text that could be swapped',
      { Applied: '02/12/2026' },
      'applied-after-today',
      'Applied "02/12/2026" (read as 2026-12-02) is after today: check the date; day and month may be swapped',
    ],
    [
      'a date far ahead, day > 12 so not swappable',
      { 'Interview date': '25/03/2027', 'Personal note': 'x' },
      'far-future-date',
      'Interview date "25/03/2027" (read as 2027-03-25) is more than 60 days ahead: check the date',
    ],
  ])('%s: a blocking problem naming the cell', (_name, cells, code, message) => {
    const { evaluation } = score({ ...cells, 'Recruiter email': 'sam@acme.example' }, TODAY);
    expect(evaluation.problems.filter((p) => p.code === code)).toEqual([{ code, message, blocking: true }]);
  });

  it('never writes to your own address, and says which column to fix', () => {
    const { evaluation } = score(
      { Applied: '2026-11-02', 'Recruiter email': 'me@home.example', 'Interviewer email': 'kim@acme.example' },
      TODAY,
      {},
      { ownAddresses: ['me@home.example'] },
    );
    expect(evaluation.recipient?.email).toBe('kim@acme.example');
    expect(evaluation.problems).toContainEqual({
      code: 'own-address',
      message: `Recruiter email "me@home.example": this is your own address: put the recruiter's email here`,
      blocking: true,
    });
  });
});

const local = fc.stringMatching(/^[a-z][a-z0-9.]{0,8}[a-z0-9]$/).filter((s) => !s.includes('..'));
const domain = fc.constantFrom('home.example', 'gmail.com', 'acme.example');
const address = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);
const decorate = fc.constantFrom(
  (a: string) => a,
  (a: string) => a.toUpperCase(),
  (a: string) => `Me <${a}>`,
  (a: string) => `mailto:${a}`,
  (a: string) => `Email: ${a}`,
);

describe('the own address (property)', () => {
  it('is never the recipient, and a row holding it is never draftable', () => {
    fc.assert(
      fc.property(
        fc.array(address, { minLength: 1, maxLength: 3 }),
        fc.array(address, { maxLength: 2 }),
        decorate,
        fc.constantFrom('Recruiter email', 'Interviewer email'),
        fc.constantFrom('2026-11-02', '2026-11-24'),
        (own, others, dress, column, dated) => {
          const cell = [dress(own[0]!), ...others].join(', ');
          const { evaluation } = score(
            { 'Interview date': dated, [column]: cell, 'Personal note': 'x' },
            TODAY,
            {},
            { ownAddresses: own },
          );
          const mine = new Set(own.map((a) => a.toLowerCase()));
          expect(mine.has(evaluation.recipient?.email.toLowerCase() ?? '')).toBe(false);
          expect(evaluation.problems.some((p) => p.code === 'own-address' && p.blocking)).toBe(true);
        },
      ),
      { seed: 20261125, numRuns: 300 },
    );
  });
});
