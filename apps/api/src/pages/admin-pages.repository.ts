import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface RegionRow {
  code: string;
  nameNl: string;
  nameFr: string;
  nameEn: string;
  municipalities: number;
  inhabitants: number;
  referenceYear: number | null;
}

export interface MunicipalityRow {
  nisCode: string;
  nameNl: string;
  nameFr: string;
  province: string | null;
  postcode: string;
  inhabitants: number;
  referenceYear: number;
}

/**
 * Read-only SQL of the admin pages: the coordinator links of every user at once (the list page would
 * otherwise ask once per coordinator) and the reference data, which no lib service exposes.
 */
@Injectable()
export class AdminPagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async spaceRefsByUser(): Promise<Map<string, string[]>> {
    const rows: Array<{ userId: string; refs: string[] }> = await this.dataSource.query(
      `SELECT cs.user_id AS "userId", array_agg(s.ref ORDER BY s.ref) AS refs
       FROM coordinator_spaces cs JOIN spaces s ON s.id = cs.space_id
       GROUP BY cs.user_id`,
    );
    return new Map(rows.map((r) => [r.userId, r.refs]));
  }

  /** Each region with the municipalities and inhabitants of its latest reference year. */
  regions(): Promise<RegionRow[]> {
    return this.dataSource
      .query(
        `SELECT trim(r.code) AS code, r.name_nl AS "nameNl", r.name_fr AS "nameFr", r.name_en AS "nameEn",
                count(m.nis_code)::int AS municipalities, coalesce(sum(m.inhabitants), 0)::bigint AS inhabitants,
                max(m.reference_year)::int AS "referenceYear"
         FROM regions r
         LEFT JOIN municipalities m ON m.region_code = r.code
              AND m.reference_year = (SELECT max(reference_year) FROM municipalities x WHERE x.region_code = r.code)
         GROUP BY r.code ORDER BY r.code`,
      )
      .then((rows: Array<RegionRow & { inhabitants: string | number }>) =>
        rows.map((r) => ({ ...r, inhabitants: Number(r.inhabitants) })),
      );
  }

  /** One page of a region's municipalities (latest reference year), by name, and how many there are. */
  async municipalities(
    region: string,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: MunicipalityRow[] }> {
    const latest = `reference_year = (SELECT max(reference_year) FROM municipalities x WHERE x.region_code = $1)`;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM municipalities WHERE region_code = $1 AND ${latest}`,
      [region],
    );
    const rows: MunicipalityRow[] = await this.dataSource.query(
      `SELECT trim(nis_code) AS "nisCode", name_nl AS "nameNl", name_fr AS "nameFr", province_nl AS province,
              trim(postcode) AS postcode, inhabitants, reference_year AS "referenceYear"
       FROM municipalities WHERE region_code = $1 AND ${latest}
       ORDER BY name_nl, nis_code OFFSET $2 LIMIT $3`,
      [region, offset, limit],
    );
    return { total, rows };
  }
}
