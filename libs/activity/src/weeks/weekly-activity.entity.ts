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

/**
 * What a space did in one ISO week (key: space + week). Aggregate counts only: no visitor is ever
 * recorded as a person. `iso_year` and `week_start` are derived from `week` on every write, so that
 * reports group by ISO week-year and completeness compares dates without parsing text.
 */
@Entity('weekly_activity')
@Unique('uq_weekly_activity_key', ['spaceId', 'week'])
@Index('idx_weekly_activity_year', ['isoYear', 'spaceId'])
export class WeeklyActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'space_id', type: 'uuid' })
  spaceId: string;

  /** `YYYY-Www`. */
  @Column({ type: 'char', length: 8 })
  week: string;

  @Column({ name: 'iso_year', type: 'smallint' })
  isoYear: number;

  /** The Monday of the week. */
  @Column({ name: 'week_start', type: 'date' })
  weekStart: string;

  @Column({ name: 'opening_hours', type: 'numeric', precision: 5, scale: 2 })
  openingHours: string;

  @Column({ name: 'hours_with_animator', type: 'numeric', precision: 5, scale: 2, nullable: true })
  hoursWithAnimator: string | null;

  @Column({ name: 'animator_hours', type: 'numeric', precision: 7, scale: 2, nullable: true })
  animatorHours: string | null;

  @Column({ type: 'integer' })
  visits: number;

  @Column({ name: 'visits_ict_learning', type: 'integer', nullable: true })
  visitsIctLearning: number | null;

  @Column({ name: 'visits_job_search', type: 'integer', nullable: true })
  visitsJobSearch: number | null;

  @Column({ name: 'visits_leisure_culture', type: 'integer', nullable: true })
  visitsLeisureCulture: number | null;

  @Column({ name: 'visits_housing_elearning', type: 'integer', nullable: true })
  visitsHousingElearning: number | null;

  @Column({ name: 'visits_administrative', type: 'integer', nullable: true })
  visitsAdministrative: number | null;

  @Column({ name: 'visitors_women', type: 'integer', nullable: true })
  visitorsWomen: number | null;

  @Column({ name: 'visitors_job_seekers', type: 'integer', nullable: true })
  visitorsJobSeekers: number | null;

  @Column({ name: 'visitors_seniors', type: 'integer', nullable: true })
  visitorsSeniors: number | null;

  @Column({ name: 'visitors_youth', type: 'integer', nullable: true })
  visitorsYouth: number | null;

  @Column({ name: 'mobile_actions', type: 'integer', nullable: true })
  mobileActions: number | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
