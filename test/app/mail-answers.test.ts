/** The store of recent answers (src/app/mail-answers.ts): what is read back, what ages out, what fits. */
import {
  ANSWER_SHOWN_DAYS,
  answersValue,
  MAIL_ANSWERS_KEY,
  readAnswers,
  type StoredAnswer,
} from '../../src/app/mail-answers';

const TODAY = 20_800;

describe('the recent answers store', () => {
  it('reads back what it wrote, newest first', () => {
    const answers = new Map<string, StoredAnswer>([
      ['aaaaaa', { kind: 'rejection', day: TODAY - 3, first: TODAY - 5 }],
      ['bbbbbb', { kind: 'invitation', day: TODAY - 1, first: TODAY - 1 }],
    ]);
    const value = answersValue(answers);
    expect(value.startsWith('bbbbbb:i:')).toBe(true);
    expect(readAnswers({ [MAIL_ANSWERS_KEY]: value }, TODAY)).toEqual(answers);
  });

  it(`drops answers older than ${ANSWER_SHOWN_DAYS} days and entries it cannot read`, () => {
    const value = [
      `old:r:${TODAY - ANSWER_SHOWN_DAYS - 1}:${TODAY - 40}`,
      `edge:r:${TODAY - ANSWER_SHOWN_DAYS}:${TODAY - 30}`,
      'bad:x:1:1',
      'half:r',
      ':r:1:1',
      `nan:i:soon:${TODAY}`,
    ].join(';');
    expect([...readAnswers({ [MAIL_ANSWERS_KEY]: value }, TODAY).keys()]).toEqual(['edge']);
    expect(readAnswers({}, TODAY).size).toBe(0);
  });

  it('keeps the value under one property value (9 KB), leaving out the oldest', () => {
    const answers = new Map<string, StoredAnswer>();
    for (let i = 0; i < 2_000; i++)
      answers.set(`p${String(i).padStart(5, '0')}`, { kind: 'rejection', day: TODAY - (i % 30), first: TODAY - 30 });
    const value = answersValue(answers);
    expect(value.length).toBeLessThanOrEqual(8_500);
    const kept = readAnswers({ [MAIL_ANSWERS_KEY]: value }, TODAY);
    const oldestKept = Math.min(...[...kept.values()].map((a) => a.day));
    const left = [...answers].filter(([p]) => !kept.has(p));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every(([, a]) => a.day <= oldestKept)).toBe(true);
  });
});
