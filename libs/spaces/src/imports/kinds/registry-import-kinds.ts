import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ImportKindRegistry } from '../import-kind.registry.js';
import { animatorsImportKind } from './animators.import-kind.js';
import { equipmentImportKind } from './equipment.import-kind.js';
import { fundingImportKind } from './funding.import-kind.js';
import { spacesImportKind } from './spaces.import-kind.js';

/** The registry lib's own kinds; the activity lib registers its kinds the same way. */
@Injectable()
export class RegistryImportKinds implements OnModuleInit {
  constructor(private readonly kinds: ImportKindRegistry) {}

  onModuleInit(): void {
    for (const kind of [spacesImportKind, animatorsImportKind, equipmentImportKind, fundingImportKind]) {
      this.kinds.register(kind);
    }
  }
}
