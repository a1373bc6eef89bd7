import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ANY_SIGNED_IN,
  Access,
  CurrentPrincipal,
  negotiateLanguage,
  type Principal,
} from '../../../core/src/index.js';
import { PrefillDto, PutWeekDto, WeekDto, WeekListDto, WeekRangeQueryDto } from './dto/week.dto.js';
import type { StoredWeek } from './weeks.repository.js';
import { WeeksService } from './weeks.service.js';

const SPACE_SCOPE = { kind: 'space', param: 'ref' } as const;

@ApiTags('activity')
@ApiBearerAuth()
@Controller('api/v1/spaces/:ref/weeks')
export class WeeksController {
  constructor(private readonly weeks: WeeksService) {}

  /** Creates (201) or replaces (200) the week; sending the same figures again changes nothing. */
  @Put(':week')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiCreatedResponse({ type: WeekDto, description: 'The week was created.' })
  @ApiOkResponse({ type: WeekDto, description: 'The week was replaced, or was already the same.' })
  async put(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Param('week') week: string,
    @Body() dto: PutWeekDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WeekDto> {
    const result = await this.weeks.put(principal, ref, week, dto, negotiateLanguage(acceptLanguage, 'en'));
    reply.status(result.outcome === 'created' ? 201 : 200);
    return toDto(ref, result.week);
  }

  @Get()
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: WeekListDto })
  async range(
    @Param('ref') ref: string,
    @Query() query: WeekRangeQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<WeekListDto> {
    const weeks = await this.weeks.range(ref, query.from, query.to, negotiateLanguage(acceptLanguage, 'en'));
    return { items: weeks.map((w) => toDto(ref, w)) };
  }

  /** The hours the schedule gives for that week, to start the form with. */
  @Get(':week/prefill')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: PrefillDto })
  prefill(
    @Param('ref') ref: string,
    @Param('week') week: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<PrefillDto> {
    return this.weeks.prefill(ref, week, negotiateLanguage(acceptLanguage, 'en'));
  }

  @Get(':week')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: WeekDto })
  async get(
    @Param('ref') ref: string,
    @Param('week') week: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<WeekDto> {
    return toDto(ref, await this.weeks.get(ref, week, negotiateLanguage(acceptLanguage, 'en')));
  }
}

function toDto(spaceRef: string, week: StoredWeek): WeekDto {
  const { id: _id, spaceId: _spaceId, ...rest } = week;
  return { spaceRef, ...rest };
}
