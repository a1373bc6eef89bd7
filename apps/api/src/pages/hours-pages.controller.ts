import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANY_SIGNED_IN, Access, CurrentPrincipal, type Principal } from '../../../../libs/core/src/index.js';
import { HoursPagesService } from './hours-pages.service.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { PageRenderer } from './page-renderer.js';

const SPACE = { kind: 'space', param: 'ref' } as const;

/** The coordinators' opening-hours editor. */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class HoursPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly pages: HoursPagesService,
  ) {}

  @Get('spaces/:ref/hours')
  @Access(ANY_SIGNED_IN, SPACE)
  async hours(
    @Param('ref') ref: string,
    @Query('saved') saved: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.page(ref, saved, lang), lang);
  }

  @Post('spaces/:ref/hours')
  @Access(ANY_SIGNED_IN, SPACE)
  async save(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() body: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    const outcome = await this.pages.submit(principal, ref, body, lang);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    return this.renderer.render(req, reply, outcome.view, lang);
  }
}
