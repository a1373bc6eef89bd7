import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { returnedRows } from '../../../core/src/index.js';
import { closingHoursCondition } from '../../../spaces/src/index.js';

export interface PendingMail {
  id: string;
  email: string;
  language: string;
  spaceRef: string;
  spaceName: string;
  week: string;
  /** Whether the space has opening hours, so the week's form starts with its hours filled in. */
  hoursKnown: boolean;
}

export interface ReminderRow {
  id: string;
  kind: string;
  subject: string;
  spaceRef: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export const MISSING_WEEK = 'missing_week';

/** All SQL of reminders. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The spaces active in the week without a record for it whose hours hold a closure (`off`, `closed`):
   * those the service asks whether they were closed all week.
   */
  async unreportedWithClosures(
    week: string,
    weekStart: string,
  ): Promise<Array<{ id: string; openingHours: string }>> {
    return this.dataSource.query(
      `SELECT s.id, s.opening_hours AS "openingHours"
       FROM spaces s
       WHERE s.opened_on <= $2::date + 6 AND (s.closed_on IS NULL OR s.closed_on >= $2::date)
         AND ${closingHoursCondition('s.opening_hours')}
         AND NOT EXISTS (SELECT 1 FROM weekly_activity wa WHERE wa.space_id = s.id AND wa.week = $1)`,
      [week, weekStart],
    );
  }

  /**
   * One statement: a reminder for each active coordinator of each space (or antenna of their space)
   * that was open in the week and has no record for it, except the spaces `closedAllWeek` names. The
   * unique (user, kind, subject) key makes a second run in the same week record nothing.
   */
  async recordMissingWeek(week: string, weekStart: string, closedAllWeek: string[] = []): Promise<number> {
    const rows = await this.dataSource.query(
      `INSERT INTO reminders (user_id, kind, subject, space_id, details)
       SELECT DISTINCT u.id, $3, s.ref || '/' || $1, s.id, jsonb_build_object('week', $1::text, 'spaceRef', s.ref)
       FROM spaces s
       JOIN coordinator_spaces cs ON cs.space_id = s.id OR cs.space_id = s.parent_id
       JOIN users u ON u.id = cs.user_id AND u.disabled_at IS NULL AND u.role = 'coordinator'
       WHERE s.opened_on <= $2::date + 6 AND (s.closed_on IS NULL OR s.closed_on >= $2::date)
         AND NOT EXISTS (SELECT 1 FROM weekly_activity wa WHERE wa.space_id = s.id AND wa.week = $1)
         AND s.id <> ALL($4::uuid[])
       ON CONFLICT (user_id, kind, subject) DO NOTHING
       RETURNING id`,
      [week, weekStart, MISSING_WEEK, closedAllWeek],
    );
    return rows.length;
  }

  /** Reminders of the week not e-mailed yet (also those a failed earlier attempt left). */
  async pendingMails(week: string): Promise<PendingMail[]> {
    const rows: Array<Record<string, string | boolean>> = await this.dataSource.query(
      `SELECT r.id, u.email, u.preferred_language, s.ref, s.name, s.opening_hours IS NOT NULL AS hours_known
       FROM reminders r JOIN users u ON u.id = r.user_id JOIN spaces s ON s.id = r.space_id
       WHERE r.kind = $1 AND r.details->>'week' = $2 AND r.emailed_at IS NULL AND u.disabled_at IS NULL
       ORDER BY u.email, s.ref`,
      [MISSING_WEEK, week],
    );
    return rows.map((r) => ({
      id: r.id as string,
      email: r.email as string,
      language: r.preferred_language as string,
      spaceRef: r.ref as string,
      spaceName: r.name as string,
      week,
      hoursKnown: r.hours_known === true,
    }));
  }

  async markEmailed(ids: string[]): Promise<void> {
    await this.dataSource.query(`UPDATE reminders SET emailed_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async listForUser(userId: string, unreadOnly: boolean): Promise<ReminderRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT r.id, r.kind, r.subject, s.ref AS space_ref, r.details, r.created_at, r.read_at
       FROM reminders r LEFT JOIN spaces s ON s.id = r.space_id
       WHERE r.user_id = $1 AND ($2::boolean = false OR r.read_at IS NULL)
       ORDER BY r.created_at DESC, r.subject LIMIT 200`,
      [userId, unreadOnly],
    );
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      subject: r.subject as string,
      spaceRef: (r.space_ref as string | null) ?? null,
      details: r.details as Record<string, unknown>,
      createdAt: r.created_at as Date,
      readAt: (r.read_at as Date | null) ?? null,
    }));
  }

  /** Only the owner can mark a reminder read; false when it is not theirs or does not exist. */
  async markRead(id: string, userId: string): Promise<boolean> {
    const result = await this.dataSource.query(
      `UPDATE reminders SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId],
    );
    return returnedRows(result).length > 0;
  }
}
