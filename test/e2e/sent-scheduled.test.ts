/**
 * Multi-day runs of the built add-on over what the user does with a draft in Gmail (docs/RULES.md §5): an edited To
 * line or subject then sent, scheduled then delivered, deleted then drafted again, and an interrupted run whose draft
 * Gmail gave another Message-ID.
 */
import { setHeader } from '../../emulator/gmail/mime';
import { nextDay, SHEET, type World, world } from './harness';

const GRID = [
  [
    'Company',
    'Role',
    'Status',
    'Applied',
    'Interview date',
    'Expected response',
    'Recruiter',
    'Recruiter email',
    'Thank-you sent',
  ],
  [
    'Brightwave',
    'Data Analyst',
    'Interviewing',
    '2026-11-01',
    '2026-11-10',
    '2026-11-17',
    'Dana Okafor',
    'dana@brightwave.example',
    '2026-11-10',
  ],
].map((line) => line.map((typed) => ({ typed })));

/** The tracker on 2026-11-18, the check-in due since 11-17, drafted once. */
function drafted(): { w: World; draftId: string } {
  const w = world({ today: '2026-11-18', timeZone: 'America/New_York', locale: 'en_US', grid: GRID });
  w.run('draftFollowUps');
  const drafts = w.emulator.drafts();
  expect(drafts).toHaveLength(1);
  return { w, draftId: drafts[0]!.id };
}

/** The recording of one sent check-in on `day`, and the second follow-up a week later, with no new draft. */
function expectRecorded(w: World, day: string, secondDue: string): void {
  expect(w.emulator.drafts()).toHaveLength(0);
  expect(w.cell('Brightwave', 'Last follow-up')).toBe(day);
  expect(w.cell('Brightwave', 'Follow-ups sent')).toBe('1');
  expect(w.row('Brightwave')).toMatchObject({ action: 'second-follow-up', due: secondDue, status: 'upcoming' });
}

describe('a draft the user changed or scheduled in Gmail', () => {
  it('is recorded as sent when the user corrected the To line before sending', () => {
    const { w, draftId } = drafted();
    w.emulator.editDraft(draftId, { to: 'dana.okafor@brightwave.example' });
    w.emulator.sendDraft(draftId);
    nextDay(w, '2026-11-19');
    w.run('draftFollowUps');
    expectRecorded(w, '2026-11-18', '2026-11-25');
  });

  it('is recorded as sent when the user changed the subject before sending', () => {
    const { w, draftId } = drafted();
    w.emulator.editDraft(draftId, { subject: 'Following up on Data Analyst' });
    w.emulator.sendDraft(draftId);
    nextDay(w, '2026-11-19');
    w.run('draftFollowUps');
    expectRecorded(w, '2026-11-18', '2026-11-25');
  });

  it('shows Scheduled while it waits, drafts nothing, and records the day it goes out', () => {
    const { w, draftId } = drafted();
    w.emulator.scheduleDraft(draftId);
    nextDay(w, '2026-11-19');
    w.run('draftFollowUps');
    expect(w.emulator.drafts()).toHaveLength(0);
    expect(w.row('Brightwave').status).toBe('scheduled');
    expect(w.cell('Brightwave', 'Follow-up status')).toBe('Scheduled · in Gmail');
    nextDay(w, '2026-11-20');
    w.run('draftFollowUps');
    expect(w.row('Brightwave').status).toBe('scheduled');
    w.emulator.deliverScheduled();
    w.run('draftFollowUps');
    expectRecorded(w, '2026-11-20', '2026-11-27');
  });

  it('is drafted again the next run when the user deleted it', () => {
    const { w, draftId } = drafted();
    expect(w.emulator.deleteDraft(draftId)).toBe(true);
    nextDay(w, '2026-11-19');
    w.run('draftFollowUps');
    const again = w.emulator.drafts();
    expect(again).toHaveLength(1);
    expect(again[0]!.id).not.toBe(draftId);
    expect(again[0]!.to).toContain('dana@brightwave.example');
    expect(w.emulator.displayValues(SHEET)[0]).not.toContain('Last follow-up');
  });
});

describe('a run that died while Gmail made the draft', () => {
  /** The run dies (time limit) at the journal write right after Gmail made the draft: the draft is not recorded. */
  function interrupted(): World {
    const w = world({ today: '2026-11-18', timeZone: 'America/New_York', locale: 'en_US', grid: GRID });
    let created = false;
    w.emulator.runtime.faults.push((call) => {
      if (call.method === 'Gmail.Users.Drafts.create') created = true;
      else if (created && call.method === 'Properties.setProperties') return 'Exceeded maximum execution time';
      return undefined;
    });
    w.run('draftFollowUps');
    w.emulator.runtime.faults.length = 0;
    expect(w.emulator.drafts()).toHaveLength(1);
    expect(w.emulator.displayValues(SHEET)[0]).not.toContain('Draft');
    // Gmail gives the draft a Message-ID of its own: the add-on's is gone.
    for (const m of w.emulator.state.mailbox.messages) {
      m.raw = setHeader(m.raw, 'Message-ID', `<gmail.rewrote.${m.id}@mail.gmail.example>`);
    }
    return w;
  }

  it('records the draft it made instead of making another', () => {
    const w = interrupted();
    const [draft] = w.emulator.drafts();
    w.run('draftFollowUps');
    expect(w.emulator.drafts().map((d) => d.id)).toEqual([draft!.id]);
    expect(w.cell('Brightwave', 'Draft')).toBe(`Check-in · due 2026-11-18 · draft ${draft!.id} made 2026-11-18`);
  });

  it('records the send when the user sent that draft before the next run', () => {
    const w = interrupted();
    w.emulator.sendDraft(w.emulator.drafts()[0]!.id);
    nextDay(w, '2026-11-19');
    w.run('draftFollowUps');
    expectRecorded(w, '2026-11-18', '2026-11-25');
  });
});
