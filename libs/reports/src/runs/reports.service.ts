import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  AppException,
  JobName,
  OutboxService,
  forbidden,
  notFound,
  type Principal,
} from '../../../core/src/index.js';
import { AuditService } from '../../../spaces/src/index.js';
import { FiguresService } from '../figures/figures.service.js';
import type { ReportFigures, ReportFormat } from '../figures/figures.types.js';
import { ReportRunsRepository, type ReportRun, type StoredArtifact } from './report-runs.repository.js';
import type { CreateReportDto } from '../dto/report.dto.js';

/**
 * Bump when a figure's definition changes, so stored runs computed the old way are not reused (nor
 * published: PublicReportsService serves this version's runs only). 2: the national public
 * suppression pattern, all weekly records of the ISO year in the sums, avgAnimatorsPresent over all
 * opening hours.
 */
export const FIGURES_DEFINITION_VERSION = 2;

export function reportCacheKey(
  p: { type: string; region: string; year: number; audience: string; language: string },
  dataVersion: string,
): string {
  return `${p.type}:${p.region}:${p.year}:${p.audience}:${p.language}:v${FIGURES_DEFINITION_VERSION}@${dataVersion}`;
}

/** API side of reports: it queues runs and reads them; the worker computes them (ReportsJobHandler). */
@Injectable()
export class ReportsService {
  constructor(
    private readonly runs: ReportRunsRepository,
    private readonly figures: FiguresService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async request(principal: Principal, dto: CreateReportDto): Promise<{ id: string; status: string }> {
    this.assertRegion(principal, dto.region);
    const params = {
      type: dto.type,
      region: dto.region,
      year: dto.year,
      audience: dto.audience ?? 'internal',
      language: dto.language ?? 'en',
    };
    const dataVersion = await this.figures.dataVersion();
    const { run, created } = await this.runs.findOrInsert(
      {
        ...params,
        regionCode: params.region,
        cacheKey: reportCacheKey(params, dataVersion),
        dataVersion,
        requestedBy: principal.userId,
      },
      dto.force === true,
      async (m, row) => {
        await this.audit.record(m, principal, [
          {
            action: 'create',
            entity: 'report_run',
            entityId: row.id,
            regionCode: params.region === 'BE' ? null : params.region,
            after: { ...params, force: dto.force === true },
          },
        ]);
        // The job is recorded with the run, in its transaction (transactional outbox).
        await this.outbox.add(m, JobName.ReportsGenerate, { reportId: row.id });
      },
    );
    // A run found in the store is not queued again; a new one is relayed now (or by the worker's poller).
    if (created) await this.outbox.relayAfterCommit();
    return { id: run.id, status: run.status };
  }

  async get(
    principal: Principal,
    id: string,
  ): Promise<{
    id: string;
    status: ReportRun['status'];
    progress: number;
    figures?: ReportFigures;
    error?: string;
  }> {
    const run = await this.readable(principal, id);
    return {
      id: run.id,
      status: run.status,
      progress: run.progress,
      ...(run.figures ? { figures: run.figures } : {}),
      ...(run.error ? { error: run.error } : {}),
    };
  }

  async download(principal: Principal, id: string, format: ReportFormat): Promise<StoredArtifact> {
    const run = await this.readable(principal, id);
    if (run.status !== 'done') {
      throw new AppException('REPORTS.NOT_READY', 'The report is not ready yet.', 409, {
        status: run.status,
      });
    }
    const artifact = await this.runs.artifact(id, format);
    if (!artifact) throw notFound('REPORTS.FORMAT_UNAVAILABLE', `This report has no ${format} file.`);
    // Who took which figures out of the system is part of the trail (a read: it changes no data version).
    await this.audit.record(this.dataSource.manager, principal, [
      {
        action: 'read',
        entity: 'report_run',
        entityId: id,
        regionCode: run.regionCode === 'BE' ? null : run.regionCode,
        after: { format, audience: run.audience },
      },
    ]);
    return artifact;
  }

  private async readable(principal: Principal, id: string): Promise<ReportRun> {
    const run = await this.runs.find(id);
    if (!run) throw notFound('REPORTS.NOT_FOUND', 'No such report.');
    this.assertRegion(principal, run.regionCode);
    return run;
  }

  /** Admins: any region and BE. Regional staff: their own region only (BE covers other regions). */
  private assertRegion(principal: Principal, region: string): void {
    if (principal.role === 'admin') return;
    if (principal.role === 'regional_staff' && principal.regionCode?.trim() === region) return;
    throw forbidden('You can only ask for reports on your own region.', 'REPORTS.REGION_FORBIDDEN');
  }
}
