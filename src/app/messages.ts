/**
 * Every sentence the add-on shows a person — alerts, toasts, Check setup lines, the sidebar's messages and the daily
 * run's record — each situation worded once, here. (What goes into an email is the templates'; what a row's Follow-up
 * status says is the rules'.)
 */

import type { RunResult } from './followups';
import type { ManagedLayout } from './managed-columns';

/** "1 draft", "2 drafts"; `many` for irregular plurals ("replies"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The message of anything thrown (an Error's message, else its text): how every error reaches a sentence. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "2 drafts were made and kept": what is safe after Gmail stopped a run. */
function madeAndKept(drafted: number): string {
  return `${drafted} draft${drafted === 1 ? ' was' : 's were'} made and kept`;
}

export const BUSY =
  'Another follow-up run (probably the daily one) is working on this sheet right now. Try again in a minute.';

export const GMAIL_OFF =
  'Gmail is not switched on for this script: in the Apps Script editor, add the Gmail API under Services, then run Draft follow-ups again.';

export const NO_NAME = 'Add your name in Follow-ups › Settings… (it signs every draft); nothing was drafted.';

export function noTracker(trackerSheet: string): string {
  return trackerSheet
    ? `There is no sheet named "${trackerSheet}" with a Company header (the trackerSheet setting). Fix the name in Follow-ups › Settings…, or clear it.`
    : 'No tracker sheet found: add a Company header in row 1 of your applications sheet, or use Follow-ups › Set up a tracker sheet.';
}

export function settingProblem(message: string): string {
  return `Settings: ${message}`;
}

/** Why Gmail stopped this run's Gmail work (quota, permission, rate limit, outage); see gmail-gate.ts. */
export const gmailStopped = {
  dailyLimit: (drafted: number) =>
    `Gmail's daily limit was reached after ${plural(drafted, 'draft')}; the rest will be drafted on the next run (tomorrow's daily run, or Draft follow-ups later).`,
  noPermission: (why: string, drafted: number) =>
    `The add-on may not use Gmail any more (${why}); ${madeAndKept(drafted)}. Choose Follow-ups › Draft follow-ups and accept the permissions it asks for.`,
  slowDown: (why: string, drafted: number) =>
    `Gmail asked the add-on to slow down (${why}); ${madeAndKept(drafted)}. The rest will follow on the next run (Draft follow-ups again in a few minutes, or tomorrow's daily run).`,
  notAnswering: (why: string, drafted: number) =>
    `Gmail is not answering properly right now (${why}); ${madeAndKept(drafted)}. The rest will follow on the next run (Draft follow-ups again in a few minutes, or tomorrow's daily run).`,
  failed: (why: string, drafted: number) =>
    `Gmail failed (${why}); ${madeAndKept(drafted)}. Run Draft follow-ups again later.`,
  draftingStopped: (why: string, drafted: number) =>
    `Drafting stopped (${why}); ${madeAndKept(drafted)}. Run Draft follow-ups again in a minute.`,
};

/** The sheet write failed; the drafts are safe in Gmail and in the journal. */
export function notSaved(why: string, drafted: number): string {
  const kept =
    drafted > 0
      ? ` The ${plural(drafted, 'draft')} made in Gmail ${drafted === 1 ? 'is' : 'are'} kept and noted, so the next run records ${drafted === 1 ? 'it' : 'them'} instead of drafting again.`
      : '';
  return `This run's results could not all be saved in the sheet (${why}).${kept} Run Draft follow-ups again in a minute.`;
}

export function leftForNextRun(n: number): string {
  return `${plural(n, 'follow-up')} left for the next run (this one was close to Apps Script's time limit)`;
}

export function recoveredDrafts(n: number): string {
  return `recorded ${plural(n, 'draft')} that an interrupted run had made in Gmail (none was drafted twice)`;
}

export function formulaNotWritten(header: string, sheetRow: number): string {
  return `${header} on row ${sheetRow} holds a formula, so the add-on did not write into it`;
}

export function columnsAdded(headers: readonly string[]): string {
  return `added the column${headers.length === 1 ? '' : 's'} ${headers.join(', ')}`;
}

/**
 * The user's own columns named like the add-on's, left alone (docs/RULES.md §1), said on the run that adds the
 * add-on's own: "your own column Priority is left as it is: the add-on writes its follow-ups in Follow-up priority".
 */
export function userColumnsLeft(layout: Pick<ManagedLayout, 'userColumns' | 'missing'>): string {
  const theirs = layout.userColumns.map((u) => u.header);
  const ours = layout.userColumns.map((u) => layout.missing.find((m) => m.key === u.key)?.header ?? u.header);
  const one = theirs.length === 1;
  return `your own column${one ? '' : 's'} ${listed(theirs)} ${one ? 'is' : 'are'} left as ${one ? 'it is' : 'they are'}: the add-on writes its follow-ups in ${listed(ours)}`;
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A write a protected range refused, read inside notSaved's parentheses. */
export function protectedWrite(headers: readonly string[], firstRow: number, lastRow: number): string {
  const one = headers.length === 1;
  const rows = firstRow === lastRow ? `row ${firstRow}` : `rows ${firstRow}–${lastRow}`;
  return `the column${one ? '' : 's'} ${listed(headers)}, ${rows}, ${one ? 'is' : 'are'} protected: in Data › Protect sheets and ranges, let yourself edit ${one ? 'it' : 'them'} or remove the protection of ${listed(headers)}`;
}

/** Row problems Gmail or a template causes while drafting (shown on the row). */
export const draftProblem = {
  template: (actionLabel: string, why: string) => `the ${actionLabel} template has a mistake: ${why}`,
  refused: (why: string) => `Gmail refused this draft (${why}); check the email address and wording`,
};

/** One line for the toast, e.g. "3 drafts created · 1 row needs an email address". */
export function summaryLine(result: RunResult, drafting: boolean): string {
  const parts: string[] = [];
  const count = (status: string) => result.rows.filter((r) => r.status === status).length;
  if (drafting) parts.push(`${plural(result.drafted, 'draft')} created`);
  else parts.push(`${count('overdue')} overdue`, `${count('due-today')} due today`);
  if (result.replies > 0) parts.push(`${plural(result.replies, 'reply', 'replies')} found`);
  if (result.sentRecorded > 0) parts.push(`${plural(result.sentRecorded, 'sent follow-up')} recorded`);
  const needEmail = result.rows.filter((r) => r.problems.some((p) => p.code === 'no-email')).length;
  if (needEmail > 0) parts.push(`${plural(needEmail, 'row')} ${needEmail === 1 ? 'needs' : 'need'} an email address`);
  const otherProblems = result.rows.filter((r) => r.problems.some((p) => p.code !== 'no-email')).length;
  if (otherProblems > 0) parts.push(`${plural(otherProblems, 'row')} to check (see the notes in Follow-up status)`);
  return parts.join(' · ');
}

/** The toast after a run: the summary, then what is worth knowing. */
export function runToast(result: RunResult, drafting: boolean): string {
  const notes = result.notes.length > 0 ? ` · ${result.notes.join(' · ')}` : '';
  return `${summaryLine(result, drafting)}${notes}`;
}

/** Everything a run has to say in one line (the sidebar's message, the daily run's record). */
export function runAll(result: RunResult): string {
  return [summaryLine(result, true), ...result.notes, ...result.mustAct].join(' · ');
}

export const daily = {
  on: (hour: number, timeZone: string) =>
    `Daily drafts are on: every day between ${hour}:00 and ${hour + 1}:00 (${timeZone}), new follow-ups are drafted in Gmail for you to review.`,
  off: 'Daily drafts are off.',
  alreadyOff: 'Daily drafts were already off.',
  skippedBusy: 'skipped: another run held the sheet',
  failed: (why: string) => `failed: ${why}`,
};

export function trackerAdded(name: string): string {
  return `Added the sheet "${name}" with the tracker's columns and an example row. Replace the example with your applications.`;
}

/** The sidebar's Skip. */
export const skip = {
  chooseLater: (todayIso: string, exampleIso: string) =>
    `Choose a day after today (${todayIso}) to skip to, written like ${exampleIso}.`,
  nothingToSkip: 'That row has no follow-up to skip any more; the list has been refreshed.',
  alreadyDrafted: (company: string, actionLabel: string) =>
    `${company} already has a ${actionLabel} draft in Gmail; delete it there first if you want to skip this follow-up.`,
  done: (company: string, actionLabel: string, untilIso: string) =>
    `${company}: ${actionLabel} skipped until ${untilIso}.`,
};

/** The sidebar's Mark as rejected (docs/DECISIONS.md "Mark as rejected"): each refusal says what to fix. */
export const reject = {
  gone: 'That row is no longer in the tracker as the list showed it (it was edited, sorted away or deleted); the list has been refreshed.',
  noStatusColumn: (company: string) =>
    `The tracker has no Status column, so ${company} could not be marked as rejected: add a column headed Status (then the add-on can write Rejected there), or type the outcome in your own column.`,
  formula: (company: string, sheetRow: number) =>
    `${company}'s Status (row ${sheetRow}) holds a formula, so the add-on did not write into it: change what the formula reads, or replace it with the word Rejected yourself.`,
  noClosedValue: (company: string, allowed: readonly string[]) =>
    `${company}'s Status cell only takes ${allowed.length === 0 ? 'no value at all' : listed(allowed.map((v) => `"${v}"`))} (its data validation), and none of these says the application was turned down: add "Rejected" to the validation's list (Data › Data validation), then press Mark as rejected again.`,
  alreadyClosed: (company: string, status: string) =>
    `${company}'s Status already says "${status}", which closes the application: nothing was changed.`,
  notWritten: (company: string, why: string) => `${company} was not marked as rejected: ${why.replace(/\.+$/, '')}.`,
  validationRefused: (company: string, value: string) =>
    `${company}'s Status cell has a data validation that does not accept the text "${value}" (a checkbox, a date or a number rule, say), so nothing was changed: set the validation to a dropdown that includes "${value}" or to no rule (Data › Data validation), then press Mark as rejected again.`,
  done: (company: string, value: string) =>
    value === 'Rejected' ? `${company} marked as rejected.` : `${company} marked as rejected (Status: ${value}).`,
};

/** Check setup's alert. */
export const setup = {
  title: (ok: boolean) => (ok ? 'Setup looks good' : 'Setup needs attention'),
  tracker: (name: string, applications: number) =>
    `Tracker sheet "${name}" with ${plural(applications, 'application')}.`,
  columnsWorthAdding: (headers: readonly string[]) =>
    `Columns worth adding: ${headers.join(', ')} (the rules and drafts use them).`,
  /** Which header each thing is read from: `reads` pairs like ['the applied date', 'Date Applied']. */
  columnsRead: (reads: readonly (readonly [string, string])[]) =>
    `Reads ${reads.map(([what, header]) => `${what} from "${header}"`).join(', ')}.`,
  /** A key no column is read as, and the sheet's header that looks closest (docs/RULES.md §1). */
  renameOrMap: (what: string, key: string, closest: string, header: string) =>
    `Nothing is read as ${what}: if "${closest}" holds it, rename it to "${header}", or map it in the Column headers setting (columns: {"${key}": "${closest}"}).`,
  signedAs: (name: string) => `Drafts are signed "${name}".`,
  noName: 'Your name is not set: add it in Follow-ups › Settings… (nothing is drafted without it).',
  setting: (key: string, message: string) => `Setting ${key}: ${message}`,
  dailyOff: 'Daily drafts are off (turn them on from the Follow-ups menu if you like).',
  dailyOn: (hour: number) => `Daily drafts are on, between ${hour}:00 and ${hour + 1}:00.`,
  dailyMany: (n: number) => `There are ${n} daily triggers; choose Turn on daily drafts to leave exactly one.`,
  gmailWorks: (address: string) => `Gmail access works (${address}).`,
  gmailFails: (why: string) => `Gmail access failed: ${why}`,
  fieldCheckOffer:
    'For whoever deploys the add-on: Follow-ups › Field check (for maintainers) confirms once, in this account, how Gmail treats drafts, scheduled mail and long searches.',
  lastDaily: (atUtc: string, summary: string) => `Last daily run ${atUtc} UTC: ${summary}`,
};

/** The field check's report (docs/DECISIONS.md "Field check"): one question and its answer per line. */
export const fieldCheck = {
  title: 'Field check (Gmail)',
  noGmail: GMAIL_OFF,
  noProbe: 'The field check needs the advanced Gmail service: add the Gmail API under Services, then run it again.',
  failed: (step: string, error: string) => `• ${step}: could not check (${error}).`,
  draftKept: (id: string) => `✓ A new draft keeps the Message-ID the add-on gives it (${id}).`,
  draftReplaced: (given: string, got: string) =>
    `✗ Gmail replaced a new draft's Message-ID: ${given} became ${got || 'nothing'}.`,
  sentKept: (own: number, read: number) =>
    `✓ ${plural(own, 'sent message')} of the last ${read} kept the Message-ID the add-on gave its draft.`,
  sentReplaced: (recorded: number, read: number) =>
    `✗ ${plural(recorded, 'follow-up')} recorded as sent in the last 90 days, but no sent message kept the add-on's Message-ID (${read} read): Gmail replaces it when a draft is sent.`,
  sentUnknown: (read: number) =>
    `• None of the last ${plural(read, 'sent message')} carries the add-on's Message-ID and the sheet records no sent follow-up in 90 days: send one draft the add-on made, then run the check again.`,
  scheduled: (count: number, labels: readonly string[]) =>
    `✓ ${plural(count, 'scheduled message')} found; the labels they carry: ${labels.join(', ')}.`,
  noScheduled:
    '• No message is scheduled now: schedule one (to yourself, for next week) in Gmail, run the check again, then cancel it.',
  queryComplete: (contacts: number, terms: number) =>
    `✓ One query of ${terms} terms found all the mail a search per contact finds (${plural(contacts, 'contact')} with mail).`,
  queryMissed: (terms: number, missed: readonly string[]) =>
    `✗ One query of ${terms} terms missed mail that a search per contact finds, for: ${missed.join(', ')}.`,
  noContacts: '• The tracker has no contact address with mail in the last 180 days to test a long query with.',
  domainComplete: (domains: number) =>
    `✓ A from:"domain" term found all the mail a search per contact address finds (${plural(domains, 'company domain')}).`,
  domainMissed: (domains: readonly string[]) =>
    `✗ A from:"domain" term missed mail that a search per contact address finds, for: ${domains.join(', ')}.`,
  noCompanyDomain:
    '• No contact at a company domain (not free mail) has mail in the last 180 days to test a domain term with.',
  subdomainFound: (domains: readonly string[]) =>
    `✓ A hiring system's domain term finds its mail subdomains too (${domains.slice(0, 3).join(', ')}).`,
  subdomainUnknown: (messages: number) =>
    `• ${plural(messages, 'hiring-system message')} found, none from a mail subdomain: whether a domain term finds subdomains is still unknown.`,
  noHiringMail:
    '• No mail from a hiring system in the last 180 days: whether a domain term finds its subdomains is still unknown.',
  cleanUp: 'The check made one draft to your own address and deleted it; it sent nothing and changed no cell.',
};
