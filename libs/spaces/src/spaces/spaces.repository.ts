import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AppException,
  answerConstraintViolation,
  conflict,
  databaseRefusal,
  type Principal,
} from '../../../core/src/index.js';
import { spaceScopeCondition } from '../shared/space-scope.sql.js';
import { currentLabelJoin, labelStatusCondition } from './current-label.sql.js';
import { preparedQuery } from './prepared-query.js';
import { MUNICIPALITY_YEAR } from './space.rules.js';

/** Anything that runs SQL: the data source, or a transaction's manager. */
type Executor = Pick<DataSource | EntityManager, 'query'>;

/**
 * "Active on `today`": opened on or before it and not closed before it. `today` is a placeholder holding a
 * `YYYY-MM-DD` date. Shared with the public directory.
 */
export const activeOnCondition = (spaceAlias: string, today: string) =>
  `(${spaceAlias}.opened_on <= ${today}::date AND (${spaceAlias}.closed_on IS NULL OR ${spaceAlias}.closed_on >= ${today}::date))`;

/** A space as the registry answers it (the API shape, before nesting). */
export interface SpaceRow {
  id: string;
  ref: string;
  name: string;
  nisCode: string;
  region: string;
  nameNl: string;
  nameFr: string;
  operatorType: string;
  address: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  parentRef: string | null;
  antennaRefs: string[];
  languages: string[];
  pricing: string | null;
  openToAllPublics: boolean | null;
  charterSignedOn: string | null;
  services: string[];
  stepFreeAccess: boolean | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  openedOn: string;
  closedOn: string | null;
  active: boolean;
  openingHours: string | null;
  scheduledWeeklyHours: number | null;
  scheduledHoursWithAnimator: number | null;
  labelScheme: string | null;
  labelSchemeVersion: string | null;
  labelStatus: string | null;
  labelValidFrom: string | null;
  labelValidUntil: string | null;
  labelDecidedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SpaceListFilters {
  region?: string;
  nisCode?: string;
  operatorType?: string;
  active?: boolean;
  labelStatus?: string;
  parentRef?: string;
  q?: string;
}

export interface Municipality {
  nisCode: string;
  regionCode: string;
  nameNl: string;
  nameFr: string;
}

export interface ParentCandidate {
  id: string;
  regionCode: string;
  parentId: string | null;
}

/** What still refers to a space (any count above zero keeps it from being deleted). */
export interface SpaceUsage {
  antennas: number;
  assignments: number;
  equipment: number;
  funding: number;
  labels: number;
}

/** `$1` is always today's date in these statements. */
const VIEW_COLUMNS = `
  s.id, s.ref, s.name, s.nis_code AS "nisCode", trim(s.region_code) AS region,
  m.name_nl AS "nameNl", m.name_fr AS "nameFr", s.operator_type AS "operatorType",
  s.address, s.postcode, s.latitude, s.longitude, p.ref AS "parentRef",
  ARRAY(SELECT a.ref FROM spaces a WHERE a.parent_id = s.id ORDER BY a.ref) AS "antennaRefs",
  s.languages, s.pricing, s.open_to_all_publics AS "openToAllPublics",
  s.charter_signed_on::text AS "charterSignedOn", s.services, s.step_free_access AS "stepFreeAccess",
  s.email, s.phone, s.website, s.opened_on::text AS "openedOn", s.closed_on::text AS "closedOn",
  ${activeOnCondition('s', '$1')} AS active,
  s.opening_hours AS "openingHours", s.scheduled_weekly_hours::float8 AS "scheduledWeeklyHours",
  s.scheduled_hours_with_animator::float8 AS "scheduledHoursWithAnimator",
  cl.scheme AS "labelScheme", cl.scheme_version AS "labelSchemeVersion", cl.status AS "labelStatus",
  cl.valid_from AS "labelValidFrom", cl.valid_until AS "labelValidUntil", cl.decided_at AS "labelDecidedAt",
  s.version, s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

const VIEW_FROM = `
  spaces s
  JOIN municipalities m ON m.nis_code = s.nis_code AND m.reference_year = s.municipality_year
  LEFT JOIN spaces p ON p.id = s.parent_id
  ${currentLabelJoin('s', 'cl', '$1')}`;

/** Columns a write may set, from code (never from input): API field → column. */
export const SPACE_COLUMNS = {
  ref: 'ref',
  name: 'name',
  nisCode: 'nis_code',
  municipalityYear: 'municipality_year',
  regionCode: 'region_code',
  operatorType: 'operator_type',
  address: 'address',
  postcode: 'postcode',
  latitude: 'latitude',
  longitude: 'longitude',
  parentId: 'parent_id',
  languages: 'languages',
  pricing: 'pricing',
  openToAllPublics: 'open_to_all_publics',
  charterSignedOn: 'charter_signed_on',
  services: 'services',
  stepFreeAccess: 'step_free_access',
  email: 'email',
  phone: 'phone',
  website: 'website',
  openedOn: 'opened_on',
  closedOn: 'closed_on',
  openingHours: 'opening_hours',
  scheduledWeeklyHours: 'scheduled_weekly_hours',
  scheduledHoursWithAnimator: 'scheduled_hours_with_animator',
} as const;
export type SpaceField = keyof typeof SPACE_COLUMNS;
export type SpaceValues = Partial<Record<SpaceField, unknown>>;

/** Maps API fields to column names for `updateVersioned`. */
export const toColumns = (values: SpaceValues): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(values).map(([field, value]) => [SPACE_COLUMNS[field as SpaceField], value]),
  );

/** All SQL of the spaces table (registry side). */
@Injectable()
export class SpacesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async municipality(nisCode: string, executor: Executor = this.dataSource): Promise<Municipality | null> {
    const rows: Municipality[] = await executor.query(
      `SELECT nis_code AS "nisCode", trim(region_code) AS "regionCode", name_nl AS "nameNl", name_fr AS "nameFr"
       FROM municipalities WHERE nis_code = $1 AND reference_year = $2`,
      [nisCode, MUNICIPALITY_YEAR],
    );
    return rows[0] ?? null;
  }

  async parentCandidate(ref: string, executor: Executor = this.dataSource): Promise<ParentCandidate | null> {
    const rows: ParentCandidate[] = await executor.query(
      `SELECT id, trim(region_code) AS "regionCode", parent_id AS "parentId" FROM spaces WHERE ref = $1`,
      [ref],
    );
    return rows[0] ?? null;
  }

  /** The hottest read of the registry: a prepared statement, unless it runs in a transaction. */
  async findByRef(ref: string, today: string, executor?: Executor): Promise<SpaceRow | null> {
    const sql = `SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE s.ref = $2`;
    const rows: SpaceRow[] = executor
      ? await executor.query(sql, [today, ref])
      : await preparedQuery(this.dataSource, sql, [today, ref]);
    return rows[0] ?? null;
  }

  async findById(id: string, today: string, executor: Executor = this.dataSource): Promise<SpaceRow | null> {
    const rows: SpaceRow[] = await executor.query(
      `SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE s.id = $2`,
      [today, id],
    );
    return rows[0] ?? null;
  }

  /** Locks the space's row for the rest of the transaction; null when there is no such space. */
  async lockByRef(manager: EntityManager, ref: string): Promise<{ id: string; version: number } | null> {
    const rows: Array<{ id: string; version: number }> = await manager.query(
      `SELECT id, version FROM spaces WHERE ref = $1 FOR UPDATE`,
      [ref],
    );
    return rows[0] ?? null;
  }

  /** Inserts a space; null when the ref is taken. */
  async insert(manager: EntityManager, values: SpaceValues): Promise<string | null> {
    const entries = Object.entries(values) as Array<[SpaceField, unknown]>;
    const columns = entries.map(([field]) => `"${SPACE_COLUMNS[field]}"`).join(', ');
    const placeholders = entries.map((_, index) => `$${index + 1}`).join(', ');
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO spaces (${columns}) VALUES (${placeholders}) ON CONFLICT (ref) DO NOTHING RETURNING id`,
      entries.map(([, value]) => value),
    );
    return rows[0]?.id ?? null;
  }

  /**
   * One page of the spaces the caller may see, and the number of all of them, in one statement. The total
   * is counted apart from the page so that a page past the end still tells how many there are.
   */
  async list(
    principal: Principal,
    filters: SpaceListFilters,
    today: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: SpaceRow[]; total: number }> {
    const params: unknown[] = [today];
    const where = [spaceScopeCondition(principal, 's', params)];
    const add = (condition: string, value: unknown) => {
      params.push(value);
      where.push(condition.replaceAll('?', `$${params.length}`));
    };
    if (filters.region) add('s.region_code = ?', filters.region);
    if (filters.nisCode) add('s.nis_code = ?', filters.nisCode);
    if (filters.operatorType) add('s.operator_type = ?', filters.operatorType);
    if (filters.active !== undefined) {
      where.push(filters.active ? activeOnCondition('s', '$1') : `NOT ${activeOnCondition('s', '$1')}`);
    }
    if (filters.labelStatus) add(labelStatusCondition('cl', '?'), filters.labelStatus);
    if (filters.parentRef) add('p.ref = ?', filters.parentRef);
    if (filters.q)
      add('(strpos(lower(s.name), lower(?)) > 0 OR strpos(lower(s.ref), lower(?)) > 0)', filters.q);
    params.push(limit, offset);
    const rows: Array<SpaceRow & { total: number }> = await this.dataSource.query(
      `WITH filtered AS (
         SELECT s.id, s.ref FROM spaces s
         LEFT JOIN spaces p ON p.id = s.parent_id
         ${filters.labelStatus ? currentLabelJoin('s', 'cl', '$1') : ''}
         WHERE ${where.join(' AND ')}
       ), page AS (
         SELECT id FROM filtered ORDER BY ref LIMIT $${params.length - 1} OFFSET $${params.length}
       )
       SELECT (SELECT count(*)::int FROM filtered) AS total, v.*
       FROM (VALUES (1)) AS one(x)
       LEFT JOIN (SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE s.id IN (SELECT id FROM page)) v ON TRUE
       ORDER BY v.ref`,
      params,
    );
    return {
      total: rows[0]?.total ?? 0,
      rows: rows.filter((row) => row.id !== null).map(({ total: _total, ...row }) => row as SpaceRow),
    };
  }

  /** Antennas whose region would differ from `regionCode` (their parent moving to another region). */
  async antennasOutside(manager: EntityManager, spaceId: string, regionCode: string): Promise<string[]> {
    const rows: Array<{ ref: string }> = await manager.query(
      `SELECT ref FROM spaces WHERE parent_id = $1 AND region_code <> $2 ORDER BY ref`,
      [spaceId, regionCode],
    );
    return rows.map((row) => row.ref);
  }

  async usage(manager: EntityManager, spaceId: string): Promise<SpaceUsage> {
    const [row]: SpaceUsage[] = await manager.query(
      `SELECT (SELECT count(*)::int FROM spaces WHERE parent_id = $1) AS antennas,
              (SELECT count(*)::int FROM animator_assignments WHERE space_id = $1) AS assignments,
              (SELECT count(*)::int FROM equipment WHERE space_id = $1) AS equipment,
              (SELECT count(*)::int FROM funding WHERE space_id = $1) AS funding,
              (SELECT count(*)::int FROM labels WHERE space_id = $1) AS labels`,
      [spaceId],
    );
    return row;
  }

  /** Deletes the space; its coordinator links go with it (ON DELETE CASCADE). */
  async delete(manager: EntityManager, spaceId: string): Promise<void> {
    await manager.query(`DELETE FROM spaces WHERE id = $1`, [spaceId]);
  }
}

const CHECK_FIELDS: Record<string, { field: string; message: string }> = {
  ck_spaces_dates: { field: 'closedOn', message: 'The closing date is before the opening date.' },
  ck_spaces_latitude: { field: 'latitude', message: 'The latitude must lie between -90 and 90.' },
  ck_spaces_longitude: { field: 'longitude', message: 'The longitude must lie between -180 and 180.' },
  ck_spaces_operator_type: { field: 'operatorType', message: 'This operator type is not known.' },
  ck_spaces_pricing: { field: 'pricing', message: 'This pricing is not known.' },
  ck_spaces_not_own_parent: { field: 'parentRef', message: 'A space cannot be its own parent.' },
  fk_spaces_municipality: { field: 'nisCode', message: 'No municipality has this NIS code.' },
  fk_spaces_parent: { field: 'parentRef', message: 'The parent space no longer exists.' },
};

/**
 * Turns a database refusal of a space write into the answer the caller should get: the checks above
 * normally catch these first, but the database has the last word (e.g. two writers at once).
 * Returns the error unchanged when it is not one we know.
 */
export function spaceWriteError(error: unknown, action: 'write' | 'delete'): unknown {
  if (error instanceof AppException) return error;
  if (action === 'delete' && databaseRefusal(error)?.code === '23503') return inUse();
  return answerConstraintViolation(error, {
    conflicts: { 'table:spaces': () => conflict('SPACES.REF_TAKEN', 'Another space already has this ref.') },
    fields: CHECK_FIELDS,
  });
}

export const inUse = (usage?: SpaceUsage): AppException =>
  conflict(
    'SPACES.IN_USE',
    'This space still has antennas, animators, equipment, funding, labels or activity records, so it cannot ' +
      'be deleted. ' +
      'Set its closing date (closedOn) instead.',
    usage,
  );
