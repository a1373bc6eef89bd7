import { Injectable } from '@nestjs/common';
import { notFound, validationFailed, type Language } from '../../../core/src/index.js';
import { brusselsToday } from '../../../activity/src/index.js';
import { LabelDecisionsRepository } from '../decisions/label-decisions.repository.js';
import { LabelSchemesService } from '../schemes/label-schemes.service.js';
import type { CertificateVerificationDto } from '../decisions/dto/decision.dto.js';
import { CERTIFICATE_TEMPLATE, CERTIFICATE_TEXTS, REGION_NAMES } from './certificate.template.js';

/** The certificate of a space's label in force, and the public check of a certificate's code. */
/** What a later decision can make of a granted label, short of renewing it. */
const ENDED = new Set(['expired', 'suspended', 'withdrawn']);

/** The letters and digits of a code: none that look alike (see newVerificationCode). */
const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{16}$/;

/**
 * A code as printed (`ABCD-EFGH-JKMN-PQRS`) from one typed or read aloud: any case, with or without
 * the dashes, with spaces; null when it cannot be a code.
 */
export function normaliseCertificateCode(typed: string): string | null {
  const compact = typed.replace(/[\s-]/g, '').toUpperCase();
  if (!CODE.test(compact)) return null;
  return compact.match(/.{4}/g)!.join('-');
}

/** normaliseCertificateCode, or a 400 naming the field: what cannot be a code is not "not found". */
export function certificateCode(typed: string): string {
  const code = normaliseCertificateCode(typed);
  if (code === null) {
    throw validationFailed([
      {
        field: 'code',
        message:
          'code must be the 16 letters and digits printed on the certificate, like ABCD-EFGH-JKMN-PQRS.',
      },
    ]);
  }
  return code;
}

@Injectable()
export class CertificatesService {
  constructor(
    private readonly labels: LabelDecisionsRepository,
    private readonly schemes: LabelSchemesService,
  ) {}

  async render(ref: string, lang: Language, now = new Date()): Promise<string> {
    const today = brusselsToday(now);
    const label = await this.labels.currentByRef(ref, today);
    // Grants start on their decision date now; a grant dated ahead (stored before that rule) is not in
    // force yet, and a certificate printed today would claim it is.
    const notYet = label?.validFrom != null && label.validFrom > today;
    if (!label || label.status !== 'granted' || !label.verificationCode || notYet) {
      throw notFound('LABELS.NO_CURRENT_LABEL', `Space ${ref} has no label in force.`);
    }
    const scheme = await this.schemes.get(label.scheme, label.schemeVersion);
    return CERTIFICATE_TEMPLATE({
      lang,
      t: CERTIFICATE_TEXTS[lang],
      schemeTitle: scheme.definition.title[lang],
      regionName: REGION_NAMES[lang][label.regionCode] ?? label.regionCode,
      space: { name: label.spaceName, ref: label.spaceRef },
      label: {
        schemeVersion: label.schemeVersion,
        validFrom: label.validFrom,
        validUntil: label.validUntil,
        verificationCode: label.verificationCode,
      },
      // The public page that checks the code (the JSON answer is at /api/v1/public/certificates/:code).
      verifyPath: `/verify?code=${label.verificationCode}`,
    });
  }

  /**
   * Valid only when the code's decision is still the space's latest one, is a grant, and today lies
   * within its validity. A later decision supersedes the code: the status then says what became of the
   * label (expired, suspended, withdrawn), or `superseded` when a renewal gave it a new certificate.
   * A label belongs to a place where people come: once the space has closed for good, no certificate of
   * it is valid, whatever its label's status (`spaceClosedOn` says since when).
   */
  async verify(code: string, now = new Date()): Promise<CertificateVerificationDto> {
    const today = brusselsToday(now);
    const label = await this.labels.byVerificationCode(certificateCode(code), today);
    if (!label) throw notFound('LABELS.CERTIFICATE_NOT_FOUND', 'There is no certificate with this code.');
    const closedOn = label.spaceClosedOn !== null && label.spaceClosedOn < today ? label.spaceClosedOn : null;
    const inForce =
      closedOn === null &&
      !label.superseded &&
      label.status === 'granted' &&
      (label.validFrom === null || label.validFrom <= today);
    return {
      valid: inForce,
      status: !label.superseded
        ? label.status
        : ENDED.has(label.currentStatus)
          ? label.currentStatus
          : 'superseded',
      spaceName: label.spaceName,
      spaceRef: label.spaceRef,
      scheme: label.scheme,
      schemeVersion: label.schemeVersion,
      validFrom: label.validFrom,
      validUntil: label.validUntil,
      spaceClosedOn: closedOn,
    };
  }
}
