/** shortenSubject and fitReferences: limits met without splitting a word, a character or a References id. */
import fc from 'fast-check';
import { fitReferences, REFERENCES_MAX, shortenSubject } from '../../src/core/mail-subject';

describe('shortenSubject', () => {
  test.each([
    ['short stays whole', 'Thank you for the interview', 250, 'Thank you for the interview'],
    ['cut on the last space', 'Follow-up on the Senior Engineer role', 20, 'Follow-up on the…'],
    ['no space: cut before an emoji pair', `${'a'.repeat(8)}😀😀`, 10, `${'a'.repeat(8)}…`],
    ['never splits a ZWJ family', `${'b'.repeat(5)}👩‍👩‍👧`, 9, `${'b'.repeat(5)}…`],
    ['keeps a combining accent with its letter', `${'c'.repeat(6)}e\u0301e\u0301`, 8, `${'c'.repeat(6)}…`],
  ])('%s', (_name, subject, max, expected) => {
    expect(shortenSubject(subject, max)).toBe(expected);
  });

  test('never longer than max and never a lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 2, max: 300 }), (s, max) => {
        const out = shortenSubject(s, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
    );
  });
});

describe('fitReferences', () => {
  const id = (n: number) => `<message-${n}-${'x'.repeat(40)}@mail.gmail.com>`;
  test('short lists stay whole', () => {
    expect(fitReferences([id(1), id(2)])).toBe(`${id(1)} ${id(2)}`);
  });
  test('a long list keeps the root and the newest ids within the line limit', () => {
    const ids = Array.from({ length: 60 }, (_, i) => id(i));
    const line = fitReferences(ids);
    expect(line.length).toBeLessThanOrEqual(REFERENCES_MAX);
    expect(line.startsWith(id(0))).toBe(true);
    expect(line.endsWith(id(59))).toBe(true);
  });
});
