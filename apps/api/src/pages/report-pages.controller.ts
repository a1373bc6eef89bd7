import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, CurrentPrincipal, STAFF, type Principal } from '../../../../libs/core/src/index.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { PageRenderer } from './page-renderer.js';
import { ReportPagesService } from './report-pages.service.js';

type AnyBody = Record<string, unknown>;

/**
 * The report pages: ask for a regional report, follow it, download its files. Staff and admins
 * only; the region rule is ReportsService's (another region's run is the 403 page).
 */
@ApiExcludeController()
@Controller('staff/reports')
@UseFilters(PageExceptionFilter)
export class ReportPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly pages: ReportPagesService,
  ) {}

  @Get()
  @Access(STAFF)
  async form(
    @CurrentPrincipal() principal: Principal,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.form(principal, lang), lang);
  }

  @Post()
  @Access(STAFF)
  async request(
    @CurrentPrincipal() principal: Principal,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    const outcome = await this.pages.request(principal, body, lang);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    return this.renderer.render(req, reply, outcome.view, lang);
  }

  @Get(':id')
  @Access(STAFF)
  async run(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.run(principal, id, lang), lang);
  }

  /**
   * The same file as the API's download (same `?format=`), through the same audited service call.
   * A page route, so that a refusal is the 403 page rather than JSON.
   */
  @Get(':id/download')
  @Access(STAFF)
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query('format') format: unknown,
    @Res() reply: FastifyReply,
  ) {
    const outcome = await this.pages.download(principal, id, format);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    const { file } = outcome;
    return reply
      .status(200)
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  }
}
