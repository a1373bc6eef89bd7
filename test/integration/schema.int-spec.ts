import 'reflect-metadata';
import pg from 'pg';
import { buildDataSourceOptions, pendingSchemaChanges } from '../../libs/core/src/index.js';
import { ALL_ENTITIES } from '../../apps/cli/src/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/test-services.js';

describe('schema', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(() => db?.drop());

  it('has no drift between the entities and the migrations', async () => {
    expect(await pendingSchemaChanges(buildDataSourceOptions(db.url, ALL_ENTITIES, 2))).toEqual([]);
  });

  it('holds the 2020 reference data: 581 municipalities with Statbel population totals', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT trim(region_code) AS region, count(*)::int AS n, sum(inhabitants)::int AS pop
         FROM municipalities WHERE reference_year = 2020 GROUP BY 1 ORDER BY 1`,
    );
    await client.end();
    expect(rows).toEqual([
      { region: 'BRU', n: 19, pop: 1218255 },
      { region: 'VLA', n: 300, pop: 6629143 },
      { region: 'WAL', n: 262, pop: 3645243 },
    ]);
  });
});
