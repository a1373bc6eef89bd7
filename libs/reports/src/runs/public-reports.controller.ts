import { Controller, Get, Param, Query, type StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, ParseUuidParamPipe, type Principal } from '../../../core/src/index.js';
import {
  DownloadQueryDto,
  PublicReportDto,
  PublicReportPageDto,
  PublicReportQueryDto,
} from '../dto/report.dto.js';
import { PublicReportsService } from './public-reports.service.js';
import { ApiReportFormats, reportAttachment } from './report-attachment.js';

/** The published reports: no sign-in, read only, public audience and finished runs only. */
@ApiTags('public')
@Controller('api/v1/public/reports')
export class PublicReportsController {
  constructor(private readonly reports: PublicReportsService) {}

  @Get()
  @Access('public')
  @ApiOperation({ summary: 'The published regional reports, newest year first; by region and year.' })
  @ApiOkResponse({ type: PublicReportPageDto })
  list(@Query() query: PublicReportQueryDto): Promise<PublicReportPageDto> {
    return this.reports.list(query);
  }

  @Get(':id')
  @Access('public')
  @ApiOperation({ summary: 'One published report with its public figures.' })
  @ApiOkResponse({ type: PublicReportDto })
  @ApiNotFoundResponse({ description: 'REPORTS.NOT_FOUND: no such published report.' })
  get(@Param('id', ParseUuidParamPipe) id: string): Promise<PublicReportDto> {
    return this.reports.get(id);
  }

  @Get(':id/download')
  @Access('public')
  @ApiOperation({ summary: 'One published report as a file.' })
  @ApiReportFormats()
  @ApiNotFoundResponse({
    description: 'REPORTS.NOT_FOUND (no such published report) or REPORTS.FORMAT_UNAVAILABLE.',
  })
  async download(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', ParseUuidParamPipe) id: string,
    @Query() query: DownloadQueryDto,
  ): Promise<StreamableFile> {
    return reportAttachment(await this.reports.download(principal, id, query.format));
  }
}
