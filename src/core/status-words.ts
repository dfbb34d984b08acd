/**
 * The words a Status cell is read by (docs/RULES.md §2), in each built-in language — English, French, German,
 * Spanish — lower case and without accents (status.ts folds the cell the same way before comparing).
 */
import type { Language } from './templates/language';

type StatusKind = 'closed' | 'interviewing' | 'not-applied' | 'open';

/** Phrases that carry their own negation, read before any other word. */
export const NEGATED: readonly [string, StatusKind][] = [
  ['not moving forward', 'closed'],
  ['not selected', 'closed'],
  ['no offer', 'closed'],
  ['no longer interested', 'closed'],
  ['not applied', 'not-applied'],
  ['not yet applied', 'not-applied'],
  ['yet to apply', 'not-applied'],
  ['haven t applied', 'not-applied'],
  // French
  ['non retenu', 'closed'],
  ['non retenue', 'closed'],
  ['pas retenu', 'closed'],
  ['pas retenue', 'closed'],
  ['sans suite', 'closed'],
  ['pas encore postule', 'not-applied'],
  // German
  ['nicht ausgewahlt', 'closed'],
  ['keine zusage', 'closed'],
  ['noch nicht beworben', 'not-applied'],
  // Spanish
  ['no seleccionado', 'closed'],
  ['no seleccionada', 'closed'],
  ['sin postular', 'not-applied'],
  ['no postulado', 'not-applied'],
];

export const CLOSED = [
  'offer',
  'accepted',
  'hired',
  'rejected',
  'rejection',
  'declined',
  'withdrawn',
  'withdrew',
  'closed',
  'archived',
  'position filled',
  'ghosted',
  'turned down',
  // French
  'refuse',
  'refusee',
  'refus',
  'rejete',
  'rejetee',
  'offre',
  'embauche',
  'embauchee',
  'abandonne',
  'abandonnee',
  'desiste',
  'cloture',
  'cloturee',
  'archive',
  'poste pourvu',
  // German
  'abgelehnt',
  'absage',
  'zusage',
  'angebot',
  'eingestellt',
  'zuruckgezogen',
  'zurueckgezogen',
  'abgeschlossen',
  'geschlossen',
  'archiviert',
  'stelle besetzt',
  // Spanish
  'rechazado',
  'rechazada',
  'rechazo',
  'descartado',
  'descartada',
  'desestimado',
  'desestimada',
  'oferta',
  'contratado',
  'contratada',
  'retirado',
  'retirada',
  'cerrado',
  'cerrada',
  'archivado',
  'puesto cubierto',
];

export const INTERVIEWING = [
  'interview',
  'interviews',
  'interviewing',
  'interviewed',
  'phone screen',
  'screening',
  'onsite',
  'on site',
  'technical',
  'final round',
  'panel',
  'assessment',
  'take home',
  'case study',
  'second round',
  // French
  'entretien',
  'entretiens',
  'entrevue',
  'test technique',
  'cas pratique',
  // German
  'vorstellungsgesprach',
  'gesprach',
  'telefoninterview',
  'zweitgesprach',
  // Spanish
  'entrevista',
  'entrevistas',
  'prueba tecnica',
];

export const NOT_APPLIED = [
  'wishlist',
  'wish list',
  'saved',
  'bookmarked',
  'researching',
  'to apply',
  'preparing',
  // French
  'a postuler',
  'en preparation',
  'favori',
  'favoris',
  // German
  'merkliste',
  'vorgemerkt',
  'gemerkt',
  // Spanish
  'por postular',
  'guardado',
  'guardada',
  'favoritos',
];

/** A word that turns the next two round ("no interview yet", "not rejected", "pas refusé", "nicht abgelehnt"). */
export const NEGATORS = new Set([
  'no',
  'not',
  'never',
  'without',
  'haven',
  'hasn',
  'didn',
  'isn',
  'wasn',
  'pas',
  'non',
  'nicht',
  'kein',
  'keine',
  'sin',
]);

/** Words of a Status value that say the employer turned the application down, best first. */
export const REJECTION = [
  'rejected',
  'rejection',
  'not selected',
  'not moving forward',
  'declined',
  'turned down',
  'no offer',
  'refuse',
  'refusee',
  'rejete',
  'non retenu',
  'abgelehnt',
  'absage',
  'rechazado',
  'rechazada',
  'descartado',
  'no seleccionado',
];

/** Closed words that take no side: the second choice when no allowed value says rejected. */
export const NEUTRAL_CLOSED = [
  'closed',
  'archived',
  'position filled',
  'cloture',
  'archive',
  'geschlossen',
  'abgeschlossen',
  'archiviert',
  'cerrado',
  'cerrada',
  'archivado',
];

/** Closed words that say the user won or withdrew: a value with one of them is never written ("Offer declined"). */
export const USER_SIDE = [
  'i rejected',
  'we rejected',
  'rejected them',
  'rejected offer',
  'rejected the offer',
  'i declined',
  'we declined',
  'declined offer',
  'declined the offer',
  'offer',
  'accepted',
  'hired',
  'withdrawn',
  'withdrew',
  'offre',
  'embauche',
  'desiste',
  'abandonne',
  'angebot',
  'zusage',
  'eingestellt',
  'zuruckgezogen',
  'oferta',
  'contratado',
  'contratada',
  'retirado',
  'retirada',
];

/** What "Mark as rejected" writes into a Status cell that takes any text, in the sheet's language. */
export const REJECTED_WORD: Readonly<Record<Language, string>> = {
  en: 'Rejected',
  fr: 'Refusé',
  de: 'Abgelehnt',
  es: 'Rechazado',
};
