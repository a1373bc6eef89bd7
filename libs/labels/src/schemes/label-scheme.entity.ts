import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One version of a label scheme, as loaded from config/labels/*.json. A stored version is never changed. */
@Entity('label_schemes')
@Unique('uq_label_schemes_version', ['scheme', 'version'])
export class LabelSchemeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  scheme: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ name: 'region_code', type: 'character', length: 3 })
  regionCode: string;

  @Column({ name: 'validity_years', type: 'smallint' })
  validityYears: number;

  /** The whole scheme file: criteria, thresholds, where each number comes from. */
  @Column({ type: 'jsonb' })
  definition: Record<string, unknown>;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt: Date;
}
