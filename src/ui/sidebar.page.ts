/**
 * The Preview follow-ups sidebar: due rows by priority, with Create draft, Skip and a link to the row; then the rows
 * whose mail looks like a rejection, with Mark as rejected (asked twice: it writes the row's Status cell).
 */
import type { Preview, PreviewRow } from '../core/pages';
import { call, el } from './server';

const heading = document.getElementById('title')!;
const list = document.getElementById('list')!;
const statusBox = document.getElementById('status')!;
const errorBox = document.getElementById('error')!;
const createAll = document.getElementById('create-all') as HTMLButtonElement;
const refresh = document.getElementById('refresh') as HTMLButtonElement;
let current: Preview | null = null;

function show(box: HTMLElement, text: string): void {
  box.textContent = text;
  box.hidden = text === '';
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Disables every control while a call runs; afterwards each gets back its own state (data-off: stays disabled). */
function setBusy(busy: boolean, text = 'Working…'): void {
  list.setAttribute('aria-busy', String(busy));
  for (const button of document.querySelectorAll('button')) {
    (button as HTMLButtonElement).disabled = busy || (button as HTMLElement).dataset.off === 'true';
  }
  if (busy) show(statusBox, text);
}

/** The control to give focus back to once the list is drawn again (its data-focus key), as keyboard users expect. */
function focusKey(): string | null {
  return (document.activeElement as HTMLElement | null)?.dataset?.focus ?? null;
}

function restoreFocus(key: string | null): void {
  if (key === null) return;
  const same = document.querySelector<HTMLElement>(`[data-focus="${key}"]`);
  if (same && !(same as HTMLButtonElement).disabled) {
    same.focus();
    return;
  }
  // The control is gone (a skipped row leaves the list) or disabled (Drafted): its card's title, else the heading.
  const card = document.getElementById(`${key.split(':')[0]}-title`);
  (card ?? heading).focus();
}

async function act(work: () => Promise<Preview>, busyText: string, onError?: (message: string) => void): Promise<void> {
  const key = focusKey();
  setBusy(true, busyText);
  show(errorBox, '');
  try {
    render(await work());
    restoreFocus(key);
  } catch (error) {
    // Keep the list as it is (an open Skip box keeps its date) and say what went wrong.
    setBusy(false);
    show(statusBox, '');
    const message = (error as Error).message;
    show(errorBox, message);
    if (current === null) {
      // Nothing was ever loaded: do not leave "Loading…" up.
      list.replaceChildren(
        el('p', { class: 'empty' }, 'The follow-ups could not be loaded. Press Refresh to try again.'),
      );
    }
    if (onError) onError(message);
    else restoreFocus(key);
  }
}

function off(button: HTMLButtonElement, disabled: boolean): HTMLButtonElement {
  button.dataset.off = String(disabled);
  button.disabled = disabled;
  return button;
}

/** The card's heading: company and role; focus goes back to it when its control leaves the list. */
function cardTitle(row: PreviewRow, id: string): HTMLElement {
  return el('h2', { id: `${id}-title`, tabindex: '-1' }, row.role ? `${row.company} · ${row.role}` : row.company);
}

/** "Show row N in the sheet": selects the row (selectRow) and says so. */
function showRowLink(row: PreviewRow, id: string): HTMLButtonElement {
  const link = el(
    'button',
    { type: 'button', class: 'link', 'aria-describedby': `${id}-title`, 'data-focus': `${id}:show` },
    `Show row ${row.row} in the sheet`,
  );
  link.addEventListener('click', () => {
    show(errorBox, '');
    call('selectRow', current?.sheetName ?? '', row.row).then(
      () => show(statusBox, `Row ${row.row} (${row.company}) is selected in the sheet.`),
      (error: Error) => show(errorBox, error.message),
    );
  });
  return link;
}

/**
 * A row whose mail looks like a rejection: the day it came, the row's status, and Mark as rejected…, which opens a
 * confirm step saying what will change (the Status cell of this row, nothing else) before markRejected is called.
 */
function rejectionCard(row: PreviewRow): HTMLElement {
  const id = `row-${row.row}`;
  const badge = el('span', { class: 'badge waiting' }, row.statusText);
  const meta = el('p', { class: 'meta' }, `Looks like a rejection · ${row.rejectedOn} `, badge);
  const confirmId = `${id}-reject`;
  const open = el(
    'button',
    {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': confirmId,
      'aria-describedby': `${id}-title`,
      'data-focus': `${id}:reject`,
    },
    'Mark as rejected…',
  );
  const yes = el('button', { type: 'button', class: 'primary', 'data-focus': `${id}:reject-yes` }, 'Yes, set Status');
  const no = el('button', { type: 'button', 'data-focus': `${id}:reject-no` }, 'Cancel');
  const box = el(
    'div',
    { class: 'confirm', id: confirmId, role: 'group', 'aria-label': `Mark ${row.company} as rejected`, hidden: '' },
    el('p', {}, `Set the Status of row ${row.row} (${row.company}) to Rejected? Nothing else in the sheet changes.`),
    yes,
    no,
  );
  const toggle = (shown: boolean) => {
    box.hidden = !shown;
    open.setAttribute('aria-expanded', String(shown));
    (shown ? yes : open).focus();
  };
  open.addEventListener('click', () => toggle(box.hidden !== false));
  no.addEventListener('click', () => toggle(false));
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') toggle(false);
  });
  yes.addEventListener('click', () =>
    act(() => call('markRejected', row.rowKey), `Marking ${row.company} as rejected…`),
  );
  return el(
    'article',
    { class: 'card', id, 'aria-labelledby': `${id}-title` },
    cardTitle(row, id),
    meta,
    el('p', { class: 'field' }, `Their mail of ${row.rejectedOn} reads like a rejection: no follow-up is due.`),
    el('div', { class: 'actions' }, open, showRowLink(row, id)),
    box,
  );
}

function card(row: PreviewRow, today: string): HTMLElement {
  const id = `row-${row.row}`;
  const title = cardTitle(row, id);
  const badge = el('span', { class: `badge ${row.status}` }, row.statusText);
  const meta = el('p', { class: 'meta' }, `${row.actionLabel} · due ${row.due} `, badge);
  const fields = el(
    'div',
    {},
    el('p', { class: 'field' }, el('span', { class: 'label' }, 'To: '), row.to || '(no email address)'),
    el('p', { class: 'field' }, el('span', { class: 'label' }, 'Subject: '), row.subject),
    row.bodyStart ? el('p', { class: 'body' }, row.bodyStart) : null,
    // The row's private notes help write the personal note; the label says they never go into the email.
    row.notes
      ? el(
          'p',
          { class: 'field', role: 'note', 'aria-label': 'Your private notes' },
          el('span', { class: 'label' }, 'Your notes (private, not in the email): '),
          row.notes,
        )
      : null,
  );
  const problems =
    row.problems.length > 0
      ? el(
          'ul',
          { class: 'problems', 'aria-label': 'Problems' },
          ...row.problems.map((p) => el('li', p.blocking ? { class: 'blocking' } : {}, p.message)),
        )
      : null;
  const blocked = row.problems.some((p) => p.blocking);
  const create = el(
    'button',
    { type: 'button', class: 'primary', 'aria-describedby': `${id}-title`, 'data-focus': `${id}:create` },
    row.drafted ? 'Drafted' : 'Create draft',
  );
  off(create, blocked || row.drafted);
  create.addEventListener('click', () => act(() => call('createDrafts', [row.rowKey]), `Drafting for ${row.company}…`));
  const skipId = `${id}-skip`;
  const skipButton = el(
    'button',
    {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': skipId,
      'aria-describedby': `${id}-title`,
      'data-focus': `${id}:skip`,
    },
    'Skip…',
  );
  // A drafted follow-up is waiting in Gmail: to defer it, the user deletes the draft there first.
  off(skipButton, row.drafted);
  if (row.drafted) skipButton.title = 'Already drafted: delete the draft in Gmail to skip this follow-up instead.';
  const dateId = `${id}-until`;
  const dateMessage = el('div', { class: 'message', id: `${dateId}-message` });
  const dateInput = el('input', {
    type: 'date',
    id: dateId,
    min: addDays(today, 1),
    value: addDays(today, 7),
    required: '',
    'aria-describedby': `${dateId}-message`,
    'data-focus': `${id}:until`,
  });
  const confirm = el('button', { type: 'button', 'data-focus': `${id}:confirm` }, 'Skip until this day');
  const skipBox = el(
    'div',
    { class: 'skip', id: skipId, hidden: '' },
    el('label', { for: dateId }, 'Skip until'),
    dateInput,
    confirm,
    dateMessage,
  );
  const toggleSkip = (open: boolean) => {
    skipBox.hidden = !open;
    skipButton.setAttribute('aria-expanded', String(open));
  };
  skipButton.addEventListener('click', () => {
    toggleSkip(skipBox.hidden !== false);
    if (!skipBox.hidden) dateInput.focus();
  });
  skipBox.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    toggleSkip(false);
    skipButton.focus();
  });
  dateInput.addEventListener('input', () => {
    dateInput.removeAttribute('aria-invalid');
    dateMessage.textContent = '';
  });
  const skip = () =>
    act(
      () => call('skipFollowUp', row.rowKey, dateInput.value),
      `Skipping ${row.company}…`,
      (message) => {
        // The server decides which days are allowed; its words go beside the date as well.
        dateInput.setAttribute('aria-invalid', 'true');
        dateMessage.textContent = message;
        dateInput.focus();
      },
    );
  confirm.addEventListener('click', skip);
  dateInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      skip();
    }
  });
  const link = showRowLink(row, id);
  return el(
    'article',
    { class: 'card', id, 'aria-labelledby': `${id}-title` },
    title,
    meta,
    fields,
    problems,
    el('div', { class: 'actions' }, create, skipButton, link),
    skipBox,
  );
}

function render(preview: Preview): void {
  current = preview;
  show(statusBox, preview.message ?? '');
  show(errorBox, preview.mustAct.join(' '));
  list.replaceChildren();
  if (preview.sheetName === null) {
    list.append(
      el('p', { class: 'empty' }, 'No tracker sheet yet: choose Follow-ups › Set up a tracker sheet to make one.'),
    );
    off(createAll, true);
  } else {
    const due = preview.rows.filter((r) => !r.mayMarkRejected);
    const rejections = preview.rows.filter((r) => r.mayMarkRejected);
    if (due.length === 0) list.append(el('p', { class: 'empty' }, 'Nothing is due today. Well done!'));
    for (const row of due) list.append(card(row, preview.today));
    if (rejections.length > 0) list.append(el('p', { class: 'section' }, 'Answers that look like a rejection'));
    for (const row of rejections) list.append(rejectionCard(row));
    off(createAll, !due.some((r) => !r.drafted && !r.problems.some((p) => p.blocking)));
  }
  setBusy(false);
}

createAll.addEventListener('click', () => act(() => call('createAllDrafts'), 'Drafting every due follow-up…'));
refresh.addEventListener('click', () => act(() => call('getPreview'), 'Refreshing…'));

const initial = window.__INITIAL__ as Preview | null | undefined;
if (initial) render(initial);
else act(() => call('getPreview'), 'Loading…');
