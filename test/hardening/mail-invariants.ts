/**
 * Mail that arrives in the hardening sequences (the `mail` step of mail-steps.ts) and the two invariants about employers' answers
 * (docs/RULES.md §5), checked after every run of the add-on:
 *
 * - **No follow-up drafted after a detected rejection.** Once a rejection for a row has arrived — from one of its
 *   contacts, from a colleague in a thread where the user wrote to a contact, or from a hiring system naming its
 *   company — and the row's outreach dates (interview, applied, last follow-up) have not moved past the rejection's
 *   day since, no run creates a new check-in for that row. The conditions are recomputed from the sheet at check
 *   time, for the row whose Draft cell records the new draft (rows move when sorted, people edit contacts, dates,
 *   companies and Status), and each is a condition under which RULES §5 says the mail is a reply, never more: a
 *   contact is a plain address in the first Recruiter email or Interviewer email column, a company is named only
 *   when it is one of a few plain names the hiring system's sender name and subject spell out in full, and on the
 *   last outreach day a rejection counts only when no mail of the user's came at or after it that day. Thank-you
 *   notes are left out: replies stop check-ins, not thank-you notes (docs/DECISIONS.md), and a draft only in the
 *   journal (a run a fault stopped) is left to the run that records it.
 * - **An acknowledgement alone is never an answer.** A Heard back date a run writes, and a "they replied / looks like
 *   a rejection / reply on <date>" the Follow-up status column newly shows, always name a day on which mail other
 *   than an acknowledgement ("We have received your application") arrived, or an acknowledgement more than two days
 *   after the row's last outreach (read as an answer whose verdict the snippet cut off). That "the application check-in stays
 *   due" is not checked in full: it needs the whole of RULES §3 re-derived over hostile cells, which would not be
 *   exact; an acknowledgement counted as an answer is what would stop it, and that is what this checks.
 *
 * Each was checked by switching the add-on's detection off and seeing the property tests fail; see
 * test/hardening/replies.test.ts for the mutations and what they found.
 */
import type { Emulator } from '../../emulator/emulator';
import { parseAddressList } from '../../emulator/gmail';
import { parseTopHeaders } from '../../emulator/gmail/mime';
import type { StoredMessage } from '../../emulator/gmail/state';
import { cellValue } from '../../emulator/spreadsheet';
import { gridGet } from '../../emulator/spreadsheet/state';
import { fromIso } from '../../src/core/dates';
import { ME } from '../e2e/harness';
import type { MailKind, MailStep } from './mail-steps';
import { dayOf, LABEL, type Layout, rowAddresses, type Snapshot, STRICT_EMAIL, same, sheetOf } from './model';

/** Company names a hiring system's "<Company> Careers" and "Your application to <Company>" plainly name. */
const PLAIN_COMPANIES = new Set(['Acme', 'Ünïcödé GmbH', "O'Reilly & Sons", '🚀 Rocket Inc 👩‍💻', 'padded']);
const HIRING_SENDER = 'no-reply@us.greenhouse-mail.io';
const COLLEAGUE = 'Pat Colleague <pat@talent-partners.example>';

interface Arrival {
  message: StoredMessage;
  kind: MailKind;
  /** The Company cell the hiring system's mail names (trimmed), for a hiring system's mail. */
  company?: string;
}

function fromMe(m: StoredMessage): boolean {
  return m.labelIds.includes('SENT') || m.labelIds.includes('DRAFT') || m.labelIds.includes('SCHEDULED');
}

function addressesOf(m: StoredMessage): string[] {
  return parseTopHeaders(m.raw)
    .filter((h) => ['from', 'to', 'cc'].includes(h.name.toLowerCase()))
    .flatMap((h) => parseAddressList(h.value))
    .map((a) => a.address.toLowerCase());
}

/** A cell's value when it is a plain value (no formula), else undefined. */
function plainValue(em: Emulator, row: number, column: number | undefined): unknown {
  if (column === undefined) return undefined;
  const sheet = sheetOf(em);
  if (gridGet(sheet.cells.formulas, row, column) !== null) return undefined;
  return cellValue(em.state.spreadsheet, sheet, row, column);
}

/** The row's contacts, as few as RULES §2 surely reads: a plain address alone in its first email column. */
function contactsAt(em: Emulator, layout: Layout, row: number): Set<string> {
  const out = new Set<string>();
  for (const key of ['recruiterEmail', 'interviewerEmail'] as const) {
    const v = plainValue(em, row, layout.first.get(key));
    if (typeof v !== 'string') continue;
    const address = v.trim().toLowerCase();
    if (STRICT_EMAIL.test(address)) out.add(address);
  }
  return out;
}

/** The row's last outreach (RULES §5: the latest of the interview, applied and last follow-up dates), or null. */
function lastOutreach(em: Emulator, layout: Layout, row: number, today: number): number | null {
  let latest: number | null = null;
  for (const key of ['interview', 'applied', 'lastFollowUp'] as const) {
    const c = layout.first.get(key);
    if (c === undefined) continue;
    const day = dayOf(cellValue(em.state.spreadsheet, sheetOf(em), row, c), em, today);
    if (day !== null && (latest === null || day > latest)) latest = day;
  }
  return latest;
}

/** The calendar day of an instant in the spreadsheet's zone. */
function dayIn(em: Emulator, ms: number): number {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: em.state.spreadsheet.timeZone }).format(new Date(ms));
  return fromIso(iso)!;
}

/** The mail that arrived in a sequence, and the invariants about it. */
export class MailLedger {
  readonly arrivals: Arrival[] = [];
  /** How many mail steps of each kind delivered a message. */
  readonly delivered: Record<string, number> = {};

  /** Mail arrives for row `row` (1-based data row index into the sheet) as `step.kind` says; skipped when it cannot. */
  arrive(em: Emulator, step: MailStep, row: number, layout: Layout): void {
    const addresses = [...rowAddresses(em, row, layout.width)].filter((a) => STRICT_EMAIL.test(a));
    const now = new Date(em.runtime.now).toISOString();
    const contact = addresses.length > 0 ? addresses[step.pick % addresses.length]! : null;
    const company = plainValue(em, row, layout.first.get('company'));
    const named = typeof company === 'string' && /^[^\p{C}"\\<>@,;:]{1,80}$/u.test(company.trim()) && company.trim();
    const hiring = step.kind === 'hiring-rejection' || (step.kind === 'acknowledgement' && step.pick % 2 === 1);
    let message: StoredMessage | undefined;
    if (hiring) {
      if (!named) return;
      message = this.receive(em, {
        from: `"${named} Careers" <${HIRING_SENDER}>`,
        to: [ME.email],
        date: now,
        subject: step.kind === 'acknowledgement' ? 'We have received your application' : `Your application to ${named}`,
        text:
          step.kind === 'acknowledgement'
            ? `Thank you for applying to ${named}. We will review it shortly.`
            : `Thank you for your interest in ${named}. Unfortunately we will not be moving forward with your application.`,
        labels: ['INBOX'],
      });
    } else if (step.kind === 'colleague-rejection') {
      const threads = em.state.mailbox.messages.filter(
        (m) => m.labelIds.includes('SENT') && addressesOf(m).some((a) => addresses.includes(a)),
      );
      if (threads.length === 0) return;
      message = this.receive(em, {
        from: COLLEAGUE,
        to: [ME.email],
        threadId: threads[step.pick % threads.length]!.threadId,
        date: now,
        subject: 'Re: your application',
        text: 'Unfortunately we have decided not to proceed with your application.',
        labels: ['INBOX'],
      });
    } else {
      if (contact === null) return;
      const text: Record<string, [string, string]> = {
        'auto-reply': ['Automatic reply', 'I am away until Monday.'],
        newsletter: ['Automatic reply', 'I am away until Monday.'],
        rejection: ['Your application', 'We will not be moving forward.'],
        acknowledgement: ['We have received your application', 'Someone will be in touch if there is a match.'],
      };
      const [subject, body] = text[step.kind]!;
      message = this.receive(em, {
        from: `Them <${contact}>`,
        to: [ME.email],
        date: now,
        subject,
        text: body,
        labels: ['INBOX'],
        headers:
          step.kind === 'auto-reply'
            ? { 'Auto-Submitted': 'auto-replied' }
            : step.kind === 'newsletter'
              ? { 'List-Id': '<news.example>', Precedence: 'bulk' }
              : {},
      });
    }
    this.arrivals.push({ message, kind: step.kind, ...(hiring && named ? { company: named } : {}) });
    this.delivered[step.kind] = (this.delivered[step.kind] ?? 0) + 1;
    em.runtime.advance(60_000);
  }

  private receive(em: Emulator, message: Parameters<Emulator['receive']>[0]): StoredMessage {
    em.receive(message);
    return em.state.mailbox.messages[em.state.mailbox.messages.length - 1]!;
  }

  /**
   * After a run: no check-in it drafted follows a rejection that still applies to its row, and no answer it recorded
   * rests on acknowledgements alone (see the top of this file). Returns the first break, or null.
   */
  checkRun(em: Emulator, before: Snapshot, after: Snapshot, today: number): string | null {
    return (
      this.draftAfterRejection(em, before, after, today) ?? this.answerFromAcknowledgement(em, before, after, today)
    );
  }

  private draftAfterRejection(em: Emulator, before: Snapshot, after: Snapshot, today: number): string | null {
    const rejections = this.arrivals.filter((a) => a.kind.endsWith('rejection'));
    const draftColumn = after.layout.first.get('draft');
    if (rejections.length === 0 || draftColumn === undefined) return null;
    const live = new Set(em.state.mailbox.drafts.map((d) => d.id));
    for (let r = 1; r < after.layout.height; r++) {
      const label = LABEL.exec(String(cellValue(em.state.spreadsheet, sheetOf(em), r, draftColumn) ?? ''));
      if (!label || label[1] === 'Thank-you note' || before.drafts.has(label[2]!) || !live.has(label[2]!)) continue;
      const stopped = rejections.find((a) => this.applies(a, em, after.layout, r, today));
      if (stopped) {
        const day = new Date(stopped.message.internalDate).toISOString();
        return `row ${r + 1}: ${label[1]} drafted (${label[2]}) after a ${stopped.kind} (${stopped.message.id}, ${day})`;
      }
    }
    return null;
  }

  /** True when a rejection is, by RULES §5, a reply after the row's last outreach as the sheet stands now. */
  private applies(a: Arrival, em: Emulator, layout: Layout, row: number, today: number): boolean {
    const outreach = lastOutreach(em, layout, row, today);
    const day = dayIn(em, a.message.internalDate);
    if (outreach === null || day < outreach) return false;
    const mine = em.state.mailbox.messages.filter((m) => m.labelIds.includes('SENT'));
    if (
      day === outreach &&
      mine.some((m) => m.internalDate >= a.message.internalDate && dayIn(em, m.internalDate) === day)
    )
      return false;
    const contacts = contactsAt(em, layout, row);
    if (a.kind === 'rejection') return addressesOf(a.message).some((x) => x !== ME.email && contacts.has(x));
    if (a.kind === 'hiring-rejection') {
      const company = plainValue(em, row, layout.first.get('company'));
      return typeof company === 'string' && company.trim() === a.company && PLAIN_COMPANIES.has(a.company);
    }
    return mine.some((m) => m.threadId === a.message.threadId && addressesOf(m).some((x) => contacts.has(x)));
  }

  private answerFromAcknowledgement(em: Emulator, before: Snapshot, after: Snapshot, today: number): string | null {
    const acknowledgements = new Set(
      this.arrivals.filter((a) => a.kind === 'acknowledgement').map((a) => a.message.id),
    );
    if (acknowledgements.size === 0) return null;
    const answerDays = new Set(
      em.state.mailbox.messages
        .filter((m) => !fromMe(m) && !acknowledgements.has(m.id))
        .map((m) => dayIn(em, m.internalDate)),
    );
    const claims: { row: number; day: number; what: string }[] = [];
    const heard = after.layout.first.get('heardBack');
    const status = after.layout.first.get('followUpStatus');
    for (let r = 1; r < after.cells.length; r++) {
      const b = before.cells[r];
      const a = after.cells[r];
      if (heard !== undefined && !same(b?.[heard]?.v ?? null, a?.[heard]?.v ?? null)) {
        const day = dayOf(a?.[heard]?.v, em, today);
        if (day !== null) claims.push({ row: r, day, what: 'Heard back' });
      }
      const text = String(a?.[status ?? -1]?.v ?? '');
      const said = /(?:looks like a rejection on|they replied on|reply on) (\d{4}-\d{2}-\d{2})/.exec(text);
      if (status !== undefined && said && !same(b?.[status]?.v ?? null, a?.[status]?.v ?? null)) {
        claims.push({ row: r, day: fromIso(said[1]!)!, what: `"${text}"` });
      }
    }
    // A receipt more than two days after the row's last outreach is read as an answer the snippet cut off
    // (docs/DECISIONS.md "Replies and the classifier"): it may carry the claim.
    const late = (c: { row: number; day: number }) => {
      const outreach = lastOutreach(em, after.layout, c.row, today);
      return (
        outreach !== null &&
        c.day > outreach + 2 &&
        this.arrivals.some((a) => a.kind === 'acknowledgement' && dayIn(em, a.message.internalDate) === c.day)
      );
    };
    const bad = claims.find((c) => !answerDays.has(c.day) && !late(c));
    return bad ? `row ${bad.row + 1}: ${bad.what} rests on an acknowledgement alone` : null;
  }
}
