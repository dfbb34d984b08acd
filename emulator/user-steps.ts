/**
 * The `npm run demo` actions for what the user does in Gmail (docs/COMMAND-LINE.md, "Actions: what you do in
 * Gmail"): parsing `send-draft:ROW`, `edit-draft:ROW:to=…`/`subject=…`, `delete-draft:ROW`, `schedule-draft:ROW`,
 * `deliver-scheduled` and `receive:FILE.json`, finding a row's draft, and running them on the emulator.
 */
import { readFileSync } from 'node:fs';
import type { Emulator } from './emulator';
import type { SentMessage } from './gmail';
import { reportRows, trackerSheetName } from './report';

export type UserStep =
  | { kind: 'send-draft' | 'delete-draft' | 'schedule-draft'; row: number }
  | { kind: 'edit-draft'; row: number; to?: string; subject?: string }
  | { kind: 'deliver-scheduled' }
  | { kind: 'receive'; file: string; messages: unknown[] };

/** The forms of the user's steps, for error messages. */
export const USER_STEP_FORMS =
  'send-draft:ROW, edit-draft:ROW:to=ADDRESS, edit-draft:ROW:subject=TEXT, delete-draft:ROW, schedule-draft:ROW, deliver-scheduled, receive:FILE.json';

/** Thrown for a malformed user step or an unreadable receive file: the command line's exit status 2. */
export class UserStepSyntaxError extends Error {}

function rowOf(text: string | undefined, action: string): number {
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < 2) {
    throw new UserStepSyntaxError(`${action}: ROW must be a sheet row number from 2 on (e.g. send-draft:2)`);
  }
  return Number(text);
}

function readReceiveFile(file: string, action: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserStepSyntaxError(
      `${action}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserStepSyntaxError(`${action}: ${file} is not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(json)) {
    throw new UserStepSyntaxError(`${action}: ${file} must hold a list of messages in the mailbox format`);
  }
  return json;
}

/**
 * The user step an action string names, or null when it names none (an add-on action, or unknown). Throws
 * UserStepSyntaxError for a user step written wrongly, e.g. `send-draft:x`, or `receive:` a file that is not a list.
 */
export function parseUserStep(action: string): UserStep | null {
  if (action === 'deliver-scheduled') return { kind: 'deliver-scheduled' };
  const colon = action.indexOf(':');
  if (colon < 0) return null;
  const kind = action.slice(0, colon);
  const rest = action.slice(colon + 1);
  if (kind === 'receive') {
    if (rest === '') throw new UserStepSyntaxError('receive: needs a file, e.g. receive:replies.json');
    return { kind, file: rest, messages: readReceiveFile(rest, action) };
  }
  if (kind === 'send-draft' || kind === 'delete-draft' || kind === 'schedule-draft') {
    return { kind, row: rowOf(rest, action) };
  }
  if (kind !== 'edit-draft') return null;
  const m = /^(\d+):(to|subject)=(.*)$/s.exec(rest);
  if (!m) throw new UserStepSyntaxError(`${action}: write edit-draft:ROW:to=ADDRESS or edit-draft:ROW:subject=TEXT`);
  const row = rowOf(m[1], action);
  const value = m[3]!;
  if (m[2] === 'to') {
    if (!/^[^@\s<>]+@[^@\s<>]+$/.test(value.trim()) && !/<[^@\s<>]+@[^@\s<>]+>\s*$/.test(value)) {
      throw new UserStepSyntaxError(`${action}: ${JSON.stringify(value)} is not an email address`);
    }
    return { kind, row, to: value.trim() };
  }
  if (/[\r\n]/.test(value)) throw new UserStepSyntaxError(`${action}: a subject is one line`);
  return { kind, row, subject: value };
}

/**
 * The draft id a row's Draft cell names (`… · draft r-123 made 2026-11-25`, shown text of a HYPERLINK too), when
 * that draft is still in Gmail. Throws an Error saying what the row holds otherwise.
 */
export function draftIdOfRow(emulator: Emulator, row: number): string {
  const found = reportRows(emulator, trackerSheetName(emulator)).find((r) => r.row === row);
  if (!found) throw new Error(`row ${row} is not an application row of the tracker`);
  const id = /\bdraft (r-\d+)\b/.exec(found.draft ?? '')?.[1];
  if (id === undefined) {
    throw new Error(
      `row ${row} names no draft (its Draft cell says ${JSON.stringify(found.draft ?? '')}); run --action draft first`,
    );
  }
  if (!emulator.drafts().some((d) => d.id === id)) throw new Error(`row ${row}'s draft ${id} is no longer in Gmail`);
  return id;
}

/** Runs one user step; returns what Gmail sent. Throws an Error whose message says what went wrong. */
export function runUserStep(emulator: Emulator, step: UserStep): SentMessage[] {
  switch (step.kind) {
    case 'deliver-scheduled':
      return emulator.deliverScheduled();
    case 'receive':
      emulator.receiveAll(step.messages);
      return [];
    case 'send-draft':
      return [emulator.sendDraft(draftIdOfRow(emulator, step.row))];
    case 'delete-draft':
      emulator.deleteDraft(draftIdOfRow(emulator, step.row));
      return [];
    case 'schedule-draft':
      emulator.scheduleDraft(draftIdOfRow(emulator, step.row));
      return [];
    case 'edit-draft': {
      const id = draftIdOfRow(emulator, step.row);
      emulator.editDraft(id, step.to !== undefined ? { to: step.to } : { subject: step.subject ?? '' });
      return [];
    }
  }
}
