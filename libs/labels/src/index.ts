export { LABELS_ENTITIES } from './entities.js';
export { LabelsHttpModule, LabelsModule, LabelsWorkerModule } from './labels.module.js';
