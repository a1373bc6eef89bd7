import { Body, Controller, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ADMIN,
  Access,
  CurrentPrincipal,
  ParseUuidParamPipe,
  type Principal,
} from '../../../core/src/index.js';
import { CoordinatorLinksService } from '../spaces/coordinator-links.service.js';
import { ReplaceUserSpacesDto, UserSpacesDto } from './users-spaces.dto.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersSpacesController {
  constructor(private readonly links: CoordinatorLinksService) {}

  @Put(':id/spaces')
  @Access(ADMIN)
  @ApiOperation({ summary: "Replace a coordinator's spaces (each link also covers the space's antennas)." })
  @ApiOkResponse({ type: UserSpacesDto })
  @ApiBadRequestResponse({
    description: 'Unknown space refs, or the user is not a coordinator (field spaceRefs).',
  })
  @ApiNotFoundResponse({ description: 'USERS.NOT_FOUND' })
  replace(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUuidParamPipe) id: string,
    @Body() dto: ReplaceUserSpacesDto,
  ): Promise<UserSpacesDto> {
    return this.links.replace(principal, id, dto.spaceRefs);
  }
}
