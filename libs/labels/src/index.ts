export { LABELS_ENTITIES } from './entities.js';
export { LabelsHttpModule, LabelsModule, LabelsWorkerModule } from './labels.module.js';
export { EvaluationsService } from './evaluations/evaluations.service.js';
export { LabelSchemesService, SCHEMES_FOLDER, readSchemeFiles } from './schemes/label-schemes.service.js';
export { LabelExpiryService } from './expiry/label-expiry.service.js';
export { LABEL_EXPIRY_SCHEDULE } from './expiry/label-expiry.handler.js';
export * from './rules/label-scheme.rule.js';
export * from './rules/criterion.rule.js';
export * from './rules/label-decision.rule.js';
