import { Body, Controller, Get, HttpCode, Param, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Access,
  CurrentPrincipal,
  ParseUuidParamPipe,
  STAFF,
  type Principal,
} from '../../../core/src/index.js';
import { CreateReportDto, DownloadQueryDto, ReportQueuedDto, ReportRunDto } from '../dto/report.dto.js';
import { ApiReportFormats, reportAttachment } from './report-attachment.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Queues a report in the worker, or answers with the stored run of the same report on unchanged data. */
  @Post()
  @HttpCode(202)
  @Access(STAFF)
  @ApiAcceptedResponse({ type: ReportQueuedDto })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateReportDto): Promise<ReportQueuedDto> {
    return this.reports.request(principal, dto);
  }

  @Get(':id')
  @Access(STAFF)
  @ApiOkResponse({ type: ReportRunDto })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUuidParamPipe) id: string,
  ): Promise<ReportRunDto> {
    return this.reports.get(principal, id);
  }

  @Get(':id/download')
  @Access(STAFF)
  @ApiReportFormats()
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUuidParamPipe) id: string,
    @Query() query: DownloadQueryDto,
  ): Promise<StreamableFile> {
    return reportAttachment(await this.reports.download(principal, id, query.format));
  }
}
