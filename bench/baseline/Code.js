/**
 * The benchmark's baseline: job-application follow-ups written the way most public Apps Script snippets are.
 * Every cell is read with getValue and written with setValue/setBackground, row by row; each row's contact is
 * searched in Gmail on its own; before each draft every existing draft is listed and fetched to avoid a
 * duplicate. It does the add-on's job in outline (thank-you, check-in, second and monthly follow-ups,
 * application check-ins; a reply stops the follow-ups; drafts only, never sends), without threading replies.
 * It is real Apps Script code that the emulator runs from this folder (bench/bench.ts); not part of the add-on.
 */

const SHEET_NAME = 'Applications';
// Columns (1-based), as in examples/sample-tracker.csv; the script adds Follow-up status and Drafted.
const COL = {
  company: 1,
  role: 2,
  status: 3,
  applied: 4,
  interview: 5,
  expected: 6,
  recruiter: 7,
  recruiterEmail: 8,
  interviewer: 9,
  interviewerEmail: 10,
  thankYou: 11,
  lastFollowUp: 12,
  followUps: 13,
  heardBack: 14,
  notes: 15,
  update: 16,
  followUpStatus: 18,
  drafted: 19,
};
const YOUR_NAME = 'Alex Doe';
const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSED = /^(offer|accepted|hired|rejected|declined|withdrawn|closed|not selected|no offer|archived)\b/i;

/** Menu item: check every row for replies, colour it, and draft what is due. */
// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point; the runtime calls it by name.
function draftFollowUps() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(SHEET_NAME);
  const tz = ss.getSpreadsheetTimeZone();
  const today = dayOf(new Date(), tz);
  if (sheet.getRange(1, COL.followUpStatus).getValue() === '') {
    sheet.getRange(1, COL.followUpStatus).setValue('Follow-up status');
    sheet.getRange(1, COL.drafted).setValue('Drafted');
  }
  const lastRow = sheet.getLastRow();
  const lastColumn = COL.drafted;
  let drafted = 0;
  for (let row = 2; row <= lastRow; row++) {
    const company = sheet.getRange(row, COL.company).getValue();
    if (company === '') continue;
    const status = String(sheet.getRange(row, COL.status).getValue());
    const applied = dayOf(sheet.getRange(row, COL.applied).getValue(), tz);
    const interview = dayOf(sheet.getRange(row, COL.interview).getValue(), tz);
    const expected = dayOf(sheet.getRange(row, COL.expected).getValue(), tz);
    const thankYou = sheet.getRange(row, COL.thankYou).getValue();
    const lastFollowUp = dayOf(sheet.getRange(row, COL.lastFollowUp).getValue(), tz);
    const followUps = Number(sheet.getRange(row, COL.followUps).getValue()) || 0;
    let heardBack = sheet.getRange(row, COL.heardBack).getValue();
    const recruiterEmail = String(sheet.getRange(row, COL.recruiterEmail).getValue()).trim();
    const interviewerEmail = String(sheet.getRange(row, COL.interviewerEmail).getValue()).trim();
    const alreadyDrafted = String(sheet.getRange(row, COL.drafted).getValue());

    // Has the contact written since we last reached out? One Gmail search per row.
    const lastOutreach = Math.max(applied, interview, lastFollowUp);
    const contact = recruiterEmail || interviewerEmail;
    let replied = false;
    if (contact) {
      const after = Math.floor(((lastOutreach + 1) * DAY_MS) / 1000);
      const found = Gmail.Users.Messages.list('me', { q: `from:${contact} after:${after}`, maxResults: 1 });
      replied = Boolean(found.messages && found.messages.length > 0);
    }
    if (CLOSED.test(status.trim())) {
      sheet.getRange(row, COL.followUpStatus).setValue('Closed');
      sheet.getRange(row, 1, 1, lastColumn).setBackground(null);
      continue;
    }
    if (replied && heardBack === '') {
      heardBack = 'yes';
      sheet.getRange(row, COL.heardBack).setValue('yes');
    }

    const next = nextFollowUp({ interview, applied, expected, thankYou, lastFollowUp, followUps, heardBack });
    let label = 'Waiting';
    let colour = null;
    if (next && next.due < today) {
      label = `Overdue · ${next.action}`;
      colour = '#f4c7c3';
    } else if (next && next.due === today) {
      label = `Due today · ${next.action}`;
      colour = '#fce8b2';
    } else if (next) {
      label = `Upcoming · ${next.action}`;
    }
    sheet.getRange(row, COL.followUpStatus).setValue(label);
    sheet.getRange(row, 1, 1, lastColumn).setBackground(colour);

    if (!next || next.due > today) continue;
    const marker = `${next.action} ${isoOf(next.due)}`;
    if (alreadyDrafted === marker) continue;
    const thanks = next.action === 'Thank-you note';
    const to = thanks ? interviewerEmail || recruiterEmail : recruiterEmail || interviewerEmail;
    if (!to) continue;
    const role = sheet.getRange(row, COL.role).getValue();
    const nameColumn = thanks && interviewerEmail ? COL.interviewer : COL.recruiter;
    const firstName = String(sheet.getRange(row, nameColumn).getValue()).split(' ')[0];
    const notes = sheet.getRange(row, COL.notes).getValue();
    const update = sheet.getRange(row, COL.update).getValue();
    const mail = compose(next.action, firstName, company, role, notes, update);
    if (!draftExists(to, mail.subject)) {
      createDraft(to, mail.subject, mail.body);
      drafted++;
    }
    sheet.getRange(row, COL.drafted).setValue(marker);
  }
  ss.toast(`${drafted} drafts created`, 'Follow-ups');
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

/** Lists every draft and reads each one's To and Subject. */
function draftExists(to, subject) {
  let pageToken;
  do {
    const page = Gmail.Users.Drafts.list('me', pageToken ? { pageToken } : {});
    for (const item of page.drafts || []) {
      const draft = Gmail.Users.Drafts.get('me', item.id, { format: 'metadata' });
      const headers = draft.message.payload.headers;
      const sameTo = headers.some((h) => h.name === 'To' && h.value.indexOf(to) >= 0);
      const sameSubject = headers.some((h) => h.name === 'Subject' && h.value === subject);
      if (sameTo && sameSubject) return true;
    }
    pageToken = page.nextPageToken;
  } while (pageToken);
  return false;
}

/** A plain-text draft; the MIME message is built by hand. */
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
