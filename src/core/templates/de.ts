/**
 * The drafts in German, written as a candidate writes to a recruiter: Sie throughout, "Hallo Anna," with a first name
 * and "Guten Tag," without one, the body starting in lower case after the greeting's comma, and "Mit freundlichen
 * Grüßen" without a comma (docs/DECISIONS.md, Languages).
 */
import type { LanguagePack } from './language';

const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

export const GERMAN: LanguagePack = {
  language: 'de',
  name: 'Deutsch',
  englishName: 'German',
  templates: {
    'thank-you': {
      subject: '{{yourName}} – Vielen Dank für das Gespräch',
      body: [
        '{{greeting}}',
        'vielen Dank, dass Sie sich die Zeit genommen haben, mit mir über {{position}} bei {{company}} zu sprechen. Das Gespräch hat mich darin bestärkt, dass ich sehr gern Teil Ihres Teams werden und mich dort einbringen möchte.',
        '{{personalNote}}',
        'Wenn ich Ihnen für Ihre Entscheidung noch etwas zukommen lassen kann, sagen Sie mir gern Bescheid.',
        'Mit freundlichen Grüßen\n{{yourName}}',
      ].join('\n\n'),
    },
    'check-in': {
      subject: 'Nachfrage zu meiner Bewerbung{{#role}} als {{role}}{{/role}} bei {{company}}',
      body: [
        '{{greeting}}',
        'ich hoffe, es geht Ihnen gut. {{#expectedDate}}In unserem Gespräch hatten Sie mir eine Rückmeldung bis {{expectedDate}} in Aussicht gestellt. Daher möchte ich mich nach dem aktuellen Stand meiner Bewerbung für {{position}} bei {{company}} erkundigen.{{/expectedDate}}{{^expectedDate}}Ich möchte mich gern nach dem aktuellen Stand meiner Bewerbung für {{position}} bei {{company}} erkundigen.{{/expectedDate}}',
        'Die Stelle interessiert mich nach wie vor sehr, und ich freue mich, von Ihnen zu hören. Falls Sie noch Informationen oder Unterlagen von mir benötigen, schicke ich Ihnen diese gern umgehend.',
        'Mit freundlichen Grüßen\n{{yourName}}',
      ].join('\n\n'),
    },
    'second-follow-up': {
      subject: 'Ergänzung zu meiner Bewerbung{{#role}} als {{role}}{{/role}} bei {{company}}',
      body: [
        '{{greeting}}',
        'ich melde mich noch einmal wegen meiner Bewerbung für {{position}} bei {{company}}. Mir ist bewusst, dass eine solche Entscheidung Zeit braucht – mein Interesse an der Stelle ist seit unserem Gespräch sogar noch gewachsen.',
        'Inzwischen gibt es etwas Neues, das für Sie interessant sein könnte:',
        '{{update}}',
        'Lassen Sie mich gern wissen, ob ich Ihnen noch etwas zukommen lassen kann.',
        'Mit freundlichen Grüßen\n{{yourName}}',
      ].join('\n\n'),
    },
    'monthly-check-in': {
      subject: 'Weiterhin Interesse an der Stelle{{#role}} als {{role}}{{/role}} bei {{company}}',
      body: [
        '{{greeting}}',
        'ich hoffe, bei Ihnen ist alles in Ordnung. Ich wollte mich kurz melden, um Ihnen zu sagen, dass mich {{position}} bei {{company}} weiterhin sehr interessiert. Falls sich etwas Neues ergibt oder eine ähnliche Stelle frei wird, freue ich mich über eine kurze Nachricht.',
        'Viele Grüße\n{{yourName}}',
      ].join('\n\n'),
    },
    'application-check-in': {
      subject: 'Meine Bewerbung{{#role}} als {{role}}{{/role}} bei {{company}}',
      body: [
        '{{greeting}}',
        '{{#appliedDate}}am {{appliedDate}} habe ich mich{{/appliedDate}}{{^appliedDate}}vor Kurzem habe ich mich{{/appliedDate}} bei {{company}} auf {{position}} beworben und möchte mich erkundigen, ob meine Unterlagen gut angekommen sind und ob es schon Neuigkeiten zu den nächsten Schritten gibt.',
        'Die Stelle interessiert mich sehr, und ich sende Ihnen gern weitere Unterlagen, falls Sie etwas benötigen.',
        'Mit freundlichen Grüßen\n{{yourName}}',
      ].join('\n\n'),
    },
  },
  greeting: (firstName) => (firstName ? `Hallo ${firstName},` : 'Guten Tag,'),
  position: (role) => (role ? `die Stelle als ${role}` : 'die ausgeschriebene Stelle'),
  roleFallback: '',
  firstNameFallback: '',
  missingPersonalNote: '[Hier ein persönliches Detail aus dem Gespräch ergänzen, dann diese Zeile löschen]',
  missingUpdate:
    '[Hier einen aktuellen Erfolg oder einen Link zu einer Arbeitsprobe ergänzen, dann diese Zeile löschen]',
  // "Montag, 2. November"; Austria (de_AT) calls January "Jänner".
  date: ({ weekday, day, month, year }, locale) => {
    const name = month === 1 && /^de[_-]at$/i.test(locale) ? 'Jänner' : MONTHS[month - 1];
    return `${WEEKDAYS[weekday]}, ${day}. ${name}${year === null ? '' : ` ${year}`}`;
  },
  sample: {
    recipientName: 'Anna Schmidt',
    company: 'Nordlicht GmbH',
    role: 'Datenanalystin',
    personalNote: 'Besonders spannend fand ich, wie Ihr Team die Auswertungen auf Echtzeitdaten umgestellt hat.',
    update:
      'Seit unserem Gespräch habe ich eine Fallstudie zu meinem Auswertungsprojekt veröffentlicht: https://example.com/fallstudie',
  },
};
