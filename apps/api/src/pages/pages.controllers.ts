import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import {
  ANY_SIGNED_IN,
  Access,
  AppException,
  AuthService,
  CurrentPrincipal,
  Environment,
  SESSION_COOKIE,
  sessionCookie,
  type Principal,
  type Role,
} from '../../../../libs/core/src/index.js';
import { CoordinatorPagesService, type CsvUpload } from './coordinator-pages.service.js';
import { errorSummary, fieldId, fieldView, formValues, safeNext } from './forms.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { PageRenderer } from './page-renderer.js';
import { PublicPagesService } from './public-pages.service.js';
import { ReminderPagesService } from './reminder-pages.service.js';

const SPACE = { kind: 'space', param: 'ref' } as const;
type AnyBody = Record<string, unknown>;

/** Where a user lands after signing in: staff and admins on their dashboard, coordinators on their spaces. */
export const homeOf = (role: Role) => (role === 'coordinator' ? '/my-spaces' : '/staff');
type Outcome = { redirect: string } | { view: Parameters<PageRenderer['render']>[2] };

async function answer(renderer: PageRenderer, req: FastifyRequest, reply: FastifyReply, outcome: Outcome) {
  if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
  return renderer.render(req, reply, outcome.view);
}

/** Login and logout with the session cookie. */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class AuthPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly auth: AuthService,
    private readonly env: Environment,
  ) {}

  @Get('login')
  @Access('public')
  async loginForm(
    @Req() req: FastifyRequest & { principal?: Principal },
    @Res() reply: FastifyReply,
    @Query('next') next?: string,
    @Query('loggedOut') loggedOut?: string,
  ) {
    if (req.principal) return reply.redirect(safeNext(next, homeOf(req.principal.role)), 303);
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(
      req,
      reply,
      this.loginView(lang, { email: '' }, next, false, loggedOut === '1'),
      lang,
    );
  }

  @Post('login')
  @Access('public')
  async login(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Body() body: AnyBody) {
    const lang = this.renderer.language(req, reply);
    const values = formValues(body, ['email', 'password', 'next']);
    try {
      const { accessToken } = await this.auth.login(values.email, values.password, 'cookie');
      const cookie = sessionCookie(this.env, accessToken);
      void reply.setCookie(cookie.name, cookie.value, cookie.options);
      // The address asked for, if any (a page that sent them to log in); else their home, by role.
      const principal = await this.auth.authenticate(accessToken);
      return reply.redirect(safeNext(values.next, homeOf(principal?.role ?? 'coordinator')), 303);
    } catch (error) {
      if (!(error instanceof AppException) || error.code !== 'AUTH.INVALID_CREDENTIALS') throw error;
      const view = this.loginView(lang, { email: values.email }, values.next, true, false);
      return this.renderer.render(req, reply, { ...view, status: 401 }, lang);
    }
  }

  @Post('logout')
  @Access(ANY_SIGNED_IN)
  async logout(@CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply) {
    await this.auth.logout(principal);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/login?loggedOut=1', 303);
  }

  private loginView(
    lang: Parameters<PageRenderer['messages']>[0],
    values: { email: string },
    next: string | undefined,
    failed: boolean,
    loggedOut: boolean,
  ) {
    const m = this.renderer.messages(lang);
    const errors = failed ? [{ field: 'email', message: m.login.failed }] : [];
    return {
      template: 'login',
      title: m.login.title,
      section: 'login' as const,
      data: {
        // Empty when none was given: the home then depends on who signs in.
        next: safeNext(next, ''),
        flash: loggedOut ? m.login.loggedOut : '',
        errorSummary: errorSummary(errors, m, { email: fieldId('email') }, fieldId('email')),
        fields: [
          fieldView(
            {
              name: 'email',
              label: m.login.email,
              type: 'email',
              autocomplete: 'username',
              inputmode: 'email',
              required: true,
            },
            values,
            errors,
            m,
          ),
          fieldView(
            {
              name: 'password',
              label: m.login.password,
              type: 'password',
              autocomplete: 'current-password',
              required: true,
            },
            {},
            [],
            m,
          ),
        ],
      },
    };
  }
}

/** The coordinator pages: my spaces, a week, the week history, training sessions and CSV upload. */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class CoordinatorPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly pages: CoordinatorPagesService,
    private readonly reminders: ReminderPagesService,
  ) {}

  @Get('my-spaces')
  @Access(ANY_SIGNED_IN)
  async mySpaces(
    @CurrentPrincipal() principal: Principal,
    @Query('hidden') hidden: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    const view = await this.pages.mySpaces(principal, lang, hidden === '1');
    return this.renderer.render(req, reply, view, lang);
  }

  /** "Done, hide this" on a reminder: only the owner's own (else the not-found page, nothing changed). */
  @Post('reminders/:id/read')
  @Access(ANY_SIGNED_IN)
  async hideReminder(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: AnyBody,
    @Res() reply: FastifyReply,
  ) {
    return reply.redirect(await this.reminders.markRead(principal, id, body?.back), 303);
  }

  @Get('spaces/:ref/week')
  @Access(ANY_SIGNED_IN, SPACE)
  async week(
    @Param('ref') ref: string,
    @Query('week') week: string | undefined,
    @Query('saved') saved: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.weekForm(ref, week, saved, lang), lang);
  }

  @Post('spaces/:ref/week')
  @Access(ANY_SIGNED_IN, SPACE)
  async saveWeek(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return answer(this.renderer, req, reply, await this.pages.submitWeek(principal, ref, body, lang));
  }

  @Get('spaces/:ref/history')
  @Access(ANY_SIGNED_IN, SPACE)
  async history(
    @Param('ref') ref: string,
    @Query('year') year: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.history(ref, year, lang), lang);
  }

  @Get('spaces/:ref/training')
  @Access(ANY_SIGNED_IN, SPACE)
  async training(
    @Param('ref') ref: string,
    @Query('saved') saved: string | undefined,
    @Query('year') year: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(
      req,
      reply,
      await this.pages.trainingPage(ref, lang, { savedRef: saved, year }),
      lang,
    );
  }

  @Post('spaces/:ref/training')
  @Access(ANY_SIGNED_IN, SPACE)
  async addTraining(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() body: AnyBody,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return answer(this.renderer, req, reply, await this.pages.submitTraining(principal, ref, body, lang));
  }

  @Get('spaces/:ref/registry')
  @Access(ANY_SIGNED_IN, SPACE)
  async registry(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Query('saved') saved: string | undefined,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.registry(principal, ref, lang, saved), lang);
  }

  @Get('imports')
  @Access(ANY_SIGNED_IN)
  async importForm(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, this.pages.importPage(lang, query), lang);
  }

  @Post('imports')
  @Access(ANY_SIGNED_IN)
  async upload(
    @CurrentPrincipal() principal: Principal,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return answer(
      this.renderer,
      req,
      reply,
      await this.pages.submitImport(principal, await uploadOf(req), lang),
    );
  }
}

type MultipartRequest = FastifyRequest & {
  isMultipart?: () => boolean;
  file?: () => Promise<
    { fieldname: string; filename: string; file: Readable; fields: Record<string, unknown> } | undefined
  >;
};

/** The form's file part and the fields sent before it (the kind and the dry-run box). */
async function uploadOf(req: FastifyRequest): Promise<CsvUpload | null> {
  const multipart = req as MultipartRequest;
  if (!multipart.isMultipart?.() || !multipart.file) return null;
  const part = await multipart.file();
  if (!part) return null;
  const field = (name: string) => {
    const value = (part.fields[name] as { value?: unknown } | undefined)?.value;
    return typeof value === 'string' ? value : null;
  };
  return {
    kind: field('kind'),
    dryRun: field('dryRun') === 'true',
    hasFile: part.fieldname === 'file' && part.filename !== '',
    file: part.file,
  };
}

/** The public pages: the finder, a space's page and the accessibility statement. */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class PublicPagesController {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly pages: PublicPagesService,
  ) {}

  @Get()
  @Access('public')
  home(@Req() req: FastifyRequest & { principal?: Principal }, @Res() reply: FastifyReply) {
    return reply.redirect(req.principal ? homeOf(req.principal.role) : '/find', 302);
  }

  @Get('find')
  @Access('public')
  async find(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.find(query, lang), lang);
  }

  @Get('find/:ref')
  @Access('public')
  async space(
    @Param('ref') ref: string,
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, await this.pages.space(ref, query, lang), lang);
  }

  @Get('accessibility')
  @Access('public')
  accessibility(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const lang = this.renderer.language(req, reply);
    return this.renderer.render(req, reply, this.pages.accessibility(lang), lang);
  }
}
