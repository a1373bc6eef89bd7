import { Module } from '@nestjs/common';
import { RegistryCoreModule } from '../../spaces/src/index.js';
import { FiguresRepository } from './figures/figures.repository.js';
import { FiguresService } from './figures/figures.service.js';
import { GenerateReportJobHandler } from './jobs/generate-report.handler.js';
import './reports.messages.js';
import { PublicReportsController } from './runs/public-reports.controller.js';
import { PublicReportsService } from './runs/public-reports.service.js';
import { ReportRunsRepository } from './runs/report-runs.repository.js';
import { ReportsController } from './runs/reports.controller.js';
import { ReportsService } from './runs/reports.service.js';

const SERVICES = [
  FiguresRepository,
  FiguresService,
  ReportRunsRepository,
  ReportsService,
  PublicReportsService,
];

/** Services of the reports lib, for any app. */
@Module({
  imports: [RegistryCoreModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ReportsModule {}

/** HTTP routes of the reports lib: they queue runs and read them, never compute. */
@Module({
  imports: [ReportsModule],
  controllers: [ReportsController, PublicReportsController],
})
export class ReportsHttpModule {}

/** Worker side of the reports lib: the job that computes and renders a run. */
@Module({
  imports: [ReportsModule],
  providers: [GenerateReportJobHandler],
})
export class ReportsWorkerModule {}
