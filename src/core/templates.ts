/**
 * Follow-up wording (RULES.md §4): a subject and a body per action, with `{{placeholders}}` and optional
 * sections (`{{#expectedDate}}…{{/expectedDate}}`, `{{^expectedDate}}…{{/expectedDate}}` for "when empty").
 * One rendered text gives both the plain-text and the HTML body; every value is escaped in the HTML.
 */

export const ACTIONS = [
  'thank-you',
  'check-in',
  'second-follow-up',
  'monthly-check-in',
  'application-check-in',
] as const;
export type Action = (typeof ACTIONS)[number];

/** How the action reads in the sheet (Next follow-up column) and in summaries. */
export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  'thank-you': 'Thank-you note',
  'check-in': 'Check-in',
  'second-follow-up': 'Second follow-up',
  'monthly-check-in': 'Monthly check-in',
  'application-check-in': 'Application check-in',
};

export const PLACEHOLDERS = [
  'greeting',
  'firstName',
  'recipientName',
  'yourName',
  'company',
  'role',
  'notes',
  'update',
  'interviewDate',
  'expectedDate',
  'appliedDate',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type TemplateData = Record<Placeholder, string>;

/** Shown in the draft where the user still has to write something personal. */
export const MISSING_NOTES = '[Add a personal detail from your conversation here, then delete this line]';
export const MISSING_UPDATE = '[Add a recent achievement or a link to a work sample here, then delete this line]';

export interface Template {
  subject: string;
  body: string;
}

export const DEFAULT_TEMPLATES: Readonly<Record<Action, Template>> = {
  'thank-you': {
    subject: '{{yourName}} – Thank you',
    body: [
      '{{greeting}}',
      'Thank you for taking the time to talk with me about the {{role}} role at {{company}}. I came away even more excited about the team and the work, and I would be glad to contribute to it.',
      '{{notes}}',
      'If there is anything else I can share to help with your decision, I would be happy to send it over.',
      'Best wishes,\n{{yourName}}',
    ].join('\n\n'),
  },
  'check-in': {
    subject: 'Checking in on the {{role}} role at {{company}}',
    body: [
      '{{greeting}}',
      'I hope your week is going well. {{#expectedDate}}When we spoke, you mentioned I might hear back by {{expectedDate}}, so I wanted to check in on where things stand with my application for the {{role}} role at {{company}}.{{/expectedDate}}{{^expectedDate}}I wanted to check in on where things stand with my application for the {{role}} role at {{company}}.{{/expectedDate}}',
      'I am still very interested in the position and would be grateful for any update you can share. If more information from me would help, just say the word and I will send it straight away.',
      'Kind regards,\n{{yourName}}',
    ].join('\n\n'),
  },
  'second-follow-up': {
    subject: 'Following up on the {{role}} role at {{company}}',
    body: [
      '{{greeting}}',
      'I am following up once more about the {{role}} role at {{company}}. I know decisions like this take time, and my enthusiasm for the opportunity has only grown.',
      'Since we last spoke, I wanted to share something new that may be useful:',
      '{{update}}',
      'Please let me know if there is anything else I can provide.',
      'Kind regards,\n{{yourName}}',
    ].join('\n\n'),
  },
  'monthly-check-in': {
    subject: 'Still interested in the {{role}} role at {{company}}',
    body: [
      '{{greeting}}',
      'I hope all is well. A quick note to say I am still very interested in the {{role}} role at {{company}}, and I would be glad to hear if anything has moved on, or if a similar opening comes up.',
      'Best wishes,\n{{yourName}}',
    ].join('\n\n'),
  },
  'application-check-in': {
    subject: 'My application for the {{role}} role at {{company}}',
    body: [
      '{{greeting}}',
      'I applied for the {{role}} role at {{company}}{{#appliedDate}} on {{appliedDate}}{{/appliedDate}} and wanted to follow up to make sure my application reached you, and to ask whether there is any news on next steps.',
      'I am very interested in the position and happy to provide anything else you need.',
      'Kind regards,\n{{yourName}}',
    ].join('\n\n'),
  },
};

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const TAG = /\{\{\s*([#^/]?)\s*([A-Za-z][A-Za-z0-9]*)?\s*\}\}/g;

/** Every placeholder or section name a template mentions (including malformed `{{}}` as ''). */
export function placeholdersIn(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(TAG)) names.push(match[2] ?? '');
  return names;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** True when text holds a line break or another control character (never allowed in a header). */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/** Removes line breaks and control characters: what goes into a header must stay one line. */
export function oneLine(text: string): string {
  return text
    .split(/[\r\n\u2028\u2029]+/)
    .join(' ')
    .split('')
    .filter((c) => !hasControlCharacters(c))
    .join('')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * Fills a template. Unknown placeholders and unbalanced sections throw a TemplateError naming them.
 * @example render('Hi {{firstName}}', { ...data, firstName: 'Sam' }) // 'Hi Sam'
 */
export function render(template: string, data: TemplateData): string {
  const open: { name: string; wasSkipping: boolean }[] = [];
  const output: string[] = [];
  let skipping = false;
  let last = 0;
  for (const match of template.matchAll(TAG)) {
    if (!skipping) output.push(template.slice(last, match.index));
    last = (match.index ?? 0) + match[0].length;
    const sigil = match[1] ?? '';
    const name = match[2] ?? '';
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      throw new TemplateError(
        `unknown placeholder {{${sigil}${name}}}; the placeholders are ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}`,
      );
    }
    const present = data[name as Placeholder].trim() !== '';
    if (sigil === '#' || sigil === '^') {
      open.push({ name, wasSkipping: skipping });
      skipping = skipping || (sigil === '#' ? !present : present);
    } else if (sigil === '/') {
      const section = open.pop();
      if (!section || section.name !== name)
        throw new TemplateError(`{{/${name}}} closes a section that was not opened`);
      skipping = section.wasSkipping;
    } else if (!skipping) {
      output.push(data[name as Placeholder]);
    }
  }
  const unclosed = open.pop();
  if (unclosed) throw new TemplateError(`{{#${unclosed.name}}} is never closed; add {{/${unclosed.name}}}`);
  if (!skipping) output.push(template.slice(last));
  return output.join('');
}

/** Checks a template without data; returns the error message or null. */
export function templateProblem(template: string): string | null {
  const blank = Object.fromEntries(PLACEHOLDERS.map((p) => [p, 'x'])) as TemplateData;
  try {
    render(template, blank);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Plain text to HTML: every character escaped, blank lines make paragraphs, single breaks make <br>. */
export function textToHtml(text: string, highlight: readonly string[] = []): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const marked = paragraphs.map((p) => {
    let html = escapeHtml(p);
    for (const h of highlight) {
      const escaped = escapeHtml(h);
      html = html.split(escaped).join(`<span style="background:#fff2cc">${escaped}</span>`);
    }
    return `<p>${html.replace(/\n/g, '<br>')}</p>`;
  });
  return `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5">${marked.join('\n')}</div>`;
}

export interface RenderedDraft {
  subject: string;
  text: string;
  html: string;
}

/** The draft for an action: the user's override where set, else the default wording. */
export function renderDraft(action: Action, data: TemplateData, override: Partial<Template> = {}): RenderedDraft {
  const template = DEFAULT_TEMPLATES[action];
  const safe = Object.fromEntries(
    PLACEHOLDERS.map((p) => [
      p,
      p === 'notes' || p === 'update' ? data[p].replace(/\r\n?/g, '\n').trim() : oneLine(data[p]),
    ]),
  ) as TemplateData;
  const subject = oneLine(render(override.subject || template.subject, safe)).slice(0, 250);
  const text = `${render(override.body || template.body, safe)
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
  return { subject, text, html: textToHtml(text, [MISSING_NOTES, MISSING_UPDATE]) };
}
