import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface ReportRunRow {
  id: string;
  regionCode: string;
  year: number;
  audience: string;
  language: string;
  status: string;
  createdAt: Date;
}

export interface ArtifactInfo {
  format: string;
  bytes: number;
}

/**
 * Read-only look-ups for the report pages that ReportsService does not offer: the list of recent
 * runs and which files a run has. Access to one run is always checked by ReportsService first;
 * the list is filtered here by the same rule (admins all, regional staff their own region).
 */
@Injectable()
export class ReportPagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The latest runs, newest first; `region` null means every region (admins). */
  async recent(region: string | null, limit = 20): Promise<ReportRunRow[]> {
    return this.dataSource.query(
      `SELECT id, trim(region_code) AS "regionCode", year, audience, language, status,
              created_at AS "createdAt"
       FROM report_runs
       WHERE $1::text IS NULL OR region_code = $1::text
       ORDER BY created_at DESC, id
       LIMIT $2`,
      [region, limit],
    );
  }

  /** The parameters of one run (the caller's access was checked by ReportsService.get). */
  async params(
    id: string,
  ): Promise<Pick<ReportRunRow, 'regionCode' | 'year' | 'audience' | 'language'> | null> {
    const [row] = await this.dataSource.query(
      `SELECT trim(region_code) AS "regionCode", year, audience, language FROM report_runs WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The formats a run has a file in, with their size (to tell the reader before they download). */
  async artifacts(id: string): Promise<ArtifactInfo[]> {
    const rows: Array<{ format: string; bytes: string | number }> = await this.dataSource.query(
      `SELECT format, octet_length(content) AS bytes FROM report_artifacts WHERE run_id = $1`,
      [id],
    );
    return rows.map((r) => ({ format: r.format, bytes: Number(r.bytes) }));
  }
}
