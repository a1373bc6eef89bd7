import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const ROLES = ['coordinator', 'regional_staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const REGIONS = ['BRU', 'WAL', 'VLA'] as const;
export type RegionCode = (typeof REGIONS)[number];

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  /** Set for regional staff only. */
  @Column({ name: 'region_code', type: 'char', length: 3, nullable: true })
  regionCode: RegionCode | null;

  @Column({ name: 'preferred_language', type: 'char', length: 2, default: 'nl' })
  preferredLanguage: string;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
