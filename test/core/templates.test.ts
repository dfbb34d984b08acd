/** Draft wording (docs/RULES.md §4), template overrides, settings validation and the Draft cell record. */
import { type DraftRecord, draftCellValue, formatDraftRecord, parseDraftRecord } from '../../src/core/draftcell';
import { parseSettings } from '../../src/core/settings';
import {
  ACTIONS,
  DEFAULT_TEMPLATES,
  MISSING_PERSONAL_NOTE,
  oneLine,
  PLACEHOLDERS,
  render,
  renderDraft,
  type TemplateData,
} from '../../src/core/templates';
import { day } from './helpers';

const data: TemplateData = {
  greeting: 'Hi Sam,',
  firstName: 'Sam',
  recipientName: 'Sam Lee',
  yourName: 'Alex Doe',
  company: 'Acme',
  role: 'Data Engineer',
  position: 'the Data Engineer role',
  personalNote: 'I enjoyed hearing about the move to streaming pipelines.',
  update: 'I shipped a public dashboard: https://example.com/dash',
  interviewDate: 'Monday 16 November',
  expectedDate: 'Friday 20 November',
  appliedDate: 'Wednesday 4 November',
};

describe('renderDraft', () => {
  it('titles the thank-you exactly "<yourName> – Thank you" with an en dash', () => {
    expect(renderDraft('thank-you', data).subject).toBe('Alex Doe \u2013 Thank you');
  });

  it('thanks them for the role at the company, includes the note and signs off', () => {
    const { text } = renderDraft('thank-you', data);
    expect(text).toMatch(/^Hi Sam,\n\n/);
    expect(text).toContain('Data Engineer role at Acme');
    expect(text).toContain(data.personalNote);
    expect(text.trimEnd().endsWith('Alex Doe')).toBe(true);
  });

  it('names the promised date in a check-in only when one was recorded', () => {
    expect(renderDraft('check-in', data).text).toContain('hear back by Friday 20 November');
    const without = renderDraft('check-in', { ...data, expectedDate: '' }).text;
    expect(without).not.toContain('hear back by');
    expect(without).toContain('where things stand with my application for the Data Engineer role at Acme');
  });

  it('carries the update in the second follow-up', () => {
    expect(renderDraft('second-follow-up', data).text).toContain(data.update);
  });

  it('keeps the monthly check-in short', () => {
    const { text } = renderDraft('monthly-check-in', data);
    expect(text.split(/\s+/).length).toBeLessThan(80);
    expect(text).toContain('still very interested');
  });

  it('mentions when the application was sent', () => {
    expect(renderDraft('application-check-in', data).text).toContain('on Wednesday 4 November');
  });

  it('gives every action a text and an HTML body', () => {
    for (const action of ACTIONS) {
      const draft = renderDraft(action, data);
      expect(draft.text.length).toBeGreaterThan(50);
      expect(draft.html).toMatch(/^<div[^>]*><p>Hi Sam,<\/p>/);
    }
  });

  it('escapes every value in the HTML body', () => {
    const hostile = { ...data, company: '<script>alert(1)</script>', personalNote: '"quoted" & <b>bold</b>' };
    const { html, text } = renderDraft('thank-you', hostile);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
    expect(text).toContain('<script>alert(1)</script>');
  });

  it('never lets a line break into the subject', () => {
    const { subject } = renderDraft('check-in', { ...data, role: 'Eng\r\nBcc: evil@example.com', company: 'A\nB' });
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe('Checking in on the Eng Bcc: evil@example.com role at A B');
  });

  it('highlights the placeholder asking for a personal note', () => {
    const { text, html } = renderDraft('thank-you', { ...data, personalNote: MISSING_PERSONAL_NOTE });
    expect(text).toContain(MISSING_PERSONAL_NOTE);
    expect(html).toContain('background:#fff2cc');
  });

  it('uses an override, with its placeholders filled', () => {
    const draft = renderDraft('monthly-check-in', data, {
      subject: 'Hello from {{yourName}}',
      body: 'Dear {{firstName}} at {{company}}',
    });
    expect(draft.subject).toBe('Hello from Alex Doe');
    expect(draft.text).toBe('Dear Sam at Acme\n');
  });

  it('refuses an unknown placeholder by name, never leaving a blank', () => {
    expect(() => renderDraft('check-in', data, { body: 'Hi {{nickname}}' })).toThrow(
      /unknown placeholder \{\{nickname\}\}/,
    );
  });
});

describe('render', () => {
  it('supports sections and inverted sections', () => {
    expect(render('{{#role}}R={{role}}{{/role}}{{^role}}none{{/role}}', { ...data, role: '' })).toBe('none');
    expect(render('{{#role}}R={{role}}{{/role}}{{^role}}none{{/role}}', data)).toBe('R=Data Engineer');
  });

  it('reports an unclosed section', () => {
    expect(() => render('{{#role}} x', data)).toThrow(/never closed; add \{\{\/role\}\}/);
    expect(() => render('x {{/role}}', data)).toThrow(/not opened/);
    expect(() => render(DEFAULT_TEMPLATES['check-in'].body, data)).not.toThrow();
  });

  it('oneLine removes control characters', () => {
    expect(oneLine('a\u0000b\tc\u2028d')).toBe('abc d');
  });
});

describe('parseSettings', () => {
  it('fills defaults', () => {
    const { settings, errors } = parseSettings({});
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({
      responseWindowDays: 7,
      secondFollowUpDays: 7,
      monthlyCheckIns: true,
      dailyHour: 8,
    });
  });

  it('accepts numbers and booleans typed as text', () => {
    const { settings, errors } = parseSettings({ dailyHour: '17', skipWeekends: 'false', yourName: ' Alex Doe ' });
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ dailyHour: 17, skipWeekends: false, yourName: 'Alex Doe' });
  });

  it.each([
    [{ dailyHour: 24 }, 'Hour of the daily drafts (dailyHour) must be a whole number from 0 to 23; it is 24.'],
    [
      { responseWindowDays: 'abc' },
      'Days to wait for a response (responseWindowDays) must be a whole number from 1 to 90; it is "abc".',
    ],
    [{ monthlyCheckIns: 'sometimes' }, 'Monthly check-ins (monthlyCheckIns) must be true or false; it is "sometimes".'],
    [
      { yourName: 'Alex\nBcc: x' },
      'Your name (yourName) must be one line of text, without line breaks or control characters.',
    ],
    [{ colour: 'red' }, expect.stringContaining('There is no setting "colour"')],
    [{ templates: { 'check-in': { body: 'Hi {{nick}}' } } }, expect.stringContaining('unknown placeholder {{nick}}')],
    [
      { templates: { nudge: { body: 'x' } } },
      expect.stringContaining('There is no follow-up "nudge" to word (templates.nudge)'),
    ],
  ])('explains a bad value: %p', (raw, message) => {
    const { errors, settings } = parseSettings(raw);
    expect(errors.map((e) => e.message)).toEqual([message]);
    expect(settings.dailyHour).toBe(8);
  });

  it('keeps a valid template override', () => {
    const { settings } = parseSettings({ templates: { 'check-in': { subject: 'Checking in: {{role}}' } } });
    expect(settings.templates.any?.['check-in']).toEqual({ subject: 'Checking in: {{role}}' });
  });

  it('lists the placeholders in the error', () => {
    const { errors } = parseSettings({ templates: { 'check-in': { subject: '{{x}}' } } });
    for (const p of PLACEHOLDERS) expect(errors[0]!.message).toContain(`{{${p}}}`);
  });
});

describe('Draft cell', () => {
  const records: DraftRecord[] = [
    { kind: 'draft', action: 'check-in', due: day('2026-11-27'), draftId: 'r-123456', made: day('2026-11-27') },
    { kind: 'sent', action: 'thank-you', due: day('2026-11-20'), sent: day('2026-11-21') },
    { kind: 'skipped', action: 'monthly-check-in', due: day('2026-11-20'), until: day('2026-12-01') },
  ];

  it.each(records)('round-trips %p', (record) => {
    expect(parseDraftRecord(formatDraftRecord(record))).toEqual(record);
  });

  it('reads as words', () => {
    expect(formatDraftRecord(records[0]!)).toBe('Check-in · due 2026-11-27 · draft r-123456 made 2026-11-27');
  });

  it('links a live draft with a formula holding only the label and Gmail ids', () => {
    const value = draftCellValue(records[0]!, '18c2f0a1b2');
    expect(value).toBe(
      '=HYPERLINK("https://mail.google.com/mail/#drafts?compose=18c2f0a1b2", "Check-in · due 2026-11-27 · draft r-123456 made 2026-11-27")',
    );
    expect(draftCellValue(records[0]!, 'bad"id')).toBe(formatDraftRecord(records[0]!));
  });

  it.each(['', 'Check-in', 'Check-in · due tomorrow · draft r-1 made 2026-11-27', 42, null])('ignores %p', (text) => {
    expect(parseDraftRecord(text)).toBeNull();
  });
});
