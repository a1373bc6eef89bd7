import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReportAnnex, ReportFigures, ReportFormat } from '../figures/figures.types.js';

export interface ReportRun {
  id: string;
  type: string;
  regionCode: string;
  year: number;
  audience: 'internal' | 'public';
  language: 'nl' | 'fr' | 'en';
  cacheKey: string;
  dataVersion: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  figures: ReportFigures | null;
  annex: ReportAnnex | null;
  error: string | null;
  requestedBy: string | null;
  createdAt: Date;
}

export interface NewReportRun {
  type: string;
  regionCode: string;
  year: number;
  audience: string;
  language: string;
  cacheKey: string;
  dataVersion: string;
  requestedBy: string;
}

export interface StoredArtifact {
  format: ReportFormat;
  contentType: string;
  filename: string;
  content: Buffer;
}

/** A published edition, as the public list shows it. */
export interface PublishedRun {
  id: string;
  region: string;
  year: number;
  language: string;
  finishedAt: Date;
  formats: string[];
}

/**
 * The published editions: of the public, finished runs computed under the current definition version
 * (`$1`, a cache-key pattern), the latest of each region, year and language. An older one (superseded,
 * or computed under an earlier definition, such as a suppression since corrected) is never served:
 * the pattern of a year is only safe among editions computed together on the same rules.
 */
const PUBLISHED = `published AS (
  SELECT DISTINCT ON (region_code, year, language) id, trim(region_code) AS region, year, language,
         finished_at AS "finishedAt", figures
  FROM report_runs
  WHERE audience = 'public' AND status = 'done' AND cache_key LIKE $1
  ORDER BY region_code, year, language, finished_at DESC, id DESC
)`;
const FORMATS = `ARRAY(SELECT a.format FROM report_artifacts a WHERE a.run_id = p.id ORDER BY a.format) AS formats`;

const COLUMNS = `id, type, trim(region_code) AS "regionCode", year, audience, language, cache_key AS "cacheKey",
  data_version AS "dataVersion", status, progress, figures, annex, error, requested_by AS "requestedBy",
  created_at AS "createdAt"`;

/** Every SQL statement on report runs and their artifacts. */
@Injectable()
export class ReportRunsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Finds the stored run for this cache key or inserts a new one, under a lock on the key so that two
   * identical requests at the same moment get one run. `force` always inserts. The audit entry is
   * written in the same transaction by `record`.
   */
  async findOrInsert(
    run: NewReportRun,
    force: boolean,
    record: (m: EntityManager, created: ReportRun) => Promise<void>,
  ): Promise<{ run: ReportRun; created: boolean }> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [run.cacheKey]);
      if (!force) {
        const [existing] = await m.query(
          `SELECT ${COLUMNS} FROM report_runs WHERE cache_key = $1 AND status <> 'failed'
           ORDER BY created_at DESC LIMIT 1`,
          [run.cacheKey],
        );
        if (existing) return { run: existing as ReportRun, created: false };
      }
      const [created] = await m.query(
        `INSERT INTO report_runs (type, region_code, year, audience, language, cache_key, data_version, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [
          run.type,
          run.regionCode,
          run.year,
          run.audience,
          run.language,
          run.cacheKey,
          run.dataVersion,
          run.requestedBy,
        ],
      );
      await record(m, created);
      return { run: created as ReportRun, created: true };
    });
  }

  async find(id: string): Promise<ReportRun | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM report_runs WHERE id = $1`, [id]);
    return row ?? null;
  }

  async markRunning(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_runs SET status = 'running', progress = 0, error = NULL, started_at = now() WHERE id = $1`,
      [id],
    );
  }

  async setProgress(id: string, progress: number): Promise<void> {
    await this.dataSource.query(`UPDATE report_runs SET progress = $2 WHERE id = $1`, [id, progress]);
  }

  /** Stores the figures and every artifact at once, so a reader never sees a half-done run. */
  async complete(
    id: string,
    figures: ReportFigures,
    annex: ReportAnnex,
    artifacts: StoredArtifact[],
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM report_artifacts WHERE run_id = $1`, [id]);
      for (const a of artifacts) {
        await m.query(
          `INSERT INTO report_artifacts (run_id, format, content_type, filename, content) VALUES ($1, $2, $3, $4, $5)`,
          [id, a.format, a.contentType, a.filename, a.content],
        );
      }
      await m.query(
        `UPDATE report_runs SET status = 'done', progress = 100, figures = $2, annex = $3, finished_at = now()
         WHERE id = $1`,
        [id, JSON.stringify(figures), JSON.stringify(annex)],
      );
    });
  }

  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE report_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [id, error],
    );
  }

  /** A page of the published editions, newest year first; `definition` is a cache-key pattern. */
  async listPublished(
    definition: string,
    filter: { region: string | null; year: number | null; limit: number; offset: number },
  ): Promise<{ items: PublishedRun[]; total: number }> {
    const rows = await this.dataSource.query(
      `WITH ${PUBLISHED}
       SELECT p.id, p.region, p.year, p.language, p."finishedAt", ${FORMATS}, count(*) OVER ()::int AS total
       FROM published p
       WHERE ($2::text IS NULL OR p.region = $2) AND ($3::int IS NULL OR p.year = $3)
       ORDER BY p.year DESC, p.region, p.language
       LIMIT $4 OFFSET $5`,
      [definition, filter.region, filter.year, filter.limit, filter.offset],
    );
    const total = rows[0]?.total ?? (filter.offset > 0 ? await this.countPublished(definition, filter) : 0);
    return { items: rows.map(({ total: _, ...run }: PublishedRun & { total: number }) => run), total };
  }

  /** The total when the page asked for lies past the end (the window count then has no row). */
  private async countPublished(
    definition: string,
    filter: { region: string | null; year: number | null },
  ): Promise<number> {
    const [row] = await this.dataSource.query(
      `WITH ${PUBLISHED}
       SELECT count(*)::int AS total FROM published p
       WHERE ($2::text IS NULL OR p.region = $2) AND ($3::int IS NULL OR p.year = $3)`,
      [definition, filter.region, filter.year],
    );
    return row.total;
  }

  /** One published edition with its figures, or null (not public, not done, superseded, unknown). */
  async findPublished(
    definition: string,
    id: string,
  ): Promise<(PublishedRun & { figures: ReportFigures }) | null> {
    const [row] = await this.dataSource.query(
      `WITH ${PUBLISHED}
       SELECT p.id, p.region, p.year, p.language, p."finishedAt", ${FORMATS}, p.figures
       FROM published p WHERE p.id = $2`,
      [definition, id],
    );
    return row ?? null;
  }

  async artifact(id: string, format: ReportFormat): Promise<StoredArtifact | null> {
    const [row] = await this.dataSource.query(
      `SELECT format, content_type AS "contentType", filename, content FROM report_artifacts
       WHERE run_id = $1 AND format = $2`,
      [id, format],
    );
    return row ?? null;
  }
}
