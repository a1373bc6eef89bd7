import { DATE_ONLY_PATTERN, MaxDecimalPlaces } from '../../../../core/src/index.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
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
  MinLength,
  ValidateIf,
} from 'class-validator';
import { AuditEntryDto } from '../../audit/dto/audit.dto.js';
import { PageQueryDto } from '../../shared/dto/page.dto.js';
import { ASSIGNMENT_ROLES, CONTRACTS, type AssignmentRole, type Contract } from '../assignment.entity.js';

const DATE_ONLY = DATE_ONLY_PATTERN;
const DATE_MESSAGE = '$property must be a date between 1900 and 2100, like 2026-03-31';
const REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const REF_MESSAGE = '$property must be 1 to 40 letters, digits, dots, dashes or underscores';
const PHONE = /^[0-9+()./ -]{4,40}$/;
const PHONE_MESSAGE = '$property may hold only digits, spaces and + ( ) . / -';
/** Present means not null: for fields that may be left out of a change but never emptied. */
const PresentNotNull = () => ValidateIf((_object, value) => value !== undefined);

export class AnimatorAssignmentParamsDto {
  @ApiProperty({ description: 'Ref of the animator.', example: 'ANIM-0042' })
  @IsString()
  @MaxLength(40)
  ref: string;

  @ApiProperty({ description: 'Id of the assignment.', format: 'uuid' })
  @IsUUID()
  id: string;
}

export class AnimatorListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only animators assigned (at any time) to this space.',
    example: 'BRU-014',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  spaceRef?: string;

  @ApiPropertyOptional({ description: 'Part of the ref or name.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class SpaceAnimatorsQueryDto {
  @ApiPropertyOptional({
    description:
      'Only assignments running that day (started on or before it, not ended before it); the summary is for ' +
      'that day (default: today in Brussels).',
    example: '2026-03-31',
  })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  on?: string;
}

/** The assignment fields shared by the creation of an animator and of an assignment. */
class AssignmentFieldsDto {
  @ApiProperty({ enum: ASSIGNMENT_ROLES })
  @IsIn(ASSIGNMENT_ROLES)
  role: AssignmentRole;

  @ApiPropertyOptional({ enum: CONTRACTS, nullable: true })
  @IsOptional()
  @IsIn(CONTRACTS)
  contract?: Contract | null;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'Full-time equivalent, up to 3 decimals.',
    example: 0.5,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(3)
  @Min(0)
  @Max(1)
  fte: number;

  @ApiProperty({ description: 'Holds a recognised qualification for this work.' })
  @IsBoolean()
  qualified: boolean;

  @ApiProperty({ example: '2026-01-05' })
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  startsOn: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Last day worked; on or after startsOn.',
  })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  endsOn?: string | null;
}

export class CreateAssignmentDto extends AssignmentFieldsDto {
  @ApiProperty({ description: 'Ref of the space; you must be allowed to work on it.', example: 'BRU-014' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  spaceRef: string;
}

export class CreateAnimatorDto extends CreateAssignmentDto {
  @ApiProperty({ example: 'ANIM-0042', description: 'Unique. Avoid putting the name in it.' })
  @IsString()
  @Matches(REF, { message: REF_MESSAGE })
  ref: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Professional e-mail address only.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Professional phone number only.' })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['Animateur multimédia (Forem)'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  qualifications?: string[];
}

export class UpdateAnimatorDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @PresentNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Professional e-mail address only.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Professional phone number only.' })
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  phone?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @PresentNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  qualifications?: string[];

  @ApiProperty({ description: 'The version you read; a stale version is refused with 409.', minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class UpdateAssignmentDto {
  @ApiPropertyOptional({ enum: ASSIGNMENT_ROLES })
  @PresentNotNull()
  @IsIn(ASSIGNMENT_ROLES)
  role?: AssignmentRole;

  @ApiPropertyOptional({ enum: CONTRACTS, nullable: true })
  @IsOptional()
  @IsIn(CONTRACTS)
  contract?: Contract | null;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @PresentNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimalPlaces(3)
  @Min(0)
  @Max(1)
  fte?: number;

  @ApiPropertyOptional()
  @PresentNotNull()
  @IsBoolean()
  qualified?: boolean;

  @ApiPropertyOptional()
  @PresentNotNull()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  startsOn?: string;

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

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() spaceRef: string;
  @ApiProperty() spaceName: string;
  @ApiProperty({ enum: ASSIGNMENT_ROLES }) role: AssignmentRole;
  @ApiProperty({ enum: CONTRACTS, nullable: true }) contract: Contract | null;
  @ApiProperty() fte: number;
  @ApiProperty() qualified: boolean;
  @ApiProperty() startsOn: string;
  @ApiProperty({ nullable: true, type: String }) endsOn: string | null;
  @ApiProperty() version: number;
}

class AnimatorFieldsDto {
  @ApiProperty() ref: string;
  @ApiProperty({ nullable: true, type: String, description: 'null once anonymised.' }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ type: [String] }) qualifications: string[];
  @ApiProperty({ nullable: true, type: Date }) anonymisedAt: Date | null;
  @ApiProperty() version: number;
}

export class AnimatorDto extends AnimatorFieldsDto {
  @ApiProperty({
    type: [AssignmentDto],
    description: 'The assignments at spaces you may see (admins see all).',
  })
  assignments: AssignmentDto[];
}

export class AnimatorListItemDto extends AnimatorFieldsDto {
  @ApiProperty({ type: [String], description: 'Spaces you may see where the animator is or was assigned.' })
  spaceRefs: string[];
}

export class AnimatorPageDto {
  @ApiProperty({ type: [AnimatorListItemDto] }) items: AnimatorListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SpaceAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() animatorRef: string;
  @ApiProperty({ nullable: true, type: String }) animatorName: string | null;
  @ApiProperty() qualified: boolean;
  @ApiProperty({ enum: ASSIGNMENT_ROLES }) role: AssignmentRole;
  @ApiProperty({ enum: CONTRACTS, nullable: true }) contract: Contract | null;
  @ApiProperty() fte: number;
  @ApiProperty() startsOn: string;
  @ApiProperty({ nullable: true, type: String }) endsOn: string | null;
  @ApiProperty() version: number;
}

export class SpaceAnimatorsSummaryDto {
  @ApiProperty({ description: 'The day summarised.' }) on: string;
  @ApiProperty({ description: 'Distinct animators assigned that day.' }) animators: number;
  @ApiProperty({ description: 'Sum of their FTE that day.' }) fte: number;
  @ApiProperty({ description: 'Distinct animators with a qualified assignment that day.' })
  qualifiedAnimators: number;
}

export class SpaceAnimatorsDto {
  @ApiProperty() spaceRef: string;
  @ApiProperty({ nullable: true, type: String, description: 'The day filter, when one was given.' })
  on: string | null;
  @ApiProperty({ type: [SpaceAssignmentDto] }) items: SpaceAssignmentDto[];
  @ApiProperty({ type: SpaceAnimatorsSummaryDto }) summary: SpaceAnimatorsSummaryDto;
}

export class ExportedAssignmentDto extends AssignmentDto {
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ExportedPersonDto extends AnimatorFieldsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class AnimatorExportDto {
  @ApiProperty() exportedAt: Date;
  @ApiProperty({ type: ExportedPersonDto }) person: ExportedPersonDto;
  @ApiProperty({ type: [ExportedAssignmentDto], description: 'Every assignment, at every space.' })
  assignments: ExportedAssignmentDto[];
  @ApiProperty({
    type: [AuditEntryDto],
    description: 'The audit entries about the person and their assignments, this export included.',
  })
  auditEntries: AuditEntryDto[];
}

export class AnonymisedAnimatorDto {
  @ApiProperty({ description: 'The pseudonym that replaces the ref.', example: 'ANON-3F2A9C1B' }) ref: string;
  @ApiProperty() anonymisedAt: Date;
  @ApiProperty() version: number;
}
