import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const ASSIGNMENT_ROLES = ['animator', 'project_lead', 'volunteer'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const CONTRACTS = ['employee', 'social_economy', 'volunteer', 'other'] as const;
export type Contract = (typeof CONTRACTS)[number];

/** An animator's assignment at one space, from `startsOn` (key: animator + space + start). */
@Entity('animator_assignments')
@Unique('uq_animator_assignments_key', ['animatorId', 'spaceId', 'startsOn'])
@Index('idx_animator_assignments_space', ['spaceId'])
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'animator_id', type: 'uuid' })
  animatorId: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @Column({ type: 'text' })
  role: AssignmentRole;

  @Column({ type: 'text', nullable: true })
  contract: Contract | null;

  @Column({ type: 'numeric', precision: 4, scale: 3 })
  fte: string;

  /** Whether the animator holds a recognised qualification for this work. */
  @Column({ type: 'boolean', default: false })
  qualified: boolean;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
