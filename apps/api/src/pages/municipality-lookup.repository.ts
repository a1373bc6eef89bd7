import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Municipality names (NL or FR) to NIS codes, for the public finder. Read-only over the reference
 * table; the public directory service itself filters by NIS code.
 */
@Injectable()
export class MunicipalityLookupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Exact names first, then names starting with what was typed; at most `limit` municipalities. */
  async nisCodesByName(name: string, limit = 5): Promise<string[]> {
    const prefix = `${name.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: Array<{ nis_code: string }> = await this.dataSource.query(
      `SELECT nis_code
       FROM (SELECT DISTINCT ON (nis_code) nis_code,
                    (lower(name_nl) = lower($1) OR lower(name_fr) = lower($1)) AS exact,
                    least(length(name_nl), length(name_fr)) AS len
             FROM municipalities
             WHERE lower(name_nl) LIKE $2 OR lower(name_fr) LIKE $2
             ORDER BY nis_code, reference_year DESC) m
       ORDER BY exact DESC, len, nis_code
       LIMIT $3`,
      [name, prefix, limit],
    );
    return rows.map((r) => r.nis_code.trim());
  }
}
