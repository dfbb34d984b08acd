/** classifyReply: what an employer's answer says, in each built-in language (docs/RULES.md §5). */
import { classifyReply, type ReplyKind } from '../../src/core/reply-classify';

type Case = [subject: string, text: string, kind: ReplyKind];

const ENGLISH: Case[] = [
  [
    'Your application to Lumenfield',
    'Unfortunately we have decided to move forward with other candidates.',
    'rejection',
  ],
  [
    'Update on the QA Lead role',
    'After careful review we will not be moving forward with your candidacy.',
    'rejection',
  ],
  [
    'QA Lead',
    'Thanks for your time. The position has been filled, but we will keep your details on file.',
    'rejection',
  ],
  ['Re: Thank you', 'We regret to inform you that the team chose someone with more domain experience.', 'rejection'],
  ['Your application', 'Unfortunately, your application was not selected this time.', 'rejection'],
  ['Re: Thank you', 'We would like to invite you to a final round with the director.', 'invitation'],
  ['Next steps', 'Great talking to you! Could you share your availability for next week?', 'invitation'],
  ['Interview', 'Please pick a time that suits you: https://calendly.com/brightwave/30min', 'invitation'],
  ['Re: Data Analyst', "We'd love to set up a call with the hiring manager.", 'invitation'],
  [
    'We received your application',
    'Thank you for applying to Brightwave. Our team will review it shortly.',
    'acknowledgement',
  ],
  [
    'Application confirmation',
    'Your application has been received. If your profile matches, we will reach out to schedule an interview.',
    'acknowledgement',
  ],
  ['Re: Thank you', 'Thanks Casey, it was great meeting you too. We will be in touch soon.', 'other'],
  ['Re: Portfolio', 'Got it, I have passed the link to the team.', 'other'],
  ['Update', 'We have chosen to proceed with another candidate for this role.', 'rejection'],
  ['Update', 'The team decided to pursue candidates whose background is closer to payments.', 'rejection'],
  ['Update', 'We have decided not to invite you to the onsite stage.', 'rejection'],
  ['Update', 'We will not be offering you a place on the team this time.', 'rejection'],
  ['Update', 'The company has decided to go in a different direction for the role.', 'rejection'],
  ['Update', 'We are still meeting other candidates and will come back to you next Tuesday.', 'other'],
  ['Next steps', 'We met other candidates too, but we would like to invite you to a second round.', 'invitation'],
  [
    'Reschedule',
    'Unfortunately the panel lead is off sick. Your application is still with us; we will rebook.',
    'other',
  ],
  ['Re: Interview', 'Unfortunately I cannot do Thursday after all. Your application is in good shape!', 'other'],
  ['Next steps', 'If you are still interested, please share your availability for a short call.', 'invitation'],
];

const FRENCH: Case[] = [
  [
    'Votre candidature',
    'Malheureusement, nous ne sommes pas en mesure de donner suite à votre candidature.',
    'rejection',
  ],
  ['Poste de chef de projet', 'Nous avons retenu d’autres candidats dont le profil correspond davantage.', 'rejection'],
  ['Re : Merci', 'Nous regrettons de vous informer que le poste a été pourvu.', 'rejection'],
  ['Entretien', 'Nous souhaiterions vous inviter à un second entretien avec l’équipe.', 'invitation'],
  ['Suite de votre candidature', 'Pourriez-vous nous indiquer vos disponibilités la semaine prochaine ?', 'invitation'],
  ['Accusé de réception', 'Nous avons bien reçu votre candidature et reviendrons vers vous.', 'acknowledgement'],
  ['Merci pour votre candidature', 'Notre équipe l’étudiera avec attention.', 'acknowledgement'],
  ['Re : Merci', 'Merci à vous, ce fut un plaisir d’échanger.', 'other'],
  [
    'Votre candidature',
    'Nous avons le regret de vous annoncer que nous ne donnerons pas suite à votre dossier.',
    'rejection',
  ],
  ['Votre candidature', 'Il ne nous est pas possible de donner une suite favorable à votre demande.', 'rejection'],
  ['Poste de juriste', 'Après examen, votre profil ne correspond pas à nos besoins actuels.', 'rejection'],
  ['Re : Entretien', 'Je n’ai pas encore de retour de l’équipe, je reviens vers vous par la suite.', 'other'],
];

const GERMAN: Case[] = [
  [
    'Ihre Bewerbung',
    'Leider müssen wir Ihnen mitteilen, dass wir Ihre Bewerbung nicht berücksichtigen können.',
    'rejection',
  ],
  ['Absage', 'Vielen Dank für Ihr Interesse an der Stelle bei Initech.', 'rejection'],
  ['Stelle Data Analyst', 'Wir haben uns für einen anderen Bewerber entschieden.', 'rejection'],
  ['Die Stelle', 'Die Stelle ist bereits besetzt.', 'rejection'],
  ['Einladung zum Gespräch', 'Wir möchten Sie gerne zu einem Gespräch einladen.', 'invitation'],
  [
    'Nächste Schritte',
    'Bitte nennen Sie uns Ihre Verfügbarkeit, damit wir einen Termin vereinbaren können.',
    'invitation',
  ],
  ['Eingangsbestätigung', 'Ihre Bewerbung ist bei uns eingegangen.', 'acknowledgement'],
  ['Ihre Bewerbung', 'Vielen Dank für Ihre Bewerbung. Wir melden uns in Kürze.', 'acknowledgement'],
  ['AW: Danke', 'Danke ebenfalls, es war ein gutes Gespräch.', 'other'],
  ['Ihre Bewerbung', 'Wir haben entschieden, Ihre Bewerbung nicht weiter zu verfolgen.', 'rejection'],
  ['Rückmeldung', 'Leider können wir Ihnen keine positive Rückmeldung geben.', 'rejection'],
  ['Rückmeldung', 'Die Wahl ist auf eine andere Bewerberin gefallen.', 'rejection'],
  ['AW: Termin', 'Leider kann ich am Dienstag nicht, wollen wir einen neuen Termin finden?', 'invitation'],
];

const SPANISH: Case[] = [
  ['Tu candidatura', 'Lamentablemente hemos decidido no seguir adelante con tu candidatura.', 'rejection'],
  ['Proceso de selección', 'Hemos optado por otros candidatos cuyo perfil se ajusta mejor.', 'rejection'],
  ['Puesto de analista', 'Le informamos de que el puesto ha sido cubierto.', 'rejection'],
  ['Entrevista', 'Nos gustaría invitarle a una segunda entrevista con el equipo.', 'invitation'],
  ['Siguiente paso', '¿Podría indicarnos su disponibilidad para agendar una llamada?', 'invitation'],
  ['Confirmación', 'Hemos recibido tu candidatura para el puesto de analista.', 'acknowledgement'],
  ['Gracias por postularte', 'Revisaremos tu perfil con atención.', 'acknowledgement'],
  ['RE: Gracias', 'Gracias a ti, fue un placer conversar.', 'other'],
  ['Proceso de selección', 'En esta ocasión no seguiremos adelante con tu proceso.', 'rejection'],
  ['Tu candidatura', 'Hemos decidido continuar con otras personas candidatas.', 'rejection'],
];

describe('classifyReply', () => {
  describe.each([
    ['English', ENGLISH],
    ['French', FRENCH],
    ['German', GERMAN],
    ['Spanish', SPANISH],
  ])('in %s', (_language, cases) => {
    it.each(cases)('%s — %s → %s', (subject, text, kind) => {
      expect(classifyReply(subject, text)).toBe(kind);
    });
  });

  it('reads a rejection before an invitation or an acknowledgement in the same mail', () => {
    const text =
      'Thank you for applying. Unfortunately we will not be moving forward; we would like to invite you to apply again.';
    expect(classifyReply('Your application', text)).toBe('rejection');
  });

  it('does not take a condition about the future for an invitation', () => {
    expect(classifyReply('Thanks', 'If you are shortlisted, we would like to schedule a call.')).toBe('other');
    expect(classifyReply('Thanks', 'Should your profile match, we would love to chat.')).toBe('other');
  });

  it('reads the words whatever their case, accents and apostrophes', () => {
    expect(classifyReply('', 'WE’D LIKE TO SCHEDULE A CALL')).toBe('invitation');
    expect(classifyReply('', 'nous avons bien recu votre candidature')).toBe('acknowledgement');
    expect(classifyReply('', 'Die Stelle wurde bereits besetzt')).toBe('rejection');
  });
});
