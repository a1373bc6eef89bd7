import { Module } from '@nestjs/common';
import { RegistryCoreModule } from '../../spaces/src/index.js';

/** Services of the labels lib, for any app. */
@Module({
  imports: [RegistryCoreModule],
  providers: [],
  exports: [],
})
export class LabelsModule {}

/** HTTP routes of the labels lib. */
@Module({
  imports: [LabelsModule],
  controllers: [],
})
export class LabelsHttpModule {}

/** Worker side of the labels lib. */
@Module({
  imports: [LabelsModule],
  providers: [],
})
export class LabelsWorkerModule {}
