/** Builds the app stages (model, sync, drafting) over in-memory ports, as followups.ts wires them for one run. */
import { Drafting } from '../../src/app/drafting';
import { gmailGate } from '../../src/app/gmail-gate';
import { GmailSync } from '../../src/app/gmail-sync';
import { loadSettings } from '../../src/app/settings';
import { TrackerModel } from '../../src/app/tracker-model';
import { instantToDate } from '../../src/core/dates';
import type { TestRun } from './ports';

export function stagesOf(run: TestRun, options: { budgetMs?: number } = {}) {
  const started = run.clock.now();
  const { settings } = loadSettings(run.store.getAll());
  const { timeZone, locale } = run.workbook;
  const tracker = run.workbook.findTracker('')!;
  const notes: string[] = [];
  const ctx = { timeZone, locale, today: instantToDate(started, timeZone), ownAddresses: [run.mailbox.me] };
  const model = new TrackerModel(tracker, settings, ctx, notes);
  const overBudget = () => run.clock.now() - started > (options.budgetMs ?? 270_000);
  let drafting: Drafting | null = null;
  const gate = gmailGate(run.clock, () => drafting?.drafted ?? 0);
  const sync = new GmailSync(model, run.mailbox, gate, overBudget);
  drafting = new Drafting({
    model,
    sync,
    mailbox: run.mailbox,
    gate,
    store: run.store,
    settings,
    ctx,
    overBudget,
    started,
  });
  return { model, sync, drafting, notes, tracker };
}
