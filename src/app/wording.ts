/** The values a draft's placeholders take for one row: names, dates in the reader's language, and placeholders. */
import type { ReadContext } from '../core/cells';
import { firstName } from '../core/contacts';
import type { CalendarDate } from '../core/dates';
import type { Application, Evaluation } from '../core/rules';
import type { Settings } from '../core/settings';
import { MISSING_NOTES, MISSING_UPDATE, type RenderedDraft, renderDraft, type TemplateData } from '../core/templates';

const MS_PER_DAY = 86_400_000;

/**
 * A calendar date as people write it in the spreadsheet's language, e.g. "Friday 20 November" (en_GB) or
 * "Friday, November 20" (en_US); the year is added when it is not the current one.
 */
export function humanDate(date: CalendarDate, locale: string, today: CalendarDate): string {
  const tag = locale.replace('_', '-');
  const sameYear = new Date(date * MS_PER_DAY).getUTCFullYear() === new Date(today * MS_PER_DAY).getUTCFullYear();
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
    ...(sameYear ? {} : { year: 'numeric' }),
  };
  try {
    return new Intl.DateTimeFormat(tag, options).format(new Date(date * MS_PER_DAY));
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(new Date(date * MS_PER_DAY));
  }
}

export function templateData(
  app: Application,
  evaluation: Evaluation,
  settings: Settings,
  ctx: ReadContext,
): TemplateData {
  const name = evaluation.recipient?.name ?? '';
  const first = firstName(name);
  const when = (d: CalendarDate | null) => (d === null ? '' : humanDate(d, ctx.locale, ctx.today));
  const promised =
    app.expected !== null && app.interview !== null && app.expected >= app.interview ? app.expected : null;
  return {
    greeting: first ? `Hi ${first},` : 'Hello,',
    firstName: first || 'there',
    recipientName: name,
    yourName: settings.yourName,
    company: app.company,
    role: app.role || 'open',
    notes: app.notes || MISSING_NOTES,
    update: app.update || MISSING_UPDATE,
    interviewDate: when(app.interview),
    expectedDate: when(promised),
    appliedDate: when(app.applied),
  };
}

/**
 * The draft of a row's due follow-up, from the user's wording where set, else the built-in one.
 * @throws TemplateError when the user's wording has a mistake (an unknown placeholder, an unclosed section)
 */
export function renderFor(
  app: Application,
  evaluation: Evaluation,
  settings: Settings,
  ctx: ReadContext,
): RenderedDraft {
  const action = evaluation.action;
  if (action === null) throw new Error('renderFor needs a row with a follow-up');
  return renderDraft(action, templateData(app, evaluation, settings, ctx), settings.templates[action]);
}
