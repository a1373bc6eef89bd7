import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsDateOnly } from '../../../../spaces/src/index.js';
import { MAX_COUNT } from '../../rules/weekly-activity.rule.js';
import { TRAINING_FORMATS, TRAINING_THEMES } from '../training-session.entity.js';

const REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/;
export const SESSION_LANGUAGES = ['nl', 'fr', 'de', 'en', 'other'] as const;

export class CreateTrainingSessionDto {
  @ApiProperty({ description: 'Your own reference for the session, unique within the space.' })
  @Matches(REF, { message: 'ref: letters, digits, dot, dash or underscore (at most 60)' })
  ref: string;

  // A date that exists: a pattern alone let 2026-02-29 through to PostgreSQL, which answered a 500.
  @ApiProperty({ example: '2026-11-18' })
  @IsDateOnly()
  date: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiProperty({ enum: TRAINING_THEMES }) @IsIn(TRAINING_THEMES) theme: string;
  @ApiProperty({ enum: TRAINING_FORMATS }) @IsIn(TRAINING_FORMATS) format: string;
  @ApiProperty({ description: 'More than 0, at most 24.', maximum: 24 }) @IsNumber() durationHours: number;
  // The bound of the integer column: a larger count reached PostgreSQL and came back as a 500.
  @ApiProperty({ minimum: 0, maximum: MAX_COUNT }) @IsInt() @Min(0) @Max(MAX_COUNT) participants: number;
  @ApiProperty({
    description: 'First time this year at this space; ≤ participants.',
    minimum: 0,
    maximum: MAX_COUNT,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  newParticipants: number;

  @ApiPropertyOptional({ enum: SESSION_LANGUAGES, nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(SESSION_LANGUAGES)
  language?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Refs of the animators who ran it.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  animatorRefs?: string[];
}

export class UpdateTrainingSessionDto {
  @ApiPropertyOptional({ example: '2026-11-18' })
  @IsOptional()
  @IsDateOnly()
  date?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ enum: TRAINING_THEMES }) @IsOptional() @IsIn(TRAINING_THEMES) theme?: string;
  @ApiPropertyOptional({ enum: TRAINING_FORMATS }) @IsOptional() @IsIn(TRAINING_FORMATS) format?: string;
  @ApiPropertyOptional({ maximum: 24 }) @IsOptional() @IsNumber() durationHours?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_COUNT })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  participants?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_COUNT })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  newParticipants?: number;

  @ApiPropertyOptional({ enum: SESSION_LANGUAGES, nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(SESSION_LANGUAGES)
  language?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  animatorRefs?: string[];

  @ApiProperty({ description: 'The version you read; 409 if someone changed the session since.' })
  @IsInt()
  @Min(1)
  version: number;
}

export class TrainingSessionQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsDateOnly() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsDateOnly() to?: string;
}

export class TrainingSessionDto {
  @ApiProperty() spaceRef: string;
  @ApiProperty() ref: string;
  @ApiProperty() date: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TRAINING_THEMES }) theme: string;
  @ApiProperty({ enum: TRAINING_FORMATS }) format: string;
  @ApiProperty() durationHours: number;
  @ApiProperty() participants: number;
  @ApiProperty() newParticipants: number;
  @ApiProperty({ type: String, nullable: true }) language: string | null;
  @ApiProperty({ type: [String] }) animatorRefs: string[];
  @ApiProperty() version: number;
}

export class TrainingSessionListDto {
  @ApiProperty({ type: [TrainingSessionDto] }) items: TrainingSessionDto[];
}
