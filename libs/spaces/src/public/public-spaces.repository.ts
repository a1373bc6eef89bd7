import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { currentLabelJoin, labelInForceCondition } from '../spaces/current-label.sql.js';
import { preparedQuery } from '../spaces/prepared-query.js';
import { activeOnCondition } from '../spaces/spaces.repository.js';

/** Only what the public directory shows; the SQL never selects contact details or internals. */
export interface PublicSpaceRow {
  ref: string;
  name: string;
  address: string | null;
  postcode: string | null;
  nisCode: string;
  nameNl: string;
  nameFr: string;
  latitude: number | null;
  longitude: number | null;
  openingHours: string | null;
  services: string[];
  languages: string[];
  stepFreeAccess: boolean | null;
  labelScheme: string | null;
  labelValidUntil: string | null;
  distanceKm: number | null;
  /** Its last day before it closes for good, if set: never shown, but it never opens after it. */
  closedOn: string | null;
}

export interface PublicSpaceFilters {
  ref?: string;
  postcode?: string;
  nisCode?: string;
  near?: { latitude: number; longitude: number };
  radiusKm?: number;
  /** Only spaces whose hours are known (for the "open now" filter, done by the caller). */
  withHours?: boolean;
}

/** Mean Earth radius (IUGG), in km. */
const EARTH_RADIUS_KM = 6371.0088;

/** All SQL of the public directory: active spaces only, `$1` is always today (Brussels). */
@Injectable()
export class PublicSpacesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Active spaces matching the filters with the number of them, in one statement; without `page`, all of
   * them (the caller filters further and pages itself).
   */
  async list(
    filters: PublicSpaceFilters,
    today: string,
    page: { limit: number; offset: number } | null,
  ): Promise<{ rows: PublicSpaceRow[]; total: number }> {
    const params: unknown[] = [today];
    const where = [activeOnCondition('s', '$1')];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filters.ref) where.push(`s.ref = ${param(filters.ref)}`);
    if (filters.postcode) where.push(`s.postcode = ${param(filters.postcode)}`);
    if (filters.nisCode) where.push(`s.nis_code = ${param(filters.nisCode)}`);
    if (filters.withHours) where.push('s.opening_hours IS NOT NULL');
    let distance = 'NULL::float8';
    if (filters.near) {
      const lat = `${param(filters.near.latitude)}::float8`;
      const lon = `${param(filters.near.longitude)}::float8`;
      // Haversine: great-circle distance, accurate to a few metres at Belgian distances.
      distance = `(${EARTH_RADIUS_KM} * 2 * asin(sqrt(
          power(sin(radians(s.latitude - ${lat}) / 2), 2)
          + cos(radians(${lat})) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - ${lon}) / 2), 2))))`;
      if (filters.radiusKm !== undefined) where.push(`${distance} <= ${param(filters.radiusKm)}::float8`);
    }
    const orderBy = (alias: string) =>
      filters.near ? `${alias}."distanceKm" ASC NULLS LAST, ${alias}.ref` : `${alias}.name, ${alias}.ref`;
    const limit = page ? `LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}` : '';
    // Prepared: the filters give a handful of texts, and the directory is read on every visit.
    const rows = await preparedQuery<PublicSpaceRow & { total: number }>(
      this.dataSource,
      `WITH filtered AS (
         SELECT s.ref, s.name, s.address, s.postcode, s.nis_code AS "nisCode",
                m.name_nl AS "nameNl", m.name_fr AS "nameFr", s.latitude, s.longitude,
                s.opening_hours AS "openingHours", s.services, s.languages, s.step_free_access AS "stepFreeAccess",
                CASE WHEN ${labelInForceCondition('cl', '$1')} THEN cl.scheme END AS "labelScheme",
                CASE WHEN ${labelInForceCondition('cl', '$1')} THEN cl.valid_until END AS "labelValidUntil",
                ${distance} AS "distanceKm", s.closed_on::text AS "closedOn"
         FROM spaces s
         JOIN municipalities m ON m.nis_code = s.nis_code AND m.reference_year = s.municipality_year
         ${currentLabelJoin('s', 'cl', '$1')}
         WHERE ${where.join(' AND ')}
       )
       SELECT (SELECT count(*)::int FROM filtered) AS total, f.*
       FROM (VALUES (1)) AS one(x)
       LEFT JOIN LATERAL (SELECT * FROM filtered ORDER BY ${orderBy('filtered')} ${limit}) f ON TRUE
       ORDER BY ${orderBy('f')}`,
      params,
    );
    return {
      total: rows[0]?.total ?? 0,
      rows: rows.filter((row) => row.ref !== null).map(({ total: _total, ...row }) => row as PublicSpaceRow),
    };
  }

  /** A space that was in the directory and has closed for good: its name and postcode, nothing more. */
  async closed(ref: string, today: string): Promise<{ name: string; postcode: string | null } | null> {
    const [row] = await this.dataSource.query(
      `SELECT s.name, s.postcode FROM spaces s WHERE s.ref = $1 AND s.closed_on < $2::date`,
      [ref, today],
    );
    return row ?? null;
  }
}
