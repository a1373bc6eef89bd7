import { ReportArtifactEntity } from './runs/report-artifact.entity.js';
import { ReportRunEntity } from './runs/report-run.entity.js';

/** The lib's TypeORM entities (its tables are created by the migrations in libs/core). */
export const REPORTS_ENTITIES: Array<new () => object> = [ReportRunEntity, ReportArtifactEntity];
