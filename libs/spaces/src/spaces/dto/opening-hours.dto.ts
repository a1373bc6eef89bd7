import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { WEEKDAYS } from '../../rules/opening-hours.rule.js';
import { IsDateOnly } from './space.dto.js';

/**
 * An instant with its offset (`2026-03-29T01:30:00Z`, `2026-03-29T03:30:00+02:00`): never a bare local time,
 * and within years the opening-hours library evaluates sensibly (1970-2199).
 */
export const INSTANT_PATTERN =
  /^(?:19[7-9]\d|2[01]\d\d)-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `at`: a moment to answer "open now" for. */
export const IsInstant = () =>
  applyDecorators(
    IsString(),
    Matches(INSTANT_PATTERN, {
      message: '$property must be a moment like 2026-03-29T01:30:00Z or with an offset.',
    }),
    IsISO8601(
      { strict: true },
      { message: '$property must be a moment that exists, like 2026-03-29T01:30:00Z.' },
    ),
  );

export class OpeningHoursQueryDto {
  @ApiPropertyOptional({
    description: 'Answer `openNow` for this moment instead of now (ISO 8601 with Z or an offset).',
    example: '2026-03-29T01:30:00Z',
  })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class OpeningHoursRangeDto {
  @ApiProperty({ enum: WEEKDAYS })
  @IsIn(WEEKDAYS)
  day: string;

  @ApiProperty({ example: '09:00', description: 'HH:MM, Brussels time.' })
  @Matches(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: '$property must be a time like 09:00.' })
  from: string;

  @ApiProperty({ example: '12:00', description: 'HH:MM (or 24:00), after `from`.' })
  @Matches(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, {
    message: '$property must be a time like 12:00 (or 24:00).',
  })
  to: string;

  @ApiProperty({ description: 'An animator is present during this range.' })
  @IsBoolean()
  animator: boolean;
}

export class OpeningHoursExceptionDto {
  @ApiProperty({ format: 'date', example: '2026-12-24' })
  @IsDateOnly()
  from: string;

  @ApiProperty({ format: 'date', example: '2026-12-26', description: 'Inclusive; on or after `from`.' })
  @IsDateOnly()
  to: string;

  @ApiProperty({ enum: [true], description: 'Only closures are supported.' })
  @Equals(true)
  closed: true;

  @ApiPropertyOptional({ maxLength: 200, description: 'Shown with the closure; no double quotes.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[^"]*$/, { message: '$property may not contain double quotes.' })
  note?: string;
}

/** Either `expression`, or `ranges` (with optional `exceptions`): exactly one way of writing the hours. */
export class PutOpeningHoursDto {
  @ApiProperty({ minimum: 1, description: 'The version of the space you read.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'OpenStreetMap `opening_hours` expression (Brussels time; `"animator"` marks animator ranges).',
    example: 'Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00; PH off',
  })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: '$property may not be empty.' })
  @MaxLength(2000)
  expression?: string;

  @ApiPropertyOptional({
    type: [OpeningHoursRangeDto],
    description: 'A weekly grid; [] means always closed.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursRangeDto)
  ranges?: OpeningHoursRangeDto[];

  @ApiPropertyOptional({
    type: [OpeningHoursExceptionDto],
    description: 'Dated closures (with `ranges` only).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursExceptionDto)
  exceptions?: OpeningHoursExceptionDto[];
}

// --- Answers --------------------------------------------------------------------------------------------

export class OpeningHoursWeeklyDto {
  @ApiProperty({ description: 'Scheduled opening hours in a typical week.' }) openingHours: number;
  @ApiProperty({ description: 'Of which with an animator present.' }) hoursWithAnimator: number;
}

export class OpenNowDto {
  @ApiProperty() open: boolean;
  @ApiProperty() animatorPresent: boolean;
  @ApiProperty({ nullable: true, type: Date, description: 'When `open` or `animatorPresent` next changes.' })
  nextChange: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'When the space next opens.' })
  nextOpening: Date | null;
}

export class SpaceOpeningHoursDto {
  @ApiProperty({ nullable: true, type: String, description: 'Canonical expression; null when not known.' })
  expression: string | null;
  @ApiProperty({ description: 'True when `ranges` and `exceptions` say exactly what `expression` says.' })
  structured: boolean;
  @ApiProperty({ type: [OpeningHoursRangeDto] }) ranges: OpeningHoursRangeDto[];
  @ApiProperty({ type: [OpeningHoursExceptionDto] }) exceptions: OpeningHoursExceptionDto[];
  @ApiProperty({ nullable: true, type: OpeningHoursWeeklyDto }) weeklyHours: OpeningHoursWeeklyDto | null;
  @ApiProperty({ nullable: true, type: OpenNowDto, description: 'At `at` (default now), Brussels time.' })
  openNow: OpenNowDto | null;
  @ApiProperty() version: number;
}
