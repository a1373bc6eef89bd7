import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ReminderDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'missing_week' }) kind: string;
  @ApiProperty({ example: 'BRU-014/2026-W46' }) subject: string;
  @ApiProperty({ type: String, nullable: true }) spaceRef: string | null;
  @ApiProperty({ type: Object }) details: Record<string, unknown>;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) readAt: Date | null;
}

export class ReminderListDto {
  @ApiProperty({ type: [ReminderDto] }) items: ReminderDto[];
}

export class ReminderQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only reminders not read yet.' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: string;
}

export class EnqueuedDto {
  @ApiProperty() jobId: string;
}
