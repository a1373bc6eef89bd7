import { Module } from '@nestjs/common';
import { RegistryCoreModule } from '../registry-core.module.js';
import { EquipmentController } from './equipment.controller.js';
import { EquipmentRepository } from './equipment.repository.js';
import { EquipmentService } from './equipment.service.js';

@Module({
  imports: [RegistryCoreModule],
  controllers: [EquipmentController],
  providers: [EquipmentRepository, EquipmentService],
  exports: [EquipmentService],
})
export class EquipmentModule {}
