/**
 * Who sent a message, as the reply rules see it (docs/RULES.md §5): free-mail domains (never a company's own), the
 * hiring systems employers send from, a company's domains from its contacts' addresses, and whether a hiring
 * system's message names the company.
 */
import { foldText } from './reply-classify';

/** Consumer mail domains: an address there says nothing about the employer (RULES §5, reply source 3). */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'yahoo.es',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'aol.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'wanadoo.fr',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'hey.com',
  'fastmail.com',
  // Providers whose name is also their company's own domain elsewhere: only the consumer domain is free mail.
  'att.net',
  'verizon.net',
  'comcast.net',
  'cox.net',
  'o2.pl',
  'telefonica.net',
  'sky.com',
]);

/**
 * The sending domains of the hiring systems (applicant tracking systems) that RULES §5 names, and their mail
 * subdomains: a message from any of these, or a subdomain, is from a hiring system.
 */
export const HIRING_SYSTEM_DOMAINS: readonly string[] = [
  'greenhouse.io',
  'greenhouse-mail.io',
  'lever.co',
  'ashbyhq.com',
  'ashbyhq-mail.com',
  'myworkday.com',
  'myworkdayjobs.com',
  'workday.com',
  'icims.com',
  'smartrecruiters.com',
  'smartrecruiters-mail.com',
  'jobvite.com',
  'workable.com',
  'workablemail.com',
  'teamtailor.com',
  'teamtailor-mail.com',
  'bamboohr.com',
  'successfactors.com',
  'successfactors.eu',
  'sapsf.com',
  'sapsf.eu',
  'taleo.net',
  'recruitee.com',
  'personio.de',
  'personio.com',
  'pinpointhq.com',
  'breezy.hr',
  'jazzhr.com',
  'applytojob.com',
];

/** The domain of an address, lower-cased ('' when it has none). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}

/** True when `domain` is `parent` or one of its subdomains. */
function within(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/**
 * Consumer providers with a domain per country (outlook.de, hotmail.es, yahoo.com.mx, gmx.at, live.co.uk…): the
 * provider's name followed by a country or generic ending only, so a company's own mail.acme.com never matches.
 * Providers whose name is also a company's domain (att.com, orange.com, telefonica.com) are listed by their consumer
 * domain alone, above.
 */
const FREE_MAIL_FAMILIES =
  /^(?:gmail|googlemail|outlook|hotmail|live|msn|windowslive|yahoo|ymail|rocketmail|aol|icloud|gmx|web|t-online|freenet|posteo|mailbox|tutanota|tuta|protonmail|sfr|laposte|wanadoo|bluewin|libero|virgilio|alice|tiscali|terra|seznam|wp|onet|interia|btinternet|sbcglobal|bellsouth|bigpond|optusnet|qq|163|126|sina|naver|daum|hanmail|rediffmail|yandex|mail|rambler|inbox|zoho|fastmail|hey)\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2}|net\.[a-z]{2})$/;

export function isFreeMail(domain: string): boolean {
  return FREE_MAIL.has(domain) || FREE_MAIL_FAMILIES.test(domain);
}

export function isHiringSystem(domain: string): boolean {
  return HIRING_SYSTEM_DOMAINS.some((d) => within(domain, d));
}

/** The company's own domains, from its contacts' addresses: free-mail and hiring-system domains left out. */
export function companyDomains(contacts: readonly string[]): string[] {
  const domains = contacts.map(domainOf).filter((d) => d !== '' && !isFreeMail(d) && !isHiringSystem(d));
  return [...new Set(domains)];
}

/** True when `domain` is one of `companies` or a subdomain of one (mail.brightwave.example is Brightwave's). */
export function atCompany(domain: string, companies: readonly string[]): boolean {
  return companies.some((c) => within(domain, c));
}

// Legal forms that are not part of how a company is named in its mail.
const LEGAL_FORMS =
  /\b(?:inc|incorporated|llc|ltd|limited|plc|corp|corporation|co|company|gmbh|ag|sa|sas|sarl|bv|nv|ab|oy|spa|srl|sl|pty|kg|ohg|group|holdings?)\b\.?/g;

/** A company name as words to look for: lower case, no accents, no legal form ("Initech GmbH" → "initech"). */
export function companyWords(company: string): string {
  return foldText(company)
    .replace(/(?<![\p{L}\p{N}])(\p{L})\./gu, '$1')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters and digits only ("AT&T" → att, "Acme Corp" → acmecorp): how hiring systems name a tenant in an address. */
function compact(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The hiring systems' own names (workday, greenhouse…): as a company they cannot be told from the system's brand. */
const BRANDS = new Set(HIRING_SYSTEM_DOMAINS.map((d) => compact(d.split('.')[0]!.replace(/-mail$/, ''))));

/** One compiled pattern per company's words (a run tests it against every hiring-system message of every due row). */
const PATTERNS = new Map<string, RegExp>();

/** `words` whole, any case, joined by any non-letters; the match's words in group 1. */
function wordsPattern(words: string): RegExp {
  let pattern = PATTERNS.get(words);
  if (pattern === undefined) {
    const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[^\\p{L}\\p{N}]*');
    pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${escaped})(?=$|[^\\p{L}\\p{N}])`, 'giu');
    PATTERNS.set(words, pattern);
  }
  return pattern;
}

/** Whole words of `words` in `text`, any case: "initech" in "Initech Talent", not in "Initechnologies". */
function hasWords(text: string, words: string): boolean {
  const pattern = wordsPattern(words);
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** The company's words in a text, whole, their first letter a capital as a name's is ("with Solenza", not "square one"). */
function namedInText(text: string, words: string): boolean {
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  for (const hit of folded.matchAll(wordsPattern(words))) if (/^\p{Lu}/u.test(hit[1] ?? '')) return true;
  return false;
}

/** What of a hiring system's message can name the company. */
export interface SenderParts {
  fromName: string;
  subject: string;
  snippet: string;
  address: string;
}

/**
 * True when a hiring system's message names the company (RULES §5, reply source 4), in one of these ways:
 * - its words, whole and in any case, in the sender's name or the subject ("Lumenfield Careers");
 * - in the text, written with a capital as a name is ("your interview with Solenza"; not "back to square one" for
 *   Square);
 * - as a tenant in the address, letters and digits only, with or without its legal form ("acmecorp@myworkday.com",
 *   "att.wd1.myworkdayjobs.com" for AT&T).
 * A company named like a hiring system (Workday) is read from the subject and text only; a name under 3 characters
 * never matches, to stay clear of chance hits.
 */
export function namesCompany(company: string, parts: SenderParts): boolean {
  const words = companyWords(company);
  if (words.length < 3) return false;
  if (hasWords(foldText(parts.subject), words)) return true;
  if (namedInText(parts.snippet, words)) return true;
  const brand = BRANDS.has(compact(words));
  if (brand) return false;
  if (hasWords(foldText(parts.fromName), words)) return true;
  const tenants = new Set([compact(company), compact(words)].filter((t) => t.length >= 3));
  return parts.address
    .toLowerCase()
    .split(/[@.+_-]+/)
    .some((token) => tenants.has(token));
}
