/**
 * The Settings dialog: every setting of RULES.md §3 and the template overrides, checked as you type with the
 * very code the server uses (src/core/settings.ts), and a live sample draft from the current wording.
 */
import type { SettingsForm } from '../core/pages';
import { parseSettings, type Settings, type TemplateOverride } from '../core/settings';
import { type Action, renderDraft, type TemplateData } from '../core/templates';
import { call, closeDialog, el } from './server';

const NUMBERS: [keyof Settings, string, string][] = [
  [
    'responseWindowDays',
    'Days to wait for a response',
    'When no response date was given, expect one this long after the interview.',
  ],
  [
    'secondFollowUpDays',
    'Days before the second follow-up',
    'Gap between the first check-in and the second follow-up.',
  ],
  ['monthlyIntervalDays', 'Days between monthly check-ins', ''],
  ['maxMonthlyCheckIns', 'Monthly check-ins at most', 'After this many, stop and think about moving on.'],
  ['applicationFollowUpDays', 'Days after applying to check in', '0 turns application check-ins off.'],
  ['dailyHour', 'Hour of the daily drafts (0–23)', 'In the spreadsheet’s time zone.'],
];

const SAMPLE: TemplateData = {
  greeting: 'Hi Sam,',
  firstName: 'Sam',
  recipientName: 'Sam Lee',
  yourName: '',
  company: 'Acme',
  role: 'Data Engineer',
  notes: 'I enjoyed hearing how the team moved its pipelines to streaming.',
  update: 'Since we spoke I published a write-up of my dashboard project: https://example.com/dashboard',
  interviewDate: 'Monday 16 November',
  expectedDate: 'Friday 20 November',
  appliedDate: 'Wednesday 4 November',
};

const form = document.getElementById('form') as HTMLFormElement;
const errorBox = document.getElementById('error')!;
const statusBox = document.getElementById('status')!;
const actionSelect = document.getElementById('action') as HTMLSelectElement;
const subject = document.getElementById('subject') as HTMLInputElement;
const body = document.getElementById('body') as HTMLTextAreaElement;
const sample = document.getElementById('sample')!;
const input = (id: string) => document.getElementById(id) as HTMLInputElement;

let data: SettingsForm | null = null;
const templates: Partial<Record<string, TemplateOverride>> = {};

function show(box: HTMLElement, text: string): void {
  box.textContent = text;
  box.hidden = text === '';
}

function buildNumberFields(): void {
  const container = document.getElementById('numbers')!;
  for (const [key, label, hint] of NUMBERS) {
    const field = el('input', {
      type: 'number',
      id: key,
      name: key,
      inputmode: 'numeric',
      'aria-describedby': `${key}-hint ${key}-message`,
    });
    container.append(
      el(
        'div',
        { class: 'row' },
        el('label', { for: key }, label),
        field,
        el('div', { class: 'hint', id: `${key}-hint` }, hint),
        el('div', { class: 'message', id: `${key}-message` }),
      ),
    );
  }
}

/** The form as settings, typed the way the server reads them. */
function collect(): Record<string, unknown> {
  const values: Record<string, unknown> = {
    yourName: input('yourName').value,
    trackerSheet: input('trackerSheet').value,
    monthlyCheckIns: input('monthlyCheckIns').checked,
    skipWeekends: input('skipWeekends').checked,
  };
  // Numbers go as numbers (so a message reads "it is 25", as for a stored value); anything else as typed.
  for (const [key] of NUMBERS) {
    const field = input(key);
    values[key] = Number.isNaN(field.valueAsNumber) ? field.value : field.valueAsNumber;
  }
  const overrides: Record<string, TemplateOverride> = {};
  for (const [action, t] of Object.entries(templates)) {
    if (t && (t.subject || t.body))
      overrides[action] = { ...(t.subject ? { subject: t.subject } : {}), ...(t.body ? { body: t.body } : {}) };
  }
  values.templates = overrides;
  return values;
}

function fieldFor(setting: string): string {
  const action = actionSelect.value;
  if (setting === `templates.${action}.subject`) return 'subject';
  if (setting === `templates.${action}.body`) return 'body';
  return setting;
}

/** Shows each message beside its field; returns whether everything is valid. */
function validate(): boolean {
  const { errors } = parseSettings(collect());
  for (const message of document.querySelectorAll('.message')) message.textContent = '';
  for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  const unplaced: string[] = [];
  for (const error of errors) {
    const id = fieldFor(error.setting);
    const box = document.getElementById(`${id}-message`);
    if (box) {
      box.textContent = error.message;
      document.getElementById(id)?.setAttribute('aria-invalid', 'true');
    } else unplaced.push(error.message);
  }
  if (!input('yourName').value.trim()) {
    document.getElementById('yourName-message')!.textContent = 'Add your name: nothing is drafted without it.';
  }
  show(errorBox, unplaced.join(' '));
  renderSample();
  return errors.length === 0;
}

function renderSample(): void {
  const action = actionSelect.value as Action;
  const t = templates[action] ?? {};
  try {
    const draft = renderDraft(action, { ...SAMPLE, yourName: input('yourName').value.trim() || 'Your Name' }, t);
    sample.textContent = `Subject: ${draft.subject}\n\n${draft.text}`;
  } catch (error) {
    sample.textContent = `This wording cannot be used yet: ${(error as Error).message}`;
  }
}

function loadTemplateFields(): void {
  const action = actionSelect.value;
  const t = templates[action] ?? {};
  const defaults = data?.defaultTemplates[action];
  subject.value = t.subject ?? '';
  body.value = t.body ?? '';
  subject.placeholder = defaults?.subject ?? '';
  body.placeholder = defaults?.body ?? '';
  validate();
}

function fill(form: SettingsForm): void {
  data = form;
  input('yourName').value = form.values.yourName;
  input('trackerSheet').value = form.values.trackerSheet;
  input('monthlyCheckIns').checked = form.values.monthlyCheckIns;
  input('skipWeekends').checked = form.values.skipWeekends;
  for (const [key] of NUMBERS) input(key).value = String(form.values[key]);
  for (const [action, t] of Object.entries(form.values.templates)) templates[action] = { ...t };
  actionSelect.replaceChildren(...form.actions.map((a) => el('option', { value: a.action }, a.label)));
  document.getElementById('body-hint')!.textContent =
    `Placeholders: ${form.placeholders.map((p) => `{{${p}}}`).join(' ')}. Blank lines make paragraphs; {{#expectedDate}}…{{/expectedDate}} shows text only when there is a value.`;
  loadTemplateFields();
  if (form.errors.length > 0) show(errorBox, form.errors.map((e) => e.message).join(' '));
}

buildNumberFields();
form.addEventListener('input', (event) => {
  const target = event.target as HTMLElement;
  if (target === subject || target === body) {
    templates[actionSelect.value] = { subject: subject.value, body: body.value };
  }
  show(statusBox, '');
  validate();
});
actionSelect.addEventListener('change', loadTemplateFields);
document.getElementById('use-default')!.addEventListener('click', () => {
  delete templates[actionSelect.value];
  loadTemplateFields();
});
document.getElementById('cancel')!.addEventListener('click', () => closeDialog());
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!validate()) {
    show(statusBox, '');
    (form.querySelector('[aria-invalid=true]') as HTMLElement | null)?.focus();
    return;
  }
  const save = document.getElementById('save') as HTMLButtonElement;
  save.disabled = true;
  show(statusBox, 'Saving…');
  try {
    const result = await call('saveSettings', collect());
    show(statusBox, result.ok ? 'Saved.' : '');
    if (!result.ok) show(errorBox, result.errors.map((e) => e.message).join(' '));
  } catch (error) {
    show(statusBox, '');
    show(errorBox, (error as Error).message);
  } finally {
    save.disabled = false;
  }
});

const initial = window.__INITIAL__ as SettingsForm | null | undefined;
if (initial) fill(initial);
else {
  // Opened without its data: load it, and keep Save off until then so an empty form can never be saved.
  const save = document.getElementById('save') as HTMLButtonElement;
  save.disabled = true;
  form.setAttribute('aria-busy', 'true');
  show(statusBox, 'Loading your settings…');
  call('getSettingsForm').then(
    (loaded) => {
      show(statusBox, '');
      fill(loaded);
      form.removeAttribute('aria-busy');
      save.disabled = false;
    },
    (error: Error) => {
      show(statusBox, '');
      show(errorBox, `Your settings could not be loaded: ${error.message}`);
    },
  );
}
