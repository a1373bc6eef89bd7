import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LabelScheme } from '../rules/label-scheme.rule.js';

export interface StoredScheme {
  scheme: string;
  version: string;
  regionCode: string;
  validityYears: number;
  definition: LabelScheme;
  loadedAt: Date;
}

const COLUMNS = `scheme, version, trim(region_code) AS "regionCode", validity_years AS "validityYears",
  definition, loaded_at AS "loadedAt"`;

/** All SQL of label schemes. */
@Injectable()
export class LabelSchemesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a version unless it exists, and says whether the stored one is the same (jsonb equality
   * ignores key order and spacing). Never overwrites: two processes starting together are both safe.
   */
  async storeIfAbsent(scheme: LabelScheme): Promise<{ sameAsStored: boolean }> {
    const json = JSON.stringify(scheme);
    await this.dataSource.query(
      `INSERT INTO label_schemes (scheme, version, region_code, validity_years, definition)
       VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (scheme, version) DO NOTHING`,
      [scheme.scheme, scheme.version, scheme.region, scheme.validityYears, json],
    );
    const [row] = await this.dataSource.query(
      `SELECT definition = $3::jsonb AS same FROM label_schemes WHERE scheme = $1 AND version = $2`,
      [scheme.scheme, scheme.version, json],
    );
    return { sameAsStored: row.same === true };
  }

  list(): Promise<StoredScheme[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM label_schemes ORDER BY scheme, version`);
  }

  async find(scheme: string, version: string): Promise<StoredScheme | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM label_schemes WHERE scheme = $1 AND version = $2`,
      [scheme, version],
    );
    return row ?? null;
  }

  /** The newest version of a scheme (versions compared as numbers when they are, e.g. 2007 < 2021). */
  async latest(scheme: string): Promise<StoredScheme | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM label_schemes WHERE scheme = $1
       ORDER BY CASE WHEN version ~ '^[0-9]+$' THEN version::numeric END DESC NULLS LAST, loaded_at DESC LIMIT 1`,
      [scheme],
    );
    return row ?? null;
  }
}
