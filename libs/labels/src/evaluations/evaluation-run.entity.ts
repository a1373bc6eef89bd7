import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const EVALUATION_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/**
 * One evaluation run of a scheme version: for one space (`space_id`) or a whole region. The window
 * and the scheme version are fixed when the run is created, so a rerun on the same data is identical.
 */
@Entity('label_evaluation_runs')
@Index('idx_label_evaluation_runs_region', ['regionCode', 'createdAt'])
export class LabelEvaluationRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  scheme: string;

  @Column({ name: 'scheme_version', type: 'text' })
  schemeVersion: string;

  @Column({ name: 'region_code', type: 'character', length: 3 })
  regionCode: string;

  /** Set for a one-space run; null for a region run. */
  @Column({ name: 'space_id', type: 'uuid', nullable: true })
  spaceId: string | null;

  @Column({ type: 'date' })
  until: string;

  @Column({ name: 'window_from', type: 'date' })
  windowFrom: string;

  @Column({ name: 'window_to', type: 'date' })
  windowTo: string;

  @Column({ type: 'text', default: 'queued' })
  status: EvaluationStatus;

  /** Spaces to evaluate, fixed at creation: progress is results / total. */
  @Column({ type: 'integer' })
  total: number;

  @Column({ name: 'eligible_count', type: 'integer', nullable: true })
  eligibleCount: number | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
