import { Body, Controller, Get, Header, Headers, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  ANY_SIGNED_IN,
  Access,
  CurrentPrincipal,
  Public,
  STAFF,
  negotiateLanguage,
  type Principal,
} from '../../../core/src/index.js';
import { CertificatesService } from '../certificate/certificates.service.js';
import {
  CertificateQueryDto,
  CertificateVerificationDto,
  CreateDecisionDto,
  LabelDecisionDto,
  LabelHistoryDto,
} from './dto/decision.dto.js';
import { LabelDecisionsService } from './label-decisions.service.js';

const SPACE_SCOPE = { kind: 'space', param: 'ref' } as const;

@ApiTags('labels')
@ApiBearerAuth()
@Controller('api/v1/labels/:ref')
export class LabelDecisionsController {
  constructor(
    private readonly decisions: LabelDecisionsService,
    private readonly certificates: CertificatesService,
  ) {}

  /** The label history of a space, newest first. */
  @Get()
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @ApiOkResponse({ type: LabelHistoryDto })
  async history(@Param('ref') ref: string): Promise<LabelHistoryDto> {
    return { items: await this.decisions.history(ref) };
  }

  /** Grant, refuse, suspend, withdraw or renew: regional staff of the space's region, or admins. */
  @Post('decisions')
  @Access(STAFF, SPACE_SCOPE)
  @ApiCreatedResponse({ type: LabelDecisionDto })
  decide(
    @CurrentPrincipal() principal: Principal,
    @Param('ref') ref: string,
    @Body() dto: CreateDecisionDto,
  ): Promise<LabelDecisionDto> {
    return this.decisions.decide(principal, ref, dto);
  }

  /** The printable certificate of the label in force, as HTML (print it to PDF from the browser). */
  @Get('certificate')
  @Access(ANY_SIGNED_IN, SPACE_SCOPE)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The certificate as an HTML page.' })
  certificate(
    @Param('ref') ref: string,
    @Query() query: CertificateQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<string> {
    return this.certificates.render(ref, query.lang ?? negotiateLanguage(acceptLanguage, 'fr'));
  }
}

/** Anyone may check a certificate's code. */
@ApiTags('public')
@Controller('api/v1/public/certificates')
export class CertificateVerificationController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':code')
  @Public()
  @ApiOkResponse({ type: CertificateVerificationDto })
  @ApiBadRequestResponse({
    description: 'VALIDATION.FAILED: `code` cannot be a certificate code (16 letters and digits).',
  })
  @ApiNotFoundResponse({ description: 'LABELS.CERTIFICATE_NOT_FOUND: no certificate has this code.' })
  verify(@Param('code') code: string): Promise<CertificateVerificationDto> {
    return this.certificates.verify(code);
  }
}
