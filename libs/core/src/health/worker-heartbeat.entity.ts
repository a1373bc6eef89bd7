import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Written by the worker through its heartbeat job; read by /health/ready. */
@Entity('worker_heartbeats')
export class WorkerHeartbeatEntity {
  @PrimaryColumn({ name: 'worker_id', type: 'text' })
  workerId: string;

  @Column({ name: 'seen_at', type: 'timestamptz' })
  seenAt: Date;

  @Column({ name: 'backend', type: 'text' })
  backend: string;
}
