import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { LABEL_DECISIONS, type LabelDecision } from '../../rules/label-decision.rule.js';

export class CreateDecisionDto {
  @ApiProperty({ enum: LABEL_DECISIONS })
  @IsIn(LABEL_DECISIONS)
  decision: LabelDecision;

  @ApiProperty({ description: 'The evaluation run the decision rests on; it must cover this space.' })
  @IsUUID()
  evaluationId: string;

  @ApiPropertyOptional({
    description: "Why; required when deciding against the evaluation's outcome.",
    maxLength: 4000,
  })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  justification?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'Default: today in Brussels.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'The id of the decision you saw as current (omit or null when the space has no label yet). When ' +
      'someone decided in the meantime, the answer is 409 and nothing is recorded.',
  })
  @IsOptional()
  @ValidateIf((o) => o.currentDecisionId !== null)
  @IsUUID()
  currentDecisionId?: string | null;
}

export class LabelDecisionDto {
  @ApiProperty() id: string;
  @ApiProperty() spaceRef: string;
  @ApiProperty() scheme: string;
  @ApiProperty() schemeVersion: string;
  @ApiProperty({ enum: ['granted', 'refused', 'suspended', 'withdrawn', 'expired'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true, enum: [...LABEL_DECISIONS, 'expire'] }) decision:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) validFrom: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) validUntil: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) evaluationId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) justification: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) verificationCode: string | null;
  @ApiProperty() decidedAt: Date;
}

export class LabelHistoryDto {
  @ApiProperty({ type: [LabelDecisionDto], description: 'Newest first; the first one is in force.' })
  items: LabelDecisionDto[];
}

export class CertificateQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'fr', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'fr', 'en'])
  lang?: 'nl' | 'fr' | 'en';
}

export class CertificateVerificationDto {
  @ApiProperty({ description: 'True when the label is granted and in force today.' }) valid: boolean;
  @ApiProperty({ enum: ['granted', 'refused', 'suspended', 'withdrawn', 'expired', 'superseded'] })
  status: string;
  @ApiProperty() spaceName: string;
  @ApiProperty() spaceRef: string;
  @ApiProperty() scheme: string;
  @ApiProperty() schemeVersion: string;
  @ApiPropertyOptional({ type: String, nullable: true }) validFrom: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) validUntil: string | null;
}
