import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorator.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @Public()
  live() {
    return { status: 'ok' };
  }

  /** The database, the queue backend and a worker all answer. 503 with the failing part otherwise. */
  @Get('ready')
  @Public()
  async ready(@Res() reply: FastifyReply) {
    try {
      const result = await this.health.ready();
      return reply.status(200).send(result);
    } catch (e) {
      const details = (e as { response?: unknown }).response ?? null;
      return reply.status(503).send({ code: 'HEALTH.NOT_READY', message: 'Not ready.', details });
    }
  }
}
