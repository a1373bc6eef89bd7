import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, CurrentPrincipal, STAFF, type Principal } from '../../../../libs/core/src/index.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { PageRenderer } from './page-renderer.js';
import { StaffPagesService } from './staff-pages.service.js';

type AnyBody = Record<string, unknown>;

/** The regional staff pages: the region dashboard and label evaluations (admins pick a region). */
@ApiExcludeController()
@Controller('staff')
@UseFilters(PageExceptionFilter)
export class StaffPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly pages: StaffPagesService,
  ) {}

  @Get()
  @Access(STAFF)
  async dashboard(
    @CurrentPrincipal() principal: Principal,
    @Query('region') region: string | undefined,
    @Query('year') year: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(
      req,
      reply,
      await this.pages.dashboard(principal, region, lang, new Date(), year),
      lang,
    );
  }

  @Get('evaluations')
  @Access(STAFF)
  async evaluationForm(
    @CurrentPrincipal() principal: Principal,
    @Query('region') region: string | undefined,
    @Query('space') space: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    const view = await this.pages.evaluationForm(principal, region, lang, { space });
    return this.renderer.render(req, reply, view, lang);
  }

  @Post('evaluations')
  @Access(STAFF)
  async requestEvaluation(
    @CurrentPrincipal() principal: Principal,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    const outcome = await this.pages.requestEvaluation(principal, body, lang);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    return this.renderer.render(req, reply, outcome.view, lang);
  }

  @Get('evaluations/:id')
  @Access(STAFF)
  async evaluationRun(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.evaluationRun(principal, id, lang), lang);
  }
}
