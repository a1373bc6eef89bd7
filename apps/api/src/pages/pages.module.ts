import { Global, Module } from '@nestjs/common';
import { ActivityModule } from '../../../../libs/activity/src/index.js';
import { RegistryModule } from '../../../../libs/spaces/src/index.js';
import { CoordinatorPagesService } from './coordinator-pages.service.js';
import { MunicipalityLookupRepository } from './municipality-lookup.repository.js';
import { ErrorPages } from '../../../../libs/core/src/index.js';
import { PageErrorPages, PageExceptionFilter } from './page-exception.filter.js';
import { PageRenderer } from './page-renderer.js';
import {
  AuthPagesController,
  CoordinatorPagesController,
  PublicPagesController,
} from './pages.controllers.js';
import { PublicPagesService } from './public-pages.service.js';
import { LabelsModule, ReportsModule } from './lib-services.js';
import { AdminPagesController } from './admin-pages.controller.js';
import { ADMIN_PAGES_PROVIDERS } from './admin-pages.service.js';
import { HoursPagesController } from './hours-pages.controller.js';
import { HOURS_PAGES_PROVIDERS } from './hours-pages.service.js';
import { LabelPagesController } from './label-pages.controller.js';
import { LABEL_PAGES_PROVIDERS } from './label-pages.service.js';
import { RegistryPagesController } from './registry-pages.controller.js';
import { REGISTRY_PAGES_PROVIDERS } from './registry-pages.service.js';
import { REMINDER_PAGES_PROVIDERS } from './reminder-pages.service.js';
import { ReportPagesController } from './report-pages.controller.js';
import { REPORT_PAGES_PROVIDERS } from './report-pages.service.js';
import { StaffLabelsRepository } from './staff-labels.repository.js';
import { StaffPagesController } from './staff-pages.controller.js';
import { StaffPagesService } from './staff-pages.service.js';

/** Server-rendered pages for coordinators, staff, admins and the public, on the same services as the API. */
// Global so that core's exception filter finds ErrorPages and answers errors on page addresses with pages.
@Global()
@Module({
  imports: [RegistryModule, ActivityModule, LabelsModule, ReportsModule],
  controllers: [
    AuthPagesController,
    CoordinatorPagesController,
    PublicPagesController,
    StaffPagesController,
    LabelPagesController,
    ReportPagesController,
    AdminPagesController,
    HoursPagesController,
    RegistryPagesController,
  ],
  providers: [
    PageRenderer,
    PageExceptionFilter,
    { provide: ErrorPages, useClass: PageErrorPages },
    CoordinatorPagesService,
    PublicPagesService,
    MunicipalityLookupRepository,
    StaffPagesService,
    StaffLabelsRepository,
    ...LABEL_PAGES_PROVIDERS,
    ...REPORT_PAGES_PROVIDERS,
    ...ADMIN_PAGES_PROVIDERS,
    ...HOURS_PAGES_PROVIDERS,
    ...REGISTRY_PAGES_PROVIDERS,
    ...REMINDER_PAGES_PROVIDERS,
  ],
  exports: [PageRenderer, ErrorPages],
})
export class PagesModule {}
