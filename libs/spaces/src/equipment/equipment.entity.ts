import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const EQUIPMENT_TYPES = ['desktop', 'laptop', 'tablet', 'printer', '3d_printer', 'other'] as const;
export type EquipmentType = (typeof EQUIPMENT_TYPES)[number];
export const PROVENANCES = [
  'purchase',
  'regional_programme',
  'donation',
  'decommissioned_admin',
  'other',
] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** An item or a batch of identical items at a space (key: space + ref). */
@Entity('equipment')
@Unique('uq_equipment_key', ['spaceId', 'ref'])
export class EquipmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @Column({ type: 'text' })
  ref: string;

  @Column({ type: 'text' })
  type: EquipmentType;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'acquired_on', type: 'date', nullable: true })
  acquiredOn: string | null;

  @Column({ name: 'retired_on', type: 'date', nullable: true })
  retiredOn: string | null;

  @Column({ type: 'text', nullable: true })
  provenance: Provenance | null;

  @Column({ name: 'free_software', type: 'boolean', nullable: true })
  freeSoftware: boolean | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
