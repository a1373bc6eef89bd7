import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ANY_SIGNED_IN, Access, Public } from './access.decorator.js';
import { CurrentPrincipal } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginDto, LoginResponseDto, MeDto } from './dto/auth.dto.js';
import type { Principal } from './principal.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: LoginResponseDto })
  async login(@Body() dto: LoginDto): Promise<LoginResponseDto> {
    const { accessToken, expiresAt } = await this.auth.login(dto.email, dto.password);
    return { accessToken, expiresAt };
  }

  @Post('logout')
  @HttpCode(204)
  @Access(ANY_SIGNED_IN)
  @ApiBearerAuth()
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logout(principal);
  }

  @Get('me')
  @Access(ANY_SIGNED_IN)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() p: Principal): MeDto {
    return {
      userId: p.userId,
      email: p.email,
      role: p.role,
      regionCode: p.regionCode,
      preferredLanguage: p.preferredLanguage,
    };
  }
}
