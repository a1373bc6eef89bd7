import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A coordinator's link to a space; it also covers the space's antennas. */
@Entity('coordinator_spaces')
@Index('idx_coordinator_spaces_space', ['spaceId'])
export class CoordinatorSpaceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'space_id', type: 'uuid' })
  spaceId: string;
}
