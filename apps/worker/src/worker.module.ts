import { Module } from '@nestjs/common';
import { ActivityWorkerModule } from '../../../libs/activity/src/index.js';
import { CoreModule, CoreWorkerModule } from '../../../libs/core/src/index.js';
import { LabelsWorkerModule } from '../../../libs/labels/src/index.js';
import { ReportsWorkerModule } from '../../../libs/reports/src/index.js';

/** Queue processors only; no HTTP listener. Each domain lib adds its *WorkerModule here. */
@Module({
  imports: [
    CoreModule.forRoot(),
    CoreWorkerModule,
    ActivityWorkerModule,
    LabelsWorkerModule,
    ReportsWorkerModule,
  ],
})
export class WorkerModule {}
