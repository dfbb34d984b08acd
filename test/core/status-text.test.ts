/** The Status column's texts (src/core/status-text.ts): made once per distinct text, the same words every time. */
import { statusText } from '../../src/core/status-text';

describe('statusText', () => {
  it.each([
    ['overdue', 1, 'check-in', undefined, 'Overdue · 1 day'],
    ['overdue', 3, 'check-in', undefined, 'Overdue · 3 days'],
    ['overdue', 999, 'thank-you', undefined, 'Overdue · 999 days'],
    ['overdue', 1000, 'check-in', undefined, 'Overdue · 1000 days'],
    ['upcoming', 1, 'thank-you', undefined, 'Upcoming · interview tomorrow'],
    ['upcoming', 4, 'thank-you', undefined, 'Upcoming · interview in 4 days'],
    ['upcoming', 1, 'check-in', undefined, 'Upcoming · tomorrow'],
    ['upcoming', 12, 'check-in', undefined, 'Upcoming · in 12 days'],
    ['upcoming', 4000, 'check-in', undefined, 'Upcoming · in 4000 days'],
    ['waiting', 0, null, 'heard back: update next steps', 'Waiting · heard back: update next steps'],
    ['waiting', 0, null, undefined, 'Waiting'],
    ['due-today', 0, 'check-in', undefined, 'Due today'],
  ] as const)('%s, %p days, %s, %p: %p, the first time and every time after', (status, days, action, reason, text) => {
    for (let i = 0; i < 3; i++) expect(statusText(status, days, action, reason)).toBe(text);
  });

  it('tells apart texts that share a day count', () => {
    expect(statusText('overdue', 5, 'check-in')).toBe('Overdue · 5 days');
    expect(statusText('upcoming', 5, 'check-in')).toBe('Upcoming · in 5 days');
    expect(statusText('upcoming', 5, 'thank-you')).toBe('Upcoming · interview in 5 days');
  });
});
