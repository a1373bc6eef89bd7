import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../shared/dto/page.dto.js';
import { AUDIT_ACTIONS } from '../audit-entry.entity.js';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Kind of record, e.g. `space`, `animator`, `equipment`.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entity?: string;

  @ApiPropertyOptional({ description: 'Id of the record (as stored in the trail).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Only entries about this space (its id).' })
  @IsOptional()
  @IsUUID()
  spaceId?: string;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ description: 'E-mail address of the user, or `system` / `cli`.' }) actor: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: string;
  @ApiProperty() entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ nullable: true, type: String }) spaceId: string | null;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: Object }) before: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object }) after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) correlationId: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
