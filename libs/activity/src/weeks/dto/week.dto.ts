import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsNumber,
  IsOptional,
  Matches,
  Min,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { MaxDecimalPlaces } from '../../../../core/src/index.js';
import { MAX_ANIMATOR_HOURS, MAX_COUNT } from '../../rules/weekly-activity.rule.js';

const nullableNumber = (description: string, maximum?: number) =>
  ApiPropertyOptional({ type: Number, nullable: true, description, minimum: 0, maximum });
const nullableCount = (description: string) => nullableNumber(description, MAX_COUNT);
/** A required figure that is missing is told so, rather than "must be a number conforming to …". */
const requiredNumber = ({ property, value }: ValidationArguments) =>
  value === undefined || value === null ? `${property} is required` : `${property} must be a number`;

/**
 * One week's figures. Types are checked here; the domain checks (bounds, sums, dates) run in
 * `checkWeek`, which answers in the caller's language. The minima and maxima below only document
 * those checks in the OpenAPI document.
 */
export class PutWeekDto {
  @ApiProperty({
    description: 'Hours the space was open this week (0–168), at most 2 decimals.',
    minimum: 0,
    maximum: 168,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: requiredNumber })
  @MaxDecimalPlaces(2)
  openingHours: number;

  @nullableNumber('Hours with an animator present (≤ openingHours).', 168)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  hoursWithAnimator?: number | null;

  @nullableNumber('Sum over animators of their hours present; may exceed openingHours.', MAX_ANIMATOR_HOURS)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(2)
  animatorHours?: number | null;

  @ApiProperty({
    description: 'Individual visits this week (a whole number).',
    minimum: 0,
    maximum: MAX_COUNT,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: requiredNumber })
  visits: number;

  @nullableCount('Visits to learn computer skills.')
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  visitsIctLearning?: number | null;

  @nullableCount('Visits to look for a job.')
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  visitsJobSearch?: number | null;

  @nullableCount('Visits for leisure and culture.')
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  visitsLeisureCulture?: number | null;

  @nullableCount('Visits for housing and e-learning.')
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  visitsHousingElearning?: number | null;

  @nullableCount('Visits for administrative tasks.')
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  visitsAdministrative?: number | null;

  @nullableCount('Visits by women.')
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  visitorsWomen?: number | null;

  @nullableCount('Visits by job seekers.')
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  visitorsJobSeekers?: number | null;

  @nullableCount('Visits by people aged 65 or more.')
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  visitorsSeniors?: number | null;

  @nullableCount('Visits by people under 26.')
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  visitorsYouth?: number | null;

  @nullableCount('Outreach sessions (care homes, at home).')
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  mobileActions?: number | null;

  @ApiPropertyOptional({
    description:
      'The version you read. When given, the week is replaced only if nobody changed it since (else 409).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class WeekDto {
  @ApiProperty() spaceRef: string;
  @ApiProperty({ example: '2026-W47' }) week: string;
  @ApiProperty() openingHours: number;
  @ApiProperty({ type: Number, nullable: true }) hoursWithAnimator: number | null;
  @ApiProperty({ type: Number, nullable: true }) animatorHours: number | null;
  @ApiProperty() visits: number;
  @ApiProperty({ type: Number, nullable: true }) visitsIctLearning: number | null;
  @ApiProperty({ type: Number, nullable: true }) visitsJobSearch: number | null;
  @ApiProperty({ type: Number, nullable: true }) visitsLeisureCulture: number | null;
  @ApiProperty({ type: Number, nullable: true }) visitsHousingElearning: number | null;
  @ApiProperty({ type: Number, nullable: true }) visitsAdministrative: number | null;
  @ApiProperty({ type: Number, nullable: true }) visitorsWomen: number | null;
  @ApiProperty({ type: Number, nullable: true }) visitorsJobSeekers: number | null;
  @ApiProperty({ type: Number, nullable: true }) visitorsSeniors: number | null;
  @ApiProperty({ type: Number, nullable: true }) visitorsYouth: number | null;
  @ApiProperty({ type: Number, nullable: true }) mobileActions: number | null;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: Date;
}

export class WeekListDto {
  @ApiProperty({ type: [WeekDto] }) items: WeekDto[];
}

export class WeekRangeQueryDto {
  @ApiProperty({ example: '2026-W01' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'from must be an ISO week like 2026-W01' })
  from: string;

  @ApiProperty({ example: '2026-W52' })
  @Matches(/^\d{4}-W\d{2}$/, { message: 'to must be an ISO week like 2026-W52' })
  to: string;
}

export class PrefillDto {
  @ApiProperty() week: string;
  @ApiProperty({ description: 'Scheduled opening hours that week, after closures and public holidays.' })
  openingHours: number;
  @ApiProperty() hoursWithAnimator: number;
  @ApiProperty({ description: 'False when the space has no schedule: nothing could be prefilled.' })
  fromSchedule: boolean;
}
