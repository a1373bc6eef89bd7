import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ImportKindRegistry } from '../../../spaces/src/index.js';
import { trainingSessionsImportKind } from './training-sessions.import-kind.js';
import { weeklyActivityImportKind } from './weekly-activity.import-kind.js';

/** Adds `weekly-activity` and `training-sessions` to the registry's import pipeline. */
@Injectable()
export class ActivityImportKinds implements OnModuleInit {
  constructor(private readonly kinds: ImportKindRegistry) {}

  onModuleInit(): void {
    this.kinds.register(weeklyActivityImportKind);
    this.kinds.register(trainingSessionsImportKind);
  }
}
