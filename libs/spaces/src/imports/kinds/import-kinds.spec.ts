import type { CsvColumns, CsvMessage, Principal } from '../../../../core/src/index.js';
import type { ImportContext, ImportKind } from '../import-kind.js';
import { importMessages } from '../imports.messages.js';
import { animatorsImportKind } from './animators.import-kind.js';
import { equipmentImportKind } from './equipment.import-kind.js';
import { fundingImportKind } from './funding.import-kind.js';
import { prepareSpaceRow, spacesImportKind, updatedSpaceColumns } from './spaces.import-kind.js';

// The public CSV contract (shared spec csv.md): names, order, required columns and keys are fixed.
const CONTRACT: Record<string, { columns: string; required: string; key: string }> = {
  spaces: {
    columns:
      'ref name nis_code operator_type address postcode opened_on closed_on parent_ref languages pricing ' +
      'open_to_all_publics charter_signed_on latitude longitude email phone website opening_hours',
    required: 'ref name nis_code operator_type opened_on',
    key: 'ref',
  },
  animators: {
    columns: 'ref name email space_ref role contract fte qualified starts_on ends_on',
    required: 'ref name space_ref role fte starts_on',
    key: 'ref space_ref starts_on',
  },
  equipment: {
    columns: 'space_ref ref type quantity acquired_on retired_on provenance free_software',
    required: 'space_ref ref type quantity',
    key: 'space_ref ref',
  },
  funding: {
    columns: 'space_ref year source amount_eur kind programme ends_on',
    required: 'space_ref year source amount_eur kind',
    key: 'space_ref year source programme',
  },
};

const KINDS: ImportKind<any, any>[] = [
  spacesImportKind,
  animatorsImportKind,
  equipmentImportKind,
  fundingImportKind,
];

const principal = (role: Principal['role']): Principal => ({
  userId: '11111111-1111-1111-1111-111111111111',
  email: 'someone@example.be',
  role,
  regionCode: role === 'regional_staff' ? 'BRU' : null,
  sessionId: 's',
  preferredLanguage: 'en',
});

/** `columns`: those the file's header names; by default every column of every kind. */
const context = (role: Principal['role'], columns?: Iterable<string>): ImportContext => ({
  staging: 'import_staging',
  principal: principal(role),
  columns: new Set(columns ?? Object.values(CONTRACT).flatMap((c) => c.columns.split(' '))),
  actor: { userId: null, label: 'test' },
  correlationId: null,
  query: () => Promise.reject(new Error('no database in unit tests')),
});

describe.each(KINDS.map((kind) => [kind.name, kind] as const))('the %s import kind', (name, kind) => {
  const contract = CONTRACT[name];

  it('has exactly the columns, required columns and key of the CSV contract', () => {
    const columns = kind.schema.columns;
    expect(Object.keys(columns).join(' ')).toBe(contract.columns);
    const required = Object.keys(columns).filter((c) => columns[c].required);
    expect(required.join(' ')).toBe(contract.required);
    expect(kind.schema.key.join(' ')).toBe(contract.key);
  });

  it('stages each column once, after the line number', () => {
    const names = kind.staging.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('line');
  });

  it('refuses a cell longer than the API takes in every text column (a long key column was a 500)', () => {
    for (const [name, column] of Object.entries(kind.schema.columns as CsvColumns)) {
      const result = column.parse('x'.repeat(6000), { separator: ',' });
      expect({ name, ok: result.ok }).toEqual({ name, ok: false });
    }
  });

  it.each(['coordinator', 'regional_staff', 'admin'] as const)(
    'words every check of a %s in NL, FR and EN',
    (role) => {
      // With all columns, and with only the required ones (the checks of left-out columns).
      const checks = [
        ...kind.checks(context(role)),
        ...kind.checks(context(role, contract.required.split(' '))),
      ];
      for (const check of checks) {
        for (const lang of ['nl', 'fr', 'en'] as const) {
          const catalogue: Record<string, CsvMessage | undefined> = {
            ...importMessages[lang],
            ...kind.messages[lang],
          };
          const message = catalogue[check.key];
          expect(message).toBeDefined();
          const text = message!({ value: 'X', region: 'WAL', firstLine: 2, columns: ['closed_on'] });
          expect(text).not.toMatch(/undefined/);
          expect(text.length).toBeGreaterThan(10);
        }
        expect(check.sql).toContain('import_staging');
      }
    },
  );
});

describe('space rows', () => {
  const row = (openingHours: string | null) =>
    ({
      ref: 'BRU-1',
      name: 'x',
      nis_code: '21004',
      operator_type: 'library',
      address: null,
      postcode: null,
      opened_on: '2020-01-01',
      closed_on: null,
      parent_ref: null,
      languages: null,
      pricing: null,
      open_to_all_publics: null,
      charter_signed_on: null,
      latitude: null,
      longitude: null,
      email: null,
      phone: null,
      website: null,
      opening_hours: openingHours,
    }) as const;

  it('normalises the opening hours and derives the hours of a typical week', () => {
    const result = prepareSpaceRow({ ...row('Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00') });
    expect(result).toEqual({
      ok: true,
      row: expect.objectContaining({
        opening_hours: 'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00',
        scheduledWeeklyHours: 17,
        scheduledHoursWithAnimator: 15,
      }),
    });
  });

  it('leaves the hours empty without opening hours', () => {
    expect(prepareSpaceRow({ ...row(null) })).toEqual({
      ok: true,
      row: expect.objectContaining({ scheduledWeeklyHours: null, scheduledHoursWithAnimator: null }),
    });
  });

  it("reports an invalid expression on opening_hours with the library's reason", () => {
    const result = prepareSpaceRow({ ...row('Mo-Fr 25:00-26:00') });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          column: 'opening_hours',
          key: 'import.opening_hours_invalid',
          params: { detail: expect.stringContaining('Time range starts outside of the current day') },
        },
      ],
    });
  });

  it('refuses a closing date before the opening date', () => {
    expect(spacesImportKind.schema.rowChecks?.({ ...row(null), closed_on: '2019-12-31' })).toEqual([
      { column: 'closed_on', key: 'import.date_before', params: { other: 'opened_on' } },
    ]);
    expect(spacesImportKind.schema.rowChecks?.({ ...row(null), closed_on: '2020-01-01' })).toEqual([]);
  });
});

describe('scope checks', () => {
  const keys = (role: Principal['role']) => spacesImportKind.checks(context(role)).map((c) => c.key);

  it('lets only regional staff and admins create spaces', () => {
    expect(keys('coordinator')).toContain('import.space_create_forbidden');
    expect(keys('regional_staff')).toContain('import.space_create_other_region');
    expect(keys('admin')).not.toContain('import.space_create_forbidden');
    expect(keys('admin')).not.toContain('import.space_out_of_scope');
  });

  it('keeps coordinators, like regional staff, from moving a space to another region', () => {
    for (const role of ['coordinator', 'regional_staff'] as const) {
      expect(keys(role)).toContain('import.space_move_other_region');
    }
    expect(keys('admin')).not.toContain('import.space_move_other_region');
  });

  it('keeps every antenna in its parent’s region; an admin moving a space must move its antennas too', () => {
    for (const role of ['coordinator', 'regional_staff', 'admin'] as const) {
      expect(keys(role)).toContain('import.parent_other_region');
    }
    expect(keys('admin')).toContain('import.antennas_other_region');
  });

  it('keeps coordinators from making an antenna a main space, when the file has parent_ref', () => {
    expect(keys('coordinator')).toContain('import.parent_clear_forbidden');
    expect(keys('regional_staff')).not.toContain('import.parent_clear_forbidden');
    const withoutParent = spacesImportKind
      .checks(context('coordinator', CONTRACT.spaces.required.split(' ')))
      .map((c) => c.key);
    expect(withoutParent).not.toContain('import.parent_clear_forbidden');
  });

  it('checks the space of every equipment row, except for admins', () => {
    const scoped = (role: Principal['role']) => equipmentImportKind.checks(context(role)).map((c) => c.key);
    expect(scoped('coordinator')).toEqual(['import.unknown_space_ref', 'import.space_ref_out_of_scope']);
    expect(scoped('admin')).toEqual(['import.unknown_space_ref']);
  });
});

describe('columns left out of the file', () => {
  it('sets and compares only the stored columns whose CSV column is in the file', () => {
    const required = new Set(['ref', 'name', 'nis_code', 'operator_type', 'opened_on']);
    expect(updatedSpaceColumns(required)).toEqual([
      'name',
      'nis_code',
      'municipality_year',
      'region_code',
      'operator_type',
      'opened_on',
    ]);
    const withHours = updatedSpaceColumns(new Set([...required, 'opening_hours', 'parent_ref']));
    expect(withHours).toEqual(
      expect.arrayContaining([
        'parent_id',
        'opening_hours',
        'scheduled_weekly_hours',
        'scheduled_hours_with_animator',
      ]),
    );
    expect(withHours).not.toContain('address');
    expect(updatedSpaceColumns(new Set(CONTRACT.spaces.columns.split(' ')))).toHaveLength(22);
  });

  it('checks a new date against the stored one that a left-out column keeps', () => {
    const keys = (kind: ImportKind<any, any>, columns: string) =>
      kind.checks(context('admin', columns.split(' '))).map((c) => [c.column, c.key]);
    expect(keys(spacesImportKind, CONTRACT.spaces.required)).toContainEqual([
      'opened_on',
      'import.conflicts_with_stored',
    ]);
    expect(keys(spacesImportKind, CONTRACT.spaces.columns)).not.toContainEqual([
      'opened_on',
      'import.conflicts_with_stored',
    ]);
    expect(keys(equipmentImportKind, `${CONTRACT.equipment.required} acquired_on`)).toContainEqual([
      'acquired_on',
      'import.conflicts_with_stored',
    ]);
    expect(keys(equipmentImportKind, `${CONTRACT.equipment.required} retired_on`)).toContainEqual([
      'retired_on',
      'import.conflicts_with_stored',
    ]);
  });
});

describe('animators shared with other spaces', () => {
  const checks = (role: Principal['role'], columns?: string) =>
    animatorsImportKind
      .checks(context(role, columns?.split(' ')))
      .filter((c) => c.key === 'import.animator_elsewhere');

  it("refuses a coordinator's or staff member's change to a person who also works elsewhere", () => {
    expect(checks('coordinator').map((c) => c.column)).toEqual(['name', 'email']);
    expect(checks('regional_staff').map((c) => c.column)).toEqual(['name', 'email']);
    expect(checks('regional_staff')[0].params).toEqual(['BRU']);
    // A file without e-mail addresses leaves them as they are, so only the name is compared.
    expect(checks('coordinator', CONTRACT.animators.required).map((c) => c.column)).toEqual(['name']);
  });

  it('lets admins change any person', () => {
    expect(checks('admin')).toEqual([]);
  });
});
