/**
 * A row's verdict once Gmail's mail has been read (docs/RULES.md §5): an answer stops the follow-up and the row says
 * what it was; an acknowledgement or an out-of-office reply only adds a note and the follow-up stays due.
 */
import { type CalendarDate, toIso } from './dates';
import type { MailVerdict } from './mail-replies';
import { type Evaluation, priorityOf } from './rules';

/** What the row shows for an answer of each kind (RULES §5 words each). */
function answerText(kind: 'rejection' | 'invitation' | 'other', day: CalendarDate): string {
  switch (kind) {
    case 'rejection':
      return `Waiting · looks like a rejection on ${toIso(day)}: set Status to Rejected`;
    case 'invitation':
      return `Waiting · they want to talk (reply on ${toIso(day)}): add the interview date`;
    default:
      return `Waiting · they replied on ${toIso(day)}`;
  }
}

/**
 * The evaluation after the row's mail: with an answer, no follow-up and status Waiting — even when the Heard back
 * cell holds text of the user's that the add-on leaves alone, so the answer could not be recorded there. Notes for
 * an acknowledgement ("application received on …") and an auto-reply ("out of office reply on …") are appended.
 * `draftLive` says the row still has a draft in Gmail, which an answer makes unnecessary. A row whose Status says
 * the process ended (the user marked it rejected, say) stays as its Status says: the mail has nothing left to add.
 */
export function afterMail(evaluation: Evaluation, verdict: MailVerdict, draftLive: boolean): Evaluation {
  if (evaluation.status === 'closed') return evaluation;
  const notes = [
    ...(verdict.acknowledged !== null ? [`application received on ${toIso(verdict.acknowledged)}`] : []),
    ...(verdict.autoReply !== null ? [`out of office reply on ${toIso(verdict.autoReply)}`] : []),
  ];
  const reply = verdict.reply;
  if (reply === null) {
    return notes.length === 0
      ? evaluation
      : { ...evaluation, statusText: [evaluation.statusText, ...notes].join(' · ') };
  }
  const stopped: Evaluation =
    evaluation.action === null
      ? evaluation
      : { ...evaluation, action: null, due: null, status: 'waiting', priority: priorityOf('waiting', null, 0) };
  const live = draftLive ? ' (the draft in Gmail is no longer needed)' : '';
  return { ...stopped, statusText: `${answerText(reply.kind, reply.day)}${live}` };
}

/** True when the row's mail looks like a rejection: the preview then offers "Mark as rejected" (RULES §5). */
export function looksRejected(verdict: MailVerdict | undefined): boolean {
  return verdict?.reply?.kind === 'rejection';
}
