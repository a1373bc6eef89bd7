import Fastify from 'fastify';
import pg from 'pg';
import type { DataSource } from 'typeorm';
// The floor runs the very SQL of the API's repositories.
import { PublicSpacesRepository, SpacesRepository, brusselsToday } from '../libs/spaces/src/index.js';

/**
 * The API scenario's floor: bare Fastify and a pg pool of the API's size, running the very SQL the API's
 * repositories run (they are given a pool in place of TypeORM's DataSource), and answering the rows as
 * JSON. No auth, no validation, no DTO mapping, no logging: the best this machine does for the same query.
 * Usage: DATABASE_URL=… PORT=… node dist/bench/floor-server.js
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// What the repositories use of a DataSource: `query`, and the pg pool under it (`driver.master`), on
// which they run their hot reads as prepared statements.
const dataSource = {
  query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
  driver: { master: pool },
} as unknown as DataSource;
const spaces = new SpacesRepository(dataSource);
const directory = new PublicSpacesRepository(dataSource);

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get<{ Params: { ref: string } }>('/spaces/:ref', async (request, reply) => {
  const row = await spaces.findByRef(request.params.ref, brusselsToday());
  if (!row) return reply.status(404).send({ code: 'SPACE.NOT_FOUND' });
  return row;
});
app.get<{ Querystring: { postcode?: string } }>('/public/spaces', async (request) => {
  const { rows, total } = await directory.list({ postcode: request.query.postcode }, brusselsToday(), {
    limit: 50,
    offset: 0,
  });
  return { items: rows, total, page: 1, pageSize: 50 };
});

const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
