import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const LABEL_STATUSES = ['granted', 'refused', 'suspended', 'withdrawn', 'expired'] as const;
export type LabelStatus = (typeof LABEL_STATUSES)[number];

/**
 * One label decision for a space (append-only history: a new decision is a new row). The space's
 * current label is its latest decision. The registry reads it for filters and the public directory;
 * the labels lib writes it.
 */
@Entity('labels')
@Index('idx_labels_space', ['spaceId', 'decidedAt'])
export class LabelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @Column({ type: 'text' })
  scheme: string;

  @Column({ name: 'scheme_version', type: 'text' })
  schemeVersion: string;

  @Column({ type: 'text' })
  status: LabelStatus;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', default: () => 'now()' })
  decidedAt: Date;
}
