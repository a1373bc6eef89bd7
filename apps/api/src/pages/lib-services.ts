/** The lib services the pages call, in one place. */
export {
  CompletenessService,
  TrainingSessionsService,
  WeeksService,
} from '../../../../libs/activity/src/index.js';
export {
  AnimatorsService,
  EquipmentService,
  FundingService,
  PublicSpacesService,
  SpacesService,
} from '../../../../libs/spaces/src/index.js';
export type { PublicSpaceDto } from '../../../../libs/spaces/src/index.js';
export { EvaluationsService, LabelsModule } from '../../../../libs/labels/src/index.js';
export { ReportsModule, ReportsService } from '../../../../libs/reports/src/index.js';
export type { CreateReportDto } from '../../../../libs/reports/src/index.js';
export {
  LABEL_DECISIONS,
  LabelDecisionsService,
  type CreateDecisionDto,
  type LabelDecision,
} from '../../../../libs/labels/src/index.js';
export { CertificatesService } from '../../../../libs/labels/src/index.js';
export { LabelSchemesService } from '../../../../libs/labels/src/index.js';
export { OpeningHoursService } from '../../../../libs/spaces/src/index.js';
