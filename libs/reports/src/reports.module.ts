import { Module } from '@nestjs/common';
import { RegistryCoreModule } from '../../spaces/src/index.js';

/** Services of the reports lib, for any app. */
@Module({
  imports: [RegistryCoreModule],
  providers: [],
  exports: [],
})
export class ReportsModule {}

/** HTTP routes of the reports lib. */
@Module({
  imports: [ReportsModule],
  controllers: [],
})
export class ReportsHttpModule {}

/** Worker side of the reports lib. */
@Module({
  imports: [ReportsModule],
  providers: [],
})
export class ReportsWorkerModule {}
