import { Entity, Index, PrimaryColumn } from 'typeorm';

/** An animator who ran a training session. */
@Entity('training_session_animators')
@Index('idx_training_session_animators_animator', ['animatorId'])
export class TrainingSessionAnimatorEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'animator_id', type: 'uuid' })
  animatorId: string;
}
