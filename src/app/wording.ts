/**
 * The draft of one row: its facts (names, the job, the personal note, dates) handed to the core's wording in the
 * drafts' language (docs/RULES.md §3 `language`, §4). The private Notes column is never read here.
 */
import type { ReadContext } from '../core/cells';
import { firstName } from '../core/contacts';
import type { Application, Evaluation } from '../core/rules';
import type { Settings } from '../core/settings';
import {
  type DraftFacts,
  draftLanguage,
  type RenderedDraft,
  renderDraft,
  templateOverride,
  templateValues,
} from '../core/templates';

/** What a draft may say about a row: every field but the private notes. */
export function draftFacts(app: Application, evaluation: Evaluation, settings: Settings): DraftFacts {
  const name = evaluation.recipient?.name ?? '';
  const promised =
    app.expected !== null && app.interview !== null && app.expected >= app.interview ? app.expected : null;
  return {
    recipientName: name,
    firstName: firstName(name),
    yourName: settings.yourName,
    company: app.company,
    role: app.role,
    personalNote: app.personalNote,
    update: app.update,
    interviewDate: app.interview,
    expectedDate: promised,
    appliedDate: app.applied,
  };
}

/**
 * The draft of a row's due follow-up in the drafts' language, from the user's wording for that language where set,
 * else the built-in one.
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
  const language = draftLanguage(settings.language, ctx.locale);
  const data = templateValues(language, draftFacts(app, evaluation, settings), ctx.today, ctx.locale);
  return renderDraft(action, data, templateOverride(settings, language, action), language);
}
