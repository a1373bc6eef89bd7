import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API processes keep signed-in sessions in memory for a few seconds. Any change to a user or one of
 * their sessions (logout, disabling, expiry, a role or a hand-written UPDATE) tells every process on the
 * channel `auth_sessions_revoked`, with the user's id as payload (`*` when a table is truncated), so
 * that they forget the user's sessions at once. NOTIFY is sent at commit, and only if the change commits.
 */
export class SessionRevocationNotify1732700000000 implements MigrationInterface {
  name = 'SessionRevocationNotify1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION "notify_auth_sessions_revoked"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('auth_sessions_revoked', '*');
        ELSIF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('auth_sessions_revoked', OLD.id::text);
        ELSE
          PERFORM pg_notify('auth_sessions_revoked', OLD.user_id::text);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['users', 'login_sessions']) {
      await q.query(`CREATE TRIGGER "trg_${table}_notify_revoked" AFTER UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION "notify_auth_sessions_revoked"()`);
      await q.query(`CREATE TRIGGER "trg_${table}_notify_truncated" AFTER TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION "notify_auth_sessions_revoked"()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['users', 'login_sessions']) {
      await q.query(`DROP TRIGGER "trg_${table}_notify_truncated" ON "${table}"`);
      await q.query(`DROP TRIGGER "trg_${table}_notify_revoked" ON "${table}"`);
    }
    await q.query(`DROP FUNCTION "notify_auth_sessions_revoked"()`);
  }
}
