import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const FUNDING_SOURCES = [
  'municipality',
  'cpas',
  'region',
  'community',
  'federal',
  'eu',
  'private',
  'own_income',
  'other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_KINDS = ['structural', 'project'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

/**
 * Money a space receives in a year (key: space + year + source + programme). `programme` is '' when
 * none is named, so that the key stays unique without NULL semantics; the edges show it as null.
 */
@Entity('funding')
@Unique('uq_funding_key', ['spaceId', 'year', 'source', 'programme'])
@Index('idx_funding_year', ['year'])
export class FundingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'text' })
  source: FundingSource;

  @Column({ name: 'amount_eur', type: 'numeric', precision: 14, scale: 2 })
  amountEur: string;

  @Column({ type: 'text' })
  kind: FundingKind;

  @Column({ type: 'text', default: '' })
  programme: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
