import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ANY_SIGNED_IN, Access, STAFF, negotiateLanguage } from '../../../core/src/index.js';
import { CompletenessService } from './completeness.service.js';
import { CompletenessDto, CompletenessQueryDto, SpaceCompletenessQueryDto } from './dto/completeness.dto.js';

@ApiTags('activity')
@ApiBearerAuth()
@Controller('api/v1')
export class CompletenessController {
  constructor(private readonly completeness: CompletenessService) {}

  /** Per space of the region: weeks expected (when open), reported and missing. */
  @Get('activity/completeness')
  @Access(STAFF, { kind: 'region', param: 'region', from: 'query' })
  @ApiOkResponse({ type: CompletenessDto })
  region(
    @Query() query: CompletenessQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<CompletenessDto> {
    const lang = negotiateLanguage(acceptLanguage, 'en');
    return this.completeness.forRegion(query.region, query.from, query.to, new Date(), lang);
  }

  @Get('spaces/:ref/completeness')
  @Access(ANY_SIGNED_IN, { kind: 'space', param: 'ref' })
  @ApiOkResponse({ type: CompletenessDto })
  space(
    @Param('ref') ref: string,
    @Query() query: SpaceCompletenessQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<CompletenessDto> {
    const lang = negotiateLanguage(acceptLanguage, 'en');
    return this.completeness.forSpace(ref, query.from, query.to, new Date(), lang);
  }
}
