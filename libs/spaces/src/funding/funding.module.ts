import { Module } from '@nestjs/common';
import { RegistryCoreModule } from '../registry-core.module.js';
import { FundingWarningsController, SpaceFundingController } from './funding.controller.js';
import { FundingRepository } from './funding.repository.js';
import { FundingService } from './funding.service.js';

@Module({
  imports: [RegistryCoreModule],
  controllers: [SpaceFundingController, FundingWarningsController],
  providers: [FundingRepository, FundingService],
  exports: [FundingService],
})
export class FundingModule {}
