import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import type { Environment } from '../config/environment.js';

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueConnection {
  kind: QueueBackendKind;
  /** Passed as-is to every BullMQ Queue, Worker and FlowProducer. */
  options: { connection: any; prefix?: string };
}

export function redisConnectionOptions(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis; they must retry forever rather than fail a command.
    maxRetriesPerRequest: null,
  };
}

/**
 * Chooses the queue backend: Redis when REDIS_URL is set, else BullMQ's PostgreSQL backend in the
 * application's own database, namespaced by a schema named after QUEUE_PREFIX. Nothing above the
 * queue module knows which one is in use.
 */
export function resolveQueueConnection(env: Environment, databaseUrl: string): QueueConnection {
  if (env.REDIS_URL) {
    setDefaultBackendFactory(undefined);
    return {
      kind: 'redis',
      options: { connection: redisConnectionOptions(env.REDIS_URL), prefix: env.QUEUE_PREFIX },
    };
  }
  setDefaultBackendFactory(createPostgresBackend as any);
  return {
    kind: 'postgres',
    options: {
      connection: {
        connectionString: databaseUrl,
        schema: `bullmq_${env.QUEUE_PREFIX}`,
        max: 5,
        migrate: true,
      },
    },
  };
}
