import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MailService } from '../../../core/src/index.js';
import { AuditService } from '../../../spaces/src/index.js';
import { brusselsToday } from '../../../activity/src/index.js';
import { labelExpiryMail } from './label-expiry-mail.js';
import { LabelExpiryRepository } from './label-expiry.repository.js';

export interface ExpiryRun {
  today: string;
  expired: number;
  reminded: number;
  emailed: number;
}

/**
 * The daily job: expire ended grants and suspensions (new history rows, audited) and warn 60 days
 * ahead of a grant's end. Idempotent.
 */
@Injectable()
export class LabelExpiryService {
  private readonly logger = new Logger(LabelExpiryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: LabelExpiryRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  async run(now: Date): Promise<ExpiryRun> {
    const today = brusselsToday(now);
    const expired = await this.dataSource.transaction(async (m) => {
      const rows = await this.repo.expire(m, today);
      await this.audit.record(
        m,
        null,
        rows.map((r) => ({
          action: 'create' as const,
          entity: 'label',
          entityId: r.id,
          spaceId: r.spaceId,
          regionCode: r.regionCode,
          before: { id: r.previousId, status: r.previousStatus, validUntil: r.validUntil },
          after: {
            id: r.id,
            status: 'expired',
            decision: 'expire',
            scheme: r.scheme,
            schemeVersion: r.schemeVersion,
            validFrom: r.validFrom,
            validUntil: r.validUntil,
          },
        })),
      );
      return rows.length;
    });
    const reminded = await this.repo.recordReminders(today);
    let emailed = 0;
    if (this.mail.configured) {
      for (const pending of await this.repo.pendingMails()) {
        // One mail at a time, marked at once: a crash never sends one twice on retry.
        await this.mail.send(labelExpiryMail(pending));
        await this.repo.markEmailed(pending.id);
        emailed += 1;
      }
    }
    this.logger.log({ today, expired, reminded, emailed }, 'label expiry done');
    return { today, expired, reminded, emailed };
  }
}
