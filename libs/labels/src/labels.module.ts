import { Module } from '@nestjs/common';
import { RegistryCoreModule } from '../../spaces/src/index.js';
import './labels.messages.js';
import { CertificatesService } from './certificate/certificates.service.js';
import {
  CertificateVerificationController,
  LabelDecisionsController,
} from './decisions/label-decisions.controller.js';
import { LabelDecisionsRepository } from './decisions/label-decisions.repository.js';
import { LabelDecisionsService } from './decisions/label-decisions.service.js';
import { EvaluationJobsHandler } from './evaluations/evaluation-jobs.handler.js';
import { EvaluationsController } from './evaluations/evaluations.controller.js';
import { EvaluationsRepository } from './evaluations/evaluations.repository.js';
import { EvaluationsService } from './evaluations/evaluations.service.js';
import { LabelFlowProducer } from './evaluations/label-flow.producer.js';
import { LabelMetricsRepository } from './evaluations/label-metrics.repository.js';
import { LabelExpiryJobHandler } from './expiry/label-expiry.handler.js';
import { LabelExpiryRepository } from './expiry/label-expiry.repository.js';
import { LabelExpiryService } from './expiry/label-expiry.service.js';
import { LabelSchemesController } from './schemes/label-schemes.controller.js';
import { LabelSchemesRepository } from './schemes/label-schemes.repository.js';
import { LabelSchemesService } from './schemes/label-schemes.service.js';

const SERVICES = [
  LabelSchemesRepository,
  LabelSchemesService,
  LabelMetricsRepository,
  EvaluationsRepository,
  EvaluationsService,
  LabelFlowProducer,
  LabelDecisionsRepository,
  LabelDecisionsService,
  CertificatesService,
  LabelExpiryRepository,
  LabelExpiryService,
];

/** Services of the labels lib, for any app. Loads the scheme files at start (both apps). */
@Module({
  imports: [RegistryCoreModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class LabelsModule {}

/** HTTP routes of the labels lib. */
@Module({
  imports: [LabelsModule],
  controllers: [
    LabelSchemesController,
    EvaluationsController,
    LabelDecisionsController,
    CertificateVerificationController,
  ],
})
export class LabelsHttpModule {}

/** Worker side: evaluation jobs (one per space, and the region's parent) and the daily expiry job. */
@Module({
  imports: [LabelsModule],
  providers: [EvaluationJobsHandler, LabelExpiryJobHandler],
})
export class LabelsWorkerModule {}
