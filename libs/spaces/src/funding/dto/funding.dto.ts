import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { DATE_ONLY_PATTERN, REGIONS, type RegionCode, MaxDecimalPlaces } from '../../../../core/src/index.js';
import { PageQueryDto } from '../../shared/dto/page.dto.js';
import { FUNDING_KINDS, FUNDING_SOURCES, type FundingKind, type FundingSource } from '../funding.entity.js';

const DATE_ONLY = DATE_ONLY_PATTERN;
const DATE_MESSAGE = '$property must be a date between 1900 and 2100, like 2026-03-31';
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
const MAX_AMOUNT = 999_999_999_999.99;
/** Present means not null: for fields that may be left out of a change but never emptied. */
const PresentNotNull = () => ValidateIf((_object, value) => value !== undefined);

export class SpaceFundingParamsDto {
  @ApiProperty({ description: 'Ref of the space.', example: 'BRU-014' })
  @IsString()
  @MaxLength(40)
  ref: string;

  @ApiProperty({ description: 'Id of the funding line.', format: 'uuid' })
  @IsUUID()
  id: string;
}

export class FundingListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ minimum: MIN_YEAR, maximum: MAX_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;
}

export class FundingSummaryQueryDto {
  @ApiProperty({ minimum: MIN_YEAR, maximum: MAX_YEAR })
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;
}

export class FundingWarningsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 36, default: 12, description: 'How far ahead to look.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  months?: number;

  @ApiPropertyOptional({ description: 'The day to look ahead from (default: today in Brussels).' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: RegionCode;
}

export class CreateFundingDto {
  @ApiProperty({ minimum: MIN_YEAR, maximum: MAX_YEAR, example: 2026 })
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year: number;

  @ApiProperty({ enum: FUNDING_SOURCES })
  @IsIn(FUNDING_SOURCES)
  source: FundingSource;

  @ApiProperty({ minimum: 0, maximum: MAX_AMOUNT, description: 'Amount in EUR, at most 2 decimals.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0)
  @Max(MAX_AMOUNT)
  amountEur: number;

  @ApiProperty({ enum: FUNDING_KINDS })
  @IsIn(FUNDING_KINDS)
  kind: FundingKind;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200, example: 'Appel à projets EPN 2026' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  programme?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Last day the funding covers.' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  endsOn?: string | null;
}

export class UpdateFundingDto {
  @ApiPropertyOptional({ minimum: MIN_YEAR, maximum: MAX_YEAR })
  @PresentNotNull()
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES })
  @PresentNotNull()
  @IsIn(FUNDING_SOURCES)
  source?: FundingSource;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_AMOUNT })
  @PresentNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  @Min(0)
  @Max(MAX_AMOUNT)
  amountEur?: number;

  @ApiPropertyOptional({ enum: FUNDING_KINDS })
  @PresentNotNull()
  @IsIn(FUNDING_KINDS)
  kind?: FundingKind;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  programme?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  endsOn?: string | null;

  @ApiProperty({ description: 'The version you read; a stale version is refused with 409.', minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class FundingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() spaceRef: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: FUNDING_SOURCES }) source: FundingSource;
  @ApiProperty() amountEur: number;
  @ApiProperty({ enum: FUNDING_KINDS }) kind: FundingKind;
  @ApiProperty({ nullable: true, type: String }) programme: string | null;
  @ApiProperty({ nullable: true, type: String }) endsOn: string | null;
  @ApiProperty() version: number;
}

export class FundingPageDto {
  @ApiProperty({ type: [FundingDto] }) items: FundingDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class FundingSummaryDto {
  @ApiProperty() spaceRef: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'EUR.' }) total: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'EUR per source (every source is listed).',
  })
  bySource: Record<FundingSource, number>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'EUR per kind (every kind is listed).',
  })
  byKind: Record<FundingKind, number>;
}

export class EndingProgrammeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: FUNDING_SOURCES }) source: FundingSource;
  @ApiProperty({ nullable: true, type: String }) programme: string | null;
  @ApiProperty() endsOn: string;
  @ApiProperty() amountEur: number;
}

export class FundingWarningDto {
  @ApiProperty() ref: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGIONS }) region: string;
  @ApiProperty({ description: 'Whole months from asOf until the first programme ends.' }) monthsLeft: number;
  @ApiProperty({ type: [EndingProgrammeDto] }) endingProgrammes: EndingProgrammeDto[];
}

export class FundingWarningsDto {
  @ApiProperty() asOf: string;
  @ApiProperty() months: number;
  @ApiProperty({ description: 'Last day of the window (inclusive).' }) until: string;
  @ApiProperty({ type: [FundingWarningDto] }) items: FundingWarningDto[];
}
