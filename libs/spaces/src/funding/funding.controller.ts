import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ANY_SIGNED_IN, Access, CurrentPrincipal, type Principal } from '../../../core/src/index.js';
import {
  CreateFundingDto,
  FundingDto,
  FundingListQueryDto,
  FundingPageDto,
  FundingSummaryDto,
  FundingSummaryQueryDto,
  FundingWarningsDto,
  FundingWarningsQueryDto,
  SpaceFundingParamsDto,
  UpdateFundingDto,
} from './dto/funding.dto.js';
import { FundingService } from './funding.service.js';

const SPACE_SCOPE = { kind: 'space', param: 'ref' } as const;

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/spaces/:ref/funding')
export class SpaceFundingController {
  constructor(private readonly funding: FundingService) {}

  @Get()
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: FundingPageDto })
  list(@Param('ref') ref: string, @Query() query: FundingListQueryDto): Promise<FundingPageDto> {
    return this.funding.list(ref, query);
  }

  @Get('summary')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: FundingSummaryDto })
  summary(@Param('ref') ref: string, @Query() query: FundingSummaryQueryDto): Promise<FundingSummaryDto> {
    return this.funding.summary(ref, query.year);
  }

  @Post()
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiCreatedResponse({ type: FundingDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() dto: CreateFundingDto,
  ): Promise<FundingDto> {
    return this.funding.create(principal, ref, dto);
  }

  @Patch(':id')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: FundingDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: SpaceFundingParamsDto,
    @Body() dto: UpdateFundingDto,
  ): Promise<FundingDto> {
    return this.funding.update(principal, params.ref, params.id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() principal: Principal, @Param() params: SpaceFundingParamsDto): Promise<void> {
    return this.funding.remove(principal, params.ref, params.id);
  }
}

@ApiTags('funding')
@ApiBearerAuth()
@Controller('api/v1/funding')
export class FundingWarningsController {
  constructor(private readonly funding: FundingService) {}

  /**
   * Spaces whose project funding ends within the coming months while they have no structural funding
   * for this year or later: the first cause of closures. Limited to the spaces the caller may see.
   */
  @Get('warnings')
  @Access(ANY_SIGNED_IN)
  @ApiOkResponse({ type: FundingWarningsDto })
  warnings(
    @CurrentPrincipal() principal: Principal,
    @Query() query: FundingWarningsQueryDto,
  ): Promise<FundingWarningsDto> {
    return this.funding.warnings(principal, query);
  }
}
