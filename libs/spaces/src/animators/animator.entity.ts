import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A person who animates spaces. Only professional contact is kept; anonymising clears name and contact. */
@Entity('animators')
export class AnimatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  ref: string;

  /** null once anonymised. */
  @Column({ type: 'text', nullable: true })
  name: string | null;

  /** Professional e-mail address only. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** Professional phone number only. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** Diplomas or certificates, as typed (e.g. "Animateur multimédia (Forem)"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  qualifications: string[];

  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
