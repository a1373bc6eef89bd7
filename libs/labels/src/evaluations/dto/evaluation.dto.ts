import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DATE_ONLY_PATTERN, REGIONS } from '../../../../core/src/index.js';

export class CreateEvaluationDto {
  @ApiProperty({
    example: 'brussels-ocr',
    description:
      "A scheme id; its newest stored version is used. It must be the label of the space's region.",
  })
  @IsString()
  @Matches(/^[a-z0-9-]{1,60}$/, { message: 'scheme must be a scheme id such as brussels-ocr' })
  scheme: string;

  @ApiPropertyOptional({ example: 'BRU-014', description: 'One space; give this or region.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  spaceRef?: string;

  @ApiPropertyOptional({ enum: REGIONS, description: 'Every space of a region; give this or spaceRef.' })
  @IsOptional()
  @IsIn(REGIONS)
  region?: string;

  @ApiPropertyOptional({
    example: '2026-11-22',
    description: 'Default: today in Brussels; never later (the window holds complete weeks only).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE_ONLY_PATTERN, { message: 'until must be a date YYYY-MM-DD between 1900 and 2100' })
  until?: string;
}

export class EvaluationCreatedDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
}

export class CriterionResultDto {
  @ApiProperty({ example: 'W1' }) criterion: string;
  @ApiProperty({ example: 'avg_weekly_opening_hours' }) metric: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }], nullable: true }) measured:
    number | boolean | null;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }] }) threshold: number | boolean;
  @ApiProperty({ enum: ['>=', 'is_true'] }) operator: string;
  @ApiProperty({ enum: ['pass', 'fail', 'insufficient_data'] }) outcome: string;
  @ApiProperty() mandatory: boolean;
  @ApiProperty({ description: 'The records counted (weeks, session refs, equipment, animator refs).' })
  evidence: Record<string, unknown>;
}

export class SpaceEvaluationDto {
  @ApiProperty() spaceRef: string;
  @ApiProperty() spaceName: string;
  @ApiProperty() eligible: boolean;
  @ApiProperty() weeksWithData: number;
  @ApiProperty({ type: [CriterionResultDto] }) criteria: CriterionResultDto[];
  @ApiProperty() evaluatedAt: Date;
}

export class EvaluationWindowDto {
  @ApiProperty({ example: '2025-W47' }) firstWeek: string;
  @ApiProperty({ example: '2026-W46' }) lastWeek: string;
  @ApiProperty({ example: '2025-11-17' }) from: string;
  @ApiProperty({ example: '2026-11-15' }) to: string;
  @ApiProperty({ example: 52 }) weeks: number;
}

export class EvaluationProgressDto {
  @ApiProperty() evaluated: number;
  @ApiProperty() total: number;
}

export class EvaluationErrorDto {
  @ApiProperty({
    enum: ['LABELS.EVALUATION_FAILED', 'LABELS.EVALUATION_INCOMPLETE'],
    description:
      'EVALUATION_FAILED: nothing could be evaluated. EVALUATION_INCOMPLETE: a region run lost some spaces ' +
      '(progress says how many); the results it has are listed.',
  })
  code: string;
  @ApiProperty() message: string;
}

export class EvaluationDto {
  @ApiProperty() id: string;
  @ApiProperty() scheme: string;
  @ApiProperty() schemeVersion: string;
  @ApiProperty() region: string;
  @ApiPropertyOptional({ type: String, nullable: true }) spaceRef: string | null;
  @ApiProperty() until: string;
  @ApiProperty({ type: EvaluationWindowDto }) window: EvaluationWindowDto;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
  @ApiPropertyOptional({ type: EvaluationErrorDto, description: 'Only when the status is failed.' })
  error?: EvaluationErrorDto;
  @ApiProperty({ type: EvaluationProgressDto }) progress: EvaluationProgressDto;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'How many of the evaluated spaces are eligible, once done; for a coordinator reading a region run, among their own spaces.',
  })
  eligibleCount: number | null;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ type: Date, nullable: true }) finishedAt: Date | null;
  @ApiProperty({ type: [SpaceEvaluationDto] }) spaces: SpaceEvaluationDto[];
}
