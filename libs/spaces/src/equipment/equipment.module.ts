import { Module } from '@nestjs/common';
import { RegistryCoreModule } from '../registry-core.module.js';

@Module({
  imports: [RegistryCoreModule],
  controllers: [],
  providers: [],
  exports: [],
})
export class EquipmentModule {}
