import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Label schemes, evaluations with their evidence, and label decisions. The `labels` table (created by
 * the registry migration) gains the decision's details; it stays append-only history.
 */
export class Labels1732300000000 implements MigrationInterface {
  name = 'Labels1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "label_schemes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scheme" text NOT NULL, "version" text NOT NULL, "region_code" character(3) NOT NULL, "validity_years" smallint NOT NULL, "definition" jsonb NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_label_schemes_version" UNIQUE ("scheme", "version"), CONSTRAINT "PK_4d65ecb5e30a9cc3eb9ac879130" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "label_evaluation_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scheme" text NOT NULL, "scheme_version" text NOT NULL, "region_code" character(3) NOT NULL, "space_id" uuid, "until" date NOT NULL, "window_from" date NOT NULL, "window_to" date NOT NULL, "status" text NOT NULL DEFAULT 'queued', "total" integer NOT NULL, "eligible_count" integer, "requested_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_22ac5411fe5535de8412ae9ca2e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_label_evaluation_runs_region" ON "label_evaluation_runs" ("region_code", "created_at")`,
    );
    await q.query(
      `CREATE TABLE "label_evaluation_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "space_id" uuid NOT NULL, "eligible" boolean NOT NULL, "weeks_with_data" integer NOT NULL, "criteria" jsonb NOT NULL, "evidence" jsonb NOT NULL, "evaluated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_label_evaluation_results_key" UNIQUE ("run_id", "space_id"), CONSTRAINT "PK_ae4811effb2c416ceedb894d7bc" PRIMARY KEY ("id"))`,
    );
    for (const column of [
      `"decision" text`,
      `"evaluation_id" uuid`,
      `"decided_by" uuid`,
      `"justification" text`,
      `"verification_code" text`,
    ]) {
      await q.query(`ALTER TABLE "labels" ADD ${column}`);
    }
    await q.query(`CREATE UNIQUE INDEX "uq_labels_verification_code" ON "labels" ("verification_code")`);

    const checks: Array<[string, string, string]> = [
      [
        'label_evaluation_runs',
        'ck_label_evaluation_runs_status',
        `"status" IN ('queued', 'running', 'done', 'failed')`,
      ],
      ['label_evaluation_runs', 'ck_label_evaluation_runs_window', `"window_from" <= "window_to"`],
      [
        'labels',
        'ck_labels_decision',
        `"decision" IS NULL OR "decision" IN ('grant', 'refuse', 'suspend', 'withdraw', 'renew', 'expire')`,
      ],
    ];
    for (const [table, name, definition] of checks) {
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" CHECK (${definition})`);
    }
    const foreignKeys: Array<[string, string, string]> = [
      ['label_evaluation_runs', 'fk_label_evaluation_runs_space', `("space_id") REFERENCES "spaces"("id")`],
      [
        'label_evaluation_runs',
        'fk_label_evaluation_runs_user',
        `("requested_by") REFERENCES "users"("id") ON DELETE SET NULL`,
      ],
      [
        'label_evaluation_results',
        'fk_label_evaluation_results_run',
        `("run_id") REFERENCES "label_evaluation_runs"("id") ON DELETE CASCADE`,
      ],
      [
        'label_evaluation_results',
        'fk_label_evaluation_results_space',
        `("space_id") REFERENCES "spaces"("id")`,
      ],
      ['labels', 'fk_labels_evaluation', `("evaluation_id") REFERENCES "label_evaluation_runs"("id")`],
      ['labels', 'fk_labels_decided_by', `("decided_by") REFERENCES "users"("id") ON DELETE SET NULL`],
    ];
    for (const [table, name, definition] of foreignKeys) {
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ${definition}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of ['fk_labels_evaluation', 'fk_labels_decided_by', 'ck_labels_decision']) {
      await q.query(`ALTER TABLE "labels" DROP CONSTRAINT "${name}"`);
    }
    await q.query(`DROP INDEX "uq_labels_verification_code"`);
    for (const column of ['verification_code', 'justification', 'decided_by', 'evaluation_id', 'decision']) {
      await q.query(`ALTER TABLE "labels" DROP COLUMN "${column}"`);
    }
    for (const table of ['label_evaluation_results', 'label_evaluation_runs', 'label_schemes']) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
