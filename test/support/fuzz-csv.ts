import fc from 'fast-check';

/** The columns of each import kind, from the public CSV contract (../shared/spec/csv.md). */
export const CSV_COLUMNS: Record<string, string[]> = {
  spaces: [
    'ref',
    'name',
    'nis_code',
    'operator_type',
    'address',
    'postcode',
    'opened_on',
    'closed_on',
    'parent_ref',
    'languages',
    'pricing',
    'open_to_all_publics',
    'charter_signed_on',
    'latitude',
    'longitude',
    'email',
    'phone',
    'website',
    'opening_hours',
  ],
  animators: [
    'ref',
    'name',
    'email',
    'space_ref',
    'role',
    'contract',
    'fte',
    'qualified',
    'starts_on',
    'ends_on',
  ],
  equipment: [
    'space_ref',
    'ref',
    'type',
    'quantity',
    'acquired_on',
    'retired_on',
    'provenance',
    'free_software',
  ],
  funding: ['space_ref', 'year', 'source', 'amount_eur', 'kind', 'programme', 'ends_on'],
  'weekly-activity': [
    'space_ref',
    'week',
    'opening_hours',
    'hours_with_animator',
    'animator_hours',
    'visits',
    'visits_ict_learning',
    'visits_job_search',
    'visits_leisure_culture',
    'visits_housing_elearning',
    'visits_administrative',
    'visitors_women',
    'visitors_job_seekers',
    'visitors_seniors',
    'visitors_youth',
    'mobile_actions',
  ],
  'training-sessions': [
    'space_ref',
    'ref',
    'date',
    'title',
    'theme',
    'format',
    'duration_hours',
    'participants',
    'new_participants',
    'language',
  ],
};

/** Plausible cells per column name, so that some rows get past parsing into the row checks. */
function plausibleCell(column: string): fc.Arbitrary<string> {
  if (column === 'space_ref' || column === 'parent_ref')
    return fc.constantFrom('BRU-A', 'BRU-A1', 'BRU-B', 'WAL-C', 'NOPE');
  if (column === 'ref') return fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,3}$/);
  if (column === 'week')
    return fc.constantFrom(
      '2024-W05',
      '2024-W53',
      '2016-W01',
      '2099-W01',
      '2024-W5',
      '2024W05',
      '0050-W10',
      '0999-W01',
    );
  if (/_on$|^date$/.test(column))
    return fc.constantFrom(
      '2024-01-08',
      '2016-02-29',
      '2023-02-29',
      '2024-1-8',
      '08/01/2024',
      '',
      '0000-01-01',
    );
  if (column === 'year') return fc.constantFrom('2024', '1899', '3000', '20x4', '');
  if (column === 'nis_code') return fc.constantFrom('21004', '62063', '00000', '2100');
  if (column === 'fte') return fc.constantFrom('0.5', '0,5', '1', '1.5', '-0.1', 'half');
  if (
    /^(visits|visitors|mobile|participants|new_participants|quantity)/.test(column) ||
    column.startsWith('visits_')
  ) {
    return fc.oneof(fc.nat({ max: 500 }).map(String), fc.constantFrom('-1', '1.5', '1e3', '٣', ''));
  }
  if (/hours|amount|latitude|longitude/.test(column)) {
    return fc.oneof(
      fc.double({ min: -200, max: 200, noNaN: true }).map(String),
      fc.constantFrom('12,5', '169', '0', 'NaN', 'Infinity', '1e309'),
    );
  }
  if (/qualified|free_software|open_to_all_publics/.test(column)) {
    return fc.constantFrom('true', 'false', 'ja', 'nee', 'oui', 'non', '1', '0', 'maybe');
  }
  const choices: Record<string, string[]> = {
    operator_type: ['municipality', 'cpas', 'library', 'association', 'other', 'company'],
    role: ['animator', 'project_lead', 'volunteer', 'boss'],
    contract: ['employee', 'social_economy', 'volunteer', 'other', 'slave'],
    type: ['desktop', 'laptop', 'tablet', 'printer', '3d_printer', 'other', 'toaster'],
    provenance: ['purchase', 'regional_programme', 'donation', 'decommissioned_admin', 'other', 'stolen'],
    source: [
      'municipality',
      'cpas',
      'region',
      'community',
      'federal',
      'eu',
      'private',
      'own_income',
      'other',
      'x',
    ],
    kind: ['structural', 'project', 'other'],
    theme: ['basic_skills', 'office', 'creative', 'other', 'cooking'],
    format: ['individual', 'workshop', 'course', 'lecture'],
    language: ['nl', 'fr', 'de', 'en', 'other', 'xx'],
    languages: ['nl|fr', 'fr', 'nl||', 'klingon'],
    pricing: ['free', 'reduced_rates', 'paid', 'expensive'],
    opening_hours: ['Mo-Fr 09:00-12:00 "animator"', 'Mo 25:00-26:00', 'garbage', '24/7'],
    email: ['a@b.be', 'not-an-email'],
  };
  if (choices[column]) return fc.constantFrom(...choices[column]);
  return fc.string({ maxLength: 20 });
}

/** Larger than any column allows, small enough to keep a few thousand uploads fast. */
const HUGE_CELL = 'Z'.repeat(20_000);

/** Cells that trip CSV parsers and row checks alike. */
const nastyCell = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '"',
      '"unterminated',
      'a"b',
      '""""',
      '"quoted, with separator"',
      '"line\nbreak"',
      'line\rbreak',
      '\u0000',
      'a\u0000b',
      '\ud800',
      '😀',
      '=HYPERLINK("http://evil")',
      '+1',
      '@SUM(A1)',
      "'; DROP TABLE spaces; --",
      '{{7*7}}',
      HUGE_CELL,
      '|||',
      'null',
      'undefined',
    ),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  );

/** A header line: the contract's columns, perhaps shuffled, cut, doubled, renamed or shouted. */
function header(columns: string[]): fc.Arbitrary<readonly string[]> {
  const variants: Array<fc.WeightedArbitrary<readonly string[]>> = [
    { weight: 3, arbitrary: fc.constant(columns) },
    { weight: 2, arbitrary: fc.shuffledSubarray(columns, { minLength: 1 }) },
    { weight: 1, arbitrary: fc.constant(columns.map((c) => c.toUpperCase())) },
    { weight: 1, arbitrary: fc.constant([...columns, columns[0]]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constant(columns), fc.string({ maxLength: 10 }))
        .map(([c, extra]) => [...c, extra]),
    },
    { weight: 1, arbitrary: fc.array(nastyCell(), { minLength: 1, maxLength: 5 }) },
  ];
  return fc.oneof(...variants);
}

/** One CSV upload: its bytes, and whether to ask for a dry run. */
export interface CsvUpload {
  body: string | Uint8Array;
  dryRun: boolean;
}

/**
 * Malformed CSV files for one kind: random bytes, wrong separators, broken quotes, huge cells,
 * byte-order marks, wrong types, missing columns, unicode — mixed with plausible rows so that
 * parsing succeeds often enough to exercise the row checks and the all-or-nothing write.
 */
export function malformedCsv(kind: string): fc.Arbitrary<CsvUpload> {
  const columns = CSV_COLUMNS[kind];
  if (!columns) throw new Error(`fuzz: no columns known for import kind ${kind}`);
  const row = (width: readonly string[]) =>
    fc.tuple(
      ...width.map((c) =>
        fc.oneof({ weight: 4, arbitrary: plausibleCell(c) }, { weight: 1, arbitrary: nastyCell() }),
      ),
    );
  const text = fc
    .record({
      head: header(columns),
      separator: fc.constantFrom(',', ';', '\t', '|', ', '),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      bom: fc.constantFrom('', '\ufeff', '\ufeff\ufeff', '\ufffe'),
      quoteAll: fc.boolean(),
      trailing: fc.constantFrom('', '\n', '\n\n', ',,,\n', '"'),
    })
    .chain(({ head, separator, eol, bom, quoteAll, trailing }) =>
      fc
        .array(
          fc.oneof(
            { weight: 4, arbitrary: row(head) },
            { weight: 1, arbitrary: fc.array(nastyCell(), { maxLength: head.length + 2 }) },
          ),
          { maxLength: 6 },
        )
        .map((rows) => {
          const line = (cells: readonly string[]) =>
            cells.map((cell) => (quoteAll ? `"${cell.replace(/"/g, '""')}"` : cell)).join(separator);
          return bom + [line(head), ...rows.map(line)].join(eol) + trailing;
        }),
    );
  const body = fc.oneof(
    { weight: 8, arbitrary: text as fc.Arbitrary<string | Uint8Array> },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 500 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<string | Uint8Array>(
        '',
        '\ufeff',
        columns.join(','),
        `${columns.join(',')}\n`,
        `${columns.join(';')}\n${columns.map(() => '').join(';')}\n`,
        new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x00, 0x0a]),
        Buffer.from(`${columns.join(',')}\n${columns.map(() => 'caf\xe9').join(',')}\n`, 'latin1'),
        `${columns.join(',')}\n${columns.map(() => HUGE_CELL).join(',')}\n`,
        `${columns.join(',')}\n${'Y'.repeat(1_000_000)}\n`,
      ),
    },
  );
  return fc.record({ body, dryRun: fc.boolean() });
}
