import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access, STAFF } from '../../../core/src/index.js';
import { LabelSchemesService } from './label-schemes.service.js';
import type { StoredScheme } from './label-schemes.repository.js';

export class LabelCriterionDto {
  @ApiProperty({ example: 'W1' }) id: string;
  @ApiProperty({ example: { nl: '…', fr: '…', en: 'Open to the public at least 16 h a week' } })
  label: Record<string, string>;
  @ApiProperty({ example: 'avg_weekly_opening_hours' }) metric: string;
  @ApiProperty({ enum: ['>=', 'is_true'] }) operator: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }], example: 16 }) threshold: number | boolean;
  @ApiProperty() mandatory: boolean;
  @ApiProperty({ enum: ['charter', 'ours'], description: 'Where the number comes from.' })
  thresholdSource: string;
  @ApiPropertyOptional() note?: string;
}

export class LabelSchemeDto {
  @ApiProperty({ example: 'wallonia-epn' }) scheme: string;
  @ApiProperty({ example: '2007' }) version: string;
  @ApiProperty({ example: 'WAL' }) region: string;
  @ApiProperty() title: Record<string, string>;
  @ApiProperty({ example: 3 }) validityYears: number;
  @ApiProperty({ example: 52 }) windowWeeks: number;
  @ApiProperty({ example: 4 }) minWeeksOfData: number;
  @ApiProperty({ type: [LabelCriterionDto] }) criteria: LabelCriterionDto[];
  @ApiProperty() loadedAt: Date;
}

export class LabelSchemeListDto {
  @ApiProperty({ type: [LabelSchemeDto] }) items: LabelSchemeDto[];
}

const toDto = (s: StoredScheme): LabelSchemeDto => ({
  scheme: s.scheme,
  version: s.version,
  region: s.regionCode,
  title: s.definition.title,
  validityYears: s.validityYears,
  windowWeeks: s.definition.windowWeeks,
  minWeeksOfData: s.definition.minWeeksOfData,
  criteria: s.definition.criteria,
  loadedAt: s.loadedAt,
});

/** Label schemes as stored: admins manage them; regional staff read them to understand evaluations. */
@ApiTags('labels')
@ApiBearerAuth()
@Controller('api/v1/label-schemes')
export class LabelSchemesController {
  constructor(private readonly schemes: LabelSchemesService) {}

  @Get()
  @Access(STAFF)
  @ApiOkResponse({ type: LabelSchemeListDto })
  async list(): Promise<LabelSchemeListDto> {
    return { items: (await this.schemes.list()).map(toDto) };
  }

  @Get(':scheme/:version')
  @Access(STAFF)
  @ApiOkResponse({ type: LabelSchemeDto })
  async get(@Param('scheme') scheme: string, @Param('version') version: string): Promise<LabelSchemeDto> {
    return toDto(await this.schemes.get(scheme, version));
  }
}
