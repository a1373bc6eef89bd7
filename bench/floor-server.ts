import Fastify from 'fastify';
import { floorReads, stopOnSignals } from './floor-reads.js';

/**
 * The API scenario's floor: bare Fastify running the very SQL the API's repositories run
 * (`floorReads`), and answering the rows as JSON. No auth, no validation, no DTO mapping, no logging:
 * the best this machine does for the same query.
 * Usage: DATABASE_URL=… PORT=… node dist/bench/floor-server.js
 */
const reads = floorReads(process.env.DATABASE_URL);

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get<{ Params: { ref: string } }>('/spaces/:ref', async (request, reply) => {
  const row = await reads.space(request.params.ref);
  if (!row) return reply.status(404).send({ code: 'SPACES.NOT_FOUND' });
  return row;
});
app.get<{ Querystring: { postcode?: string } }>('/public/spaces', (request) =>
  reads.finder(request.query.postcode),
);

stopOnSignals(() => app.close(), reads);
await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
