import { Injectable } from '@nestjs/common';
import { badRequest } from '../../../core/src/index.js';
import type { ImportKind } from './import-kind.js';

const KIND_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * The record kinds the import pipeline knows. The registry lib registers spaces, animators, equipment and
 * funding; other libs (activity) register theirs from their own module's `onModuleInit`.
 */
@Injectable()
export class ImportKindRegistry {
  private readonly kinds = new Map<string, ImportKind<any, any>>();

  register(kind: ImportKind<any, any>): void {
    if (!KIND_NAME.test(kind.name)) throw new Error(`Invalid import kind name "${kind.name}".`);
    if (this.kinds.has(kind.name)) throw new Error(`Import kind "${kind.name}" is registered twice.`);
    this.kinds.set(kind.name, kind);
  }

  /** Throws 400 `IMPORT.UNKNOWN_KIND` for a name nobody registered. */
  get(name: string): ImportKind<any, any> {
    const kind = this.kinds.get(name);
    if (!kind) {
      throw badRequest('IMPORT.UNKNOWN_KIND', `There is no import or export for "${name}".`, {
        kinds: this.names(),
      });
    }
    return kind;
  }

  names(): string[] {
    return [...this.kinds.keys()].sort();
  }
}
