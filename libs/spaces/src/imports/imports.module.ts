import { Module } from '@nestjs/common';
import { RegistryCoreModule } from '../registry-core.module.js';
import { ImportKindRegistry } from './import-kind.registry.js';
import { ImportUploadService } from './import-upload.service.js';
import { ExportsController, ImportsController } from './imports.controller.js';
import { ImportsRepository } from './imports.repository.js';
import { ImportsService } from './imports.service.js';
import { RegistryImportKinds } from './kinds/registry-import-kinds.js';

/**
 * CSV import and export of every record kind. Other libs register their kinds into the exported
 * ImportKindRegistry; the CLI uses ImportsService directly.
 */
@Module({
  imports: [RegistryCoreModule],
  controllers: [ImportsController, ExportsController],
  providers: [
    ImportKindRegistry,
    ImportsRepository,
    ImportsService,
    ImportUploadService,
    RegistryImportKinds,
  ],
  exports: [ImportKindRegistry, ImportsService],
})
export class ImportsModule {}
