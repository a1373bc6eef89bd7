import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { LABEL_DECISIONS, type LabelDecision } from '../../rules/label-decision.rule.js';

/**
 * A decision on a space's label. There is no start date to choose: a grant or renewal is valid from
 * the decision date (Brussels) for the scheme's validity (labels.md), so a request that still sends
 * `validFrom` is refused like any unknown field.
 */
export class CreateDecisionDto {
  @ApiProperty({
    enum: LABEL_DECISIONS,
    description:
      'grant and refuse when no label is in force (none, refused, withdrawn, expired); suspend a granted ' +
      'label; withdraw a granted or suspended one; renew a granted, suspended or expired one. A grant or ' +
      "renewal is valid from today (Brussels) for the scheme's years; a suspension keeps the label's dates.",
  })
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
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'The last day of a space that has closed for good (null while it is open): its certificates are then not valid.',
  })
  spaceClosedOn: string | null;
}
