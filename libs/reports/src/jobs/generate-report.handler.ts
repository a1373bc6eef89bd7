import { Injectable, Logger } from '@nestjs/common';
import { JobAbandoned, JobHandler, JobName, type JobPayloads } from '../../../core/src/index.js';
import { FiguresService } from '../figures/figures.service.js';
import type { ReportFormat, ReportLanguage, ReportRegion } from '../figures/figures.types.js';
import { chromiumAvailable, renderPdf } from '../render/pdf-renderer.js';
import {
  CONTENT_TYPES,
  renderCsv,
  renderHtml,
  renderJson,
  renderXlsx,
  reportFilename,
} from '../render/report-renderers.js';
import type { ReportParams } from '../render/report-view.js';
import { ReportRunsRepository, type StoredArtifact } from '../runs/report-runs.repository.js';

/** What a failed run says, whatever the cause: the cause itself is logged, not shown. */
const RUN_FAILED_ERROR = 'The report could not be produced.';

/**
 * Worker side: computes a run's figures and renders every format once, so that downloads only read.
 * Idempotent: running the same run again replaces its figures and files.
 */
@Injectable()
export class GenerateReportJobHandler {
  private readonly logger = new Logger(GenerateReportJobHandler.name);

  constructor(
    private readonly runs: ReportRunsRepository,
    private readonly figures: FiguresService,
  ) {}

  /**
   * The PDF is the one format that needs a system browser. Without it (or if it crashes) the run still
   * completes with the other formats, and downloading the PDF answers REPORTS.FORMAT_UNAVAILABLE.
   */
  private async pdf(reportId: string, html: string): Promise<Buffer[]> {
    if (!chromiumAvailable()) {
      this.logger.warn({ reportId }, 'no Chromium: the PDF is not produced');
      return [];
    }
    try {
      return [await renderPdf(html)];
    } catch (err) {
      this.logger.warn(
        { reportId, err: err instanceof Error ? err.message : String(err) },
        'PDF not produced',
      );
      return [];
    }
  }

  @JobHandler(JobName.ReportsGenerate)
  async handle(payload: JobPayloads[JobName.ReportsGenerate]): Promise<void> {
    const run = await this.runs.find(payload.reportId);
    if (!run) return; // deleted meanwhile: nothing to do
    await this.runs.markRunning(run.id);
    try {
      const params: ReportParams = {
        region: run.regionCode as ReportRegion,
        year: run.year,
        audience: run.audience,
        language: run.language as ReportLanguage,
      };
      const { figures, annex } = await this.figures.compute(
        params as ReportParams & { region: ReportRegion },
      );
      await this.runs.setProgress(run.id, 50);
      const artifact = (format: ReportFormat, content: Buffer): StoredArtifact => ({
        format,
        content,
        contentType: CONTENT_TYPES[format],
        filename: reportFilename(params, format),
      });
      const html = renderHtml(figures, annex, params);
      const artifacts = [
        artifact('json', renderJson(figures, params)),
        artifact('html', Buffer.from(html, 'utf8')),
        artifact('csv', renderCsv(figures, params)),
        artifact('xlsx', await renderXlsx(figures, params)),
      ];
      await this.runs.setProgress(run.id, 75);
      artifacts.push(...(await this.pdf(run.id, html)).map((pdf) => artifact('pdf', pdf)));
      await this.runs.complete(run.id, figures, annex, artifacts);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.error({ reportId: run.id, err: message }, 'report failed');
      // A failed run is kept with its error; a new request (or force) queues a fresh one.
      await this.runs.fail(run.id, RUN_FAILED_ERROR);
    }
  }

  /**
   * The queue gave the job up after its workers died running it (e.g. out of memory on a huge report):
   * `handle` never got to fail the run, which would otherwise say queued or running for ever. A run
   * already done is kept: the worker died after storing it.
   */
  @JobAbandoned(JobName.ReportsGenerate)
  async abandoned(payload: JobPayloads[JobName.ReportsGenerate]): Promise<void> {
    const run = await this.runs.find(payload.reportId);
    if (!run || run.status === 'done') return;
    await this.runs.fail(run.id, RUN_FAILED_ERROR);
  }
}
