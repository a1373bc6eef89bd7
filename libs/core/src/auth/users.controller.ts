import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ADMIN, Access } from './access.decorator.js';
import { AuthService } from './auth.service.js';
import { CreateUserDto, CreatedDto, UserDto } from './dto/auth.dto.js';

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
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<UserDto> {
    return this.auth.getUser(id);
  }

  @Post(':id/disable')
  @HttpCode(204)
  @Access(ADMIN)
  async disable(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.auth.setDisabled(id, true);
  }

  @Post(':id/enable')
  @HttpCode(204)
  @Access(ADMIN)
  async enable(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.auth.setDisabled(id, false);
  }
}
