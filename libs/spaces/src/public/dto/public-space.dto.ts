import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../shared/dto/page.dto.js';
import { SPACE_LANGUAGES, SPACE_SERVICES } from '../../spaces/space.entity.js';
import {
  IsInstant,
  OpeningHoursExceptionDto,
  OpeningHoursRangeDto,
} from '../../spaces/dto/opening-hours.dto.js';
import { toBoolean } from '../../spaces/dto/space.dto.js';

export class PublicSpaceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '1000', description: 'Belgian postcode (4 digits).' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '$property must be a Belgian postcode of 4 digits.' })
  postcode?: string;

  @ApiPropertyOptional({ example: '21004', description: 'NIS code of the municipality.' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: '$property must be a 5-digit NIS code, like 21004.' })
  nisCode?: string;

  @ApiPropertyOptional({
    example: '50.8467,4.3525',
    description:
      'latitude,longitude: nearest spaces first, each with `distanceKm` (spaces without coordinates last).',
  })
  @IsOptional()
  @IsString()
  // As many decimals as a phone's position has, and a space after the comma as map sites copy it.
  @Matches(/^-?\d{1,3}(\.\d{1,20})?, ?-?\d{1,3}(\.\d{1,20})?$/, {
    message: '$property must be latitude,longitude in decimal degrees, like 50.8467,4.3525.',
  })
  near?: string;

  @ApiPropertyOptional({
    minimum: 0.1,
    maximum: 500,
    description: 'With `near`: only spaces within this distance.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(500)
  radiusKm?: number;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only spaces open now (or at `at`).' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  openNow?: boolean;

  @ApiPropertyOptional({
    description: 'The moment `openNow` is about (ISO 8601 with Z or an offset); default now.',
    example: '2026-03-30T08:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class PublicAtQueryDto {
  @ApiPropertyOptional({
    description: 'The moment `openNow` is about; default now.',
    example: '2026-03-30T08:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class PublicMunicipalityDto {
  @ApiProperty() nisCode: string;
  @ApiProperty() nameNl: string;
  @ApiProperty() nameFr: string;
}

export class PublicOpeningHoursDto {
  @ApiProperty({ description: 'OpenStreetMap `opening_hours` expression (Brussels time).' })
  expression: string;
  @ApiProperty({ type: [OpeningHoursRangeDto], description: 'A typical week.' })
  ranges: OpeningHoursRangeDto[];
  @ApiProperty({ type: [OpeningHoursExceptionDto], description: 'Dated closures.' })
  exceptions: OpeningHoursExceptionDto[];
}

export class PublicLabelDto {
  @ApiProperty({ example: 'brussels-ocr' }) scheme: string;
  @ApiProperty({ enum: ['granted'] }) status: 'granted';
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validUntil: string | null;
}

export class PublicOpenNowDto {
  @ApiProperty() open: boolean;
  @ApiProperty({ nullable: true, type: Date, description: 'When it next opens (null: not within a year).' })
  nextOpening: Date | null;
}

/** What anyone may know about an active space. Never contact persons, internals, funding or ids. */
export class PublicSpaceDto {
  @ApiProperty() ref: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) postcode: string | null;
  @ApiProperty({ type: PublicMunicipalityDto }) municipality: PublicMunicipalityDto;
  @ApiProperty({ nullable: true, type: Number }) latitude: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude: number | null;
  @ApiProperty({ nullable: true, type: PublicOpeningHoursDto }) openingHours: PublicOpeningHoursDto | null;
  @ApiProperty({ enum: SPACE_SERVICES, isArray: true }) services: string[];
  @ApiProperty({ enum: SPACE_LANGUAGES, isArray: true }) languages: string[];
  @ApiProperty({ nullable: true, type: Boolean }) stepFreeAccess: boolean | null;
  @ApiProperty({
    nullable: true,
    type: PublicLabelDto,
    description: 'A label granted and in force today, or null.',
  })
  label: PublicLabelDto | null;
  @ApiProperty({ nullable: true, type: PublicOpenNowDto, description: 'Null when the hours are not known.' })
  openNow: PublicOpenNowDto | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Kilometres from `near`; null without it.' })
  distanceKm: number | null;
}

export class PublicSpacePageDto {
  @ApiProperty({ type: [PublicSpaceDto] }) items: PublicSpaceDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
