import { LabelEvaluationResultEntity } from './evaluations/evaluation-result.entity.js';
import { LabelEvaluationRunEntity } from './evaluations/evaluation-run.entity.js';
import { LabelSchemeEntity } from './schemes/label-scheme.entity.js';

/** The lib's TypeORM entities (its tables are created by the migrations in libs/core). */
export const LABELS_ENTITIES: Array<new () => object> = [
  LabelSchemeEntity,
  LabelEvaluationRunEntity,
  LabelEvaluationResultEntity,
];
