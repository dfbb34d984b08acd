/**
 * The drafts in French, written as a candidate writes to a recruiter in France: vous throughout, "Bonjour Zoé,",
 * "Cordialement," and no first-person adjective or participle that would have to agree with the writer's gender
 * (docs/DECISIONS.md, Languages). Typography: ’ for the apostrophe, a no-break space before a colon.
 */
import type { LanguagePack } from './language';

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** "de" before the job, elided before a vowel: "d’Analyste", "de Chef de projet" (an h is left alone: "de Head of…"). */
function ofRole(role: string): string {
  return /^[aeiouàâäéèêëîïôöùûüœæ]/i.test(role) ? `d’${role}` : `de ${role}`;
}

export const FRENCH: LanguagePack = {
  language: 'fr',
  name: 'Français',
  englishName: 'French',
  templates: {
    'thank-you': {
      subject: '{{yourName}} – Merci pour notre entretien',
      body: [
        '{{greeting}}',
        'Je vous remercie d’avoir pris le temps d’échanger avec moi sur {{position}} chez {{company}}. Cet entretien a encore renforcé mon envie de rejoindre votre équipe et de contribuer à ses projets.',
        '{{personalNote}}',
        'Si d’autres éléments peuvent vous être utiles pour votre décision, je vous les transmettrai très volontiers.',
        'Bien cordialement,\n{{yourName}}',
      ].join('\n\n'),
    },
    'check-in': {
      subject: 'Suivi de ma candidature{{#role}} – {{role}}{{/role}} chez {{company}}',
      body: [
        '{{greeting}}',
        'J’espère que vous allez bien. {{#expectedDate}}Lors de notre entretien, vous m’aviez indiqué un retour d’ici le {{expectedDate}}. Je me permets donc de revenir vers vous au sujet de ma candidature pour {{position}} chez {{company}}.{{/expectedDate}}{{^expectedDate}}Je me permets de revenir vers vous au sujet de ma candidature pour {{position}} chez {{company}}.{{/expectedDate}}',
        'Ce poste m’intéresse toujours vivement, et je vous remercie par avance de tout retour que vous pourrez me faire sur la suite du processus. Si des éléments complémentaires de ma part peuvent vous aider, je vous les enverrai sans délai.',
        'Cordialement,\n{{yourName}}',
      ].join('\n\n'),
    },
    'second-follow-up': {
      subject: 'Complément à ma candidature{{#role}} – {{role}}{{/role}} chez {{company}}',
      body: [
        '{{greeting}}',
        'Je reviens vers vous au sujet de ma candidature pour {{position}} chez {{company}}. Je sais qu’une telle décision demande du temps, et mon intérêt pour ce poste n’a fait que grandir depuis notre échange.',
        'J’aimerais vous faire part d’un élément nouveau qui pourrait vous être utile\u00a0:',
        '{{update}}',
        'N’hésitez pas à me dire si je peux vous transmettre autre chose.',
        'Cordialement,\n{{yourName}}',
      ].join('\n\n'),
    },
    'monthly-check-in': {
      subject: 'Prise de nouvelles{{#role}} – {{role}}{{/role}} chez {{company}}',
      body: [
        '{{greeting}}',
        'J’espère que tout va bien de votre côté. Je me permets ce petit mot pour vous dire que {{position}} chez {{company}} m’intéresse toujours autant. N’hésitez pas à revenir vers moi si la situation évolue, ou si un poste similaire venait à s’ouvrir.',
        'Bien cordialement,\n{{yourName}}',
      ].join('\n\n'),
    },
    'application-check-in': {
      subject: 'Ma candidature{{#role}} – {{role}}{{/role}} chez {{company}}',
      body: [
        '{{greeting}}',
        '{{#appliedDate}}Le {{appliedDate}}, je vous ai adressé{{/appliedDate}}{{^appliedDate}}Je vous ai récemment adressé{{/appliedDate}} ma candidature pour {{position}} chez {{company}}, et je me permets de revenir vers vous pour m’assurer qu’elle vous est bien parvenue et savoir si vous avez déjà une idée des prochaines étapes.',
        'Ce poste m’intéresse vivement, et je reste à votre disposition pour toute question.',
        'Cordialement,\n{{yourName}}',
      ].join('\n\n'),
    },
  },
  greeting: (firstName) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,'),
  position: (role) => (role ? `le poste ${ofRole(role)}` : 'le poste à pourvoir'),
  roleFallback: '',
  firstNameFallback: '',
  missingPersonalNote: '[Ajoutez ici un détail personnel de votre échange, puis supprimez cette ligne]',
  missingUpdate:
    '[Ajoutez ici une réalisation récente ou un lien vers un exemple de votre travail, puis supprimez cette ligne]',
  // "lundi 2 novembre", "mardi 1er décembre 2026": the first of the month is an ordinal in French.
  date: ({ weekday, day, month, year }) =>
    `${WEEKDAYS[weekday]} ${day === 1 ? '1er' : day} ${MONTHS[month - 1]}${year === null ? '' : ` ${year}`}`,
  sample: {
    recipientName: 'Zoé Martin',
    company: 'Lumière SA',
    role: 'Analyste de données',
    personalNote: 'J’ai beaucoup apprécié notre échange sur le passage de vos tableaux de bord au temps réel.',
    update:
      'Depuis notre échange, j’ai publié une étude de cas sur mon projet de tableau de bord\u00a0: https://example.com/etude',
  },
};
