/**
 * What an employer's reply says (docs/RULES.md §5), read from its subject and the start of its text (Gmail's
 * snippet): a rejection, an invitation to talk, an acknowledgement that the application arrived, or anything else.
 *
 * The rules, in order (the first that matches decides):
 * 1. **rejection** — a phrase that ends the process ("not moving forward", "other candidates", "position has been
 *    filled", "regret to inform"…), or "unfortunately" together with "application"/"candidacy", in English, French,
 *    German or Spanish;
 * 2. **invitation** — an offer to talk or to pick a time ("would like to invite", "schedule a call", "your
 *    availability", "next round"…), phrased as an offer rather than a condition ("if selected, we will schedule…" is
 *    not one);
 * 3. **acknowledgement** — a confirmation that the application was received ("we have received your application",
 *    "thank you for applying"…);
 * 4. **other** — anything else.
 * Text is compared lower-cased, without accents and with typographic apostrophes made plain.
 */

export type ReplyKind = 'rejection' | 'invitation' | 'acknowledgement' | 'other';

/** Lower case, accents removed (é → e, ß kept), ’ → ', white space collapsed: one form for every phrase below. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

const REJECTION = [
  // English
  /\bnot (?:be )?(?:moving|move|going|proceed(?:ing)?|progress(?:ing)?) (?:forward|ahead)\b/,
  /\b(?:move|moving|proceed|go|going) (?:forward|ahead) with (?:other|another|a different) (?:candidate|applicant)/,
  /\b(?:decided|chosen|chose|selected|opted|decision) [^.!?]{0,60}\b(?:other|another|a different|more suitable) (?:candidate|applicant)/,
  /\bpursu(?:e|ing) (?:other )?(?:candidates|applicants) (?:whose|who|with)\b/,
  /\b(?:position|role|vacancy|job) (?:has|have) (?:now )?been filled\b/,
  /\bregret to (?:inform|let you know|tell you|advise)\b/,
  /\bno longer (?:under consideration|being considered|considering)\b/,
  /\b(?:not|won't|will not) be (?:progressing|proceeding|moving forward|taking your application|offering you|extending)\b/,
  /\b(?:decided|decide|chosen) not to (?:proceed|move forward|progress|pursue|invite|offer|extend|continue)\b/,
  /\b(?:go|going|went|gone) (?:in )?a different direction\b/,
  /\b(?:was|were|have been|has been) unsuccessful\b/,
  // French
  /\b(?:retenu|choisi|privilegie|opte pour|selectionne|poursuivre avec|continuer avec)\b[^.!?]{0,40}\b(?:d')?autres? (?:candidats?|candidatures?|profils?|personnes)\b/,
  /\b(?:ne|n'|pas)\b[^.!?]{0,40}\b(?:donner|donnerons|donnera|donnons|y)\b[^.!?]{0,15}\bsuite\b|\bsans suite\b/,
  /\b(?:pas|non) (?:ete )?retenue?s?\b/,
  /\bposte (?:a|est) (?:deja )?(?:ete )?pourvu\b/,
  /\b(?:regrettons|avons le regret) de vous (?:informer|annoncer|faire part)\b/,
  /\bne correspond (?:pas|plus)\b/,
  // German
  /\b(?:entschieden|ausgewahlt|gefallen)\b[^.!?]{0,60}\b(?:andere[nr]?|weitere[nr]?) (?:kandidat|bewerber)|\b(?:andere[nr]?) (?:kandidat|bewerber)[^.!?]{0,60}\b(?:entschieden|ausgewahlt)/,
  /\bwahl (?:ist )?auf (?:eine[nr]? )?andere/,
  /\bnicht (?:weiter )?(?:zu )?(?:berucksichtig|beruecksichtig|verfolgen)/,
  /\b(?:stelle|position) (?:ist|wurde) (?:bereits |inzwischen )?(?:besetzt|vergeben)\b/,
  /\b(?:absage|gegen sie entschieden|fur einen anderen|fuer einen anderen)\b/,
  /\bkeine (?:positive|gute) (?:ruckmeldung|rueckmeldung|nachricht)\b/,
  /\bleider\b[^.!?]{0,60}\b(?:mitteilen|absagen|berucksichtig|anderen (?:kandidat|bewerber))/,
  // Spanish
  /\b(?:optado|elegido|decidido|seleccionado|seguir|continuar)\b[^.!?]{0,40}\botr[oa]s (?:candidat|perfiles|personas)/,
  /\bno (?:continuar|seguir adelante|avanzar|seguiremos|continuaremos|avanzaremos)\b/,
  /\bpuesto (?:ha sido|fue|ya ha sido) (?:cubierto|ocupado)\b/,
  /\b(?:lamentamos|sentimos) (?:informarle|informarte|comunicarle|comunicarte)\b/,
  /\bno (?:ha|has) sido (?:seleccionad|elegid)/,
];

/**
 * A regret, about the application, with a negative outcome, all in one sentence ("Unfortunately, your application
 * was not successful"; not "Unfortunately the interviewer is ill. Your application is still under consideration").
 */
const REGRET = /\b(?:unfortunately|malheureusement|leider|lamentablemente|desafortunadamente)\b/;
const ABOUT = /\b(?:application|candidacy|candidature|bewerbung|candidatura|solicitud|postulacion)\b/;
const NEGATIVE =
  /\b(?:not|no longer|unable|cannot|can't|won't|unsuccessful|ne|pas|nicht|kein|keine|keinen|absage|no)\b|n'/;

function regretsApplication(text: string): boolean {
  return text.split(/[.!?]+(?:\s|$)/).some((s) => REGRET.test(s) && ABOUT.test(s) && NEGATIVE.test(s));
}

const INVITATION = [
  // English
  /\b(?:would|we'd|i'd) (?:like|love) to (?:invite|schedule|set up|arrange|book|speak|talk|chat|meet|move you)\b/,
  /\b(?:invite|inviting) you (?:to|for)\b/,
  /\b(?:share|send|let (?:me|us) know|tell (?:me|us)|confirm) (?:your|some) (?:availability|available times)\b/,
  /\bwhat (?:is|does) your availability\b|\bare you available\b/,
  /\b(?:pick|choose|book|select) a (?:time|slot)\b/,
  /\b(?:next|final|second|third) (?:round|stage|interview)\b/,
  /\bcalendly\.com\b/,
  // French
  /\b(?:vous|te) (?:inviter|convier|convions|invitons|rencontrer)\b/,
  /\b(?:planifier|organiser|fixer|programmer) un (?:entretien|echange|appel|rendez-vous)\b/,
  /\bvos disponibilites\b/,
  /\b(?:prochaine|derniere) etape\b|\bprochain entretien\b/,
  // German
  /\b(?:laden|mochten|moechten) (?:wir )?(?:sie|dich) (?:gerne |herzlich )?(?:zu|ein|kennenlernen|einladen)/,
  /\beinladung (?:zu|zum)\b/,
  /\btermin (?:zu )?(?:vereinbaren|finden|abstimmen)\b/,
  /\b(?:ihre|deine) verfugbarkeit|\b(?:ihre|deine) verfuegbarkeit/,
  /\b(?:nachste|naechste|zweite|letzte) (?:runde|gesprachsrunde|stufe)\b/,
  // Spanish
  /\b(?:invitarle|invitarte|invitarlo|invitarla|le invitamos|te invitamos)\b/,
  /\b(?:agendar|programar|concertar|coordinar) (?:una )?(?:entrevista|llamada|reunion)\b/,
  /\b(?:su|tu) disponibilidad\b/,
  /\b(?:siguiente|proxima|ultima) (?:fase|etapa|ronda)\b/,
];

/** "If you are selected we will schedule…": a condition about the future is not an invitation. */
const CONDITIONAL =
  /\b(?:if|should|in the event|once) (?:you|your|we|there|our)\b|\bsi (?:votre|vous|nous|tu|su)\b|\bfalls\b|\bsollten (?:sie|wir)\b/;

const ACKNOWLEDGEMENT = [
  // English
  /\b(?:received|receipt of|got) your (?:application|cv|resume|candidacy)\b/,
  /\b(?:application|submission) (?:has been|was|is) (?:successfully )?(?:received|submitted)\b/,
  /\bthanks? (?:you )?for (?:applying|your application|submitting your application)\b/,
  // French
  /\b(?:bien )?recu (?:votre|ta) candidature\b|\bavons bien recu\b|\baccuse de reception\b/,
  /\bmerci (?:pour|de) (?:votre|ta) candidature\b|\bmerci d'avoir postule\b/,
  // German
  /\beingangsbestatigung\b|\beingangsbestaetigung\b|\bbewerbung (?:ist |wurde )?(?:erhalten|eingegangen)\b/,
  /\b(?:vielen )?dank fur (?:ihre|deine) bewerbung\b|\b(?:vielen )?dank fuer (?:ihre|deine) bewerbung\b/,
  // Spanish
  /\bhemos recibido (?:su|tu)\b|\bacuse de recibo\b/,
  /\bgracias por (?:postularte|postular|su candidatura|tu candidatura|su solicitud|tu solicitud|aplicar)\b/,
];

/** Polite openings that are no condition on the offer ("if you are still interested, please share…"). */
const POLITE =
  /\b(?:if you are|if you're|if you remain) (?:still )?(?:interested|available|keen)\b|\bsi (?:vous etes|tu es) toujours interesse/g;

/** An invitation said the other way round ("we have decided not to invite you") is none. */
const NOT_INVITED = /\b(?:not|no longer|won't|will not|nicht|pas|no)\s+(?:\S+\s+){0,2}$/;

function invites(raw: string): boolean {
  const text = raw.replace(POLITE, '');
  for (const pattern of INVITATION) {
    const hit = pattern.exec(text);
    if (!hit) continue;
    // The sentence around the phrase, from its last full stop: a conditional there makes it no offer.
    const start = Math.max(text.lastIndexOf('. ', hit.index), text.lastIndexOf('! ', hit.index), 0);
    const before = text.slice(start, hit.index);
    if (!CONDITIONAL.test(before) && !NOT_INVITED.test(before)) return true;
  }
  return false;
}

/**
 * What a reply says, from its subject and text (docs/RULES.md §5; the rules are listed at the top of this file).
 * @param subject the Subject header, any "Re:" included
 * @param text the start of the body (Gmail's snippet, HTML entities decoded) or the whole body
 */
export function classifyReply(subject: string, text: string): ReplyKind {
  const folded = foldText(`${subject}. ${text}`);
  if (REJECTION.some((p) => p.test(folded)) || regretsApplication(folded)) return 'rejection';
  if (invites(folded)) return 'invitation';
  if (ACKNOWLEDGEMENT.some((p) => p.test(folded))) return 'acknowledgement';
  return 'other';
}
