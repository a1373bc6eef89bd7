import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** What activity needs to know about a space: its id, region, dates and schedule. */
export interface ActivitySpace {
  id: string;
  ref: string;
  regionCode: string;
  openedOn: string;
  closedOn: string | null;
  openingHours: string | null;
}

/** Read-only look-ups of spaces for the activity lib (the registry owns the table). */
@Injectable()
export class ActivitySpaceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byRef(ref: string, manager: EntityManager = this.dataSource.manager): Promise<ActivitySpace | null> {
    const rows: Array<Record<string, string | null>> = await manager.query(
      `SELECT id, ref, region_code, opened_on::text, closed_on::text, opening_hours FROM spaces WHERE ref = $1`,
      [ref],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      id: r.id as string,
      ref: r.ref as string,
      regionCode: (r.region_code as string).trim(),
      openedOn: r.opened_on as string,
      closedOn: r.closed_on,
      openingHours: r.opening_hours,
    };
  }
}
