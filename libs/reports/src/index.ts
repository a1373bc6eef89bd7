export { REPORTS_ENTITIES } from './entities.js';
export { ReportsHttpModule, ReportsModule, ReportsWorkerModule } from './reports.module.js';
export { FiguresService } from './figures/figures.service.js';
export type {
  ReportAnnex,
  ReportFigures,
  ReportRegion,
  YearFigures,
  MunicipalityRow,
} from './figures/figures.types.js';
// The figures' pieces the benchmark harness measures against its hand-written floor.
export { assembleFigures } from './figures/figures.assembler.js';
export { ratio, roundHalfUp } from './figures/figure-rules.js';
export {
  FiguresRepository,
  REPORT_STATEMENT_SETTINGS,
  inReportTransaction,
  type MunicipalityDbRow,
  type YearRow,
} from './figures/figures.repository.js';
export { ReportsService } from './runs/reports.service.js';
export { CreateReportDto } from './dto/report.dto.js';
