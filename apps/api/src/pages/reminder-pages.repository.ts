import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MISSING_WEEK } from '../../../../libs/activity/src/index.js';
import { LABEL_EXPIRY } from '../../../../libs/labels/src/index.js';

/**
 * The one look-up the reminder notices need that the reminders lib has no service for: which of a
 * user's reminders still say something true, with the space's name. A week reported since, or a label
 * decided on since (renewed, expired, withdrawn), makes its reminder out of date: it is not shown.
 */
@Injectable()
export class ReminderPagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Of these reminder ids, those still due, each with its space's name. */
  async stillDue(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(
      `SELECT r.id, s.name FROM reminders r JOIN spaces s ON s.id = r.space_id
       WHERE r.id = ANY($1::uuid[]) AND CASE r.kind
         WHEN $2 THEN NOT EXISTS (
           SELECT 1 FROM weekly_activity wa WHERE wa.space_id = r.space_id AND wa.week = r.details->>'week')
         WHEN $3 THEN (
           SELECT l.id::text FROM labels l WHERE l.space_id = r.space_id
           ORDER BY l.decided_at DESC, l.id DESC LIMIT 1) = r.details->>'labelId'
         ELSE false END`,
      [ids, MISSING_WEEK, LABEL_EXPIRY],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
