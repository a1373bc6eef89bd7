import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { DATE_ONLY_PATTERN, REGIONS } from '../../../../core/src/index.js';
import { PageQueryDto } from '../../shared/dto/page.dto.js';
import { LABEL_FILTER_STATUSES } from '../current-label.sql.js';
import { OPERATOR_TYPES, PRICINGS, SPACE_LANGUAGES, SPACE_SERVICES } from '../space.entity.js';
import { SPACE_REF_PATTERN } from '../space.rules.js';

// --- Field decorators shared by create and update -----------------------------------------------------

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30), of the years 1900 to 2100. */
export const IsDateOnly = () =>
  applyDecorators(
    Matches(DATE_ONLY_PATTERN, {
      message: '$property must be a date between 1900 and 2100, like 2026-01-31.',
    }),
    IsISO8601({ strict: true }, { message: '$property must be a date that exists, like 2026-01-31.' }),
  );

/** Present in the body (even as null) means "validate", so null is refused for a column that needs a value. */
const NotNullWhenGiven = () => ValidateIf((_object, value) => value !== undefined);

const IsRef = () =>
  applyDecorators(
    IsString(),
    Matches(SPACE_REF_PATTERN, {
      message:
        '$property must be 1 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
    }),
  );
const IsName = () =>
  applyDecorators(IsString(), Matches(/\S/, { message: '$property may not be empty.' }), MaxLength(200));
const IsNisCode = () => Matches(/^\d{5}$/, { message: '$property must be a 5-digit NIS code, like 21004.' });
const IsPostcode = () => Matches(/^\d{4}$/, { message: '$property must be a Belgian postcode of 4 digits.' });
const IsLatitudeValue = () =>
  applyDecorators(IsNumber({ allowNaN: false, allowInfinity: false }), Min(-90), Max(90));
const IsLongitudeValue = () =>
  applyDecorators(IsNumber({ allowNaN: false, allowInfinity: false }), Min(-180), Max(180));
const IsLanguageList = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(SPACE_LANGUAGES.length),
    ArrayUnique(),
    IsIn(SPACE_LANGUAGES, { each: true }),
  );
const IsServiceList = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(SPACE_SERVICES.length),
    ArrayUnique(),
    IsIn(SPACE_SERVICES, { each: true }),
  );
const IsPhone = () =>
  applyDecorators(
    IsString(),
    Matches(/^\+?[0-9][0-9 ()./-]{5,39}$/, {
      message: '$property must be a phone number, like +32 2 123 45 67.',
    }),
  );
const IsWebsite = () =>
  applyDecorators(
    IsString(),
    MaxLength(500),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }),
  );
const IsExpression = () =>
  applyDecorators(IsString(), Matches(/\S/, { message: '$property may not be empty.' }), MaxLength(2000));

const OPENING_HOURS_DESCRIPTION =
  'OpenStreetMap `opening_hours` expression, Brussels time; ranges with an animator present carry the comment "animator", ' +
  'e.g. `Mo-Fr 09:00-12:00 "animator"; Sa 10:00-12:00; PH off`. Stored in canonical form.';

// --- Requests -------------------------------------------------------------------------------------------

export class CreateSpaceDto {
  @ApiProperty({
    example: 'BRU-014',
    pattern: SPACE_REF_PATTERN.source,
    description: 'Unique; cannot change later.',
  })
  @IsRef()
  ref: string;

  @ApiProperty({ maxLength: 200, example: 'EPN Bruxelles-Centre' })
  @IsName()
  name: string;

  @ApiProperty({
    example: '21004',
    description: 'NIS code of the municipality (2020 list); sets the region.',
  })
  @IsNisCode()
  nisCode: string;

  @ApiProperty({ enum: OPERATOR_TYPES })
  @IsIn(OPERATOR_TYPES)
  operatorType: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '1000' })
  @IsOptional()
  @IsPostcode()
  postcode?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: -90,
    maximum: 90,
    description: 'With longitude.',
  })
  @IsOptional()
  @IsLatitudeValue()
  latitude?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: -180,
    maximum: 180,
    description: 'With latitude.',
  })
  @IsOptional()
  @IsLongitudeValue()
  longitude?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Makes this space an antenna of that space (same region; not itself an antenna).',
  })
  @IsOptional()
  @IsRef()
  parentRef?: string | null;

  @ApiPropertyOptional({ enum: SPACE_LANGUAGES, isArray: true })
  @IsOptional()
  @IsLanguageList()
  languages?: string[];

  @ApiPropertyOptional({ enum: PRICINGS, nullable: true })
  @IsOptional()
  @IsIn(PRICINGS)
  pricing?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  openToAllPublics?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  charterSignedOn?: string | null;

  @ApiPropertyOptional({ enum: SPACE_SERVICES, isArray: true })
  @IsOptional()
  @IsServiceList()
  services?: string[];

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  stepFreeAccess?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '+32 2 123 45 67' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://epn.example.be' })
  @IsOptional()
  @IsWebsite()
  website?: string | null;

  @ApiProperty({ format: 'date', example: '2024-09-01' })
  @IsDateOnly()
  openedOn: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'On or after openedOn.' })
  @IsOptional()
  @IsDateOnly()
  closedOn?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 2000,
    description: OPENING_HOURS_DESCRIPTION,
  })
  @IsOptional()
  @IsExpression()
  openingHours?: string | null;
}

/**
 * A partial change: fields left out stay as they are; null clears a field that may be empty. `ref` cannot
 * change. Coordinators may not send the staff-only fields (nisCode, parentRef, operatorType, charterSignedOn,
 * openedOn, closedOn).
 */
export class UpdateSpaceDto {
  @ApiProperty({
    minimum: 1,
    description: 'The version you read; a stale one gives 409 SPACES.VERSION_CONFLICT.',
  })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @NotNullWhenGiven()
  @IsName()
  name?: string;

  @ApiPropertyOptional({ description: 'Staff only.' })
  @NotNullWhenGiven()
  @IsNisCode()
  nisCode?: string;

  @ApiPropertyOptional({ enum: OPERATOR_TYPES, description: 'Staff only.' })
  @NotNullWhenGiven()
  @IsIn(OPERATOR_TYPES)
  operatorType?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsPostcode()
  postcode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: -90, maximum: 90 })
  @IsOptional()
  @IsLatitudeValue()
  latitude?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: -180, maximum: 180 })
  @IsOptional()
  @IsLongitudeValue()
  longitude?: number | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Staff only; null detaches the antenna.',
  })
  @IsOptional()
  @IsRef()
  parentRef?: string | null;

  @ApiPropertyOptional({ enum: SPACE_LANGUAGES, isArray: true })
  @NotNullWhenGiven()
  @IsLanguageList()
  languages?: string[];

  @ApiPropertyOptional({ enum: PRICINGS, nullable: true })
  @IsOptional()
  @IsIn(PRICINGS)
  pricing?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  openToAllPublics?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'Staff only.' })
  @IsOptional()
  @IsDateOnly()
  charterSignedOn?: string | null;

  @ApiPropertyOptional({ enum: SPACE_SERVICES, isArray: true })
  @NotNullWhenGiven()
  @IsServiceList()
  services?: string[];

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  stepFreeAccess?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsWebsite()
  website?: string | null;

  @ApiPropertyOptional({ format: 'date', description: 'Staff only.' })
  @NotNullWhenGiven()
  @IsDateOnly()
  openedOn?: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'Staff only.' })
  @IsOptional()
  @IsDateOnly()
  closedOn?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 2000,
    description: OPENING_HOURS_DESCRIPTION,
  })
  @IsOptional()
  @IsExpression()
  openingHours?: string | null;
}

/** Query strings carry text: `true`/`false` become booleans, anything else is left for @IsBoolean to refuse. */
export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class SpaceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: string;

  @ApiPropertyOptional({ example: '21004' })
  @IsOptional()
  @IsNisCode()
  nisCode?: string;

  @ApiPropertyOptional({ enum: OPERATOR_TYPES })
  @IsOptional()
  @IsIn(OPERATOR_TYPES)
  operatorType?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Active today (Brussels): opened on or before today and not closed before today.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    enum: LABEL_FILTER_STATUSES,
    description: 'Status of the current label (latest decision; a granted label past its end is `expired`).',
  })
  @IsOptional()
  @IsIn(LABEL_FILTER_STATUSES)
  labelStatus?: string;

  @ApiPropertyOptional({ description: 'Only the antennas of this space.' })
  @IsOptional()
  @IsRef()
  parentRef?: string;

  @ApiPropertyOptional({ description: 'Part of the name or ref, case-insensitive.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

// --- Answers --------------------------------------------------------------------------------------------

export class SpaceMunicipalityDto {
  @ApiProperty() nisCode: string;
  @ApiProperty() nameNl: string;
  @ApiProperty() nameFr: string;
}

export class SpaceWeeklyHoursDto {
  @ApiProperty({ description: 'Scheduled opening hours in a typical week (derived from the opening hours).' })
  openingHours: number;
  @ApiProperty({ description: 'Of which with an animator present.' })
  hoursWithAnimator: number;
}

export class SpaceLabelDto {
  @ApiProperty({ example: 'brussels-ocr' }) scheme: string;
  @ApiProperty() schemeVersion: string;
  @ApiProperty({ enum: ['granted', 'refused', 'suspended', 'withdrawn', 'expired'] }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validUntil: string | null;
  @ApiProperty() decidedAt: Date;
}

/** A space as its coordinator and staff see it. */
export class SpaceDto {
  @ApiProperty() id: string;
  @ApiProperty() ref: string;
  @ApiProperty() name: string;
  @ApiProperty() nisCode: string;
  @ApiProperty({ enum: REGIONS }) region: string;
  @ApiProperty({ type: SpaceMunicipalityDto }) municipality: SpaceMunicipalityDto;
  @ApiProperty({ enum: OPERATOR_TYPES }) operatorType: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) postcode: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set for an antenna.' }) parentRef: string | null;
  @ApiProperty({ type: [String], description: "This space's antennas." }) antennaRefs: string[];
  @ApiProperty({ enum: SPACE_LANGUAGES, isArray: true }) languages: string[];
  @ApiProperty({ enum: PRICINGS, nullable: true }) pricing: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) openToAllPublics: boolean | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) charterSignedOn: string | null;
  @ApiProperty({ enum: SPACE_SERVICES, isArray: true }) services: string[];
  @ApiProperty({ nullable: true, type: Boolean }) stepFreeAccess: boolean | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ format: 'date' }) openedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) closedOn: string | null;
  @ApiProperty({ description: 'Active today (Brussels).' }) active: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Canonical opening-hours expression.' })
  openingHours: string | null;
  @ApiProperty({
    nullable: true,
    type: SpaceWeeklyHoursDto,
    description: 'Null when no opening hours are known.',
  })
  weeklyHours: SpaceWeeklyHoursDto | null;
  @ApiProperty({ nullable: true, type: SpaceLabelDto, description: 'The current label, or null.' })
  label: SpaceLabelDto | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class SpacePageDto {
  @ApiProperty({ type: [SpaceDto] }) items: SpaceDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
