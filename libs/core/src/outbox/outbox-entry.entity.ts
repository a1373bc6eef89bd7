import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Work to queue, written in the same transaction as the change that calls for it. The relay moves it
 * to the queue with the entry's id as the job id, so a crash between commit and enqueue loses nothing
 * and a second relay of the same entry queues nothing twice.
 */
@Entity('outbox')
@Index('idx_outbox_pending', ['createdAt'], { where: 'relayed_at IS NULL' })
export class OutboxEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
