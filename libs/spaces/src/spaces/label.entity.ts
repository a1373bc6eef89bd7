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

  // Written by the labels lib (its migration adds these columns); null on rows recorded before it.

  /** The decision that made this row: grant, refuse, suspend, withdraw, renew, or expire (the daily job). */
  @Column({ type: 'text', nullable: true })
  decision: string | null;

  /** The evaluation run the decision rests on. */
  @Column({ name: 'evaluation_id', type: 'uuid', nullable: true })
  evaluationId: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'text', nullable: true })
  justification: string | null;

  /** The code printed on the certificate of a grant or renewal; the public checks it. */
  @Index('uq_labels_verification_code', { unique: true })
  @Column({ name: 'verification_code', type: 'text', nullable: true })
  verificationCode: string | null;
}
