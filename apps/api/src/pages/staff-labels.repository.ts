import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { currentLabelJoin } from '../../../../libs/spaces/src/index.js';

export interface RecentEvaluation {
  id: string;
  createdAt: Date;
  status: string;
  total: number;
  eligibleCount: number | null;
  spaceRef: string | null;
  spaceName: string | null;
}

export interface ExpiringLabel {
  spaceRef: string;
  spaceName: string;
  scheme: string;
  validUntil: string;
}

/**
 * Read-only look-up for the region dashboard: labels of a region that end soon. Only a space's current
 * label counts (its latest decision, as everywhere): a grant since renewed, suspended, withdrawn or
 * expired is no longer a label about to end. The labels lib exports no read service for this, so the
 * page reads the table directly.
 */
@Injectable()
export class StaffLabelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async expiring(regionCode: string, from: string, until: string): Promise<ExpiringLabel[]> {
    const rows: Array<{ ref: string; name: string; scheme: string; valid_until: string }> =
      await this.dataSource.query(
        `SELECT s.ref, s.name, l.scheme, l.valid_until
         FROM spaces s ${currentLabelJoin('s', 'l', '$2')}
         WHERE s.region_code = $1 AND l.status = 'granted'
           AND l.valid_until::date BETWEEN $2::date AND $3::date
         ORDER BY l.valid_until, s.ref`,
        [regionCode, from, until],
      );
    return rows.map((r) => ({
      spaceRef: r.ref,
      spaceName: r.name,
      scheme: r.scheme,
      validUntil: r.valid_until,
    }));
  }

  /** A region's latest evaluation runs, newest first (the runs' region index serves it). */
  recentEvaluations(regionCode: string, limit = 20): Promise<RecentEvaluation[]> {
    return this.dataSource.query(
      `SELECT r.id, r.created_at AS "createdAt", r.status, r.total, r.eligible_count AS "eligibleCount",
              s.ref AS "spaceRef", s.name AS "spaceName"
       FROM label_evaluation_runs r LEFT JOIN spaces s ON s.id = r.space_id
       WHERE r.region_code = $1
       ORDER BY r.created_at DESC, r.id
       LIMIT $2`,
      [regionCode, limit],
    );
  }
}
