import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The space registry: spaces and antennas, coordinator links, label history, animators and their
 * assignments, equipment, funding, and the append-only audit trail. Foreign keys and checks are named
 * fk_ and ck_ and belong to this migration alone (entities do not declare them).
 */
export class SpaceRegistry1732100000000 implements MigrationInterface {
  name = 'SpaceRegistry1732100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "spaces" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ref" text NOT NULL, "name" text NOT NULL, "nis_code" character(5) NOT NULL, "municipality_year" smallint NOT NULL DEFAULT '2020', "region_code" character(3) NOT NULL, "operator_type" text NOT NULL, "address" text, "postcode" text, "latitude" double precision, "longitude" double precision, "parent_id" uuid, "languages" text array NOT NULL DEFAULT '{}', "pricing" text, "open_to_all_publics" boolean, "charter_signed_on" date, "services" text array NOT NULL DEFAULT '{}', "step_free_access" boolean, "email" text, "phone" text, "website" text, "opened_on" date NOT NULL, "closed_on" date, "opening_hours" text, "scheduled_weekly_hours" numeric(6,2), "scheduled_hours_with_animator" numeric(6,2), "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_3142c58cd0bfb69c51fa11228f0" UNIQUE ("ref"), CONSTRAINT "PK_dbe542974aca57afcb60709d4c8" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_spaces_parent" ON "spaces"("parent_id")`);
    await q.query(`CREATE INDEX "idx_spaces_nis" ON "spaces"("nis_code")`);
    await q.query(`CREATE INDEX "idx_spaces_region" ON "spaces"("region_code")`);
    await q.query(
      `CREATE TABLE "coordinator_spaces" ("user_id" uuid NOT NULL, "space_id" uuid NOT NULL, CONSTRAINT "PK_f785e6163d4da09f77975925ada" PRIMARY KEY ("user_id", "space_id"))`,
    );
    await q.query(`CREATE INDEX "idx_coordinator_spaces_space" ON "coordinator_spaces"("space_id")`);
    await q.query(
      `CREATE TABLE "labels" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "scheme" text NOT NULL, "scheme_version" text NOT NULL, "status" text NOT NULL, "valid_from" date, "valid_until" date, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c0c4e97f76f1f3a268c7a70b925" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_labels_space" ON "labels"("space_id", "decided_at")`);
    await q.query(
      `CREATE TABLE "animators" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ref" text NOT NULL, "name" text, "email" text, "phone" text, "qualifications" text array NOT NULL DEFAULT '{}', "anonymised_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a7136d7b8d98ea6e582cc69506c" UNIQUE ("ref"), CONSTRAINT "PK_6c01d48edee30a67acc6b57c97e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "animator_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "animator_id" uuid NOT NULL, "space_id" uuid NOT NULL, "role" text NOT NULL, "contract" text, "fte" numeric(4,3) NOT NULL, "qualified" boolean NOT NULL DEFAULT false, "starts_on" date NOT NULL, "ends_on" date, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_animator_assignments_key" UNIQUE ("animator_id", "space_id", "starts_on"), CONSTRAINT "PK_14cf8acd90c8ea3210f838570f5" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_animator_assignments_space" ON "animator_assignments"("space_id")`);
    await q.query(
      `CREATE TABLE "equipment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "ref" text NOT NULL, "type" text NOT NULL, "quantity" integer NOT NULL, "acquired_on" date, "retired_on" date, "provenance" text, "free_software" boolean, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_equipment_key" UNIQUE ("space_id", "ref"), CONSTRAINT "PK_0722e1b9d6eb19f5874c1678740" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "funding" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "year" smallint NOT NULL, "source" text NOT NULL, "amount_eur" numeric(14,2) NOT NULL, "kind" text NOT NULL, "programme" text NOT NULL DEFAULT '', "ends_on" date, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_funding_key" UNIQUE ("space_id", "year", "source", "programme"), CONSTRAINT "PK_096afc0d11a08deb52da61f039e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_funding_year" ON "funding"("year")`);
    await q.query(
      `CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "actor" text NOT NULL, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" text NOT NULL, "space_id" uuid, "region_code" character(3), "before" jsonb, "after" jsonb, "correlation_id" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_audit_log_region" ON "audit_log"("region_code", "occurred_at")`);
    await q.query(`CREATE INDEX "idx_audit_log_entity" ON "audit_log"("entity", "entity_id")`);

    const checks: Array<[table: string, name: string, condition: string]> = [
      [
        'spaces',
        'ck_spaces_operator_type',
        `"operator_type" IN ('municipality', 'cpas', 'library', 'association', 'other')`,
      ],
      ['spaces', 'ck_spaces_pricing', `"pricing" IN ('free', 'reduced_rates', 'paid')`],
      ['spaces', 'ck_spaces_dates', `"closed_on" IS NULL OR "closed_on" >= "opened_on"`],
      ['spaces', 'ck_spaces_not_own_parent', `"parent_id" IS NULL OR "parent_id" <> "id"`],
      ['spaces', 'ck_spaces_latitude', `"latitude" BETWEEN -90 AND 90`],
      ['spaces', 'ck_spaces_longitude', `"longitude" BETWEEN -180 AND 180`],
      [
        'labels',
        'ck_labels_status',
        `"status" IN ('granted', 'refused', 'suspended', 'withdrawn', 'expired')`,
      ],
      ['animator_assignments', 'ck_assignments_role', `"role" IN ('animator', 'project_lead', 'volunteer')`],
      [
        'animator_assignments',
        'ck_assignments_contract',
        `"contract" IN ('employee', 'social_economy', 'volunteer', 'other')`,
      ],
      ['animator_assignments', 'ck_assignments_fte', `"fte" BETWEEN 0 AND 1`],
      ['animator_assignments', 'ck_assignments_dates', `"ends_on" IS NULL OR "ends_on" >= "starts_on"`],
      [
        'equipment',
        'ck_equipment_type',
        `"type" IN ('desktop', 'laptop', 'tablet', 'printer', '3d_printer', 'other')`,
      ],
      [
        'equipment',
        'ck_equipment_provenance',
        `"provenance" IN ('purchase', 'regional_programme', 'donation', 'decommissioned_admin', 'other')`,
      ],
      ['equipment', 'ck_equipment_quantity', `"quantity" >= 1`],
      [
        'equipment',
        'ck_equipment_dates',
        `"retired_on" IS NULL OR "acquired_on" IS NULL OR "retired_on" >= "acquired_on"`,
      ],
      [
        'funding',
        'ck_funding_source',
        `"source" IN ('municipality', 'cpas', 'region', 'community', 'federal', 'eu', 'private', 'own_income', 'other')`,
      ],
      ['funding', 'ck_funding_kind', `"kind" IN ('structural', 'project')`],
      ['funding', 'ck_funding_amount', `"amount_eur" >= 0`],
      ['funding', 'ck_funding_year', `"year" BETWEEN 1990 AND 2100`],
      ['audit_log', 'ck_audit_log_action', `"action" IN ('create', 'update', 'delete', 'anonymise', 'read')`],
    ];
    for (const [table, name, condition] of checks) {
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" CHECK (${condition})`);
    }

    const foreignKeys: Array<[table: string, name: string, definition: string]> = [
      [
        'spaces',
        'fk_spaces_municipality',
        `("nis_code", "municipality_year") REFERENCES "municipalities"("nis_code", "reference_year")`,
      ],
      ['spaces', 'fk_spaces_region', `("region_code") REFERENCES "regions"("code")`],
      ['spaces', 'fk_spaces_parent', `("parent_id") REFERENCES "spaces"("id")`],
      [
        'coordinator_spaces',
        'fk_coordinator_spaces_user',
        `("user_id") REFERENCES "users"("id") ON DELETE CASCADE`,
      ],
      [
        'coordinator_spaces',
        'fk_coordinator_spaces_space',
        `("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE`,
      ],
      ['labels', 'fk_labels_space', `("space_id") REFERENCES "spaces"("id")`],
      ['animator_assignments', 'fk_assignments_animator', `("animator_id") REFERENCES "animators"("id")`],
      ['animator_assignments', 'fk_assignments_space', `("space_id") REFERENCES "spaces"("id")`],
      ['equipment', 'fk_equipment_space', `("space_id") REFERENCES "spaces"("id")`],
      ['funding', 'fk_funding_space', `("space_id") REFERENCES "spaces"("id")`],
    ];
    for (const [table, name, definition] of foreignKeys) {
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ${definition}`);
    }

    // The trail is append-only in the database itself, whatever the application does.
    await q.query(`CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "trg_audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log"
      FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"()`);
    await q.query(`CREATE TRIGGER "trg_audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP FUNCTION "audit_log_append_only"()`);
    for (const table of [
      'funding',
      'equipment',
      'animator_assignments',
      'animators',
      'labels',
      'coordinator_spaces',
      'spaces',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
