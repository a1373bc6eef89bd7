import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ANY_SIGNED_IN,
  Access,
  CurrentPrincipal,
  STAFF,
  type Principal,
} from '../../../../libs/core/src/index.js';
import { LabelPagesService } from './label-pages.service.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { PageRenderer } from './page-renderer.js';

/** The space in the path: its coordinator, staff of its region, admins (as the labels API). */
const SPACE = { kind: 'space', param: 'ref' } as const;
type AnyBody = Record<string, unknown>;

/** The label pages: staff decide, the coordinator reads the label and its evidence, anyone verifies. */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class LabelPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly pages: LabelPagesService,
  ) {}

  /** Staff of the space's region and admins, never coordinators: as POST /api/v1/labels/:ref/decisions. */
  @Get('staff/labels/:ref')
  @Access(STAFF, SPACE)
  async decisionPage(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Query('saved') saved: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    const view = await this.pages.decisionPage(principal, ref, lang, { saved });
    return this.renderer.render(req, reply, view, lang);
  }

  @Post('staff/labels/:ref/decisions')
  @Access(STAFF, SPACE)
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    const outcome = await this.pages.submitDecision(principal, ref, body, lang);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    return this.renderer.render(req, reply, outcome.view, lang);
  }

  @Get('spaces/:ref/label')
  @Access(ANY_SIGNED_IN, SPACE)
  async status(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Query('hidden') hidden: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    const view = await this.pages.statusPage(principal, ref, lang, hidden === '1');
    return this.renderer.render(req, reply, view, lang);
  }

  @Get('verify')
  @Access('public')
  async verify(@Query('code') code: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.verifyPage(code, lang), lang);
  }
}
