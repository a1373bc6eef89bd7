import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  REPORT_AUDIENCES,
  REPORT_FORMATS,
  REPORT_LANGUAGES,
  REPORT_REGIONS,
  type ReportAudience,
  type ReportFormat,
  type ReportLanguage,
  type ReportRegion,
} from '../figures/figures.types.js';

export class CreateReportDto {
  @ApiProperty({ enum: ['regional'] })
  @IsIn(['regional'])
  type: 'regional';

  @ApiProperty({ enum: REPORT_REGIONS })
  @IsIn(REPORT_REGIONS)
  region: ReportRegion;

  @ApiProperty({ example: 2016, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ enum: REPORT_AUDIENCES, default: 'internal' })
  @IsOptional()
  @IsIn(REPORT_AUDIENCES)
  audience?: ReportAudience;

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  language?: ReportLanguage;

  @ApiPropertyOptional({ description: 'Compute afresh even when a stored run answers the same request.' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class ReportQueuedDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
}

export class ReportRunDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 100 }) progress?: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The figures of figures.md (keys are a contract).',
  })
  figures?: object;
  @ApiPropertyOptional() error?: string;
}

export class DownloadQueryDto {
  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS)
  format: ReportFormat;
}

/** `GET /api/v1/public/reports`: the published editions, newest year first, by region and year. */
export class PublicReportQueryDto {
  @ApiPropertyOptional({ enum: REPORT_REGIONS })
  @IsOptional()
  @IsIn(REPORT_REGIONS)
  region?: ReportRegion;

  @ApiPropertyOptional({ example: 2016, minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1_000_000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  // An unbounded page makes an offset past what PostgreSQL takes: a 400, not a 500.
  @Max(1_000_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}

/** A published (public, finished) report: what anyone may know about it. */
export class PublicReportSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: REPORT_REGIONS }) region: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: REPORT_LANGUAGES }) language: string;
  @ApiProperty({ type: String, format: 'date-time' }) finishedAt: Date;
  @ApiProperty({ enum: REPORT_FORMATS, isArray: true, description: 'The files it can be downloaded as.' })
  formats: string[];
}

export class PublicReportPageDto {
  @ApiProperty({ type: [PublicReportSummaryDto] }) items: PublicReportSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class PublicReportDto extends PublicReportSummaryDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The public figures of figures.md: small counts as "<5", what would give them away "withheld".',
  })
  figures: object;
}
