import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * Something a user should act on (a missing week, a label about to expire). `subject` identifies what
 * it is about (e.g. `BRU-014/2026-W46`), so the job that records reminders can run twice without
 * recording one twice.
 */
@Entity('reminders')
@Unique('uq_reminders_subject', ['userId', 'kind', 'subject'])
@Index('idx_reminders_user', ['userId', 'createdAt'])
export class ReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'space_id', type: 'uuid', nullable: true })
  spaceId: string | null;

  /** Ids and codes only (week, label id); the text is rendered in the reader's language. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
