import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password.rule.js';
import { REGIONS, ROLES, type RegionCode, type Role } from '../user.entity.js';

export class LoginDto {
  @ApiProperty({ example: 'coordinator@example.be' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class LoginResponseDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty()
  expiresAt: Date;
}

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: RegionCode;

  @ApiPropertyOptional({ type: [String], example: ['BRU-014'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { each: true })
  spaceRefs?: string[];

  @ApiPropertyOptional({ enum: ['nl', 'fr', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'fr', 'en'])
  preferredLanguage?: string;
}

export class CreatedDto {
  @ApiProperty()
  id: string;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: REGIONS, nullable: true, type: String }) regionCode: RegionCode | null;
  @ApiProperty({ nullable: true, type: Date }) disabledAt: Date | null;
  @ApiProperty() preferredLanguage: string;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ type: [String] }) spaceRefs?: string[];
}

export class MeDto {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: REGIONS, nullable: true, type: String }) regionCode: RegionCode | null;
  @ApiProperty() preferredLanguage: string;
}
