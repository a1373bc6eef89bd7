import { Module } from '@nestjs/common';
import { ActivityModule } from '../../../../libs/activity/src/index.js';
import { RegistryModule } from '../../../../libs/spaces/src/index.js';
import { CoordinatorPagesService } from './coordinator-pages.service.js';
import { MunicipalityLookupRepository } from './municipality-lookup.repository.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { PageRenderer } from './page-renderer.js';
import {
  AuthPagesController,
  CoordinatorPagesController,
  PublicPagesController,
} from './pages.controllers.js';
import { PublicPagesService } from './public-pages.service.js';
import { LabelsModule } from './lib-services.js';
import { StaffLabelsRepository } from './staff-labels.repository.js';
import { StaffPagesController } from './staff-pages.controller.js';
import { StaffPagesService } from './staff-pages.service.js';

/** Server-rendered pages for coordinators and the public, on the same services as the API. */
@Module({
  imports: [RegistryModule, ActivityModule, LabelsModule],
  controllers: [AuthPagesController, CoordinatorPagesController, PublicPagesController, StaffPagesController],
  providers: [
    PageRenderer,
    PageExceptionFilter,
    CoordinatorPagesService,
    PublicPagesService,
    MunicipalityLookupRepository,
    StaffPagesService,
    StaffLabelsRepository,
  ],
  exports: [PageRenderer],
})
export class PagesModule {}
