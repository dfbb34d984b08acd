/**
 * The languages drafts are written in (docs/RULES.md §3 `language`, §4 Language): what each one supplies — its
 * built-in wording, greeting, job phrase, prompts and the way it writes a date — and how a locale picks one.
 */
import type { Action } from './actions';
import type { Template } from './render';

export const LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A calendar date taken apart for writing: weekday 0 = Sunday … 6 = Saturday, month 1–12, year null when current. */
export interface DateParts {
  weekday: number;
  day: number;
  month: number;
  year: number | null;
}

/** What a language gives the drafts; every sentence here is the language's own, written natively. */
export interface LanguagePack {
  language: Language;
  /** The language's own name ("Français"). */
  name: string;
  /** Its name in English ("French"), for the English pages. */
  englishName: string;
  templates: Readonly<Record<Action, Template>>;
  /** The opening line, from the recipient's first name ('' when the row names nobody). */
  greeting(firstName: string): string;
  /** The job as a noun phrase that can follow a preposition: "the Data Analyst role", "le poste d'analyste". */
  position(role: string): string;
  /** `{{role}}` for a row without one: English keeps v1's "open"; elsewhere blank, so sections decide. */
  roleFallback: string;
  /** `{{firstName}}` for a row without a name: English keeps v1's "there"; elsewhere blank. */
  firstNameFallback: string;
  /** Shown, highlighted, where the user still has to write the personal reference. */
  missingPersonalNote: string;
  /** Shown, highlighted, where the user still has to add news for the second follow-up. */
  missingUpdate: string;
  /** A date as the language writes it in a sentence; the locale only matters where a language has variants. */
  date(parts: DateParts, locale: string): string;
  /** The Settings dialog's sample row, in this language. */
  sample: { recipientName: string; company: string; role: string; personalNote: string; update: string };
}

/**
 * The built-in language of a spreadsheet locale (`fr_FR`, `fr_CA`, `de_AT`, `es_419` → fr, fr, de, es), else English.
 * @example languageOfLocale('es_MX') // 'es'
 */
export function languageOfLocale(locale: string): Language {
  const base = locale.trim().toLowerCase().split(/[_-]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** The language drafts are written in: the `language` setting when set, else the spreadsheet locale's. */
export function draftLanguage(setting: Language | '', locale: string): Language {
  return setting === '' ? languageOfLocale(locale) : setting;
}
