/**
 * The draft journal: each draft is noted in document properties the moment Gmail creates it, and the note is
 * cleared once the Draft cell records it. If a run dies between the two (time limit, a failed sheet write), the
 * next run finds the note and records the draft instead of making it again.
 */
import { type CalendarDate, fromIso, toIso } from '../core/dates';
import { ACTIONS, type Action } from '../core/templates';
import type { KeyValueStore } from '../ports';

const PREFIX = 'journal.';

export interface JournalEntry {
  key: string;
  rowKey: string;
  action: Action;
  due: CalendarDate;
  draftId: string;
  messageId: string;
  made: CalendarDate;
}

export function journalKey(rowKey: string, action: Action): string {
  return `${PREFIX}${action}.${rowKey}`;
}

export function readJournal(all: Record<string, string>): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(PREFIX)) continue;
    try {
      const e = JSON.parse(value) as Record<string, unknown>;
      const due = fromIso(String(e.due));
      const made = fromIso(String(e.made));
      const action = ACTIONS.find((a) => a === e.action);
      if (due === null || made === null || !action || typeof e.draftId !== 'string') continue;
      entries.push({
        key,
        rowKey: String(e.rowKey),
        action,
        due,
        draftId: e.draftId,
        messageId: String(e.messageId ?? ''),
        made,
      });
    } catch {
      // A damaged note cannot be matched to a row; it is left for a person to see in the properties.
    }
  }
  return entries;
}

export function writeJournal(store: KeyValueStore, entry: Omit<JournalEntry, 'key'>): string {
  const key = journalKey(entry.rowKey, entry.action);
  store.set({
    [key]: JSON.stringify({
      rowKey: entry.rowKey,
      action: entry.action,
      due: toIso(entry.due),
      draftId: entry.draftId,
      messageId: entry.messageId,
      made: toIso(entry.made),
    }),
  });
  return key;
}
