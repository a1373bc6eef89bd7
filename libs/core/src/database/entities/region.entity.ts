import { Column, Entity, PrimaryColumn } from 'typeorm';

/** BRU, WAL, VLA. Reference data, loaded by migration. */
@Entity('regions')
export class RegionEntity {
  @PrimaryColumn({ type: 'char', length: 3 })
  code: string;

  @Column({ name: 'name_nl', type: 'text' })
  nameNl: string;

  @Column({ name: 'name_fr', type: 'text' })
  nameFr: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;
}
