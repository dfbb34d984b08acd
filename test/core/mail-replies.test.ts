/** readReplies and its parts (docs/RULES.md §5): where an answer may come from, what is not one, and what it says. */
import { fromIso } from '../../src/core/dates';
import { isAutoReply, isBulk, type ReplyContext, readReplies } from '../../src/core/mail-replies';
import {
  companyDomains,
  companyWords,
  isFreeMail,
  isHiringSystem,
  namesCompany,
  type SenderParts,
} from '../../src/core/mail-senders';
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
  mine: new Set(['ines@example.com']),
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

describe('readReplies: the harder cases', () => {
  it('a rejection on the outreach day counts even when the user wrote nothing that day', () => {
    const no = msg({
      from: ['marta@solenza.example'],
      internalDate: at('2026-11-16', 20),
      snippet: 'Hemos decidido no seguir adelante contigo.',
    });
    const chat = msg({
      from: ['marta@solenza.example'],
      internalDate: at('2026-11-16', 9),
      snippet: '¿Te va bien a las diez?',
    });
    expect(readReplies([no], CTX).reply?.kind).toBe('rejection');
    expect(readReplies([chat], CTX).reply).toBeNull();
  });

  it('a "thank you for applying" days after the application is an answer whose verdict the snippet cut off', () => {
    const late = msg({
      from: ['no-reply@solenza.teamtailor-mail.com'],
      internalDate: at('2026-11-25'),
      snippet: 'Gracias por postularte. Hemos revisado con calma tu perfil y la experiencia que',
    });
    expect(readReplies([late], CTX)).toEqual({
      reply: { kind: 'other', day: D('2026-11-25'), first: D('2026-11-25') },
      acknowledged: null,
      autoReply: null,
    });
  });

  it("mail from one of the user's send-as aliases is the user's, in any thread", () => {
    const sent = msg({ threadId: 'tu', labelIds: ['SENT'], from: ['ines@example.com'], to: ['marta@solenza.example'] });
    const alias = msg({ threadId: 'tu', from: ['ines@trabajo.example'], subject: 'Re: Gracias' });
    const withAlias = { ...CTX, mine: new Set(['ines@example.com', 'ines@trabajo.example']) };
    expect(readReplies([sent, alias], withAlias).reply).toBeNull();
    expect(readReplies([sent, alias], CTX).reply).not.toBeNull();
  });

  it('a hiring system naming another row of the same company by its role is not this row answer', () => {
    const ctx = { ...CTX, role: 'Jefa de proyecto', otherRoles: ['Analista de datos'] };
    const other = msg({
      from: ['no-reply@greenhouse-mail.io'],
      fromName: 'Solenza',
      subject: 'Tu candidatura: Analista de datos',
    });
    const ours = msg({
      from: ['no-reply@greenhouse-mail.io'],
      fromName: 'Solenza',
      subject: 'Tu candidatura: Jefa de proyecto',
    });
    const neither = msg({ from: ['no-reply@greenhouse-mail.io'], fromName: 'Solenza', subject: 'Tu candidatura' });
    expect(readReplies([other], ctx).reply).toBeNull();
    expect(readReplies([ours], ctx).reply).not.toBeNull();
    expect(readReplies([neither], ctx).reply).not.toBeNull();
  });

  it('a calendar notice (auto-generated) is neither an answer nor an out-of-office', () => {
    const notice = msg({
      from: ['marta@solenza.example'],
      subject: 'Updated invitation: Debrief',
      headers: { 'auto-submitted': 'auto-generated' },
    });
    expect(readReplies([notice], CTX)).toEqual({ reply: null, acknowledged: null, autoReply: null });
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

  it('List-Id and Precedence bulk|list|junk are bulk; List-Unsubscribe only from a company or hiring system', () => {
    expect(isBulk(msg({ headers: { 'list-id': '<a.example>' } }), 'contact', false)).toBe(true);
    for (const p of ['bulk', 'list', 'junk'])
      expect(isBulk(msg({ headers: { precedence: p } }), 'contact', false)).toBe(true);
    const unsubscribe = msg({ headers: { 'list-unsubscribe': '<mailto:u@solenza.example>' } });
    expect(isBulk(unsubscribe, 'company-domain', false)).toBe(true);
    expect(isBulk(unsubscribe, 'hiring-system', false)).toBe(true);
    expect(isBulk(unsubscribe, 'contact', false)).toBe(false);
  });

  it('never in the user thread with the contacts (a group address answering there carries List-Id)', () => {
    expect(isBulk(msg({ headers: { 'list-id': '<recruiting.solenza.example>' } }), 'thread', true)).toBe(false);
    expect(isBulk(msg({ headers: { 'list-unsubscribe': '<mailto:u@x>' } }), 'company-domain', true)).toBe(false);
  });

  it('not when it says what newsletters never say: a rejection, or an invitation under a List-Unsubscribe alone', () => {
    const listed = msg({ headers: { 'list-id': '<news.solenza.example>' } });
    const unsubscribe = msg({ headers: { 'list-unsubscribe': '<https://ats.example/u>' } });
    expect(isBulk(listed, 'hiring-system', false, 'rejection')).toBe(false);
    expect(isBulk(listed, 'hiring-system', false, 'invitation')).toBe(true);
    expect(isBulk(unsubscribe, 'hiring-system', false, 'rejection')).toBe(false);
    expect(isBulk(unsubscribe, 'hiring-system', false, 'invitation')).toBe(false);
    expect(isBulk(unsubscribe, 'hiring-system', false, 'acknowledgement')).toBe(true);
  });
});

describe('senders', () => {
  it('company domains leave out free mail and hiring systems', () => {
    expect(companyDomains(['a@solenza.example', 'b@GMAIL.com', 'c@hire.lever.co', 'd@solenza.example'])).toEqual([
      'solenza.example',
    ]);
  });

  it('a company is named by its words, without its legal form, whole, in the sender name or subject', () => {
    const parts = (over: Partial<SenderParts>): SenderParts => ({
      fromName: '',
      subject: '',
      snippet: '',
      address: 'x@greenhouse.io',
      ...over,
    });
    expect(companyWords('Initech GmbH')).toBe('initech');
    expect(companyWords('Solenza S.L.')).toBe('solenza');
    expect(companyWords('Booking.com B.V.')).toBe('booking com');
    expect(namesCompany('Initech GmbH', parts({ fromName: 'Initech Talent' }))).toBe(true);
    expect(namesCompany('Initech', parts({ fromName: 'Initechnologies Talent' }))).toBe(false);
    expect(namesCompany('Café Nuvola', parts({ subject: 'Your application to CAFE NUVOLA' }))).toBe(true);
    expect(namesCompany('AB', parts({ fromName: 'AB careers' }))).toBe(false);
  });

  it('in the text only as a name, with its capital', () => {
    const text = (snippet: string) => ({
      fromName: 'Recruiting',
      subject: 'Your application',
      snippet,
      address: 'x@lever.co',
    });
    expect(namesCompany('Solenza', text('Thank you for your interview with Solenza last week.'))).toBe(true);
    expect(namesCompany('Square', text('We are back to square one on this search.'))).toBe(false);
    expect(namesCompany('Square', text('Thanks for your interest in Square.'))).toBe(true);
  });

  it('as a tenant in the address, letters and digits only, with or without the legal form', () => {
    const from = (address: string) => ({ fromName: 'Workday', subject: 'Update', snippet: '', address });
    expect(namesCompany('Lumenfield', from('lumenfield@greenhouse-mail.io'))).toBe(true);
    expect(namesCompany('Vantora Corp', from('vantoracorp@myworkday.com'))).toBe(true);
    expect(namesCompany('Vantora Corp', from('no-reply@vantora.wd5.myworkdayjobs.com'))).toBe(true);
    expect(namesCompany('T&Q Labs', from('tqlabs@myworkday.com'))).toBe(true);
    expect(namesCompany('Vantora', from('no-reply@vantorium.wd5.myworkdayjobs.com'))).toBe(false);
  });

  it('a company named like a hiring system is read from the subject and text only', () => {
    const parts = {
      fromName: 'Workday',
      subject: 'Your application to Globex',
      snippet: '',
      address: 'globex@myworkday.com',
    };
    expect(namesCompany('Workday', parts)).toBe(false);
    expect(namesCompany('Workday', { ...parts, subject: 'Your application to Workday' })).toBe(true);
  });

  it('the free-mail domains and hiring systems RULES §5 names, as each sends its mail', () => {
    for (const d of ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me'])
      expect(isFreeMail(d)).toBe(true);
    const senders = [
      'us.greenhouse-mail.io', // Greenhouse
      'hire.lever.co', // Lever
      'ashbyhq.com', // Ashby
      'myworkday.com', // Workday
      'talent.icims.com', // iCIMS
      'smartrecruiters.com', // SmartRecruiters
      'jobvite.com', // Jobvite
      'workablemail.com', // Workable
      'teamtailor-mail.com', // Teamtailor
      'bamboohr.com', // BambooHR
      'successfactors.eu', // SuccessFactors
      'taleo.net', // Taleo
    ];
    for (const d of senders) expect(isHiringSystem(d)).toBe(true);
    expect(isHiringSystem('greenhouse.example')).toBe(false);
  });

  it('free mail by provider family, never a company mail subdomain', () => {
    for (const d of [
      'outlook.de',
      'hotmail.es',
      'yahoo.com.mx',
      'gmx.at',
      'live.co.uk',
      'web.de',
      'comcast.net',
      'orange.fr',
    ])
      expect(isFreeMail(d)).toBe(true);
    for (const d of ['mail.solenza.example', 'att.com', 'orange.com', 'solenza.example', 'outlook.solenza.example'])
      expect(isFreeMail(d)).toBe(false);
  });
});
