import { Module } from '@nestjs/common';
import { AnimatorsModule } from './animators/animators.module.js';
import { AuditController } from './audit/audit.controller.js';
import { EquipmentModule } from './equipment/equipment.module.js';
import { FundingModule } from './funding/funding.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { RegistryCoreModule } from './registry-core.module.js';
import { SpacesModule } from './spaces/spaces.module.js';

/** The space registry: what a space is, who animates it, what it owns and what funds it. */
@Module({
  imports: [RegistryCoreModule, SpacesModule, AnimatorsModule, EquipmentModule, FundingModule, ImportsModule],
  controllers: [AuditController],
  exports: [RegistryCoreModule, SpacesModule, AnimatorsModule, EquipmentModule, FundingModule, ImportsModule],
})
export class RegistryModule {}
