import { Injectable } from '@nestjs/common';

/** Implemented by the registry lib: which spaces a coordinator is linked to. */
export interface CoordinatorSpaceLinker {
  missingRefs(spaceRefs: string[]): Promise<string[]>;
  link(userId: string, spaceRefs: string[]): Promise<void>;
  refsOf(userId: string): Promise<string[]>;
}

/** Lets the registry lib plug coordinator–space links into user management without core knowing spaces. */
@Injectable()
export class UserLinksRegistry {
  coordinatorSpaces: CoordinatorSpaceLinker | null = null;
}
