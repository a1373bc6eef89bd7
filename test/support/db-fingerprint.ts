import type { DataSource } from 'typeorm';

/** The tables the suite promises to watch; the fingerprint fails loudly if one of them disappears. */
export const REQUIRED_TABLES = [
  'spaces',
  'coordinator_spaces',
  'labels',
  'animators',
  'animator_assignments',
  'equipment',
  'funding',
  'weekly_activity',
  'training_sessions',
  'reminders',
  'audit_log',
  'users',
  'login_sessions',
];

/** Bookkeeping that changes on its own (migrations run once, workers beat), not domain state. */
const IGNORED_TABLES = new Set(['migrations', 'typeorm_metadata', 'worker_heartbeats', 'fuzz_write_counter']);

/**
 * Tables fingerprinted through a projection: signing in adds a session row, which no denied
 * request must undo or alter, so only the revocation state of sessions is compared.
 */
const PROJECTIONS: Record<string, string> = {
  login_sessions: 'SELECT id, revoked_at FROM login_sessions',
};

export type Fingerprint = Record<string, string>;

export interface DbFingerprinter {
  tables: string[];
  take(): Promise<Fingerprint>;
}

/**
 * One md5 per table over every row's text form, all tables in one statement. Every base table of
 * the public schema is included, so a table added by a later migration is watched without anyone
 * listing it here.
 */
export async function dbFingerprinter(ds: DataSource): Promise<DbFingerprinter> {
  const rows: Array<{ table_name: string }> = await ds.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables = rows.map((r) => r.table_name).filter((t) => !IGNORED_TABLES.has(t));
  const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t));
  if (missing.length > 0)
    throw new Error(`fingerprint: tables missing from the schema: ${missing.join(', ')}`);
  const statement = tables
    .map((t) => {
      const source = PROJECTIONS[t] ? `(${PROJECTIONS[t]})` : `"${t}"`;
      return `SELECT '${t}' AS t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${source} x`;
    })
    .join('\nUNION ALL\n');
  return {
    tables,
    take: async () => {
      const result: Array<{ t: string; h: string }> = await ds.query(statement);
      return Object.fromEntries(result.map((r) => [r.t, r.h]));
    },
  };
}

/** The tables whose fingerprint differs (empty when nothing stored changed). */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((t) => before[t] !== after[t]).sort();
}
