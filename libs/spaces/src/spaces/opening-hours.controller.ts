import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ANY_SIGNED_IN, Access, CurrentPrincipal, type Principal } from '../../../core/src/index.js';
import { OpeningHoursQueryDto, PutOpeningHoursDto, SpaceOpeningHoursDto } from './dto/opening-hours.dto.js';
import { OpeningHoursService } from './opening-hours.service.js';

const SPACE_SCOPE = { kind: 'space', param: 'ref' } as const;

@ApiTags('spaces')
@ApiBearerAuth()
@Controller('api/v1/spaces/:ref/opening-hours')
export class OpeningHoursController {
  constructor(private readonly hours: OpeningHoursService) {}

  @Get()
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOperation({
    summary: 'Opening hours, derived weekly hours, and whether the space is open now (or at `at`).',
  })
  @ApiOkResponse({ type: SpaceOpeningHoursDto })
  get(@Param('ref') ref: string, @Query() query: OpeningHoursQueryDto): Promise<SpaceOpeningHoursDto> {
    return this.hours.get(ref, query.at);
  }

  @Put()
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOperation({
    summary: 'Replace the opening hours, as an expression or as a weekly grid with closures.',
    description: 'The weekly hours and hours with an animator are derived from them.',
  })
  @ApiOkResponse({ type: SpaceOpeningHoursDto })
  @ApiBadRequestResponse({
    description: 'OPENING_HOURS.INVALID or OPENING_HOURS.INVALID_SCHEDULE, naming the field.',
  })
  @ApiConflictResponse({ description: 'SPACES.VERSION_CONFLICT' })
  put(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() dto: PutOpeningHoursDto,
  ): Promise<SpaceOpeningHoursDto> {
    return this.hours.put(principal, ref, dto);
  }
}
