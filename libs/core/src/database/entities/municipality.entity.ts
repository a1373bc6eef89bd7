import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A municipality for one reference year (NIS code + year), so that a later file (the 2025 mergers)
 * can be added without rewriting history.
 */
@Entity('municipalities')
@Index('idx_municipalities_region', ['regionCode', 'referenceYear'])
export class MunicipalityEntity {
  @PrimaryColumn({ name: 'nis_code', type: 'char', length: 5 })
  nisCode: string;

  @PrimaryColumn({ name: 'reference_year', type: 'smallint' })
  referenceYear: number;

  @Column({ name: 'name_nl', type: 'text' })
  nameNl: string;

  @Column({ name: 'name_fr', type: 'text' })
  nameFr: string;

  @Column({ name: 'region_code', type: 'char', length: 3 })
  regionCode: string;

  @Column({ name: 'province_nl', type: 'text', nullable: true })
  provinceNl: string | null;

  @Column({ name: 'inhabitants', type: 'integer' })
  inhabitants: number;

  @Column({ name: 'postcode', type: 'char', length: 4 })
  postcode: string;
}
