import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ParseUuidParamPipe } from '../errors/uuid-param.pipe.js';
import { ADMIN, Access } from './access.decorator.js';
import { CurrentPrincipal } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { CreateUserDto, CreatedDto, UserDto } from './dto/auth.dto.js';
import type { Principal } from './principal.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @Access(ADMIN)
  @ApiCreatedResponse({ type: CreatedDto })
  create(@Body() dto: CreateUserDto): Promise<CreatedDto> {
    return this.auth.createUser(dto);
  }

  @Get()
  @Access(ADMIN)
  @ApiOkResponse({ type: [UserDto] })
  list(): Promise<UserDto[]> {
    return this.auth.listUsers();
  }

  @Get(':id')
  @Access(ADMIN)
  @ApiOkResponse({ type: UserDto })
  get(@Param('id', ParseUuidParamPipe) id: string): Promise<UserDto> {
    return this.auth.getUser(id);
  }

  @Post(':id/disable')
  @HttpCode(204)
  @Access(ADMIN)
  @ApiBadRequestResponse({ description: '`VALIDATION.FAILED`: `id` is not a UUID.' })
  @ApiConflictResponse({
    description:
      '`USERS.CANNOT_DISABLE_SELF` (your own account), `USERS.LAST_ADMIN` (the last enabled admin).',
  })
  async disable(
    @Param('id', ParseUuidParamPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.auth.setDisabled(id, true, principal);
  }

  @Post(':id/enable')
  @HttpCode(204)
  @Access(ADMIN)
  async enable(@Param('id', ParseUuidParamPipe) id: string): Promise<void> {
    await this.auth.setDisabled(id, false);
  }
}
