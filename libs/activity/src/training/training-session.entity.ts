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

export const TRAINING_THEMES = [
  'basic_skills',
  'e_administration',
  'job_search',
  'online_safety',
  'communication',
  'media_literacy',
  'office',
  'creative',
  'other',
] as const;
export type TrainingTheme = (typeof TRAINING_THEMES)[number];
export const TRAINING_FORMATS = ['individual', 'workshop', 'course'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];

/** An organised learning moment at a space (key: space + ref). */
@Entity('training_sessions')
@Unique('uq_training_sessions_key', ['spaceId', 'ref'])
@Index('idx_training_sessions_date', ['date', 'spaceId'])
export class TrainingSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @Column({ type: 'text' })
  ref: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  theme: TrainingTheme;

  @Column({ type: 'text' })
  format: TrainingFormat;

  @Column({ name: 'duration_hours', type: 'numeric', precision: 4, scale: 2 })
  durationHours: string;

  @Column({ type: 'integer' })
  participants: number;

  @Column({ name: 'new_participants', type: 'integer' })
  newParticipants: number;

  @Column({ type: 'text', nullable: true })
  language: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
