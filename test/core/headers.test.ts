/** Headers by meaning (docs/RULES.md §1): real header rows in, the key → header map out. */
import fc from 'fast-check';
import {
  COLUMN_HEADERS,
  COLUMN_KEYS,
  type ColumnKey,
  closestHeader,
  type HeaderMap,
  MANAGED_HEADERS,
  matchHeaders,
  normaliseHeader,
} from '../../src/core/columns';
import { readHeader } from '../../src/core/headers';

/** The map as key → header text, for readable expectations. */
function byHeader(row: readonly string[], map: HeaderMap = matchHeaders(row)): Partial<Record<ColumnKey, string>> {
  return Object.fromEntries(Object.entries(map.columns).map(([key, index]) => [key, row[index]!]));
}

describe('matchHeaders › the spellings of RULES §1', () => {
  const every = COLUMN_KEYS.flatMap((key) => COLUMN_HEADERS[key].map((header) => [header, key] as const));
  it.each(every)('"%s" is %s', (header, key) => {
    expect(byHeader(['Something else', header])).toEqual({ [key]: header });
  });

  it.each([
    ['COMPANY', 'company'],
    ['JOB TITLE', 'role'],
    ['applied_date', 'applied'],
    ['appliedDate', 'applied'],
    ['HRContactEmail', 'recruiterEmail'],
    ['Contact_E_mail_Address', 'recruiterEmail'],
    ['✉️ Applied on?', 'applied'],
    ['# Thank-you sent (optional)', 'thankYou'],
    ['Notes (if known)', 'notes'],
    ['Interview date (yyyy/mm/dd)', 'interview'],
    ['Applied (dd/mm/yyyy)', 'applied'],
    ['# of follow-ups', 'followUps'],
    ["Interviewer's email", 'interviewerEmail'],
    ['Email (interviewer)', 'interviewerEmail'],
  ])('reads the decorated "%s" as %s', (header, key) => {
    expect(byHeader([header])).toEqual({ [key]: header });
  });
});

describe('matchHeaders › headers that only share a word', () => {
  it.each([
    'Expected salary',
    'Application Deadline',
    'Application Link',
    'Application Form',
    'Application ID',
    'Days Since Applied',
    'Interview Type',
    'Interview Round',
    'Interview Rounds',
    'Interview Time',
    'Total Interviews',
    'Job Url',
    'Job Description Link',
    'Job Type',
    'Role type',
    'Company Website',
    'Company Type',
    'Contact Phone Number',
    'My Mail ID provided',
    'My email',
    'Response Rate',
    'No Reply',
    'Warning Message Column',
    'Number of Interested Messages',
    'Priority',
    'Date generated',
    'Timestamp',
    'Detailed Status',
    'Last update',
    'Notes 2 (mine)',
    'Next Action',
    'Salary/Rate',
  ])('"%s" is the user\'s own column', (header) => {
    expect(byHeader(['Company', header])).toEqual({ company: 'Company' });
  });
});

/** The real header rows of the project's layouts (docs/DECISIONS.md › Headers), each with its whole expected map. */
const LAYOUTS: { source: string; row: string[]; map: Partial<Record<ColumnKey, string>>; ambiguous?: string[] }[] = [
  {
    source: 'a UK CSV tracker',
    row: ['Job Title', 'Company', 'Date Applied', 'Status'],
    map: { role: 'Job Title', company: 'Company', applied: 'Date Applied', status: 'Status' },
  },
  {
    source: "LinkedIn's Job Applications export",
    row: [
      'Application Date',
      'Contact Email',
      'Contact Phone Number',
      'Company Name',
      'Job Title',
      'Job Url',
      'Resume Name',
      'Question And Answers',
    ],
    map: { applied: 'Application Date', recruiterEmail: 'Contact Email', company: 'Company Name', role: 'Job Title' },
  },
  {
    source: 'an upper-case CSV tracker',
    row: [
      'COMPANY',
      'JOB TITLE',
      'LOCATION',
      'JOB DESCRIPTION LINK',
      'SOURCE',
      'REFERRED BY',
      'SALARY',
      'BENEFITS',
      'APP SUBMITTED DATE',
      'TOTAL INTERVIEWS',
    ],
    map: { company: 'COMPANY', role: 'JOB TITLE', applied: 'APP SUBMITTED DATE' },
  },
  {
    source: 'a snake_case export',
    row: [
      'date_generated',
      'fit',
      'b2b',
      'region',
      'company',
      'title',
      'source',
      'url',
      'folder',
      'status',
      'applied_date',
      'response',
    ],
    map: { company: 'company', role: 'title', status: 'status', applied: 'applied_date', heardBack: 'response' },
  },
  {
    source: 'a tracker whose only date is "date"',
    row: [
      'date',
      'company',
      'sector',
      'role',
      'role_type',
      'channel',
      'status',
      'contact_person',
      'fit_rating',
      'notes',
      'cv_file',
      'cover_letter_file',
      'source',
    ],
    map: {
      applied: 'date',
      company: 'company',
      role: 'role',
      status: 'status',
      recruiter: 'contact_person',
      notes: 'notes',
    },
  },
  {
    source: 'a tracker with Date Added and Next Step Due',
    row: [
      'Date Added',
      'Company',
      'Role',
      'Location',
      'Comp (if known)',
      'Link',
      'Status',
      'Last Action',
      'Next Step',
      'Next Step Due',
      'Notes',
    ],
    map: {
      applied: 'Date Added',
      company: 'Company',
      role: 'Role',
      status: 'Status',
      expected: 'Next Step',
      plannedFollowUp: 'Next Step Due',
      notes: 'Notes',
    },
  },
  {
    source: 'an Obsidian CSV template (yyyy/mm/dd)',
    row: [
      'Company',
      'Role/Title',
      'Salary/Rate',
      'Location/Remote',
      'Job Link',
      'Date Applied',
      'Application Deadline (yyyy/mm/dd)',
      'Contact Name/Title',
      'Contact Info Phone/E-mail',
      'Response and Feedback',
      'Interview Type',
      'Interview Round',
      'Interviewer Name',
      'Interview Time',
      'Interview Date',
      'Follow-up?',
      'Follow-up Date',
      'Offer',
      'Notes',
    ],
    map: {
      company: 'Company',
      role: 'Role/Title',
      applied: 'Date Applied',
      recruiter: 'Contact Name/Title',
      recruiterEmail: 'Contact Info Phone/E-mail',
      heardBack: 'Response and Feedback',
      interviewer: 'Interviewer Name',
      interview: 'Interview Date',
      plannedFollowUp: 'Follow-up Date',
      notes: 'Notes',
    },
    ambiguous: ['Follow-up?'],
  },
  {
    source: 'a Google Sheets tracker with numbered statuses',
    row: [
      'Application ID',
      'Company',
      'Position / Role',
      'Location',
      'Date Applied',
      'Application Link',
      'Job Type',
      'HR Contact Name',
      'HR Contact Email / Linkedin ID',
      'Status',
      'Detailed Status',
      'Follow-Up / Interview Date',
      'No Reply',
      'My Mobile number provided',
      'My Mail ID provided',
      'Version of Resume Provided',
      'Notes',
      'Salary Allocated',
    ],
    map: {
      company: 'Company',
      role: 'Position / Role',
      applied: 'Date Applied',
      recruiter: 'HR Contact Name',
      recruiterEmail: 'HR Contact Email / Linkedin ID',
      status: 'Status',
      notes: 'Notes',
    },
    ambiguous: ['Follow-Up / Interview Date'],
  },
  {
    source: 'an Apps Script tracker',
    row: [
      'Company Name',
      'Position',
      'Application Form',
      'Language',
      'Application Time',
      'Warning Message Column',
      'Number of Interested Messages',
      'Name of the Contact Person',
      'Contact E-mail Address',
    ],
    map: {
      company: 'Company Name',
      role: 'Position',
      applied: 'Application Time',
      recruiter: 'Name of the Contact Person',
      recruiterEmail: 'Contact E-mail Address',
    },
  },
  {
    source: 'a Notion database exported to CSV',
    row: [
      'Company Name',
      'Position',
      'Status',
      'Priority',
      'Location',
      'Salary Range',
      'Application Date',
      'Deadline',
      'Next Action',
      'Next Action Date',
      'Job URL',
      'Company Website',
      'Contact Person',
      'Contact Email',
      'LinkedIn',
      'Tech Stack',
      'Company Type',
      'Interview Rounds',
      'Current Round',
      'Notes',
      'Referral',
      'Referral Source',
      'Response Rate',
      'Days Since Applied',
    ],
    map: {
      company: 'Company Name',
      role: 'Position',
      status: 'Status',
      applied: 'Application Date',
      plannedFollowUp: 'Next Action Date',
      recruiter: 'Contact Person',
      recruiterEmail: 'Contact Email',
      notes: 'Notes',
    },
  },
  {
    source: 'an Apps Script web-app tracker',
    row: ['Timestamp', 'Company', 'Role', 'Link', 'Status', 'Applied Date', 'Follow-up Date', 'Notes'],
    map: {
      company: 'Company',
      role: 'Role',
      status: 'Status',
      applied: 'Applied Date',
      plannedFollowUp: 'Follow-up Date',
      notes: 'Notes',
    },
  },
  {
    source: 'a mail-merge template',
    row: [
      'Company Name',
      'Position',
      'Recruiter Name',
      'Recruiter Email',
      'Location',
      'Job Posting URL',
      'Expected salary',
      'Message',
      'Status',
    ],
    map: {
      company: 'Company Name',
      role: 'Position',
      recruiter: 'Recruiter Name',
      recruiterEmail: 'Recruiter Email',
      status: 'Status',
    },
  },
];

describe('matchHeaders › real header rows', () => {
  it.each(LAYOUTS.map((l) => [l.source, l] as const))('%s', (_source, layout) => {
    const map = matchHeaders(layout.row);
    expect(byHeader(layout.row, map)).toEqual(layout.map);
    expect(map.ambiguous.map((a) => a.header)).toEqual(layout.ambiguous ?? []);
  });

  it("reports the Notion database's own Priority as a managed header, never as a user column", () => {
    const row = LAYOUTS.find((l) => l.source.startsWith('a Notion'))!.row;
    expect(matchHeaders(row).managedHeaders).toEqual([{ index: 3, header: 'Priority', key: 'priority' }]);
  });
});

describe('matchHeaders › conflicts', () => {
  it.each([
    [['Interview', 'Interview date'], 'interview', 'Interview date'],
    [['Interview date', 'Interview'], 'interview', 'Interview date'],
    [['Applied', 'Date applied'], 'applied', 'Date applied'],
    [['Heard back', 'Response date'], 'heardBack', 'Response date'],
    [['Status', 'Stage'], 'status', 'Status'],
    [['Stage', 'Status'], 'status', 'Stage'],
    [['Detailed Status', 'Status'], 'status', 'Status'],
    [['Date added', 'Applied'], 'applied', 'Applied'],
    [['Date', 'Date added'], 'applied', 'Date added'],
  ] as const)('%j: %s is read from "%s"', (headers, key, winner) => {
    expect(byHeader(['Company', ...headers])[key]).toBe(winner);
  });

  it('reads "Date" as the applied date only when no other date column is read', () => {
    expect(byHeader(['Company', 'Date']).applied).toBe('Date');
    expect(byHeader(['Company', 'Date', 'Interview date'])).toEqual({
      company: 'Company',
      interview: 'Interview date',
    });
    expect(byHeader(['Company', 'Date', 'Follow-up date']).applied).toBeUndefined();
  });

  it('reports a header that repeats the key as strongly, and one outranked by a better header, apart', () => {
    const map = matchHeaders(['Interview', 'Company', 'Status', 'Interview date', 'Stage']);
    expect(map.duplicates).toEqual([{ index: 4, header: 'Stage', key: 'status' }]);
    expect(map.outranked).toEqual([{ index: 0, header: 'Interview', key: 'interview' }]);
  });

  it('names the keys an ambiguous header could be', () => {
    expect(readHeader('Follow-Up / Interview Date')).toEqual({
      kind: 'ambiguous',
      keys: ['plannedFollowUp', 'lastFollowUp', 'interview'],
    });
    expect(readHeader('Personal notes')).toEqual({ kind: 'ambiguous', keys: ['personalNote', 'notes'] });
  });

  it('reads the thank-you and the personal note apart (RULES v2)', () => {
    expect(byHeader(['Thank-you note', 'Thank-you note sent', 'Thank-you sent'])).toEqual({
      personalNote: 'Thank-you note',
      thankYou: 'Thank-you note sent',
    });
  });
});

describe('matchHeaders › managed columns and marks', () => {
  it('keeps finding the managed headers for the app, and lists the unmarked ones', () => {
    const map = matchHeaders(['Draft', 'Company', 'Priority', 'Next follow-up', 'Due'], { marked: [0, 3] });
    expect(map.managed).toEqual({ draft: 0, priority: 2, nextFollowUp: 3, due: 4 });
    expect(map.managedHeaders).toEqual([
      { index: 2, header: 'Priority', key: 'priority' },
      { index: 4, header: 'Due', key: 'due' },
    ]);
  });

  it('never reads a marked column as a user column, whatever its header', () => {
    const map = matchHeaders(['Company', 'Follow-up priority', 'Interview date'], { marked: [1, 2] });
    expect(map.columns).toEqual({ company: 0 });
  });

  it('never reads a managed header as a user column ("Next follow-up" is not the planned date)', () => {
    expect(byHeader(['Company', 'Next follow-up', 'Follow-up status', 'Due'])).toEqual({ company: 'Company' });
  });
});

describe('matchHeaders › the columns setting', () => {
  const row = ['Firm', 'When I applied', 'Interview date', 'Status', 'Due'];

  it('reads a key from the header it names, matched normalised', () => {
    const map = matchHeaders(row, { overrides: { company: 'firm', applied: 'WHEN I APPLIED' } });
    expect(byHeader(row, map)).toMatchObject({ company: 'Firm', applied: 'When I applied' });
  });

  it('reads nothing for a key mapped to blank', () => {
    expect(byHeader(row, matchHeaders(row, { overrides: { status: '' } })).status).toBeUndefined();
  });

  it('wins over the header matching, and the column is not read as its other key', () => {
    const map = matchHeaders(row, { overrides: { plannedFollowUp: 'Interview date' } });
    expect(byHeader(row, map)).toMatchObject({ plannedFollowUp: 'Interview date' });
    expect(map.columns.interview).toBeUndefined();
  });

  it("may read a user's column named like a managed one, but never a marked column", () => {
    expect(matchHeaders(row, { overrides: { plannedFollowUp: 'Due' } }).columns.plannedFollowUp).toBe(4);
    const marked = matchHeaders(row, { overrides: { plannedFollowUp: 'Due' }, marked: [4] });
    expect(marked.columns.plannedFollowUp).toBeUndefined();
    expect(marked.missingOverrides).toEqual([{ key: 'plannedFollowUp', header: 'Due' }]);
  });

  it('reports a header the sheet does not have', () => {
    expect(matchHeaders(row, { overrides: { role: 'Job' } }).missingOverrides).toEqual([
      { key: 'role', header: 'Job' },
    ]);
  });
});

describe('closestHeader', () => {
  it.each([
    ['status', ['Company', 'Detailed Status'], 'Detailed Status'],
    ['interview', ['Company', 'Follow-Up / Interview Date'], 'Follow-Up / Interview Date'],
    ['company', ['Compnay', 'Role'], 'Compnay'],
    ['applied', ['Company', 'Date', 'Interview date'], 'Date'],
    ['lastFollowUp', ['Company', 'Follow-up?', 'Follow-up Date'], 'Follow-up?'],
  ] as const)('suggests for %s in %j: "%s"', (key, row, header) => {
    expect(closestHeader(key, row, matchHeaders(row))?.header).toBe(header);
  });

  it.each([
    ['recruiter', ['Company', 'Contact Phone Number']],
    ['heardBack', ['Company', 'No Reply', 'Response Rate']],
    ['interview', ['Company', 'Interview Rounds', 'Total Interviews']],
    ['role', ['Company', 'Salary']],
  ] as const)('has nothing for %s in %j', (key, row) => {
    expect(closestHeader(key, row, matchHeaders(row))).toBeNull();
  });

  it('never names a managed, marked or already read header', () => {
    const row = ['Company', 'Status', 'Due', 'Follow-up date'];
    const map = matchHeaders(row, { marked: [3] });
    expect(closestHeader('plannedFollowUp', row, map, { marked: [3] })).toBeNull();
    expect(closestHeader('expected', row, map, { marked: [3] })).toBeNull();
  });
});

/** "Date applied" → "dateApplied", as a JavaScript export writes it. */
function camelCase(header: string): string {
  const [first = '', ...rest] = header.split(/[ _-]+/);
  return [
    first.charAt(0).toLowerCase() + first.slice(1),
    ...rest.map((w) => w.charAt(0).toUpperCase() + w.slice(1)),
  ].join('');
}

// Decorations that normalisation allows: none of them may change what a header row reads as.
const DECORATIONS: ((h: string) => string)[] = [
  (h) => h.toUpperCase(),
  (h) => h.toLowerCase(),
  (h) => `  ${h.replace(/ /g, '   ')} `,
  (h) => h.replace(/ /g, '_'),
  (h) => h.replace(/ /g, '-'),
  (h) => (/\p{Lu}{2}|\//u.test(h) ? h : camelCase(h)),
  (h) => `# ${h}`,
  (h) => `${h}?`,
  (h) => `${h} (optional)`,
  (h) => `${h} (if known)`,
  (h) => `📌 ${h}`,
  (h) => `${h} ✅`,
];

const realHeader = fc.constantFrom(
  ...new Set([
    ...LAYOUTS.flatMap((l) => l.row),
    ...Object.values(COLUMN_HEADERS).flat(),
    ...Object.values(MANAGED_HEADERS),
  ]),
);
const anyRow = fc.array(fc.oneof({ weight: 4, arbitrary: realHeader }, { weight: 1, arbitrary: fc.string() }), {
  maxLength: 16,
});

describe('matchHeaders (property)', () => {
  it('reads each column as at most one key, and never a marked column', () => {
    fc.assert(
      fc.property(anyRow, fc.array(fc.nat({ max: 15 })), (row, marked) => {
        const map = matchHeaders(row, { marked });
        const indices = Object.values(map.columns);
        expect(new Set(indices).size).toBe(indices.length);
        for (const i of indices) expect(marked).not.toContain(i);
        for (const i of indices) expect(i).toBeLessThan(row.length);
      }),
      { seed: 20261125, numRuns: 500 },
    );
  });

  it('reads the same under any decoration normalisation allows', () => {
    fc.assert(
      fc.property(
        fc.array(realHeader, { maxLength: 12 }),
        fc.array(fc.nat({ max: DECORATIONS.length - 1 }), { minLength: 12, maxLength: 12 }),
        (row, how) => {
          const decorated = row.map((h, i) => DECORATIONS[how[i]!]!(h));
          const plain = matchHeaders(row);
          const fancy = matchHeaders(decorated);
          expect(fancy.columns).toEqual(plain.columns);
          expect(fancy.ambiguous.map((a) => a.index)).toEqual(plain.ambiguous.map((a) => a.index));
          expect(fancy.managedHeaders.map((m) => m.index)).toEqual(plain.managedHeaders.map((m) => m.index));
        },
      ),
      { seed: 20261125, numRuns: 500 },
    );
  });

  it('normalises a decorated header to the same words', () => {
    // Upper-casing "LinkedIn" hides the word break its capital shows, so headers with one are left out here.
    const plainCase = realHeader.filter((h) => !/\p{Ll}\p{Lu}/u.test(h));
    fc.assert(
      fc.property(plainCase, fc.nat({ max: DECORATIONS.length - 1 }), (header, how) => {
        expect(normaliseHeader(DECORATIONS[how]!(header))).toBe(normaliseHeader(header));
      }),
      { seed: 20261125, numRuns: 500 },
    );
  });
});
