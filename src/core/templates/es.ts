/**
 * The drafts in Spanish, written as a candidate writes to a recruiter: usted throughout, "Buenos días, Lucía:" with
 * the colon of a Spanish salutation, "Saludos cordiales," and no first-person adjective that would have to agree
 * with the writer's gender (docs/DECISIONS.md, Languages).
 */
import type { LanguagePack } from './language';

const WEEKDAYS = ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'];
const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

export const SPANISH: LanguagePack = {
  language: 'es',
  name: 'Español',
  englishName: 'Spanish',
  templates: {
    'thank-you': {
      subject: '{{yourName}} – Gracias por la entrevista',
      body: [
        '{{greeting}}',
        'Muchas gracias por dedicarme su tiempo para hablar sobre {{position}} en {{company}}. Nuestra conversación reforzó aún más mi interés en formar parte de su equipo y contribuir a sus proyectos.',
        '{{personalNote}}',
        'Si necesita cualquier otra información para tomar su decisión, no dude en pedírmela; se la enviaré con mucho gusto.',
        'Saludos cordiales,\n{{yourName}}',
      ].join('\n\n'),
    },
    'check-in': {
      subject: 'Seguimiento de mi candidatura para {{position}} en {{company}}',
      body: [
        '{{greeting}}',
        'Espero que se encuentre bien. {{#expectedDate}}En la entrevista me comentó que podría tener una respuesta para el {{expectedDate}}, así que me pongo en contacto con usted para conocer el estado de mi candidatura para {{position}} en {{company}}.{{/expectedDate}}{{^expectedDate}}Me pongo en contacto con usted para conocer el estado de mi candidatura para {{position}} en {{company}}.{{/expectedDate}}',
        'El puesto me sigue interesando mucho y le agradecería cualquier novedad que pueda compartir conmigo. Si necesita más información por mi parte, se la enviaré enseguida.',
        'Saludos cordiales,\n{{yourName}}',
      ].join('\n\n'),
    },
    'second-follow-up': {
      subject: 'Novedades sobre mi candidatura para {{position}} en {{company}}',
      body: [
        '{{greeting}}',
        'Le escribo de nuevo en relación con mi candidatura para {{position}} en {{company}}. Entiendo que una decisión así lleva su tiempo, y mi interés por el puesto no ha hecho más que crecer.',
        'Desde nuestra última conversación tengo algo nuevo que compartir con usted y que quizá le resulte útil:',
        '{{update}}',
        'Quedo a su disposición para cualquier otra cosa que necesite.',
        'Saludos cordiales,\n{{yourName}}',
      ].join('\n\n'),
    },
    'monthly-check-in': {
      subject: 'Mi interés por {{position}} en {{company}}',
      body: [
        '{{greeting}}',
        'Espero que todo vaya bien. Le escribo brevemente para decirle que {{position}} en {{company}} me sigue interesando mucho. Si hay alguna novedad, o si se abre un puesto similar, me encantaría saberlo.',
        'Un cordial saludo,\n{{yourName}}',
      ].join('\n\n'),
    },
    'application-check-in': {
      subject: 'Mi candidatura para {{position}} en {{company}}',
      body: [
        '{{greeting}}',
        '{{#appliedDate}}El {{appliedDate}} presenté{{/appliedDate}}{{^appliedDate}}Hace poco presenté{{/appliedDate}} mi candidatura para {{position}} en {{company}} y me gustaría confirmar que la recibieron correctamente, así como saber si ya hay novedades sobre los próximos pasos.',
        'El puesto me interesa mucho y con gusto le facilitaré cualquier otra información que necesite.',
        'Saludos cordiales,\n{{yourName}}',
      ].join('\n\n'),
    },
  },
  greeting: (firstName) => (firstName ? `Buenos días, ${firstName}:` : 'Buenos días:'),
  position: (role) => (role ? `el puesto de ${role}` : 'el puesto'),
  roleFallback: '',
  firstNameFallback: '',
  missingPersonalNote: '[Añada aquí un detalle personal de la conversación y después borre esta línea]',
  missingUpdate: '[Añada aquí un logro reciente o un enlace a una muestra de su trabajo y después borre esta línea]',
  // "lunes 2 de noviembre", "martes 1 de diciembre de 2026".
  date: ({ weekday, day, month, year }) =>
    `${WEEKDAYS[weekday]} ${day} de ${MONTHS[month - 1]}${year === null ? '' : ` de ${year}`}`,
  sample: {
    recipientName: 'Lucía García',
    company: 'Soluciones Sol',
    role: 'Analista de datos',
    personalNote: 'Me gustó mucho conocer cómo su equipo pasó sus paneles de datos a tiempo real.',
    update:
      'Desde nuestra conversación he publicado un caso práctico sobre mi proyecto de paneles: https://example.com/caso',
  },
};
