import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
  ValidateIf,
} from 'class-validator';
import { DATE_ONLY_PATTERN } from '../../../../core/src/index.js';
import { PageQueryDto } from '../../shared/dto/page.dto.js';
import { EQUIPMENT_TYPES, PROVENANCES, type EquipmentType, type Provenance } from '../equipment.entity.js';

const DATE_ONLY = DATE_ONLY_PATTERN;
const DATE_MESSAGE = '$property must be a date between 1900 and 2100, like 2026-03-31';
const REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const REF_MESSAGE = '$property must be 1 to 40 letters, digits, dots, dashes or underscores';
/** Present means not null: for fields that may be left out of a change but never emptied. */
const PresentNotNull = () => ValidateIf((_object, value) => value !== undefined);

export class SpaceEquipmentParamsDto {
  @ApiProperty({ description: 'Ref of the space.', example: 'BRU-014' })
  @IsString()
  @MaxLength(40)
  ref: string;

  @ApiProperty({ description: 'Ref of the item or batch within the space.', example: 'PC-2024-01' })
  @IsString()
  @Matches(REF, { message: REF_MESSAGE })
  equipmentRef: string;
}

export class EquipmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EQUIPMENT_TYPES })
  @IsOptional()
  @IsIn(EQUIPMENT_TYPES)
  type?: EquipmentType;
}

export class InServiceQueryDto {
  @ApiPropertyOptional({
    description: 'The day to count for (default: today in Brussels).',
    example: '2026-03-31',
  })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  on?: string;
}

export class CreateEquipmentDto {
  @ApiProperty({
    description: 'Unique within the space. "in-service" is reserved (it names the counts route).',
    example: 'PC-2024-01',
  })
  @IsString()
  @Matches(REF, { message: REF_MESSAGE })
  @NotEquals('in-service')
  ref: string;

  @ApiProperty({ enum: EQUIPMENT_TYPES })
  @IsIn(EQUIPMENT_TYPES)
  type: EquipmentType;

  @ApiProperty({ minimum: 1, maximum: 100000, description: 'Number of identical items in the batch.' })
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity: number;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2024-09-01' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  acquiredOn?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The first day the item is out of service; on or after acquiredOn.',
  })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  retiredOn?: string | null;

  @ApiPropertyOptional({ enum: PROVENANCES, nullable: true })
  @IsOptional()
  @IsIn(PROVENANCES)
  provenance?: Provenance | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  freeSoftware?: boolean | null;
}

export class UpdateEquipmentDto {
  @ApiPropertyOptional({ enum: EQUIPMENT_TYPES })
  @PresentNotNull()
  @IsIn(EQUIPMENT_TYPES)
  type?: EquipmentType;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000 })
  @PresentNotNull()
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity?: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  acquiredOn?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Matches(DATE_ONLY, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true })
  retiredOn?: string | null;

  @ApiPropertyOptional({ enum: PROVENANCES, nullable: true })
  @IsOptional()
  @IsIn(PROVENANCES)
  provenance?: Provenance | null;

  @ApiPropertyOptional({ nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  freeSoftware?: boolean | null;

  @ApiProperty({ description: 'The version you read; a stale version is refused with 409.', minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class EquipmentDto {
  @ApiProperty() spaceRef: string;
  @ApiProperty() ref: string;
  @ApiProperty({ enum: EQUIPMENT_TYPES }) type: EquipmentType;
  @ApiProperty() quantity: number;
  @ApiProperty({ nullable: true, type: String }) acquiredOn: string | null;
  @ApiProperty({ nullable: true, type: String }) retiredOn: string | null;
  @ApiProperty({ enum: PROVENANCES, nullable: true }) provenance: Provenance | null;
  @ApiProperty({ nullable: true, type: Boolean }) freeSoftware: boolean | null;
  @ApiProperty() version: number;
}

export class EquipmentPageDto {
  @ApiProperty({ type: [EquipmentDto] }) items: EquipmentDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class InServiceDto {
  @ApiProperty() spaceRef: string;
  @ApiProperty({ description: 'The day counted.' }) on: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Items in service per type (every type is listed).',
    example: { desktop: 6, laptop: 2, tablet: 4, printer: 1, '3d_printer': 0, other: 0 },
  })
  byType: Record<EquipmentType, number>;
  @ApiProperty({ description: 'Desktops and laptops.' }) computers: number;
  @ApiProperty() tablets: number;
  @ApiProperty({ description: 'Desktops, laptops and tablets.' }) devices: number;
}
