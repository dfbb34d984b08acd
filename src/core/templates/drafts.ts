/**
 * A draft in a language (docs/RULES.md §4): the placeholders' values for one row — names, the job, dates written the
 * way that language writes them, the prompts where the user still has to write — and the draft rendered from the
 * user's wording or the language's built-in wording.
 */
import { type CalendarDate, dayOfWeek, toYmd } from '../dates';
import type { Action } from './actions';
import { GERMAN } from './de';
import { ENGLISH } from './en';
import { SPANISH } from './es';
import { FRENCH } from './fr';
import type { Language, LanguagePack } from './language';
import { fillTemplate, type RenderedDraft, type Template, type TemplateData } from './render';

export const LANGUAGE_PACKS: Readonly<Record<Language, LanguagePack>> = {
  en: ENGLISH,
  fr: FRENCH,
  de: GERMAN,
  es: SPANISH,
};

/** The built-in wording of every action in one language. */
export function builtInTemplates(language: Language): Readonly<Record<Action, Template>> {
  return LANGUAGE_PACKS[language].templates;
}

/** The English built-in wording (the wording before languages existed, still the default for English). */
export const DEFAULT_TEMPLATES: Readonly<Record<Action, Template>> = ENGLISH.templates;
export const MISSING_PERSONAL_NOTE = ENGLISH.missingPersonalNote;
export const MISSING_UPDATE = ENGLISH.missingUpdate;

/** Every prompt of every language: the only text a draft's HTML highlights. */
export const PROMPTS: readonly string[] = Object.values(LANGUAGE_PACKS).flatMap((p) => [
  p.missingPersonalNote,
  p.missingUpdate,
]);

/**
 * A calendar date as a sentence in that language writes it, the year added only when it is not today's year.
 * @example writeDate(fromIso('2026-11-02')!, 'fr', fromIso('2026-11-25')!, 'fr_FR') // 'lundi 2 novembre'
 */
export function writeDate(date: CalendarDate, language: Language, today: CalendarDate, locale: string): string {
  const { year, month, day } = toYmd(date);
  const sameYear = year === toYmd(today).year;
  return LANGUAGE_PACKS[language].date({ weekday: dayOfWeek(date), day, month, year: sameYear ? null : year }, locale);
}

/** What a draft says about one row, before any wording: cell text as read, dates as calendar days. */
export interface DraftFacts {
  /** The recipient's name as the sheet has it, and the first name read from it ('' for none). */
  recipientName: string;
  firstName: string;
  yourName: string;
  company: string;
  role: string;
  personalNote: string;
  update: string;
  interviewDate: CalendarDate | null;
  /** Only a response date they promised (on or after the interview). */
  expectedDate: CalendarDate | null;
  appliedDate: CalendarDate | null;
}

/** The placeholders' values for one row in one language; the private notes are not an input, so never an output. */
export function templateValues(
  language: Language,
  facts: DraftFacts,
  today: CalendarDate,
  locale: string,
): TemplateData {
  const pack = LANGUAGE_PACKS[language];
  const when = (d: CalendarDate | null) => (d === null ? '' : writeDate(d, language, today, locale));
  return {
    greeting: pack.greeting(facts.firstName),
    firstName: facts.firstName || pack.firstNameFallback,
    recipientName: facts.recipientName,
    yourName: facts.yourName,
    company: facts.company,
    role: facts.role || pack.roleFallback,
    position: pack.position(facts.role),
    personalNote: facts.personalNote.trim() === '' ? pack.missingPersonalNote : facts.personalNote,
    update: facts.update.trim() === '' ? pack.missingUpdate : facts.update,
    interviewDate: when(facts.interviewDate),
    expectedDate: when(facts.expectedDate),
    appliedDate: when(facts.appliedDate),
  };
}

/**
 * The draft for an action in a language: the user's override where it sets a subject or body, else that language's
 * built-in wording.
 * @throws TemplateError when the override has an unknown placeholder or an unbalanced section
 */
export function renderDraft(
  action: Action,
  data: TemplateData,
  override: Partial<Template> = {},
  language: Language = 'en',
): RenderedDraft {
  const builtIn = LANGUAGE_PACKS[language].templates[action];
  const template = { subject: override.subject || builtIn.subject, body: override.body || builtIn.body };
  return fillTemplate(template, data, PROMPTS);
}
