import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../../../core/src/index.js';
import type { WeekFigures } from '../rules/weekly-activity.rule.js';
import { WEEK_COLUMNS } from '../rules/weekly-activity.rule.js';

export interface StoredWeek extends WeekFigures {
  id: string;
  spaceId: string;
  week: string;
  version: number;
  updatedAt: Date;
}

const FIGURE_FIELDS = Object.keys(WEEK_COLUMNS).filter((f) => f !== 'week') as (keyof WeekFigures)[];
const DECIMAL_FIELDS = new Set<keyof WeekFigures>(['openingHours', 'hoursWithAnimator', 'animatorHours']);
const SELECT = `id, space_id, week, version, updated_at, ${FIGURE_FIELDS.map((f) => WEEK_COLUMNS[f]).join(', ')}`;

function toWeek(row: Record<string, unknown>): StoredWeek {
  const figures = {} as Record<keyof WeekFigures, number | null>;
  for (const field of FIGURE_FIELDS) {
    const value = row[WEEK_COLUMNS[field]];
    figures[field] = value === null || value === undefined ? null : Number(value);
  }
  return {
    ...(figures as unknown as WeekFigures),
    id: row.id as string,
    spaceId: row.space_id as string,
    week: row.week as string,
    version: Number(row.version),
    updatedAt: row.updated_at as Date,
  };
}

/** All SQL of weekly activity. */
@Injectable()
export class WeeksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async find(spaceId: string, week: string, manager: EntityManager = this.dataSource.manager) {
    const rows = await manager.query(
      `SELECT ${SELECT} FROM weekly_activity WHERE space_id = $1 AND week = $2`,
      [spaceId, week],
    );
    return rows.length ? toWeek(rows[0]) : null;
  }

  /** Locks the week's row for the rest of the transaction. */
  async findForUpdate(manager: EntityManager, spaceId: string, week: string) {
    const rows = await manager.query(
      `SELECT ${SELECT} FROM weekly_activity WHERE space_id = $1 AND week = $2 FOR UPDATE`,
      [spaceId, week],
    );
    return rows.length ? toWeek(rows[0]) : null;
  }

  async range(spaceId: string, from: string, to: string): Promise<StoredWeek[]> {
    const rows = await this.dataSource.query(
      `SELECT ${SELECT} FROM weekly_activity WHERE space_id = $1 AND week BETWEEN $2 AND $3 ORDER BY week`,
      [spaceId, from, to],
    );
    return rows.map(toWeek);
  }

  /**
   * Inserts the week unless a concurrent request did first (then answers null, and the caller updates).
   * The unique key (space, week) is what keeps concurrent first saves to one row.
   */
  async insertIfAbsent(
    manager: EntityManager,
    spaceId: string,
    week: string,
    isoYear: number,
    weekStart: string,
    figures: WeekFigures,
  ): Promise<StoredWeek | null> {
    const columns = FIGURE_FIELDS.map((f) => WEEK_COLUMNS[f]);
    const values = FIGURE_FIELDS.map((f) => figures[f]);
    const rows = await manager.query(
      `INSERT INTO weekly_activity (space_id, week, iso_year, week_start, ${columns.join(', ')})
       VALUES ($1, $2, $3, $4, ${columns.map((_, i) => `$${i + 5}`).join(', ')})
       ON CONFLICT (space_id, week) DO NOTHING RETURNING ${SELECT}`,
      [spaceId, week, isoYear, weekStart, ...values],
    );
    return rows.length ? toWeek(rows[0]) : null;
  }

  /** Replaces the figures if the row still has `version` (checked in the WHERE clause). */
  async replace(manager: EntityManager, id: string, version: number, figures: WeekFigures) {
    const columns = FIGURE_FIELDS.map((f) => WEEK_COLUMNS[f]);
    const result = await manager.query(
      `UPDATE weekly_activity SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')},
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING ${SELECT}`,
      [id, version, ...FIGURE_FIELDS.map((f) => figures[f])],
    );
    const rows = returnedRows(result);
    return rows.length ? toWeek(rows[0]) : null;
  }
}

/** Figures as they would be stored (decimals to 2 places), to compare a new submission with a stored one. */
export function sameFigures(a: WeekFigures, b: WeekFigures): boolean {
  return FIGURE_FIELDS.every((field) => {
    const x = a[field];
    const y = b[field];
    if (x === null || y === null) return x === y;
    return DECIMAL_FIELDS.has(field) ? Math.round(x * 100) === Math.round(y * 100) : x === y;
  });
}

export const figuresOf = (week: WeekFigures): WeekFigures =>
  Object.fromEntries(FIGURE_FIELDS.map((f) => [f, week[f]])) as unknown as WeekFigures;
