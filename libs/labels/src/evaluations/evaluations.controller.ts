import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ANY_SIGNED_IN,
  Access,
  CurrentPrincipal,
  ParseUuidParamPipe,
  STAFF,
  type Principal,
} from '../../../core/src/index.js';
import { CreateEvaluationDto, EvaluationCreatedDto, EvaluationDto } from './dto/evaluation.dto.js';
import { EvaluationsService } from './evaluations.service.js';

@ApiTags('labels')
@ApiBearerAuth()
@Controller('api/v1/label-evaluations')
export class EvaluationsController {
  constructor(private readonly evaluations: EvaluationsService) {}

  /** Queues an evaluation of one space, or of every space of a region (one job per space). */
  @Post()
  @HttpCode(202)
  @Access(STAFF)
  @ApiAcceptedResponse({ type: EvaluationCreatedDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateEvaluationDto,
  ): Promise<EvaluationCreatedDto> {
    return this.evaluations.request(principal, dto);
  }

  /** Status, progress and, per space, every criterion with its evidence. */
  @Get(':id')
  @Access(ANY_SIGNED_IN)
  @ApiOkResponse({ type: EvaluationDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUuidParamPipe) id: string,
  ): Promise<EvaluationDto> {
    return this.evaluations.get(principal, id);
  }
}
