import { Module } from '@nestjs/common';
import { RegistryCoreModule } from '../registry-core.module.js';
import { AnimatorAccessRegistration } from './animator-access.registration.js';
import { AnimatorsController, SpaceAnimatorsController } from './animators.controller.js';
import { AnimatorsRepository } from './animators.repository.js';
import { AnimatorsService } from './animators.service.js';

@Module({
  imports: [RegistryCoreModule],
  controllers: [AnimatorsController, SpaceAnimatorsController],
  providers: [AnimatorsRepository, AnimatorsService, AnimatorAccessRegistration],
  exports: [AnimatorsService],
})
export class AnimatorsModule {}
