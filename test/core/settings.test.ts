/** The settings RULES v2 adds (docs/RULES.md §3): the thank-you window, stale follow-ups and the column headers. */
import { parseSettings } from '../../src/core/settings';

describe('parseSettings › RULES v2 settings', () => {
  it('defaults the thank-you window to 2 days, stale follow-ups to 45 days and the columns to none', () => {
    const { settings, errors } = parseSettings({});
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ thankYouWindowDays: 2, staleAfterDays: 45, columns: {} });
  });

  it('keeps valid values, headers trimmed and a blank header meaning no column', () => {
    const { settings, errors } = parseSettings({
      thankYouWindowDays: '0',
      staleAfterDays: 365,
      columns: { applied: ' Date Applied ', notes: '' },
    });
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ thankYouWindowDays: 0, staleAfterDays: 365 });
    expect(settings.columns).toEqual({ applied: 'Date Applied', notes: '' });
  });

  it.each([
    [
      { thankYouWindowDays: 15 },
      'thankYouWindowDays',
      'Days after the interview to send a thank-you (thankYouWindowDays) must be a whole number from 0 to 14; it is 15.',
    ],
    [
      { staleAfterDays: 0 },
      'staleAfterDays',
      'Days overdue before a follow-up is left to you (staleAfterDays) must be a whole number from 1 to 365; it is 0.',
    ],
    [
      { columns: 'Date Applied' },
      'columns',
      'Column headers (columns) must name a header for each column, such as {"applied": "Date Applied"}; it is "Date Applied".',
    ],
    [
      { columns: { appliedOn: 'Date Applied' } },
      'columns.appliedOn',
      expect.stringContaining(
        'There is no column "appliedOn" to map (columns.appliedOn); the columns are company, role,',
      ),
    ],
    [
      { columns: { applied: 'Date\nApplied' } },
      'columns.applied',
      'The header for the applied date (columns.applied) must be one line of text of at most 100 characters, or blank for none; it is "Date\nApplied".',
    ],
    [
      { columns: { applied: 3 } },
      'columns.applied',
      'The header for the applied date (columns.applied) must be one line of text of at most 100 characters, or blank for none; it is 3.',
    ],
    [
      { columns: { applied: 'When', interview: 'when?' } },
      'columns.interview',
      'The header for the interview date (columns.interview) is "when?", the header already chosen for the applied date: one column holds one thing.',
    ],
  ])('explains a bad value: %p', (raw, setting, message) => {
    const { errors } = parseSettings(raw);
    expect(errors).toEqual([{ setting, message }]);
  });

  it('replaces a bad value by its default and keeps the good ones', () => {
    const { settings } = parseSettings({ staleAfterDays: 'soon', columns: { applied: 'When', bogus: 'x' } });
    expect(settings.staleAfterDays).toBe(45);
    expect(settings.columns).toEqual({ applied: 'When' });
  });
});
