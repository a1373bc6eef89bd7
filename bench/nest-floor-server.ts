import 'reflect-metadata';
import { Controller, Get, Module, NotFoundException, Param, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { floorReads, stopOnSignals } from './floor-reads.js';

/**
 * Not a floor of any target: the API scenario's yardstick for NestJS itself. NestJS on Fastify, one
 * controller, the floor's very reads (`floorReads`), and nothing of the API's own plumbing (no auth
 * guard, validation pipe, request context, security headers or DTO mapping).
 * Its distance from bare Fastify is what the framework costs; its distance from the API is what the
 * API's plumbing costs (docs/performance.md, (3)).
 * Usage: DATABASE_URL=… PORT=… node dist/bench/nest-floor-server.js
 */
const reads = floorReads(process.env.DATABASE_URL);

@Controller()
class ReadsController {
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Get('spaces/:ref')
  async space(@Param('ref') ref: string) {
    const row = await reads.space(ref);
    if (!row) throw new NotFoundException();
    return row;
  }

  @Get('public/spaces')
  finder(@Query('postcode') postcode?: string) {
    return reads.finder(postcode);
  }
}

@Module({ controllers: [ReadsController] })
class ReadsModule {}

const app = await NestFactory.create<NestFastifyApplication>(ReadsModule, new FastifyAdapter(), {
  logger: false,
});
stopOnSignals(() => app.close(), reads);
await app.listen({ port: Number(process.env.PORT ?? 3997), host: '127.0.0.1' });
