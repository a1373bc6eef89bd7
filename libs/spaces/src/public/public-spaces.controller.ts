import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../../core/src/index.js';
import {
  PublicAtQueryDto,
  PublicSpaceDto,
  PublicSpacePageDto,
  PublicSpaceQueryDto,
} from './dto/public-space.dto.js';
import { PublicSpacesService } from './public-spaces.service.js';

/** The public directory: no sign-in, active spaces only, public fields only. */
@ApiTags('public')
@Controller('api/v1/public/spaces')
export class PublicSpacesController {
  constructor(private readonly directory: PublicSpacesService) {}

  @Get()
  @Access('public')
  @ApiOperation({
    summary: 'Active public computer spaces, by place, nearest first with `near`, or open now.',
  })
  @ApiOkResponse({ type: PublicSpacePageDto })
  list(@Query() query: PublicSpaceQueryDto): Promise<PublicSpacePageDto> {
    return this.directory.list(query);
  }

  @Get(':ref')
  @Access('public')
  @ApiOperation({ summary: 'One active space.' })
  @ApiOkResponse({ type: PublicSpaceDto })
  @ApiNotFoundResponse({ description: 'SPACES.NOT_FOUND: no such active space.' })
  get(@Param('ref') ref: string, @Query() query: PublicAtQueryDto): Promise<PublicSpaceDto> {
    return this.directory.get(ref, query.at);
  }
}
