/**
 * The template engine of the drafts (docs/RULES.md §4): `{{placeholders}}` and optional sections
 * (`{{#expectedDate}}…{{/expectedDate}}`, `{{^expectedDate}}…{{/expectedDate}}` for "when empty"). One rendered text
 * gives both the plain-text and the HTML body; every value is escaped in the HTML.
 */

import { shortenSubject } from '../mail-subject';

/** The placeholders a template may use, as the Settings dialog lists them. */
export const PLACEHOLDERS = [
  'greeting',
  'firstName',
  'recipientName',
  'yourName',
  'company',
  'role',
  'position',
  'personalNote',
  'update',
  'interviewDate',
  'expectedDate',
  'appliedDate',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * Older names still read in saved wording: `{{notes}}` was the personal reference before the Personal note column
 * existed, so it means the personal note — never the private Notes column, which no placeholder reaches
 * (docs/DECISIONS.md, Languages and the personal note).
 */
export const PLACEHOLDER_ALIASES: Readonly<Record<string, Placeholder>> = { notes: 'personalNote' };

/** The value of every placeholder for one draft; there is deliberately no key for the private notes. */
export type TemplateData = Record<Placeholder, string>;

export interface Template {
  subject: string;
  body: string;
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const TAG = /\{\{\s*([#^/]?)\s*([A-Za-z][A-Za-z0-9]*)?\s*\}\}/g;

/** The placeholder a name in a template stands for (an alias resolved), or null when there is none. */
export function placeholderNamed(name: string): Placeholder | null {
  if ((PLACEHOLDERS as readonly string[]).includes(name)) return name as Placeholder;
  return Object.hasOwn(PLACEHOLDER_ALIASES, name) ? PLACEHOLDER_ALIASES[name]! : null;
}

/** Every placeholder or section name a template mentions (including malformed `{{}}` as ''). */
export function placeholdersIn(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(TAG)) names.push(match[2] ?? '');
  return names;
}

/** "{{greeting}}, {{firstName}}, …": the list that error messages give. */
export function placeholderList(): string {
  return PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');
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
    const placeholder = placeholderNamed(name);
    if (placeholder === null) {
      throw new TemplateError(`unknown placeholder {{${sigil}${name}}}; the placeholders are ${placeholderList()}`);
    }
    const present = data[placeholder].trim() !== '';
    if (sigil === '#' || sigil === '^') {
      open.push({ name, wasSkipping: skipping });
      skipping = skipping || (sigil === '#' ? !present : present);
    } else if (sigil === '/') {
      const section = open.pop();
      if (!section || section.name !== name)
        throw new TemplateError(`{{/${name}}} closes a section that was not opened`);
      skipping = section.wasSkipping;
    } else if (!skipping) {
      output.push(data[placeholder]);
    }
  }
  const unclosed = open.pop();
  if (unclosed) throw new TemplateError(`{{#${unclosed.name}}} is never closed; add {{/${unclosed.name}}}`);
  if (!skipping) output.push(template.slice(last));
  return output.join('');
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

/**
 * A subject and body filled from one row's values: cell text made safe for a header (one line, at most 250
 * characters in the subject), blank runs of lines closed up, and the prompts the user must replace highlighted.
 * @throws TemplateError when the wording has an unknown placeholder or an unbalanced section
 */
export function fillTemplate(template: Template, data: TemplateData, prompts: readonly string[]): RenderedDraft {
  const safe = Object.fromEntries(
    PLACEHOLDERS.map((p) => [
      p,
      p === 'personalNote' || p === 'update' ? data[p].replace(/\r\n?/g, '\n').trim() : oneLine(data[p]),
    ]),
  ) as TemplateData;
  const subject = shortenSubject(oneLine(render(template.subject, safe)));
  const text = `${render(template.body, safe)
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
  return { subject, text, html: textToHtml(text, prompts) };
}
