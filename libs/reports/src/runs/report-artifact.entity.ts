import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A rendered file of a run (html, csv, xlsx, pdf, json), written by the worker, read by the API. */
@Entity('report_artifacts')
export class ReportArtifactEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @PrimaryColumn({ type: 'text' })
  format: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'text' })
  filename: string;

  @Column({ type: 'bytea' })
  content: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
