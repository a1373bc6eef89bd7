import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../../../core/src/index.js';

export const LABEL_EXPIRY = 'label_expiry';

export interface ExpiredLabel {
  id: string;
  spaceId: string;
  regionCode: string;
  scheme: string;
  schemeVersion: string;
  validFrom: string | null;
  validUntil: string;
  previousId: string;
  /** `granted` or `suspended`. */
  previousStatus: string;
}

export interface PendingExpiryMail {
  id: string;
  email: string;
  language: string;
  spaceRef: string;
  spaceName: string;
  scheme: string;
  validUntil: string;
}

/** The latest decision of each space (append-only history: the latest row is in force). */
const LATEST = `SELECT DISTINCT ON (l.space_id) l.* FROM labels l ORDER BY l.space_id, l.decided_at DESC, l.id DESC`;

/** All SQL of the daily expiry job; each step is one statement, whatever the number of labels. */
@Injectable()
export class LabelExpiryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an `expired` row for every space whose latest decision is a grant, or a suspension (it
   * keeps the label's end date), that ended before `today`. A second run finds the expired row latest
   * and appends nothing.
   */
  async expire(m: EntityManager, today: string): Promise<ExpiredLabel[]> {
    return returnedRows(
      await m.query(
        `WITH latest AS (${LATEST}),
         due AS (SELECT * FROM latest WHERE status IN ('granted', 'suspended') AND valid_until < $1::date)
         INSERT INTO labels (space_id, scheme, scheme_version, status, decision, valid_from, valid_until,
           evaluation_id, decided_at)
         SELECT space_id, scheme, scheme_version, 'expired', 'expire', valid_from, valid_until, evaluation_id,
           clock_timestamp()
         FROM due
         RETURNING id, space_id AS "spaceId", scheme, scheme_version AS "schemeVersion",
           valid_from::text AS "validFrom", valid_until::text AS "validUntil",
           (SELECT trim(region_code) FROM spaces s WHERE s.id = labels.space_id) AS "regionCode",
           (SELECT d.id FROM due d WHERE d.space_id = labels.space_id) AS "previousId",
           (SELECT d.status FROM due d WHERE d.space_id = labels.space_id) AS "previousStatus"`,
        [today],
      ),
    );
  }

  /**
   * One reminder per person to warn about a grant ending within 60 days: the coordinators of the space
   * (or of its parent) and the regional staff of its region. Keyed by (user, kind, subject = the
   * label's id), so a daily run records each warning once. A suspended label is not warned about: it
   * is not in force, and the region that suspended it decides what comes next (renew or withdraw);
   * "ask for a renewal in time" would be the wrong advice to its coordinator.
   */
  async recordReminders(today: string): Promise<number> {
    const rows = await this.dataSource.query(
      `WITH latest AS (${LATEST}),
       ending AS (
         SELECT l.id, l.space_id, l.scheme, l.valid_until, s.ref, s.region_code, s.parent_id
         FROM latest l JOIN spaces s ON s.id = l.space_id
         WHERE l.status = 'granted' AND l.valid_until >= $1::date AND l.valid_until <= $1::date + 60
       ),
       recipients AS (
         SELECT u.id AS user_id, e.* FROM ending e
         JOIN coordinator_spaces cs ON cs.space_id = e.space_id OR cs.space_id = e.parent_id
         JOIN users u ON u.id = cs.user_id AND u.role = 'coordinator' AND u.disabled_at IS NULL
         UNION
         SELECT u.id AS user_id, e.* FROM ending e
         JOIN users u ON u.role = 'regional_staff' AND u.region_code = e.region_code AND u.disabled_at IS NULL
       )
       INSERT INTO reminders (user_id, kind, subject, space_id, details)
       SELECT user_id, $2, ref || '/label/' || id, space_id,
              jsonb_build_object('labelId', id, 'spaceRef', ref, 'scheme', scheme, 'validUntil', valid_until::text)
       FROM recipients
       ON CONFLICT (user_id, kind, subject) DO NOTHING
       RETURNING id`,
      [today, LABEL_EXPIRY],
    );
    return rows.length;
  }

  async pendingMails(): Promise<PendingExpiryMail[]> {
    return this.dataSource.query(
      `SELECT r.id, u.email, u.preferred_language AS language, s.ref AS "spaceRef", s.name AS "spaceName",
              r.details->>'scheme' AS scheme, r.details->>'validUntil' AS "validUntil"
       FROM reminders r JOIN users u ON u.id = r.user_id JOIN spaces s ON s.id = r.space_id
       WHERE r.kind = $1 AND r.emailed_at IS NULL AND u.disabled_at IS NULL
       ORDER BY u.email, s.ref`,
      [LABEL_EXPIRY],
    );
  }

  async markEmailed(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE reminders SET emailed_at = now() WHERE id = $1`, [id]);
  }
}
