export { REPORTS_ENTITIES } from './entities.js';
export { ReportsHttpModule, ReportsModule, ReportsWorkerModule } from './reports.module.js';
