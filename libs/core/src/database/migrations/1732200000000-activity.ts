import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activity: weekly activity per space and ISO week, training sessions with their animators, and
 * reminders. Checks mirror the validation rules, so that no path (API, import, SQL console) can store
 * a week that breaks them.
 */
export class Activity1732200000000 implements MigrationInterface {
  name = 'Activity1732200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "weekly_activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "week" character(8) NOT NULL, "iso_year" smallint NOT NULL, "week_start" date NOT NULL, "opening_hours" numeric(5,2) NOT NULL, "hours_with_animator" numeric(5,2), "animator_hours" numeric(7,2), "visits" integer NOT NULL, "visits_ict_learning" integer, "visits_job_search" integer, "visits_leisure_culture" integer, "visits_housing_elearning" integer, "visits_administrative" integer, "visitors_women" integer, "visitors_job_seekers" integer, "visitors_seniors" integer, "visitors_youth" integer, "mobile_actions" integer, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_weekly_activity_key" UNIQUE ("space_id", "week"), CONSTRAINT "PK_ea52c7e1cd83ee7e738e75750a9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_weekly_activity_year" ON "weekly_activity"("iso_year", "space_id")`);
    await q.query(
      `CREATE TABLE "training_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "space_id" uuid NOT NULL, "ref" text NOT NULL, "date" date NOT NULL, "title" text NOT NULL, "theme" text NOT NULL, "format" text NOT NULL, "duration_hours" numeric(4,2) NOT NULL, "participants" integer NOT NULL, "new_participants" integer NOT NULL, "language" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_training_sessions_key" UNIQUE ("space_id", "ref"), CONSTRAINT "PK_6678399f77ed9db5176459befa9" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_training_sessions_date" ON "training_sessions"("date", "space_id")`);
    await q.query(
      `CREATE TABLE "training_session_animators" ("session_id" uuid NOT NULL, "animator_id" uuid NOT NULL, CONSTRAINT "PK_89fcc6b6b001156a79a3fc596ab" PRIMARY KEY ("session_id", "animator_id"))`,
    );
    await q.query(
      `CREATE INDEX "idx_training_session_animators_animator" ON "training_session_animators"("animator_id")`,
    );
    await q.query(
      `CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "subject" text NOT NULL, "space_id" uuid, "details" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "emailed_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_reminders_subject" UNIQUE ("user_id", "kind", "subject"), CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "idx_reminders_user" ON "reminders"("user_id", "created_at")`);

    const counts = [
      'visits',
      'visits_ict_learning',
      'visits_job_search',
      'visits_leisure_culture',
      'visits_housing_elearning',
      'visits_administrative',
      'visitors_women',
      'visitors_job_seekers',
      'visitors_seniors',
      'visitors_youth',
      'mobile_actions',
    ];
    const checks: Array<[table: string, name: string, condition: string]> = [
      ['weekly_activity', 'ck_weekly_activity_week', `"week" ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'`],
      [
        'weekly_activity',
        'ck_weekly_activity_hours',
        `"opening_hours" BETWEEN 0 AND 168 AND "hours_with_animator" BETWEEN 0 AND "opening_hours"`,
      ],
      ['weekly_activity', 'ck_weekly_activity_animator_hours', `"animator_hours" >= 0`],
      ['weekly_activity', 'ck_weekly_activity_counts', counts.map((c) => `"${c}" >= 0`).join(' AND ')],
      [
        'weekly_activity',
        'ck_weekly_activity_purposes',
        `COALESCE("visits_ict_learning", 0) + COALESCE("visits_job_search", 0) + COALESCE("visits_leisure_culture", 0) + COALESCE("visits_housing_elearning", 0) + COALESCE("visits_administrative", 0) <= "visits"`,
      ],
      [
        'weekly_activity',
        'ck_weekly_activity_profiles',
        `"visitors_women" <= "visits" AND "visitors_job_seekers" <= "visits" AND "visitors_seniors" <= "visits" AND "visitors_youth" <= "visits"`,
      ],
      [
        'training_sessions',
        'ck_training_sessions_theme',
        `"theme" IN ('basic_skills', 'e_administration', 'job_search', 'online_safety', 'communication', 'media_literacy', 'office', 'creative', 'other')`,
      ],
      [
        'training_sessions',
        'ck_training_sessions_format',
        `"format" IN ('individual', 'workshop', 'course')`,
      ],
      [
        'training_sessions',
        'ck_training_sessions_duration',
        `"duration_hours" > 0 AND "duration_hours" <= 24`,
      ],
      [
        'training_sessions',
        'ck_training_sessions_participants',
        `"participants" >= 0 AND "new_participants" >= 0 AND "new_participants" <= "participants"`,
      ],
    ];
    for (const [table, name, condition] of checks) {
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" CHECK (${condition})`);
    }
    const foreignKeys: Array<[table: string, name: string, definition: string]> = [
      ['weekly_activity', 'fk_weekly_activity_space', `("space_id") REFERENCES "spaces"("id")`],
      ['training_sessions', 'fk_training_sessions_space', `("space_id") REFERENCES "spaces"("id")`],
      [
        'training_session_animators',
        'fk_training_session_animators_session',
        `("session_id") REFERENCES "training_sessions"("id") ON DELETE CASCADE`,
      ],
      [
        'training_session_animators',
        'fk_training_session_animators_animator',
        `("animator_id") REFERENCES "animators"("id")`,
      ],
      ['reminders', 'fk_reminders_user', `("user_id") REFERENCES "users"("id") ON DELETE CASCADE`],
      ['reminders', 'fk_reminders_space', `("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE`],
    ];
    for (const [table, name, definition] of foreignKeys) {
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ${definition}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['reminders', 'training_session_animators', 'training_sessions', 'weekly_activity']) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
