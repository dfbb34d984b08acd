/**
 * The field check (menu "Field check (for maintainers)"): run once in a real Google account, it confirms what the
 * emulator assumes and Google does not document, and prints what it found (docs/DECISIONS.md "Field check").
 */
import { instantToDate } from '../core/dates';
import { contactQuery, hiringSystemQuery, senderQuery } from '../core/mail';
import { companyDomains, domainOf, HIRING_SYSTEM_DOMAINS } from '../core/mail-senders';
import { contactsOf } from '../core/plan';
import type { FieldProbe, Mailbox } from '../ports';
import type { CommandDeps } from './commands';
import { isAddOnMessageId } from './drafting';
import { runFollowUps } from './followups';
import { errorText, fieldCheck as say } from './messages';

const DAY_SECONDS = 86_400;
/** As many contacts as one of the run's batched queries holds (gmail-sync.ts). */
const QUERY_CONTACTS = 20;

export interface FieldCheckDeps extends CommandDeps {
  fieldProbe: () => FieldProbe | null;
}

/** Runs one step; a step that fails is reported, and the others still run. */
function step(lines: string[], name: string, body: () => string): void {
  try {
    lines.push(body());
  } catch (error) {
    lines.push(say.failed(name, errorText(error)));
  }
}

/** Whether one OR query of many contacts finds what a search per contact finds (Gmail documents no term limit). */
function longQuery(mailbox: Mailbox, contacts: readonly string[], afterSeconds: number): string {
  const found = (addresses: readonly string[]) =>
    new Set(mailbox.search(contactQuery(addresses, afterSeconds)).map((m) => m.id));
  const together = found(contacts);
  const withMail = contacts.map((c) => [c, found([c])] as const).filter(([, ids]) => ids.size > 0);
  if (withMail.length === 0) return say.noContacts;
  const missed = withMail.filter(([, ids]) => [...ids].some((id) => !together.has(id))).map(([c]) => c);
  const terms = contacts.length * 2;
  return missed.length === 0 ? say.queryComplete(withMail.length, terms) : say.queryMissed(terms, missed);
}

/**
 * Whether `from:"domain"` finds every sender at that domain (Gmail documents `from:` with an address or a name):
 * the mail a search per contact address finds must all be in the domain's search. Reads only ids.
 */
function domainQuery(mailbox: Mailbox, contacts: readonly string[], afterSeconds: number): string {
  const ids = (senders: readonly string[]) =>
    new Set(mailbox.search(senderQuery(senders, afterSeconds)).map((m) => m.id));
  const domains = companyDomains(contacts);
  const tested = domains
    .map((d) => ({ d, byAddress: ids(contacts.filter((c) => domainOf(c) === d)) }))
    .filter((t) => t.byAddress.size > 0);
  if (tested.length === 0) return say.noCompanyDomain;
  const missed = tested.filter((t) => {
    const byDomain = ids([t.d]);
    return [...t.byAddress].some((id) => !byDomain.has(id));
  });
  return missed.length === 0 ? say.domainComplete(tested.length) : say.domainMissed(missed.map((t) => t.d));
}

/** Whether a hiring system's domain term finds its mail subdomains too (us.greenhouse-mail.io for greenhouse-mail.io). */
function subdomainQuery(mailbox: Mailbox, afterSeconds: number): string {
  const found = mailbox.search(hiringSystemQuery(HIRING_SYSTEM_DOMAINS, afterSeconds)).slice(0, 20);
  const senders = new Set(
    [...new Set(found.map((m) => m.threadId))].flatMap((t) => mailbox.thread(t).flatMap((m) => m.from.map(domainOf))),
  );
  const sub = [...senders].filter((d) => HIRING_SYSTEM_DOMAINS.some((h) => d.endsWith(`.${h}`)));
  return found.length === 0
    ? say.noHiringMail
    : sub.length > 0
      ? say.subdomainFound(sub)
      : say.subdomainUnknown(found.length);
}

/** The lines of the field check. Creates one draft to the user's own address and deletes it; writes no cell. */
export function runFieldCheck(deps: FieldCheckDeps): string[] {
  const mailbox = deps.mailbox();
  const probe = deps.fieldProbe();
  if (!mailbox) return [say.noGmail];
  if (!probe) return [say.noProbe];
  const now = deps.clock.now();
  const nowSeconds = Math.floor(now / 1000);
  const lines: string[] = [];
  const me = mailbox.myAddress();
  step(lines, 'A new draft', () => {
    const given = `<${now.toString(36)}.fieldcheck.followup@${me.split('@')[1] ?? 'localhost'}>`;
    const got = probe.draftMessageId(me, given);
    return got === given ? say.draftKept(given) : say.draftReplaced(given, got);
  });
  const result = runFollowUps(deps, { kind: 'check' });
  step(lines, 'A sent draft', () => {
    const ids = probe.sentMessageIds(nowSeconds - 90 * DAY_SECONDS, 100);
    const own = ids.filter(isAddOnMessageId).length;
    const since = instantToDate(now, deps.workbook.timeZone) - 90;
    const recorded = result.rows.filter((r) => r.draft?.kind === 'sent' && r.draft.sent >= since).length;
    if (own > 0) return say.sentKept(own, ids.length);
    return recorded > 0 ? say.sentReplaced(recorded, ids.length) : say.sentUnknown(ids.length);
  });
  step(lines, 'A scheduled message', () => {
    const labels = probe.scheduledLabels(5);
    return labels.length === 0 ? say.noScheduled : say.scheduled(labels.length, [...new Set(labels.flat())].sort());
  });
  step(lines, 'A long query', () => {
    const contacts = [...new Set(result.rows.flatMap((r) => contactsOf(r.application)))].slice(0, QUERY_CONTACTS);
    return contacts.length === 0 ? say.noContacts : longQuery(mailbox, contacts, nowSeconds - 180 * DAY_SECONDS);
  });
  step(lines, 'A domain query', () => {
    const contacts = [...new Set(result.rows.flatMap((r) => contactsOf(r.application)))];
    return domainQuery(mailbox, contacts, nowSeconds - 180 * DAY_SECONDS);
  });
  step(lines, 'Hiring-system mail', () => subdomainQuery(mailbox, nowSeconds - 180 * DAY_SECONDS));
  lines.push(say.cleanUp);
  return lines;
}

/** Menu: Field check, shown in an alert. */
export function showFieldCheck(deps: FieldCheckDeps): string[] {
  const lines = runFieldCheck(deps);
  deps.ui?.alert(say.title, lines.join('\n'));
  return lines;
}
