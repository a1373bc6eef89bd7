import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report runs: parameters, cache key and data version, status and progress, figures, error and
 * timestamps; and their rendered artifacts (one row per format), written by the worker.
 */
export class Reports1732400000000 implements MigrationInterface {
  name = 'Reports1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "report_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" text NOT NULL, "region_code" character(3) NOT NULL, "year" smallint NOT NULL, "audience" text NOT NULL, "language" character(2) NOT NULL, "cache_key" text NOT NULL, "data_version" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "progress" smallint NOT NULL DEFAULT '0', "figures" jsonb, "annex" jsonb, "error" text, "requested_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_report_runs" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_report_runs_cache_key" ON "report_runs" ("cache_key", "created_at")`);
    await q.query(
      `CREATE TABLE "report_artifacts" ("run_id" uuid NOT NULL, "format" text NOT NULL, "content_type" text NOT NULL, "filename" text NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_report_artifacts" PRIMARY KEY ("run_id", "format"))`,
    );
    const checks: Array<[table: string, name: string, condition: string]> = [
      ['report_runs', 'ck_report_runs_status', `"status" IN ('queued', 'running', 'done', 'failed')`],
      ['report_runs', 'ck_report_runs_region', `"region_code" IN ('BRU', 'WAL', 'VLA', 'BE ')`],
      ['report_runs', 'ck_report_runs_audience', `"audience" IN ('internal', 'public')`],
      ['report_runs', 'ck_report_runs_progress', `"progress" BETWEEN 0 AND 100`],
      [
        'report_artifacts',
        'ck_report_artifacts_format',
        `"format" IN ('html', 'csv', 'xlsx', 'pdf', 'json')`,
      ],
    ];
    for (const [table, name, condition] of checks) {
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" CHECK (${condition})`);
    }
    await q.query(
      `ALTER TABLE "report_runs" ADD CONSTRAINT "fk_report_runs_requested_by" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE SET NULL`,
    );
    await q.query(
      `ALTER TABLE "report_artifacts" ADD CONSTRAINT "fk_report_artifacts_run" FOREIGN KEY ("run_id") REFERENCES "report_runs"("id") ON DELETE CASCADE`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "report_artifacts"`);
    await q.query(`DROP TABLE "report_runs"`);
  }
}
