import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ANY_SIGNED_IN,
  Access,
  CurrentPrincipal,
  negotiateLanguage,
  type Principal,
} from '../../../core/src/index.js';
import {
  CreateTrainingSessionDto,
  TrainingSessionDto,
  TrainingSessionListDto,
  TrainingSessionQueryDto,
  UpdateTrainingSessionDto,
} from './dto/training-session.dto.js';
import type { StoredSession } from './training-sessions.repository.js';
import { TrainingSessionsService } from './training-sessions.service.js';

const SPACE_SCOPE = { kind: 'space', param: 'ref' } as const;

@ApiTags('activity')
@ApiBearerAuth()
@Controller('api/v1/spaces/:ref/training-sessions')
export class TrainingSessionsController {
  constructor(private readonly sessions: TrainingSessionsService) {}

  @Get()
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: TrainingSessionListDto })
  async list(
    @Param('ref') ref: string,
    @Query() query: TrainingSessionQueryDto,
  ): Promise<TrainingSessionListDto> {
    const items = await this.sessions.list(ref, query.from, query.to);
    return { items: items.map((s) => toDto(ref, s)) };
  }

  @Post()
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiCreatedResponse({ type: TrainingSessionDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() dto: CreateTrainingSessionDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<TrainingSessionDto> {
    return toDto(
      ref,
      await this.sessions.create(principal, ref, dto, negotiateLanguage(acceptLanguage, 'en')),
    );
  }

  @Get(':sessionRef')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: TrainingSessionDto })
  async get(@Param('ref') ref: string, @Param('sessionRef') sessionRef: string): Promise<TrainingSessionDto> {
    return toDto(ref, await this.sessions.get(ref, sessionRef));
  }

  @Patch(':sessionRef')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: TrainingSessionDto })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Param('sessionRef') sessionRef: string,
    @Body() dto: UpdateTrainingSessionDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<TrainingSessionDto> {
    const lang = negotiateLanguage(acceptLanguage, 'en');
    return toDto(ref, await this.sessions.update(principal, ref, sessionRef, dto, lang));
  }

  @Delete(':sessionRef')
  @HttpCode(204)
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Param('sessionRef') sessionRef: string,
  ): Promise<void> {
    await this.sessions.delete(principal, ref, sessionRef);
  }
}

function toDto(spaceRef: string, s: StoredSession): TrainingSessionDto {
  const { id: _id, spaceId: _spaceId, ...rest } = s;
  return { spaceRef, ...rest };
}
