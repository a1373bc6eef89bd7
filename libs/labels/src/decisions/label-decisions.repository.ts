import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface StoredLabel {
  id: string;
  spaceId: string;
  spaceRef: string;
  spaceName: string;
  regionCode: string;
  scheme: string;
  schemeVersion: string;
  /**
   * Effective: a grant or a suspension past its end date reads `expired` (a suspension keeps the
   * label's end date), even before the daily job records it.
   */
  status: string;
  decision: string | null;
  validFrom: string | null;
  validUntil: string | null;
  evaluationId: string | null;
  justification: string | null;
  verificationCode: string | null;
  decidedAt: Date;
  /** Whether a later decision replaced this one. */
  superseded: boolean;
}

/** $today must be bound to the Brussels date. */
const LABEL_COLUMNS = (
  today: string,
) => `l.id, l.space_id AS "spaceId", s.ref AS "spaceRef", s.name AS "spaceName",
  trim(s.region_code) AS "regionCode", l.scheme, l.scheme_version AS "schemeVersion",
  CASE WHEN l.status IN ('granted', 'suspended') AND l.valid_until < ${today}::date THEN 'expired'
       ELSE l.status END AS status,
  l.decision, l.valid_from::text AS "validFrom", l.valid_until::text AS "validUntil", l.evaluation_id AS "evaluationId",
  l.justification, l.verification_code AS "verificationCode", l.decided_at AS "decidedAt",
  EXISTS (SELECT 1 FROM labels n WHERE n.space_id = l.space_id
          AND (n.decided_at, n.id) > (l.decided_at, l.id)) AS superseded`;

/** All SQL of label decisions. `labels` is append-only: this repository only ever inserts. */
@Injectable()
export class LabelDecisionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks the space row: decisions on one space are taken one at a time. */
  async lockSpace(m: EntityManager, ref: string): Promise<{ id: string; regionCode: string } | null> {
    const [row] = await m.query(
      `SELECT id, trim(region_code) AS "regionCode" FROM spaces WHERE ref = $1 FOR UPDATE`,
      [ref],
    );
    return row ?? null;
  }

  async current(m: EntityManager | null, spaceId: string, today: string): Promise<StoredLabel | null> {
    const [row] = await (m ?? this.dataSource).query(
      `SELECT ${LABEL_COLUMNS('$2')} FROM labels l JOIN spaces s ON s.id = l.space_id
       WHERE l.space_id = $1 ORDER BY l.decided_at DESC, l.id DESC LIMIT 1`,
      [spaceId, today],
    );
    return row ?? null;
  }

  async currentByRef(ref: string, today: string): Promise<StoredLabel | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${LABEL_COLUMNS('$2')} FROM labels l JOIN spaces s ON s.id = l.space_id
       WHERE s.ref = $1 ORDER BY l.decided_at DESC, l.id DESC LIMIT 1`,
      [ref, today],
    );
    return row ?? null;
  }

  history(ref: string, today: string): Promise<StoredLabel[]> {
    return this.dataSource.query(
      `SELECT ${LABEL_COLUMNS('$2')} FROM labels l JOIN spaces s ON s.id = l.space_id
       WHERE s.ref = $1 ORDER BY l.decided_at DESC, l.id DESC`,
      [ref, today],
    );
  }

  /**
   * The decision a certificate code belongs to, with the space's current label status (its latest
   * decision, expired past its end), which says what became of a superseded certificate, and the
   * space's last day if it closes for good.
   */
  async byVerificationCode(
    code: string,
    today: string,
  ): Promise<(StoredLabel & { currentStatus: string; spaceClosedOn: string | null }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${LABEL_COLUMNS('$2')}, s.closed_on::text AS "spaceClosedOn",
              (SELECT CASE WHEN n.status IN ('granted', 'suspended') AND n.valid_until < $2::date THEN 'expired'
                           ELSE n.status END
               FROM labels n WHERE n.space_id = l.space_id ORDER BY n.decided_at DESC, n.id DESC LIMIT 1)
                AS "currentStatus"
       FROM labels l JOIN spaces s ON s.id = l.space_id WHERE l.verification_code = $1`,
      [code, today],
    );
    return row ?? null;
  }

  /** The evaluation a decision rests on, and this space's result in it (null eligible: not evaluated). */
  async evaluationFor(
    m: EntityManager,
    runId: string,
    spaceId: string,
  ): Promise<{ scheme: string; schemeVersion: string; eligible: boolean | null } | null> {
    const [row] = await m.query(
      `SELECT r.scheme, r.scheme_version AS "schemeVersion", x.eligible
       FROM label_evaluation_runs r
       LEFT JOIN label_evaluation_results x ON x.run_id = r.id AND x.space_id = $2
       JOIN spaces s ON s.id = $2
       WHERE r.id = $1 AND (r.space_id = s.id OR (r.space_id IS NULL AND r.region_code = s.region_code))`,
      [runId, spaceId],
    );
    return row ?? null;
  }

  async insert(
    m: EntityManager,
    row: {
      spaceId: string;
      scheme: string;
      schemeVersion: string;
      status: string;
      decision: string;
      validFrom: string | null;
      validUntil: string | null;
      evaluationId: string | null;
      decidedBy: string | null;
      justification: string | null;
      verificationCode: string | null;
    },
  ): Promise<string> {
    // clock_timestamp, not now(): a decision waiting on the lock is later than the one it waited for.
    const [inserted] = await m.query(
      `INSERT INTO labels (space_id, scheme, scheme_version, status, decision, valid_from, valid_until, evaluation_id,
         decided_by, justification, verification_code, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, clock_timestamp()) RETURNING id`,
      [
        row.spaceId,
        row.scheme,
        row.schemeVersion,
        row.status,
        row.decision,
        row.validFrom,
        row.validUntil,
        row.evaluationId,
        row.decidedBy,
        row.justification,
        row.verificationCode,
      ],
    );
    return inserted.id;
  }

  async byId(m: EntityManager, id: string, today: string): Promise<StoredLabel> {
    const [row] = await m.query(
      `SELECT ${LABEL_COLUMNS('$2')} FROM labels l JOIN spaces s ON s.id = l.space_id WHERE l.id = $1`,
      [id, today],
    );
    return row;
  }
}
