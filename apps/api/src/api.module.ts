import { Module } from '@nestjs/common';
import { ActivityHttpModule } from '../../../libs/activity/src/index.js';
import { CoreHttpModule, CoreModule } from '../../../libs/core/src/index.js';
import { LabelsHttpModule } from '../../../libs/labels/src/index.js';
import { ReportsHttpModule } from '../../../libs/reports/src/index.js';
import { RegistryModule } from '../../../libs/spaces/src/index.js';
import { PagesModule } from './pages/pages.module.js';

@Module({
  imports: [
    CoreModule.forRoot(),
    CoreHttpModule,
    RegistryModule,
    ActivityHttpModule,
    LabelsHttpModule,
    ReportsHttpModule,
    PagesModule,
  ],
})
export class ApiModule {}
