import { AnimatorEntity } from './animators/animator.entity.js';
import { AssignmentEntity } from './animators/assignment.entity.js';
import { AuditEntryEntity } from './audit/audit-entry.entity.js';
import { EquipmentEntity } from './equipment/equipment.entity.js';
import { FundingEntity } from './funding/funding.entity.js';
import { CoordinatorSpaceEntity } from './links/coordinator-space.entity.js';
import { LabelEntity } from './spaces/label.entity.js';
import { SpaceEntity } from './spaces/space.entity.js';

export const SPACES_ENTITIES = [
  SpaceEntity,
  CoordinatorSpaceEntity,
  LabelEntity,
  AnimatorEntity,
  AssignmentEntity,
  EquipmentEntity,
  FundingEntity,
  AuditEntryEntity,
];
