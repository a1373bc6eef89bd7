import { Body, Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANY_SIGNED_IN, Access, CurrentPrincipal, type Principal } from '../../../../libs/core/src/index.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { PageRenderer } from './page-renderer.js';
import { RegistryPagesService, type RegistryKind } from './registry-pages.service.js';

const SPACE = { kind: 'space', param: 'ref' } as const;
type AnyBody = Record<string, unknown>;

/**
 * The registry edit pages: a space's equipment, funding and animator assignments. One route per form
 * and kind (no `:kind` parameter), so each address is checked and listed on its own.
 */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class RegistryPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly pages: RegistryPagesService,
  ) {}

  private async showForm(
    kind: RegistryKind,
    ref: string,
    id: string | null,
    req: FastifyRequest,
    reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.form(kind, ref, id, lang), lang);
  }

  private async submitForm(
    principal: Principal,
    kind: RegistryKind,
    ref: string,
    id: string | null,
    body: AnyBody,
    req: FastifyRequest,
    reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    const outcome = await this.pages.submit(principal, kind, ref, id, body, lang);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    return this.renderer.render(req, reply, outcome.view, lang);
  }

  private async confirmRemoval(
    kind: RegistryKind,
    ref: string,
    id: string,
    req: FastifyRequest,
    reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.confirmRemoval(kind, ref, id, lang), lang);
  }

  /**
   * Removes only when the form says `confirm=yes` (the question's "yes" button); any other post (an
   * old form, a mis-tap, a forged link) gets the question instead and removes nothing.
   */
  private async removeRecord(
    principal: Principal,
    kind: RegistryKind,
    ref: string,
    id: string,
    body: AnyBody,
    req: FastifyRequest,
    reply: FastifyReply,
  ) {
    if (body?.confirm !== 'yes') return this.confirmRemoval(kind, ref, id, req, reply);
    const { redirect } = await this.pages.remove(principal, kind, ref, id);
    return reply.redirect(redirect, 303);
  }

  // ---- Equipment -------------------------------------------------------------------------------

  @Get('spaces/:ref/registry/equipment/new')
  @Access(ANY_SIGNED_IN, SPACE)
  newEquipment(@Param('ref') ref: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.showForm('equipment', ref, null, req, reply);
  }

  @Post('spaces/:ref/registry/equipment/new')
  @Access(ANY_SIGNED_IN, SPACE)
  addEquipment(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.submitForm(principal, 'equipment', ref, null, body, req, reply);
  }

  @Get('spaces/:ref/registry/equipment/:equipmentRef')
  @Access(ANY_SIGNED_IN, SPACE)
  editEquipment(
    @Param('ref') ref: string,
    @Param('equipmentRef') equipmentRef: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.showForm('equipment', ref, equipmentRef, req, reply);
  }

  @Post('spaces/:ref/registry/equipment/:equipmentRef')
  @Access(ANY_SIGNED_IN, SPACE)
  saveEquipment(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Param('equipmentRef') equipmentRef: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.submitForm(principal, 'equipment', ref, equipmentRef, body, req, reply);
  }

  @Get('spaces/:ref/registry/equipment/:equipmentRef/remove')
  @Access(ANY_SIGNED_IN, SPACE)
  confirmEquipmentRemoval(
    @Param('ref') ref: string,
    @Param('equipmentRef') equipmentRef: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.confirmRemoval('equipment', ref, equipmentRef, req, reply);
  }

  @Post('spaces/:ref/registry/equipment/:equipmentRef/remove')
  @Access(ANY_SIGNED_IN, SPACE)
  removeEquipment(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Param('equipmentRef') equipmentRef: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.removeRecord(principal, 'equipment', ref, equipmentRef, body, req, reply);
  }

  // ---- Funding ---------------------------------------------------------------------------------

  @Get('spaces/:ref/registry/funding/new')
  @Access(ANY_SIGNED_IN, SPACE)
  newFunding(@Param('ref') ref: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.showForm('funding', ref, null, req, reply);
  }

  @Post('spaces/:ref/registry/funding/new')
  @Access(ANY_SIGNED_IN, SPACE)
  addFunding(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.submitForm(principal, 'funding', ref, null, body, req, reply);
  }

  @Get('spaces/:ref/registry/funding/:id')
  @Access(ANY_SIGNED_IN, SPACE)
  editFunding(
    @Param('ref') ref: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.showForm('funding', ref, id, req, reply);
  }

  @Post('spaces/:ref/registry/funding/:id')
  @Access(ANY_SIGNED_IN, SPACE)
  saveFunding(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Param('id') id: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.submitForm(principal, 'funding', ref, id, body, req, reply);
  }

  @Get('spaces/:ref/registry/funding/:id/remove')
  @Access(ANY_SIGNED_IN, SPACE)
  confirmFundingRemoval(
    @Param('ref') ref: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.confirmRemoval('funding', ref, id, req, reply);
  }

  @Post('spaces/:ref/registry/funding/:id/remove')
  @Access(ANY_SIGNED_IN, SPACE)
  removeFunding(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Param('id') id: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.removeRecord(principal, 'funding', ref, id, body, req, reply);
  }

  // ---- Animators (their assignment to this space) -----------------------------------------------

  @Get('spaces/:ref/registry/animators/new')
  @Access(ANY_SIGNED_IN, SPACE)
  newAnimator(@Param('ref') ref: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.showForm('animators', ref, null, req, reply);
  }

  @Post('spaces/:ref/registry/animators/new')
  @Access(ANY_SIGNED_IN, SPACE)
  addAnimator(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.submitForm(principal, 'animators', ref, null, body, req, reply);
  }

  @Get('spaces/:ref/registry/animators/:id')
  @Access(ANY_SIGNED_IN, SPACE)
  editAssignment(
    @Param('ref') ref: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.showForm('animators', ref, id, req, reply);
  }

  @Post('spaces/:ref/registry/animators/:id')
  @Access(ANY_SIGNED_IN, SPACE)
  saveAssignment(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Param('id') id: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.submitForm(principal, 'animators', ref, id, body, req, reply);
  }

  @Get('spaces/:ref/registry/animators/:id/remove')
  @Access(ANY_SIGNED_IN, SPACE)
  confirmAssignmentRemoval(
    @Param('ref') ref: string,
    @Param('id') id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.confirmRemoval('animators', ref, id, req, reply);
  }

  @Post('spaces/:ref/registry/animators/:id/remove')
  @Access(ANY_SIGNED_IN, SPACE)
  removeAssignment(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Param('id') id: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.removeRecord(principal, 'animators', ref, id, body, req, reply);
  }
}
