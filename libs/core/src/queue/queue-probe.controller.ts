import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ADMIN, Access } from '../auth/access.decorator.js';
import { notFound } from '../errors/app-exception.js';
import { ParseUuidParamPipe } from '../errors/uuid-param.pipe.js';
import { JobName } from './job-catalogue.js';
import { QueueProbeRepository } from './queue-probe.repository.js';
import { QueueService } from './queue.service.js';

export class QueueProbeDto {
  @ApiProperty() id: string;
  @ApiProperty() requestedAt: Date;
  @ApiPropertyOptional({ type: Date, nullable: true }) processedAt: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) processedBy: string | null;
}

/** For operators: proves that a job queued by the API is processed by a worker, end to end. */
@ApiTags('system')
@ApiBearerAuth()
@Controller('api/v1/system/queue-probes')
export class QueueProbeController {
  constructor(
    private readonly queues: QueueService,
    private readonly probes: QueueProbeRepository,
  ) {}

  @Post()
  @HttpCode(202)
  @Access(ADMIN)
  @ApiAcceptedResponse({ type: QueueProbeDto })
  async create(): Promise<QueueProbeDto> {
    const probe = await this.probes.insert();
    await this.queues.enqueue(JobName.SystemProbe, { probeId: probe.id });
    return probe;
  }

  @Get(':id')
  @Access(ADMIN)
  @ApiOkResponse({ type: QueueProbeDto })
  async get(@Param('id', ParseUuidParamPipe) id: string): Promise<QueueProbeDto> {
    const probe = await this.probes.find(id);
    if (!probe) throw notFound('SYSTEM.PROBE_NOT_FOUND', 'No such queue probe.');
    return probe;
  }
}
