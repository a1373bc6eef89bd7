import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The result of one space in one run: every criterion with its measured value, threshold, outcome
 * and evidence. Keyed by (run, space): a retried or duplicated job never stores a second one.
 */
@Entity('label_evaluation_results')
@Unique('uq_label_evaluation_results_key', ['runId', 'spaceId'])
export class LabelEvaluationResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @Column({ type: 'boolean' })
  eligible: boolean;

  @Column({ name: 'weeks_with_data', type: 'integer' })
  weeksWithData: number;

  /** Per criterion: criterion, metric, measured, threshold, operator, outcome, mandatory, evidence. */
  @Column({ type: 'jsonb' })
  criteria: unknown[];

  /** The records counted: weeks, training sessions, equipment and animators (refs). */
  @Column({ type: 'jsonb' })
  evidence: Record<string, unknown>;

  @Column({ name: 'evaluated_at', type: 'timestamptz', default: () => 'now()' })
  evaluatedAt: Date;
}
