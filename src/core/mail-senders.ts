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

export function isFreeMail(domain: string): boolean {
  return FREE_MAIL.has(domain);
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

/**
 * True when a hiring system's message names the company (RULES §5, reply source 4): the company's words, whole, in
 * the sender's name, the subject, the text, or its address ("lumenfield@greenhouse-mail.io",
 * "lumenfield.wd3.myworkdayjobs.com"). Names shorter than 3 characters never match, to stay clear of chance hits.
 */
export function namesCompany(company: string, parts: readonly string[], address: string): boolean {
  const words = companyWords(company);
  if (words.length < 3) return false;
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[^\\p{L}\\p{N}]*');
  const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'u');
  return parts.some((p) => pattern.test(foldText(p))) || pattern.test(address.toLowerCase());
}
