/**
 * The Settings dialog: every setting of docs/RULES.md §3, the drafts' language and the wording per language, checked as
 * you type with the very code the server uses (src/core/settings.ts), and a live sample draft in that language.
 */
import { fromIso } from '../core/dates';
import type { SettingsForm } from '../core/pages';
import { parseSettings, type Settings } from '../core/settings';
import {
  type Action,
  draftLanguage,
  LANGUAGE_PACKS,
  type Language,
  renderDraft,
  type TemplateOverride,
  type TemplateOverrides,
  templateValues,
} from '../core/templates';
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

/** The sample draft's day and dates: a Wednesday, an interview the Monday before, an answer promised by Friday. */
const SAMPLE_TODAY = fromIso('2026-11-25')!;
const SAMPLE_DATES = { interview: '2026-11-16', expected: '2026-11-20', applied: '2026-11-04' };

const form = document.getElementById('form') as HTMLFormElement;
const errorBox = document.getElementById('error')!;
const statusBox = document.getElementById('status')!;
const actionSelect = document.getElementById('action') as HTMLSelectElement;
const languageSelect = document.getElementById('language') as HTMLSelectElement;
const wordingSelect = document.getElementById('wordingLanguage') as HTMLSelectElement;
const subject = document.getElementById('subject') as HTMLInputElement;
const body = document.getElementById('body') as HTMLTextAreaElement;
const sample = document.getElementById('sample')!;
const input = (id: string) => document.getElementById(id) as HTMLInputElement;

let data: SettingsForm | null = null;
const templates: Partial<Record<Language, Partial<Record<Action, TemplateOverride>>>> = {};

const wordingLanguage = () => wordingSelect.value as Language;
const currentAction = () => actionSelect.value as Action;

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
    language: languageSelect.value,
  };
  // Numbers go as numbers (so a message reads "it is 25", as for a stored value); anything else as typed.
  for (const [key] of NUMBERS) {
    const field = input(key);
    values[key] = Number.isNaN(field.valueAsNumber) ? field.value : field.valueAsNumber;
  }
  const overrides: TemplateOverrides = {};
  for (const [language, byAction] of Object.entries(templates) as [Language, Record<Action, TemplateOverride>][]) {
    for (const [action, t] of Object.entries(byAction) as [Action, TemplateOverride][]) {
      if (!t.subject && !t.body) continue;
      const kept = { ...(t.subject ? { subject: t.subject } : {}), ...(t.body ? { body: t.body } : {}) };
      overrides[language] = { ...overrides[language], [action]: kept };
    }
  }
  values.templates = overrides;
  return values;
}

function fieldFor(setting: string): string {
  const where = `templates.${wordingLanguage()}.${currentAction()}`;
  if (setting === `${where}.subject`) return 'subject';
  if (setting === `${where}.body`) return 'body';
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

/** The sample draft in the wording's language: its own sample row, dates written the way it writes them. */
function renderSample(): void {
  const language = wordingLanguage();
  const action = currentAction();
  const row = LANGUAGE_PACKS[language].sample;
  const facts = {
    ...row,
    firstName: row.recipientName.split(' ')[0] ?? '',
    yourName: input('yourName').value.trim() || 'Your Name',
    interviewDate: fromIso(SAMPLE_DATES.interview),
    expectedDate: fromIso(SAMPLE_DATES.expected),
    appliedDate: fromIso(SAMPLE_DATES.applied),
  };
  try {
    const values = templateValues(language, facts, SAMPLE_TODAY, data?.locale ?? 'en_GB');
    const draft = renderDraft(action, values, templates[language]?.[action] ?? {}, language);
    sample.textContent = `Subject: ${draft.subject}\n\n${draft.text}`;
  } catch (error) {
    sample.textContent = `This wording cannot be used yet: ${(error as Error).message}`;
  }
}

function loadTemplateFields(): void {
  const language = wordingLanguage();
  const t = templates[language]?.[currentAction()] ?? {};
  const defaults = data?.defaultTemplates[language][currentAction()];
  subject.value = t.subject ?? '';
  body.value = t.body ?? '';
  subject.placeholder = defaults?.subject ?? '';
  body.placeholder = defaults?.body ?? '';
  validate();
}

/** The wording shown follows the drafts' language whenever that changes. */
function followDraftLanguage(): void {
  if (!data) return;
  wordingSelect.value = draftLanguage(languageSelect.value as Language | '', data.locale);
  loadTemplateFields();
}

function fillLanguages(form: SettingsForm): void {
  const here = form.languages.find((l) => l.language === form.localeLanguage);
  const label = (l: SettingsForm['languages'][number]) =>
    l.name === l.englishName ? l.name : `${l.name} (${l.englishName})`;
  languageSelect.replaceChildren(
    el('option', { value: '' }, `The spreadsheet’s language: ${here ? label(here) : 'English'}`),
    ...form.languages.map((l) => el('option', { value: l.language }, label(l))),
  );
  wordingSelect.replaceChildren(...form.languages.map((l) => el('option', { value: l.language }, label(l))));
  languageSelect.value = form.values.language;
  wordingSelect.value = draftLanguage(form.values.language, form.locale);
}

function fill(form: SettingsForm): void {
  data = form;
  input('yourName').value = form.values.yourName;
  input('trackerSheet').value = form.values.trackerSheet;
  input('monthlyCheckIns').checked = form.values.monthlyCheckIns;
  input('skipWeekends').checked = form.values.skipWeekends;
  for (const [key] of NUMBERS) input(key).value = String(form.values[key]);
  for (const [language, byAction] of Object.entries(form.values.templates)) {
    if (language !== 'any') templates[language as Language] = { ...byAction };
  }
  fillLanguages(form);
  actionSelect.replaceChildren(...form.actions.map((a) => el('option', { value: a.action }, a.label)));
  document.getElementById('body-hint')!.textContent =
    `Placeholders: ${form.placeholders.map((p) => `{{${p}}}`).join(' ')}. {{greeting}} suits a name or none, and {{position}} is the job with its article (“the Data Analyst role”). Blank lines make paragraphs; {{#expectedDate}}…{{/expectedDate}} shows text only when there is a value.`;
  loadTemplateFields();
  if (form.errors.length > 0) show(errorBox, form.errors.map((e) => e.message).join(' '));
}

buildNumberFields();
form.addEventListener('input', (event) => {
  const target = event.target as HTMLElement;
  if (target === subject || target === body) {
    const language = wordingLanguage();
    templates[language] = { ...templates[language], [currentAction()]: { subject: subject.value, body: body.value } };
  }
  show(statusBox, '');
  validate();
});
actionSelect.addEventListener('change', loadTemplateFields);
wordingSelect.addEventListener('change', loadTemplateFields);
languageSelect.addEventListener('change', followDraftLanguage);
document.getElementById('use-default')!.addEventListener('click', () => {
  delete templates[wordingLanguage()]?.[currentAction()];
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
