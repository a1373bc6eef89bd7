import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
