/** The drafts in English: the built-in wording, a friendly "Hi Sam," and dates as the locale writes them. */
import type { LanguagePack } from './language';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const ENGLISH: LanguagePack = {
  language: 'en',
  name: 'English',
  englishName: 'English',
  templates: {
    'thank-you': {
      subject: '{{yourName}} – Thank you',
      body: [
        '{{greeting}}',
        'Thank you for taking the time to talk with me about the {{role}} role at {{company}}. I came away even more excited about the team and the work, and I would be glad to contribute to it.',
        '{{personalNote}}',
        'If there is anything else I can share to help with your decision, I would be happy to send it over.',
        'Best wishes,\n{{yourName}}',
      ].join('\n\n'),
    },
    'check-in': {
      subject: 'Checking in on the {{role}} role at {{company}}',
      body: [
        '{{greeting}}',
        'I hope your week is going well. {{#expectedDate}}When we spoke, you mentioned I might hear back by {{expectedDate}}, so I wanted to check in on where things stand with my application for the {{role}} role at {{company}}.{{/expectedDate}}{{^expectedDate}}I wanted to check in on where things stand with my application for the {{role}} role at {{company}}.{{/expectedDate}}',
        'I am still very interested in the position and would be grateful for any update you can share. If more information from me would help, just say the word and I will send it straight away.',
        'Kind regards,\n{{yourName}}',
      ].join('\n\n'),
    },
    'second-follow-up': {
      subject: 'Following up on the {{role}} role at {{company}}',
      body: [
        '{{greeting}}',
        'I am following up once more about the {{role}} role at {{company}}. I know decisions like this take time, and my enthusiasm for the opportunity has only grown.',
        'Since we last spoke, I wanted to share something new that may be useful:',
        '{{update}}',
        'Please let me know if there is anything else I can provide.',
        'Kind regards,\n{{yourName}}',
      ].join('\n\n'),
    },
    'monthly-check-in': {
      subject: 'Still interested in the {{role}} role at {{company}}',
      body: [
        '{{greeting}}',
        'I hope all is well. A quick note to say I am still very interested in the {{role}} role at {{company}}, and I would be glad to hear if anything has moved on, or if a similar opening comes up.',
        'Best wishes,\n{{yourName}}',
      ].join('\n\n'),
    },
    'application-check-in': {
      subject: 'My application for the {{role}} role at {{company}}',
      body: [
        '{{greeting}}',
        'I applied for the {{role}} role at {{company}}{{#appliedDate}} on {{appliedDate}}{{/appliedDate}} and wanted to follow up to make sure my application reached you, and to ask whether there is any news on next steps.',
        'I am very interested in the position and happy to provide anything else you need.',
        'Kind regards,\n{{yourName}}',
      ].join('\n\n'),
    },
  },
  greeting: (firstName) => (firstName ? `Hi ${firstName},` : 'Hello,'),
  position: (role) => `the ${role || 'open'} role`,
  roleFallback: 'open',
  firstNameFallback: 'there',
  missingPersonalNote: '[Add a personal detail from your conversation here, then delete this line]',
  missingUpdate: '[Add a recent achievement or a link to a work sample here, then delete this line]',
  // en_US writes the month first ("Friday, November 20"); other English locales the day ("Friday 20 November").
  date: ({ weekday, day, month, year }, locale) =>
    locale.replace('-', '_').toLowerCase() === 'en_us'
      ? `${WEEKDAYS[weekday]}, ${MONTHS[month - 1]} ${day}${year === null ? '' : `, ${year}`}`
      : `${WEEKDAYS[weekday]} ${day} ${MONTHS[month - 1]}${year === null ? '' : ` ${year}`}`,
  sample: {
    recipientName: 'Sam Lee',
    company: 'Acme',
    role: 'Data Engineer',
    personalNote: 'I enjoyed hearing how the team moved its pipelines to streaming.',
    update: 'Since we spoke I published a write-up of my dashboard project: https://example.com/dashboard',
  },
};
