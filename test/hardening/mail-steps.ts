/**
 * The `mail` step of the hardening sequences: what arrives for a row. mail-invariants.ts delivers it and checks the
 * invariants about the answers it carries.
 */
import fc from 'fast-check';

/**
 * What arrives: an auto-reply or a newsletter from a row's contact (neither is a reply), a rejection from a row's
 * contact, a rejection from a hiring system naming the row's company, a colleague's rejection in a thread of a
 * message the user sent to a row's contact, or an acknowledgement that the application arrived (from the contact
 * or the hiring system).
 */
export const MAIL_KINDS = [
  'auto-reply',
  'newsletter',
  'rejection',
  'hiring-rejection',
  'colleague-rejection',
  'acknowledgement',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface MailStep {
  t: 'mail';
  row: number;
  pick: number;
  kind: MailKind;
}

export const mailStepArb: fc.Arbitrary<MailStep> = fc.record({
  t: fc.constant('mail' as const),
  row: fc.nat(),
  pick: fc.nat(),
  kind: fc.constantFrom(...MAIL_KINDS),
});
