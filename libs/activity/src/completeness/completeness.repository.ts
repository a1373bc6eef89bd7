import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface SpaceCompleteness {
  spaceRef: string;
  name: string;
  expectedWeeks: number;
  reportedWeeks: number;
  missingWeeks: string[];
  /** Weeks without a record that the space was closed all week (dated closures): not expected. */
  closedWeeks: string[];
}

/** A space's row as stored: the weeks without a record, before its closures are taken out. */
export interface StoredCompleteness extends Omit<SpaceCompleteness, 'closedWeeks'> {
  openingHours: string | null;
}

/**
 * Completeness in one statement: the series of weeks, the spaces, which weeks each space was active,
 * and which of those have a record. No loop over spaces or weeks.
 */
@Injectable()
export class CompletenessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forSpaces(
    filter: { regionCode: string } | { spaceId: string },
    fromMonday: string,
    toMonday: string,
  ): Promise<StoredCompleteness[]> {
    const byRegion = 'regionCode' in filter;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH weeks AS (
         SELECT d::date AS week_start, to_char(d, 'IYYY-"W"IW') AS week
         FROM generate_series($1::date, $2::date, interval '7 days') AS d
       )
       SELECT s.ref, s.name, s.opening_hours,
              count(w.week)::int AS expected,
              count(wa.id)::int AS reported,
              coalesce(array_agg(w.week ORDER BY w.week) FILTER (WHERE w.week IS NOT NULL AND wa.id IS NULL), '{}') AS missing
       FROM spaces s
       LEFT JOIN weeks w
         ON s.opened_on <= w.week_start + 6 AND (s.closed_on IS NULL OR s.closed_on >= w.week_start)
       LEFT JOIN weekly_activity wa ON wa.space_id = s.id AND wa.week = w.week
       WHERE ${byRegion ? 's.region_code = $3' : 's.id = $3'}
       GROUP BY s.id, s.ref, s.name, s.opening_hours
       ORDER BY s.ref`,
      [fromMonday, toMonday, byRegion ? filter.regionCode : filter.spaceId],
    );
    return rows.map((r) => ({
      spaceRef: r.ref as string,
      name: r.name as string,
      expectedWeeks: r.expected as number,
      reportedWeeks: r.reported as number,
      missingWeeks: r.missing as string[],
      openingHours: r.opening_hours as string | null,
    }));
  }
}
