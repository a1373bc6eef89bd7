import type { CsvColumns, CsvMessage, Principal } from '../../../core/src/index.js';
import type { ImportContext, ImportKind } from '../../../spaces/src/index.js';
import { trainingSessionsImportKind } from './training-sessions.import-kind.js';
import { weeklyActivityImportKind } from './weekly-activity.import-kind.js';

const KINDS: ImportKind<any, any>[] = [weeklyActivityImportKind, trainingSessionsImportKind];

const principal = (role: Principal['role']): Principal => ({
  userId: '11111111-1111-1111-1111-111111111111',
  email: 'someone@example.be',
  role,
  regionCode: role === 'regional_staff' ? 'BRU' : null,
  sessionId: 's',
  preferredLanguage: 'en',
});

/** `columns`: those the file's header names. */
const context = (role: Principal['role'], columns: Iterable<string>): ImportContext => ({
  staging: 'import_staging',
  principal: principal(role),
  columns: new Set(columns),
  actor: { userId: null, label: 'test' },
  correlationId: null,
  query: () => Promise.reject(new Error('no database in unit tests')),
});

const all = (kind: ImportKind<any, any>) => Object.keys(kind.schema.columns as CsvColumns);
const required = (kind: ImportKind<any, any>) =>
  Object.entries(kind.schema.columns as CsvColumns)
    .filter(([, column]) => column.required)
    .map(([name]) => name);

describe.each(KINDS.map((kind) => [kind.name, kind] as const))('the %s import kind', (_name, kind) => {
  it('refuses a cell longer than the API takes in every column (a long space_ref was a 500)', () => {
    for (const [name, column] of Object.entries(kind.schema.columns as CsvColumns)) {
      const result = column.parse('x'.repeat(6000), { separator: ',' });
      expect({ name, ok: result.ok }).toEqual({ name, ok: false });
    }
  });

  it.each(['coordinator', 'regional_staff', 'admin'] as const)(
    'words every check of a %s in NL, FR and EN, with or without the optional columns',
    (role) => {
      const checks = [
        ...kind.checks(context(role, all(kind))),
        ...kind.checks(context(role, required(kind))),
      ];
      for (const check of checks) {
        for (const lang of ['nl', 'fr', 'en'] as const) {
          const message = (kind.messages[lang] as Record<string, CsvMessage | undefined>)[check.key];
          expect({ key: check.key, defined: message !== undefined }).toEqual({
            key: check.key,
            defined: true,
          });
          const text = message!({
            value: 'X',
            week: '2024-W05',
            openedOn: '2020-01-06',
            closedOn: '',
            columns: ['visitors_women'],
          });
          expect(text).not.toMatch(/undefined/);
        }
        expect(check.sql).toContain('import_staging');
      }
    },
  );
});

describe('weekly activity with columns left out', () => {
  const stored = (columns: string[]) =>
    weeklyActivityImportKind
      .checks(context('coordinator', columns))
      .filter((c) => c.key === 'import.conflicts_with_stored');

  it('checks the stored figures a left-out column keeps against the new ones', () => {
    const checks = stored(required(weeklyActivityImportKind));
    expect(checks.map((c) => c.column)).toEqual(['opening_hours', 'visits', 'visits']);
    expect(checks[0].sql).toContain('w.hours_with_animator > s.opening_hours');
    // Sums in bigint: five integer counts may not fit an integer.
    expect(checks[1].sql).toContain('::bigint');
    for (const check of checks) expect(check.params).toEqual([principal('coordinator').userId]);
  });

  it('needs none of them when the file has every column', () => {
    expect(stored(all(weeklyActivityImportKind))).toEqual([]);
  });
});
