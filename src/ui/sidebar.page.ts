/** The Preview follow-ups sidebar: due rows by priority, with Create draft, Skip and a link to the row. */
import { call, el } from './server';

interface PreviewRow {
  row: number;
  rowKey: string;
  company: string;
  role: string;
  action: string;
  actionLabel: string;
  due: string;
  status: string;
  statusText: string;
  to: string;
  subject: string;
  bodyStart: string;
  problems: { message: string; blocking: boolean }[];
  drafted: boolean;
}

interface Preview {
  sheetName: string | null;
  today: string;
  rows: PreviewRow[];
  mustAct: string[];
  message?: string;
}

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

function setBusy(busy: boolean, text = 'Working…'): void {
  list.setAttribute('aria-busy', String(busy));
  for (const button of document.querySelectorAll('button')) (button as HTMLButtonElement).disabled = busy;
  if (busy) show(statusBox, text);
}

async function act(work: () => Promise<Preview>, busyText: string): Promise<void> {
  setBusy(true, busyText);
  show(errorBox, '');
  try {
    render(await work());
  } catch (error) {
    setBusy(false);
    show(statusBox, '');
    show(errorBox, (error as Error).message);
    if (current) render(current, false);
  }
}

function card(row: PreviewRow, today: string): HTMLElement {
  const id = `row-${row.row}`;
  const title = el('h2', { id: `${id}-title` }, row.role ? `${row.company} · ${row.role}` : row.company);
  const badge = el('span', { class: `badge ${row.status}` }, row.statusText);
  const meta = el('p', { class: 'meta' }, `${row.actionLabel} · due ${row.due} `, badge);
  const fields = el(
    'div',
    {},
    el('p', { class: 'field' }, el('span', { class: 'label' }, 'To: '), row.to || '(no email address)'),
    el('p', { class: 'field' }, el('span', { class: 'label' }, 'Subject: '), row.subject),
    row.bodyStart ? el('p', { class: 'body' }, row.bodyStart) : null,
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
    { type: 'button', class: 'primary', 'aria-describedby': `${id}-title` },
    row.drafted ? 'Drafted' : 'Create draft',
  );
  create.disabled = blocked || row.drafted;
  create.addEventListener('click', () =>
    act(() => call<Preview>('createDrafts', [row.rowKey]), `Drafting for ${row.company}…`),
  );
  const skipButton = el(
    'button',
    { type: 'button', 'aria-expanded': 'false', 'aria-describedby': `${id}-title` },
    'Skip…',
  );
  const dateId = `${id}-until`;
  const dateInput = el('input', { type: 'date', id: dateId, min: addDays(today, 1), value: addDays(today, 7) });
  const confirm = el('button', { type: 'button' }, 'Skip until this day');
  const skipBox = el(
    'div',
    { class: 'skip', hidden: '' },
    el('label', { for: dateId }, 'Skip until'),
    dateInput,
    confirm,
  );
  skipButton.addEventListener('click', () => {
    skipBox.hidden = !skipBox.hidden;
    skipButton.setAttribute('aria-expanded', String(!skipBox.hidden));
    if (!skipBox.hidden) dateInput.focus();
  });
  confirm.addEventListener('click', () =>
    act(() => call<Preview>('skipFollowUp', row.rowKey, dateInput.value), `Skipping ${row.company}…`),
  );
  const link = el('a', { href: '#', role: 'button' }, `Show row ${row.row} in the sheet`);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    call('selectRow', current?.sheetName ?? '', row.row).catch((error: Error) => show(errorBox, error.message));
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

function render(preview: Preview, clearMessages = true): void {
  current = preview;
  setBusy(false);
  if (clearMessages) {
    show(statusBox, preview.message ?? '');
    show(errorBox, preview.mustAct.join(' '));
  }
  list.replaceChildren();
  if (preview.sheetName === null) {
    list.append(el('p', { class: 'empty' }, 'No tracker sheet yet.'));
    createAll.disabled = true;
    return;
  }
  if (preview.rows.length === 0) {
    list.append(el('p', { class: 'empty' }, 'Nothing is due today. Well done!'));
  }
  for (const row of preview.rows) list.append(card(row, preview.today));
  createAll.disabled = !preview.rows.some((r) => !r.drafted && !r.problems.some((p) => p.blocking));
}

createAll.addEventListener('click', () => act(() => call<Preview>('createAllDrafts'), 'Drafting every due follow-up…'));
refresh.addEventListener('click', () => act(() => call<Preview>('getPreview'), 'Refreshing…'));

const initial = window.__INITIAL__ as Preview | null | undefined;
if (initial) render(initial);
else act(() => call<Preview>('getPreview'), 'Loading…');
