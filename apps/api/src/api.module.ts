import { Module } from '@nestjs/common';
import { CoreHttpModule, CoreModule } from '../../../libs/core/src/index.js';

@Module({
  imports: [CoreModule.forRoot({ http: true }), CoreHttpModule],
})
export class ApiModule {}
