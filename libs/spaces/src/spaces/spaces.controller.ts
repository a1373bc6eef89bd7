import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ANY_SIGNED_IN, Access, CurrentPrincipal, STAFF, type Principal } from '../../../core/src/index.js';
import {
  CreateSpaceDto,
  SpaceDto,
  SpaceListQueryDto,
  SpacePageDto,
  UpdateSpaceDto,
} from './dto/space.dto.js';
import { SpacesService } from './spaces.service.js';

const SPACE_SCOPE = { kind: 'space', param: 'ref' } as const;

@ApiTags('spaces')
@ApiBearerAuth()
@Controller('api/v1/spaces')
export class SpacesController {
  constructor(private readonly spaces: SpacesService) {}

  @Post()
  @Access(STAFF)
  @ApiOperation({ summary: 'Create a space (regional staff: in their region only).' })
  @ApiCreatedResponse({ type: SpaceDto })
  @ApiBadRequestResponse({
    description: 'A field is not valid (e.g. unknown nisCode, parentRef an antenna).',
  })
  @ApiForbiddenResponse({ description: 'SPACES.OUTSIDE_REGION: the municipality is in another region.' })
  @ApiConflictResponse({ description: 'SPACES.REF_TAKEN' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateSpaceDto): Promise<SpaceDto> {
    return this.spaces.create(principal, dto);
  }

  @Get()
  @Access(ANY_SIGNED_IN)
  @ApiOperation({ summary: 'The spaces you may see, sorted by ref.' })
  @ApiOkResponse({ type: SpacePageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: SpaceListQueryDto): Promise<SpacePageDto> {
    return this.spaces.list(principal, query);
  }

  @Get(':ref')
  // The read answers SPACES.NOT_FOUND itself, so an admin's request costs no scope query.
  @Access(ANY_SIGNED_IN, { ...SPACE_SCOPE, handlerAnswersNotFound: true })
  @ApiOkResponse({ type: SpaceDto })
  @ApiNotFoundResponse({ description: 'SPACES.NOT_FOUND' })
  get(@Param('ref') ref: string): Promise<SpaceDto> {
    return this.spaces.get(ref);
  }

  @Patch(':ref')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOperation({
    summary: 'Change some fields of a space.',
    description:
      'Coordinators change what visitors see (name, address, contact, hours, services, pricing, languages, access); ' +
      'nisCode, parentRef, operatorType, charterSignedOn, openedOn and closedOn are for regional staff and admins. ' +
      'The ref never changes.',
  })
  @ApiOkResponse({ type: SpaceDto })
  @ApiForbiddenResponse({ description: 'SPACES.STAFF_ONLY_FIELDS or SPACES.OUTSIDE_REGION' })
  @ApiConflictResponse({ description: 'SPACES.VERSION_CONFLICT' })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() dto: UpdateSpaceDto,
  ): Promise<SpaceDto> {
    return this.spaces.update(principal, ref, dto);
  }

  @Delete(':ref')
  @HttpCode(204)
  @Access(STAFF, SPACE_SCOPE)
  @ApiOperation({
    summary: 'Delete a space entered by mistake.',
    description:
      'Refused (SPACES.IN_USE) while it has antennas, animators, equipment, funding or labels: set closedOn instead.',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'SPACES.IN_USE' })
  async delete(@CurrentPrincipal() principal: Principal, @Param('ref') ref: string): Promise<void> {
    await this.spaces.delete(principal, ref);
  }
}
