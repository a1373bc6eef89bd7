import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const OPERATOR_TYPES = ['municipality', 'cpas', 'library', 'association', 'other'] as const;
export type OperatorType = (typeof OPERATOR_TYPES)[number];
export const PRICINGS = ['free', 'reduced_rates', 'paid'] as const;
export type Pricing = (typeof PRICINGS)[number];
/** Languages a space welcomes visitors in (ISO 639-1). */
export const SPACE_LANGUAGES = [
  'nl',
  'fr',
  'de',
  'en',
  'ar',
  'tr',
  'es',
  'it',
  'pt',
  'pl',
  'ro',
  'ru',
  'uk',
] as const;
export type SpaceLanguage = (typeof SPACE_LANGUAGES)[number];
/** What a visitor can come for; shown in the public directory. */
export const SPACE_SERVICES = [
  'free_access',
  'individual_help',
  'training',
  'e_administration_help',
  'job_search_help',
  'printing',
  'scanning',
  'wifi',
  'device_loan',
  'mobile_outreach',
] as const;
export type SpaceService = (typeof SPACE_SERVICES)[number];

/** A public computer space (or an antenna of one, when `parentId` is set). */
@Entity('spaces')
@Index('idx_spaces_region', ['regionCode'])
@Index('idx_spaces_nis', ['nisCode'])
@Index('idx_spaces_parent', ['parentId'])
@Index('idx_spaces_postcode', ['postcode'])
export class SpaceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  ref: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'nis_code', type: 'char', length: 5 })
  nisCode: string;

  /** Which municipality file the NIS code refers to (reference data is kept per year). */
  @Column({ name: 'municipality_year', type: 'smallint', default: 2020 })
  municipalityYear: number;

  /** Derived from the municipality on every write; kept here so region filters need no join. */
  @Column({ name: 'region_code', type: 'char', length: 3 })
  regionCode: string;

  @Column({ name: 'operator_type', type: 'text' })
  operatorType: OperatorType;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'text', nullable: true })
  postcode: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'text', nullable: true })
  pricing: Pricing | null;

  @Column({ name: 'open_to_all_publics', type: 'boolean', nullable: true })
  openToAllPublics: boolean | null;

  @Column({ name: 'charter_signed_on', type: 'date', nullable: true })
  charterSignedOn: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services: string[];

  @Column({ name: 'step_free_access', type: 'boolean', nullable: true })
  stepFreeAccess: boolean | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  /** Canonical OpenStreetMap `opening_hours` expression: the source of truth for the schedule. */
  @Column({ name: 'opening_hours', type: 'text', nullable: true })
  openingHours: string | null;

  /** Derived from `opening_hours` (typical week) on every write, for reports and label checks. */
  @Column({ name: 'scheduled_weekly_hours', type: 'numeric', precision: 6, scale: 2, nullable: true })
  scheduledWeeklyHours: string | null;

  @Column({ name: 'scheduled_hours_with_animator', type: 'numeric', precision: 6, scale: 2, nullable: true })
  scheduledHoursWithAnimator: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
