/** readReplies and its parts (docs/RULES.md §5): where an answer may come from, what is not one, and what it says. */
import { fromIso } from '../../src/core/dates';
import { isAutoReply, isBulk, type ReplyContext, readReplies } from '../../src/core/mail-replies';
import { companyDomains, companyWords, namesCompany } from '../../src/core/mail-senders';
import type { MessageMeta } from '../../src/core/mail-types';

const TZ = 'Europe/Madrid';
const D = (iso: string) => fromIso(iso)!;
/** Noon in Madrid on a November day (UTC+1). */
const at = (iso: string, hour = 12) => Date.parse(`${iso}T${String(hour - 1).padStart(2, '0')}:00:00Z`);

let n = 0;
function msg(over: Partial<MessageMeta>): MessageMeta {
  n++;
  return {
    id: `m${n}`,
    threadId: `t${n}`,
    labelIds: ['INBOX'],
    internalDate: at('2026-11-20'),
    from: [],
    to: ['ines@example.com'],
    cc: [],
    subject: 'Hola',
    messageId: `<m${n}@example.com>`,
    references: '',
    ...over,
  };
}

const CTX: ReplyContext = {
  contacts: new Set(['marta@solenza.example']),
  domains: ['solenza.example'],
  company: 'Solenza S.L.',
  me: 'ines@example.com',
  lastOutreach: D('2026-11-16'),
  timeZone: TZ,
};

describe('readReplies: the four sources', () => {
  it('a contact, a colleague in the user thread, the company domain and a hiring system naming the company', () => {
    const sent = msg({ threadId: 'th', labelIds: ['SENT'], from: ['ines@example.com'], to: ['marta@solenza.example'] });
    const cases: MessageMeta[] = [
      msg({ from: ['marta@solenza.example'] }),
      msg({ threadId: 'th', from: ['pablo@agencia.example'], subject: 'Re: Gracias' }),
      msg({ from: ['rrhh@es.solenza.example'] }),
      msg({ from: ['no-reply@solenza.teamtailor-mail.com'], fromName: 'Equipo de talento', subject: 'Tu candidatura' }),
      msg({
        from: ['no-reply@ashbyhq.com'],
        fromName: 'Ashby',
        subject: 'Update',
        snippet: 'Your interview with Solenza',
      }),
    ];
    for (const m of cases) {
      expect(readReplies([sent, m], CTX).reply).toEqual({
        kind: 'other',
        day: D('2026-11-20'),
        first: D('2026-11-20'),
      });
    }
  });

  it('none of the four: another company, a free-mail neighbour, a hiring system about someone else', () => {
    const freeMail = {
      ...CTX,
      contacts: new Set(['marta.solenza@gmail.com']),
      domains: companyDomains(['marta.solenza@gmail.com']),
    };
    expect(readReplies([msg({ from: ['ana@otra.example'] })], CTX).reply).toBeNull();
    expect(readReplies([msg({ from: ['luis@gmail.com'] })], freeMail).reply).toBeNull();
    const other = msg({ from: ['no-reply@greenhouse-mail.io'], fromName: 'Quillstone', subject: 'Your application' });
    expect(readReplies([other], CTX).reply).toBeNull();
  });

  it('never the user: mail with the SENT label or from the user address is not an answer', () => {
    const own = [msg({ from: ['ines@example.com'] }), msg({ labelIds: ['SENT'], from: ['ines.alias@example.org'] })];
    expect(readReplies(own, { ...CTX, contacts: new Set(['ines@example.com']) }).reply).toBeNull();
  });

  it('only after the last outreach: a later day, or that day after the user last wrote to the contacts', () => {
    const before = msg({ from: ['marta@solenza.example'], internalDate: at('2026-11-15') });
    const sameDay = msg({ from: ['marta@solenza.example'], internalDate: at('2026-11-16', 9) });
    expect(readReplies([before, sameDay], CTX).reply).toBeNull();
    const wrote = msg({
      labelIds: ['SENT'],
      from: ['ines@example.com'],
      to: ['marta@solenza.example'],
      internalDate: at('2026-11-16', 8),
    });
    expect(readReplies([wrote, sameDay], CTX).reply?.day).toBe(D('2026-11-16'));
  });
});

describe('readReplies: what it says', () => {
  it('the latest answer decides, and Heard back is the first', () => {
    const first = msg({
      from: ['marta@solenza.example'],
      internalDate: at('2026-11-18'),
      snippet: 'Nos gustaría invitarle a una entrevista.',
    });
    const then = msg({
      from: ['marta@solenza.example'],
      internalDate: at('2026-11-24'),
      snippet: 'Hemos optado por otros candidatos.',
    });
    expect(readReplies([then, first], CTX).reply).toEqual({
      kind: 'rejection',
      day: D('2026-11-24'),
      first: D('2026-11-18'),
    });
  });

  it('an acknowledgement is noted, from the outreach day on, and stops nothing', () => {
    const receipt = msg({
      from: ['no-reply@solenza.teamtailor-mail.com'],
      internalDate: at('2026-11-16', 10),
      snippet: 'Hemos recibido tu candidatura.',
    });
    expect(readReplies([receipt], CTX)).toEqual({ reply: null, acknowledged: D('2026-11-16'), autoReply: null });
  });

  it('an auto-reply is noted and stops nothing; bulk mail is not even noted', () => {
    const away = msg({ from: ['marta@solenza.example'], headers: { 'auto-submitted': 'auto-replied' } });
    const news = msg({ from: ['marta@solenza.example'], headers: { 'list-id': '<noticias.solenza.example>' } });
    expect(readReplies([away, news], CTX)).toEqual({ reply: null, acknowledged: null, autoReply: D('2026-11-20') });
  });
});

describe('auto-replies and bulk mail by their headers', () => {
  it.each([
    [{ 'auto-submitted': 'auto-replied' }, true],
    [{ 'auto-submitted': 'auto-generated' }, true],
    [{ 'auto-submitted': 'no' }, false],
    [{ 'x-autoreply': 'yes' }, true],
    [{ 'x-autorespond': '' }, true],
    [{ precedence: 'auto_reply' }, true],
    [{ precedence: 'bulk' }, false],
    [{}, false],
  ])('%j → auto-reply %s', (headers, expected) => {
    expect(isAutoReply(msg({ headers }))).toBe(expected);
  });

  it('a subject in a built-in language is an auto-reply without any header', () => {
    expect(isAutoReply(msg({ subject: 'Respuesta automática: Gracias' }))).toBe(true);
  });

  it('List-Id and Precedence bulk|list|junk are bulk; List-Unsubscribe only outside the user thread from a company or hiring system', () => {
    expect(isBulk(msg({ headers: { 'list-id': '<a.example>' } }), 'contact', true)).toBe(true);
    for (const p of ['bulk', 'list', 'junk'])
      expect(isBulk(msg({ headers: { precedence: p } }), 'contact', false)).toBe(true);
    const unsubscribe = msg({ headers: { 'list-unsubscribe': '<mailto:u@solenza.example>' } });
    expect(isBulk(unsubscribe, 'company-domain', false)).toBe(true);
    expect(isBulk(unsubscribe, 'hiring-system', false)).toBe(true);
    expect(isBulk(unsubscribe, 'company-domain', true)).toBe(false);
    expect(isBulk(unsubscribe, 'contact', false)).toBe(false);
  });
});

describe('senders', () => {
  it('company domains leave out free mail and hiring systems', () => {
    expect(companyDomains(['a@solenza.example', 'b@GMAIL.com', 'c@hire.lever.co', 'd@solenza.example'])).toEqual([
      'solenza.example',
    ]);
  });

  it('a company is named by its words, without its legal form, whole', () => {
    expect(companyWords('Initech GmbH')).toBe('initech');
    expect(companyWords('Solenza S.L.')).toBe('solenza');
    expect(companyWords('Booking.com B.V.')).toBe('booking com');
    expect(namesCompany('Initech GmbH', ['Initech Talent'], 'x@greenhouse.io')).toBe(true);
    expect(namesCompany('Initech', ['Initechnologies Talent'], 'x@greenhouse.io')).toBe(false);
    expect(namesCompany('Café Nuvola', ['Your application to CAFE NUVOLA'], 'x@lever.co')).toBe(true);
    expect(namesCompany('Lumenfield', [''], 'lumenfield@greenhouse-mail.io')).toBe(true);
    expect(namesCompany('AB', ['AB careers'], 'x@lever.co')).toBe(false);
  });
});
