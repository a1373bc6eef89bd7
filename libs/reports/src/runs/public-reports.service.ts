import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { notFound, type Principal } from '../../../core/src/index.js';
import { AuditService, type AuditActor } from '../../../spaces/src/index.js';
import type { PublicReportDto, PublicReportPageDto, PublicReportQueryDto } from '../dto/report.dto.js';
import type { ReportFormat } from '../figures/figures.types.js';
import { ReportRunsRepository, type StoredArtifact } from './report-runs.repository.js';
import { FIGURES_DEFINITION_VERSION } from './reports.service.js';

/** Readers without an account, as the audit trail names them. */
const ANONYMOUS: AuditActor = { userId: null, label: 'anonymous' };

/** Cache keys end in `:v<definition>@<data version>` (reportCacheKey): this definition's runs. */
const CURRENT_DEFINITION = `%:v${FIGURES_DEFINITION_VERSION}@%`;

/**
 * The published reports (domain.md: anonymous readers may read public reports). Only runs requested
 * with audience `public` and finished are ever shown, and of those only the current edition of each
 * region, year and language; anything else answers 404, as an unknown id does, so that the public
 * routes tell nothing about internal runs.
 */
@Injectable()
export class PublicReportsService {
  constructor(
    private readonly runs: ReportRunsRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(query: PublicReportQueryDto): Promise<PublicReportPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { items, total } = await this.runs.listPublished(CURRENT_DEFINITION, {
      region: query.region ?? null,
      year: query.year ?? null,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items, total, page, pageSize };
  }

  async get(id: string): Promise<PublicReportDto> {
    const run = await this.runs.findPublished(CURRENT_DEFINITION, id);
    if (!run) throw notFound('REPORTS.NOT_FOUND', 'No such report.');
    return run;
  }

  /** The stored file; who took it (a signed-in caller, or `anonymous`) is in the audit trail. */
  async download(
    principal: Principal | undefined,
    id: string,
    format: ReportFormat,
  ): Promise<StoredArtifact> {
    const run = await this.runs.findPublished(CURRENT_DEFINITION, id);
    if (!run) throw notFound('REPORTS.NOT_FOUND', 'No such report.');
    const artifact = await this.runs.artifact(id, format);
    if (!artifact) throw notFound('REPORTS.FORMAT_UNAVAILABLE', `This report has no ${format} file.`);
    // A read: it changes no data version (FiguresRepository.dataVersion leaves reads out).
    await this.audit.record(this.dataSource.manager, principal ?? ANONYMOUS, [
      {
        action: 'read',
        entity: 'report_run',
        entityId: id,
        regionCode: run.region === 'BE' ? null : run.region,
        after: { format, audience: 'public' },
      },
    ]);
    return artifact;
  }
}
