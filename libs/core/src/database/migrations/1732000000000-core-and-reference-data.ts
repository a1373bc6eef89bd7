import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { projectRoot } from '../../util/project-root.js';

const REGION_BY_DUTCH_NAME: Record<string, string> = {
  'Brussels Hoofdstedelijk Gewest': 'BRU',
  'Waals Gewest': 'WAL',
  'Vlaams Gewest': 'VLA',
};

/** Core tables (users, logins, queue health) and the reference data: regions and 2020 municipalities. */
export class CoreAndReferenceData1732000000000 implements MigrationInterface {
  name = 'CoreAndReferenceData1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "regions" ("code" character(3) NOT NULL, "name_nl" text NOT NULL, "name_fr" text NOT NULL,
      "name_en" text NOT NULL, CONSTRAINT "PK_4f6dc5a464961e7c65a395ea4c6" PRIMARY KEY ("code"))`);
    await q.query(`CREATE TABLE "municipalities" ("nis_code" character(5) NOT NULL, "reference_year" smallint NOT NULL,
      "name_nl" text NOT NULL, "name_fr" text NOT NULL, "region_code" character(3) NOT NULL, "province_nl" text,
      "inhabitants" integer NOT NULL, "postcode" character(4) NOT NULL,
      CONSTRAINT "PK_9103d78eb0e17841398824681dc" PRIMARY KEY ("nis_code", "reference_year"),
      CONSTRAINT "fk_municipalities_region" FOREIGN KEY ("region_code") REFERENCES "regions"("code"))`);
    await q.query(
      `CREATE INDEX "idx_municipalities_region" ON "municipalities" ("region_code", "reference_year")`,
    );
    await q.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL,
      "password_hash" text NOT NULL, "role" text NOT NULL, "region_code" character(3),
      "preferred_language" character(2) NOT NULL DEFAULT 'nl', "disabled_at" TIMESTAMP WITH TIME ZONE,
      "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"),
      CONSTRAINT "fk_users_region" FOREIGN KEY ("region_code") REFERENCES "regions"("code"),
      CONSTRAINT "ck_users_role" CHECK ("role" IN ('coordinator', 'regional_staff', 'admin')),
      CONSTRAINT "ck_users_staff_region" CHECK (("role" = 'regional_staff') = ("region_code" IS NOT NULL)))`);
    await q.query(`CREATE TABLE "login_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL,
      "token_hash" bytea NOT NULL, "kind" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "UQ_a6caf4c71e0199cd1515c309824" UNIQUE ("token_hash"), CONSTRAINT "PK_856ef68c4c116c517937056c7bb" PRIMARY KEY ("id"),
      CONSTRAINT "fk_login_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "idx_login_sessions_user" ON "login_sessions" ("user_id")`);
    await q.query(`CREATE TABLE "worker_heartbeats" ("worker_id" text NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "backend" text NOT NULL, CONSTRAINT "PK_35082e5e316be8465333d9c09d8" PRIMARY KEY ("worker_id"))`);
    await q.query(`CREATE TABLE "queue_probes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE,
      "processed_by" text, "correlation_id" text, CONSTRAINT "PK_4a6d736009b75cad7454a765e63" PRIMARY KEY ("id"))`);

    await q.query(`INSERT INTO "regions" ("code", "name_nl", "name_fr", "name_en") VALUES
      ('BRU', 'Brussels Hoofdstedelijk Gewest', 'Région de Bruxelles-Capitale', 'Brussels-Capital Region'),
      ('WAL', 'Waals Gewest', 'Région wallonne', 'Walloon Region'),
      ('VLA', 'Vlaams Gewest', 'Région flamande', 'Flemish Region')`);

    // Statbel 2020 figures, carried in config/reference (see its README for the source).
    const rows: Record<string, string>[] = parse(
      readFileSync(join(projectRoot(), 'config/reference/be-municipalities-2020.csv'), 'utf8'),
      { columns: true, skip_empty_lines: true, bom: true },
    );
    const region = (r: Record<string, string>) => {
      const code = REGION_BY_DUTCH_NAME[r.region_NL];
      if (!code) throw new Error(`Unknown region "${r.region_NL}" for NIS ${r.NIS_code}`);
      return code;
    };
    await q.query(
      `INSERT INTO "municipalities" ("nis_code", "reference_year", "name_nl", "name_fr", "region_code", "province_nl", "inhabitants", "postcode")
       SELECT nis, 2020, nl, fr, reg, NULLIF(prov, '0'), pop, zip
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[])
         AS t(nis, nl, fr, reg, prov, pop, zip)`,
      [
        rows.map((r) => r.NIS_code.padStart(5, '0')),
        rows.map((r) => r.municipality_NL),
        rows.map((r) => r.municipality_FR),
        rows.map(region),
        rows.map((r) => r.province_NL),
        rows.map((r) => Number(r.inhabitants)),
        rows.map((r) => r.zip),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'queue_probes',
      'worker_heartbeats',
      'login_sessions',
      'users',
      'municipalities',
      'regions',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
