import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADMIN, Access, CurrentPrincipal, type Principal } from '../../../../libs/core/src/index.js';
import { AdminPagesService } from './admin-pages.service.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { PageRenderer } from './page-renderer.js';

type AnyBody = Record<string, unknown>;

/** The admin pages: users, label schemes and reference data (the job dashboard is queue-dashboard.ts). */
@ApiExcludeController()
@Controller('admin')
@UseFilters(PageExceptionFilter)
export class AdminPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly pages: AdminPagesService,
  ) {}

  @Get()
  @Access(ADMIN)
  index(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, this.pages.index(lang), lang);
  }

  @Get('users')
  @Access(ADMIN)
  async users(
    @CurrentPrincipal() principal: Principal,
    @Query('done') done: unknown,
    @Query('user') userId: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    const view = await this.pages.users(principal, lang, { done, userId });
    return this.renderer.render(req, reply, view, lang);
  }

  @Post('users')
  @Access(ADMIN)
  async createUser(
    @CurrentPrincipal() principal: Principal,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.answer(req, reply, await this.pages.createUser(principal, body, lang), lang);
  }

  @Post('users/:id/disable')
  @Access(ADMIN)
  async disable(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.answer(req, reply, await this.pages.setDisabled(principal, id, true, lang), lang);
  }

  @Post('users/:id/enable')
  @Access(ADMIN)
  async enable(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.answer(req, reply, await this.pages.setDisabled(principal, id, false, lang), lang);
  }

  @Get('schemes')
  @Access(ADMIN)
  async schemes(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.schemes(lang), lang);
  }

  @Get('reference')
  @Access(ADMIN)
  async reference(
    @Query('region') region: unknown,
    @Query('page') page: unknown,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.reference(region, page, lang), lang);
  }

  /** After a change, back to the list by GET (a reload does not send the form again). */
  private answer(
    req: FastifyRequest,
    reply: FastifyReply,
    outcome: { redirect: string } | { view: Parameters<PageRenderer['render']>[2] },
    lang: ReturnType<PageRenderer['language']>,
  ) {
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    return this.renderer.render(req, reply, outcome.view, lang);
  }
}
