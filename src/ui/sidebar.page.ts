/** The Preview follow-ups sidebar: due rows by priority, with Create draft, Skip and a link to the row. */
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

function card(row: PreviewRow, today: string): HTMLElement {
  const id = `row-${row.row}`;
  const title = el(
    'h2',
    { id: `${id}-title`, tabindex: '-1' },
    row.role ? `${row.company} · ${row.role}` : row.company,
  );
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
    if (preview.rows.length === 0) list.append(el('p', { class: 'empty' }, 'Nothing is due today. Well done!'));
    for (const row of preview.rows) list.append(card(row, preview.today));
    off(createAll, !preview.rows.some((r) => !r.drafted && !r.problems.some((p) => p.blocking)));
  }
  setBusy(false);
}

createAll.addEventListener('click', () => act(() => call('createAllDrafts'), 'Drafting every due follow-up…'));
refresh.addEventListener('click', () => act(() => call('getPreview'), 'Refreshing…'));

const initial = window.__INITIAL__ as Preview | null | undefined;
if (initial) render(initial);
else act(() => call('getPreview'), 'Loading…');
