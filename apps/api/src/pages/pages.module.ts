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

/** Server-rendered pages for coordinators and the public, on the same services as the API. */
@Module({
  imports: [RegistryModule, ActivityModule],
  controllers: [AuthPagesController, CoordinatorPagesController, PublicPagesController],
  providers: [
    PageRenderer,
    PageExceptionFilter,
    CoordinatorPagesService,
    PublicPagesService,
    MunicipalityLookupRepository,
  ],
  exports: [PageRenderer],
})
export class PagesModule {}
