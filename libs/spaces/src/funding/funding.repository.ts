import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { findSpaceKey, type SpaceKey } from '../shared/space-key.js';
export type { SpaceKey } from '../shared/space-key.js';
import { answerConstraintViolation, conflict, type Principal } from '../../../core/src/index.js';
import { spaceScopeCondition } from '../shared/space-scope.sql.js';
import { updateVersioned } from '../shared/versioned-update.js';
import type { FundingKind, FundingSource } from './funding.entity.js';

/** A funding row in the API's shape: `programme` '' (none) shown as null, amounts as numbers. */
export interface FundingRecord {
  id: string;
  spaceRef: string;
  year: number;
  source: FundingSource;
  amountEur: number;
  kind: FundingKind;
  programme: string | null;
  endsOn: string | null;
  version: number;
}

/** Values as stored: `programme` is '' when none is named (it is part of the key). */
export interface FundingValues {
  year: number;
  source: FundingSource;
  amountEur: number;
  kind: FundingKind;
  programme: string;
  endsOn: string | null;
}

export interface EndingProgrammeRow {
  id: string;
  year: number;
  source: FundingSource;
  programme: string | null;
  endsOn: string;
  amountEur: number;
}

export interface FundingWarningRow {
  ref: string;
  name: string;
  region: string;
  firstEndsOn: string;
  endingProgrammes: EndingProgrammeRow[];
}

const COLUMNS = `f.id, s.ref AS space_ref, f.year, f.source, f.amount_eur::text AS amount_eur, f.kind,
  NULLIF(f.programme, '') AS programme, f.ends_on::text AS ends_on, f.version`;

const toRecord = (r: Record<string, any>): FundingRecord => ({
  id: r.id,
  spaceRef: r.space_ref,
  year: Number(r.year),
  source: r.source,
  amountEur: Number(r.amount_eur),
  kind: r.kind,
  programme: r.programme ?? null,
  endsOn: r.ends_on ?? null,
  version: Number(r.version),
});

const COLUMN_OF: Record<keyof FundingValues, string> = {
  year: 'year',
  source: 'source',
  amountEur: 'amount_eur',
  kind: 'kind',
  programme: 'programme',
  endsOn: 'ends_on',
};

/** Which field a broken database check is about, so that the caller gets a 400 naming it. */
const CHECK_FIELDS: Record<string, { field: string; message: string }> = {
  ck_funding_source: { field: 'source', message: 'source is not a known funding source' },
  ck_funding_kind: { field: 'kind', message: 'kind must be structural or project' },
  ck_funding_amount: { field: 'amountEur', message: 'amountEur must not be negative' },
  ck_funding_year: { field: 'year', message: 'year must be between 1990 and 2100' },
};

/** Database refusals caused by the caller's input, answered as a 409 or a 400 naming the field. */
export const fundingWriteError = (error: unknown): unknown =>
  answerConstraintViolation(error, {
    conflicts: {
      uq_funding_key: () =>
        conflict(
          'FUNDING.DUPLICATE',
          'This space already has funding from this source for this programme in this year.',
        ),
    },
    fields: CHECK_FIELDS,
  });

/** All SQL of funding. Every line is reached through its space id AND its id. */
@Injectable()
export class FundingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  spaceByRef(ref: string): Promise<SpaceKey | null> {
    return findSpaceKey(this.dataSource, ref);
  }

  async list(
    spaceId: string,
    filter: { year?: number; limit: number; offset: number },
  ): Promise<{ items: FundingRecord[]; total: number }> {
    const params: unknown[] = [spaceId];
    let condition = 'f.space_id = $1';
    if (filter.year !== undefined) {
      params.push(filter.year);
      condition += ` AND f.year = $${params.length}`;
    }
    params.push(filter.limit, filter.offset);
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total
       FROM funding f JOIN spaces s ON s.id = f.space_id
       WHERE ${condition}
       ORDER BY f.year DESC, f.source, f.programme, f.id
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map(toRecord), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** `lock` takes the row lock, so that the snapshot read before an update is the one replaced. */
  async find(
    spaceId: string,
    id: string,
    options: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<FundingRecord | null> {
    const rows: Array<Record<string, any>> = await (options.manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM funding f JOIN spaces s ON s.id = f.space_id
       WHERE f.space_id = $1 AND f.id = $2 ${options.lock ? 'FOR UPDATE OF f' : ''}`,
      [spaceId, id],
    );
    return rows.length ? toRecord(rows[0]) : null;
  }

  async insert(m: EntityManager, spaceId: string, values: FundingValues): Promise<FundingRecord> {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO funding (space_id, year, source, amount_eur, kind, programme, ends_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [spaceId, values.year, values.source, values.amountEur, values.kind, values.programme, values.endsOn],
    );
    return (await this.find(spaceId, row.id, { manager: m }))!;
  }

  /** Versioned update (409 on a stale version); null when the line does not exist at this space. */
  async update(
    m: EntityManager,
    spaceId: string,
    id: string,
    version: number,
    changes: Partial<FundingValues>,
  ): Promise<FundingRecord | null> {
    const columns = Object.fromEntries(
      Object.entries(changes).map(([field, value]) => [COLUMN_OF[field as keyof FundingValues], value]),
    );
    const updated = await updateVersioned(m, {
      table: 'funding',
      where: { space_id: spaceId, id },
      version,
      changes: columns,
      area: 'FUNDING',
    });
    return updated ? this.find(spaceId, id, { manager: m }) : null;
  }

  async delete(m: EntityManager, spaceId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `DELETE FROM funding WHERE space_id = $1 AND id = $2 RETURNING id`,
      [spaceId, id],
    );
    return rows.length > 0;
  }

  /** Totals of one year by source, by kind and overall, in one statement (sums stay exact in SQL). */
  async yearTotals(
    spaceId: string,
    year: number,
  ): Promise<{ total: number; bySource: Record<string, number>; byKind: Record<string, number> }> {
    const rows: Array<{ source: string | null; kind: string | null; amount: string | null }> =
      await this.dataSource.query(
        `SELECT f.source, f.kind, sum(f.amount_eur)::text AS amount
         FROM funding f WHERE f.space_id = $1 AND f.year = $2
         GROUP BY GROUPING SETS ((f.source), (f.kind), ())`,
        [spaceId, year],
      );
    const result = { total: 0, bySource: {} as Record<string, number>, byKind: {} as Record<string, number> };
    for (const row of rows) {
      const amount = Number(row.amount ?? 0);
      if (row.source !== null) result.bySource[row.source] = amount;
      else if (row.kind !== null) result.byKind[row.kind] = amount;
      else result.total = amount;
    }
    return result;
  }

  /**
   * Spaces at risk, in one set-based statement: not closed on `asOf`, with project funding ending in
   * (asOf, until], and no structural funding for the year of asOf or a later year. Limited to what the
   * caller may see, and to a region when asked.
   */
  async warnings(
    principal: Principal,
    window: { asOf: string; until: string; year: number; region?: string },
  ): Promise<FundingWarningRow[]> {
    const params: unknown[] = [window.asOf, window.until, window.year];
    const conditions = [spaceScopeCondition(principal, 's', params)];
    if (window.region) {
      params.push(window.region);
      conditions.push(`s.region_code = $${params.length}`);
    }
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT s.ref, s.name, s.region_code, min(f.ends_on)::text AS first_ends_on,
              json_agg(json_build_object(
                'id', f.id, 'year', f.year, 'source', f.source, 'programme', NULLIF(f.programme, ''),
                'endsOn', f.ends_on::text, 'amountEur', f.amount_eur
              ) ORDER BY f.ends_on, f.source, f.programme) AS programmes
       FROM spaces s
       JOIN funding f ON f.space_id = s.id
         AND f.kind = 'project' AND f.ends_on > $1::date AND f.ends_on <= $2::date
       WHERE (s.closed_on IS NULL OR s.closed_on > $1::date)
         AND NOT EXISTS (SELECT 1 FROM funding st
                         WHERE st.space_id = s.id AND st.kind = 'structural' AND st.year >= $3)
         AND ${conditions.join(' AND ')}
       GROUP BY s.id, s.ref, s.name, s.region_code
       ORDER BY min(f.ends_on), s.ref`,
      params,
    );
    return rows.map((r) => ({
      ref: r.ref,
      name: r.name,
      region: String(r.region_code).trim(),
      firstEndsOn: r.first_ends_on,
      endingProgrammes: (r.programmes as Array<Record<string, any>>).map((p) => ({
        id: p.id,
        year: Number(p.year),
        source: p.source,
        programme: p.programme ?? null,
        endsOn: p.endsOn,
        amountEur: Number(p.amountEur),
      })),
    }));
  }
}
