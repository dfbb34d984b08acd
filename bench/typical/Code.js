/**
 * The benchmark's typical script: job-application follow-ups written the way the better public Apps Script
 * snippets are. One getDataRange().getValues() reads the sheet; each open row's contact is searched in Gmail
 * once; each row's status and Drafted marker are written with one setValues per row; the Drafted column is the
 * guard against a second draft. It does the add-on's job in outline (thank-you, check-in, second and monthly
 * follow-ups, application check-ins; a reply stops the follow-ups; drafts only, never sends), without threading
 * replies. It is real Apps Script code that the emulator runs from this folder (bench/jobs.ts); not part of the
 * add-on.
 */

const SHEET_NAME = 'Applications';
// Columns (0-based in the values grid), as in examples/sample-tracker.csv; the script adds Follow-up status and
// Drafted after the user's columns.
const COL = {
  company: 0,
  role: 1,
  status: 2,
  applied: 3,
  interview: 4,
  expected: 5,
  recruiter: 6,
  recruiterEmail: 7,
  interviewer: 8,
  interviewerEmail: 9,
  thankYou: 10,
  lastFollowUp: 11,
  followUps: 12,
  heardBack: 13,
  notes: 14,
  update: 15,
  followUpStatus: 17,
  drafted: 18,
};
const YOUR_NAME = 'Alex Doe';
const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSED = /^(offer|accepted|hired|rejected|declined|withdrawn|closed|not selected|no offer|archived)\b/i;

/** Menu item: check every open row for a reply, write its status, and draft what is due. */
// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point; the runtime calls it by name.
function draftFollowUps() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(SHEET_NAME);
  const tz = ss.getSpreadsheetTimeZone();
  const today = dayOf(new Date(), tz);
  const values = sheet.getDataRange().getValues();
  if (values[0].length <= COL.followUpStatus || values[0][COL.followUpStatus] === '') {
    sheet.getRange(1, COL.followUpStatus + 1, 1, 2).setValues([['Follow-up status', 'Drafted']]);
  }
  let drafted = 0;
  for (let i = 1; i < values.length; i++) {
    const r = values[i];
    if (r[COL.company] === '') continue;
    const row = i + 1;
    if (CLOSED.test(String(r[COL.status]).trim())) {
      sheet.getRange(row, COL.followUpStatus + 1).setValue('Closed');
      continue;
    }
    const applied = dayOf(r[COL.applied], tz);
    const interview = dayOf(r[COL.interview], tz);
    const lastFollowUp = dayOf(r[COL.lastFollowUp], tz);
    const recruiterEmail = String(r[COL.recruiterEmail]).trim();
    const interviewerEmail = String(r[COL.interviewerEmail]).trim();
    let heardBack = r[COL.heardBack];

    // Has the contact written since we last reached out? One Gmail search per row.
    const contact = recruiterEmail || interviewerEmail;
    if (contact && heardBack === '') {
      const after = Math.floor(((Math.max(applied, interview, lastFollowUp) + 1) * DAY_MS) / 1000);
      const found = Gmail.Users.Messages.list('me', { q: `from:${contact} after:${after}`, maxResults: 1 });
      if (found.messages && found.messages.length > 0) {
        heardBack = 'yes';
        sheet.getRange(row, COL.heardBack + 1).setValue('yes');
      }
    }
    const next = nextFollowUp({
      interview,
      applied,
      expected: dayOf(r[COL.expected], tz),
      thankYou: r[COL.thankYou],
      lastFollowUp,
      followUps: Number(r[COL.followUps]) || 0,
      heardBack,
    });
    const label = statusLabel(next, today);
    const marker = next && next.due <= today ? `${next.action} ${isoOf(next.due)}` : '';
    let drafts = String(r[COL.drafted] === undefined ? '' : r[COL.drafted]);
    if (marker && drafts !== marker) {
      const thanks = next.action === 'Thank-you note';
      const to = thanks ? interviewerEmail || recruiterEmail : recruiterEmail || interviewerEmail;
      if (to) {
        const firstName = String(thanks && interviewerEmail ? r[COL.interviewer] : r[COL.recruiter]).split(' ')[0];
        const mail = compose(next.action, firstName, r[COL.company], r[COL.role], r[COL.notes], r[COL.update]);
        createDraft(to, mail.subject, mail.body);
        drafted++;
        drafts = marker;
      }
    }
    sheet.getRange(row, COL.followUpStatus + 1, 1, 2).setValues([[label, drafts]]);
  }
  ss.toast(`${drafted} drafts created`, 'Follow-ups');
}

function statusLabel(next, today) {
  if (!next) return 'Waiting';
  if (next.due < today) return `Overdue · ${next.action}`;
  if (next.due === today) return `Due today · ${next.action}`;
  return `Upcoming · ${next.action}`;
}

/** The next follow-up of a row: { action, due } (day numbers), or null. */
function nextFollowUp(r) {
  if (r.interview) {
    if (r.thankYou === '' || r.thankYou === false) return { action: 'Thank-you note', due: r.interview };
    if (r.heardBack !== '') return null;
    const sent = r.lastFollowUp && r.lastFollowUp < r.interview ? 0 : r.followUps;
    if (sent === 0) return { action: 'Check-in', due: monday((r.expected || r.interview + 7) + 1) };
    if (sent === 1) return { action: 'Second follow-up', due: monday(r.lastFollowUp + 7) };
    if (sent < 5) return { action: 'Monthly check-in', due: monday(r.lastFollowUp + 30) };
    return null;
  }
  if (r.applied && r.heardBack === '' && !r.lastFollowUp) {
    return { action: 'Application check-in', due: monday(r.applied + 14) };
  }
  return null;
}

/** The day number (days since 1970-01-01) of a date cell in the sheet's zone, or 0. */
function dayOf(value, tz) {
  if (!(value instanceof Date)) return 0;
  const parts = Utilities.formatDate(value, tz, 'yyyy-MM-dd').split('-');
  return Date.UTC(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2])) / DAY_MS;
}

function isoOf(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Saturday and Sunday move to Monday. */
function monday(day) {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
  if (weekday === 6) return day + 2;
  if (weekday === 0) return day + 1;
  return day;
}

function compose(action, firstName, company, role, notes, update) {
  const hello = `Hi ${firstName || 'there'},\n\n`;
  const bye = `\n\nBest regards,\n${YOUR_NAME}`;
  if (action === 'Thank-you note') {
    const personal = notes ? `I especially enjoyed: ${notes}. ` : '';
    return {
      subject: `${YOUR_NAME} – Thank you`,
      body: `${hello}Thank you for talking with me about the ${role} role at ${company}. ${personal}I am excited about the opportunity.${bye}`,
    };
  }
  const news = update ? `Since we spoke: ${update}. ` : '';
  return {
    subject: `${action}: ${role} at ${company}`,
    body: `${hello}I wanted to check in on my application for the ${role} role at ${company}. ${news}I remain very interested.${bye}`,
  };
}

/** A plain-text draft through the Gmail advanced service; the MIME message is built by hand. */
function createDraft(to, subject, body) {
  const encodedSubject = `=?UTF-8?B?${Utilities.base64Encode(subject, Utilities.Charset.UTF_8)}?=`;
  const raw = [
    `To: ${to}`,
    `Subject: ${encodedSubject}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    Utilities.base64Encode(body, Utilities.Charset.UTF_8),
  ].join('\r\n');
  Gmail.Users.Drafts.create({ message: { raw: Utilities.base64EncodeWebSafe(raw) } }, 'me');
}
