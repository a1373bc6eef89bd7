import { Module } from '@nestjs/common';
import { UsersSpacesController } from '../links/users-spaces.controller.js';
import { PublicSpacesController } from '../public/public-spaces.controller.js';
import { PublicSpacesRepository } from '../public/public-spaces.repository.js';
import { PublicSpacesService } from '../public/public-spaces.service.js';
import { RegistryCoreModule } from '../registry-core.module.js';
import { CoordinatorLinksRepository } from './coordinator-links.repository.js';
import { CoordinatorLinksService } from './coordinator-links.service.js';
import { OpeningHoursController } from './opening-hours.controller.js';
import { OpeningHoursService } from './opening-hours.service.js';
import { SpacesController } from './spaces.controller.js';
import './spaces.messages.js';
import { SpacesRepository } from './spaces.repository.js';
import { SpacesService } from './spaces.service.js';

/** Spaces and antennas, their opening hours, the public directory and coordinators' links to spaces. */
@Module({
  imports: [RegistryCoreModule],
  controllers: [SpacesController, OpeningHoursController, PublicSpacesController, UsersSpacesController],
  providers: [
    SpacesRepository,
    SpacesService,
    OpeningHoursService,
    PublicSpacesRepository,
    PublicSpacesService,
    CoordinatorLinksRepository,
    CoordinatorLinksService,
  ],
  exports: [SpacesService, PublicSpacesService, OpeningHoursService, CoordinatorLinksService],
})
export class SpacesModule {}
