export { REPORTS_ENTITIES } from './entities.js';
export { ReportsHttpModule, ReportsModule, ReportsWorkerModule } from './reports.module.js';
export { FiguresService } from './figures/figures.service.js';
export type { ReportFigures, YearFigures, MunicipalityRow } from './figures/figures.types.js';
