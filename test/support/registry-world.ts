import { DataSource } from 'typeorm';
import { AuthService } from '../../libs/core/src/index.js';
import { api, type TestApi } from './test-app.js';

/**
 * A small registry to test access rules against, seeded straight into the database:
 * - `BRU-A` (Brussels city) with its antenna `BRU-A1`, and `BRU-B` (Ixelles), in BRU;
 * - `WAL-C` (Liège) in WAL;
 * - users: an admin, coordinator A (linked to BRU-A, so also covering BRU-A1), coordinator B
 *   (linked to BRU-B), BRU staff, WAL staff, and a disabled coordinator of BRU-A.
 */
export interface RegistryWorld {
  spaces: Record<'A' | 'A1' | 'B' | 'C', { id: string; ref: string }>;
  tokens: Record<'admin' | 'coordA' | 'coordB' | 'staffBRU' | 'staffWAL', string>;
  /** Ids of the seeded users, e.g. to check audit actors. */
  users: Record<'admin' | 'coordA' | 'coordB' | 'staffBRU' | 'staffWAL', string>;
  sql<T = any>(query: string, params?: unknown[]): Promise<T[]>;
  /**
   * Only with `{ disabledCoordinator: true }`: a coordinator of BRU-A who signed in and was then
   * disabled by an admin, with the token they held before.
   */
  disabled?: { id: string; token: string };
}

export interface RegistryWorldOptions {
  /** Also seed a disabled coordinator of BRU-A (see RegistryWorld.disabled). */
  disabledCoordinator?: boolean;
}

const PASSWORD = 'a long enough password';

export async function seedRegistryWorld(
  t: TestApi,
  options: RegistryWorldOptions = {},
): Promise<RegistryWorld> {
  const ds = t.app.get(DataSource);
  const sql = <T = any>(query: string, params: unknown[] = []) => ds.query(query, params) as Promise<T[]>;
  const insert = async (ref: string, name: string, nis: string, region: string, parentId: string | null) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO spaces (ref, name, nis_code, region_code, operator_type, opened_on, parent_id, opening_hours,
         scheduled_weekly_hours, scheduled_hours_with_animator, address, postcode, latitude, longitude,
         languages, pricing, open_to_all_publics, services)
       VALUES ($1, $2, $3, $4, 'municipality', '2015-01-05', $5, 'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00',
         17, 15, 'Rue de test 1', $6, 50.85, 4.35, '{fr,nl}', 'free', true, '{free_access,training}')
       RETURNING id`,
      [ref, name, nis, region, parentId, region === 'WAL' ? '4000' : '1000'],
    );
    return { id: row.id, ref };
  };
  const A = await insert('BRU-A', 'EPN Bruxelles-Centre', '21004', 'BRU', null);
  const A1 = await insert('BRU-A1', 'Antenne Marolles', '21004', 'BRU', A.id);
  const B = await insert('BRU-B', 'OCR Elsene', '21009', 'BRU', null);
  const C = await insert('WAL-C', 'EPN de Liège', '62063', 'WAL', null);

  const auth = t.app.get(AuthService);
  const create = (email: string, role: 'admin' | 'coordinator' | 'regional_staff', extra = {}) =>
    auth.createUser({ email, password: PASSWORD, role, ...extra }).then((u) => u.id);
  const users = {
    admin: await create('world-admin@example.be', 'admin'),
    coordA: await create('coord-a@example.be', 'coordinator', { spaceRefs: ['BRU-A'] }),
    coordB: await create('coord-b@example.be', 'coordinator', { spaceRefs: ['BRU-B'] }),
    staffBRU: await create('staff-bru@example.be', 'regional_staff', { region: 'BRU' }),
    staffWAL: await create('staff-wal@example.be', 'regional_staff', { region: 'WAL' }),
  };
  const login = async (email: string) => {
    const res = await api(t.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
    if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status}`);
    return res.body.accessToken as string;
  };
  const tokens = {
    admin: await login('world-admin@example.be'),
    coordA: await login('coord-a@example.be'),
    coordB: await login('coord-b@example.be'),
    staffBRU: await login('staff-bru@example.be'),
    staffWAL: await login('staff-wal@example.be'),
  };
  let disabled: RegistryWorld['disabled'];
  if (options.disabledCoordinator) {
    const id = await create('coord-a-disabled@example.be', 'coordinator', { spaceRefs: ['BRU-A'] });
    const token = await login('coord-a-disabled@example.be');
    const res = await api(t.baseUrl, 'POST', `/api/v1/users/${id}/disable`, { token: tokens.admin });
    if (res.status !== 204) throw new Error(`disabling the coordinator failed: ${res.status}`);
    disabled = { id, token };
  }
  return { spaces: { A, A1, B, C }, tokens, users, sql, ...(disabled ? { disabled } : {}) };
}
