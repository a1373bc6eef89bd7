import 'reflect-metadata';
import { Controller, Get, Module, NotFoundException, Param, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import type { DataSource } from 'typeorm';
// The same repositories, and the same pool, as bench/floor-server.ts.
import { PublicSpacesRepository, SpacesRepository, brusselsToday } from '../libs/spaces/src/index.js';

/**
 * Not a floor of any target: the API scenario's yardstick for NestJS itself. NestJS on Fastify, one
 * controller, the very SQL of the API's repositories over a pg pool of the API's size, and nothing of the
 * API's own plumbing (no auth guard, validation pipe, request context, security headers or DTO mapping).
 * Its distance from bare Fastify is what the framework costs; its distance from the API is what the
 * API's plumbing costs (docs/performance.md, (3)).
 * Usage: DATABASE_URL=… PORT=… node dist/bench/nest-floor-server.js
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const dataSource = {
  query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows,
  driver: { master: pool },
} as unknown as DataSource;
const spaces = new SpacesRepository(dataSource);
const directory = new PublicSpacesRepository(dataSource);

@Controller()
class ReadsController {
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Get('spaces/:ref')
  async space(@Param('ref') ref: string) {
    const row = await spaces.findByRef(ref, brusselsToday());
    if (!row) throw new NotFoundException();
    return row;
  }

  @Get('public/spaces')
  async finder(@Query('postcode') postcode?: string) {
    const { rows, total } = await directory.list({ postcode }, brusselsToday(), { limit: 50, offset: 0 });
    return { items: rows, total, page: 1, pageSize: 50 };
  }
}

@Module({ controllers: [ReadsController] })
class ReadsModule {}

const app = await NestFactory.create<NestFastifyApplication>(ReadsModule, new FastifyAdapter(), {
  logger: false,
});
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await app.listen({ port: Number(process.env.PORT ?? 3997), host: '127.0.0.1' });
