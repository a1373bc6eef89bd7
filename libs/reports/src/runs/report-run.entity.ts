import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One requested report: its parameters, where the worker is with it, and its figures. `cache_key`
 * names the parameters and the data version, so the same request on unchanged data finds this run.
 */
@Entity('report_runs')
@Index('idx_report_runs_cache_key', ['cacheKey', 'createdAt'])
export class ReportRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'region_code', type: 'character', length: 3 })
  regionCode: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'text' })
  audience: string;

  @Column({ type: 'character', length: 2 })
  language: string;

  @Column({ name: 'cache_key', type: 'text' })
  cacheKey: string;

  @Column({ name: 'data_version', type: 'text' })
  dataVersion: string;

  @Column({ type: 'text', default: 'queued' })
  status: string;

  /** 0–100, set by the worker as it goes. */
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'jsonb', nullable: true })
  figures: Record<string, unknown> | null;

  /** What the renderers need beyond the figures (funding mix, spaces whose project funding ends). */
  @Column({ type: 'jsonb', nullable: true })
  annex: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
