export { REPORTS_ENTITIES } from './entities.js';
export { ReportsHttpModule, ReportsModule, ReportsWorkerModule } from './reports.module.js';
export { FiguresService } from './figures/figures.service.js';
export type { ReportFigures, YearFigures, MunicipalityRow } from './figures/figures.types.js';
export { ReportsService } from './runs/reports.service.js';
export { CreateReportDto } from './dto/report.dto.js';
