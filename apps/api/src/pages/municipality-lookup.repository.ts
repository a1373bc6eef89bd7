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

  /**
   * Exact names first, then names starting with what was typed; at most `limit` municipalities. Neither
   * case, accents nor hyphens and apostrophes count: "liege" finds Liège, "sint gillis" Sint-Gillis.
   */
  async nisCodesByName(name: string, limit = 5): Promise<string[]> {
    const typed = normaliseName(name);
    if (typed === '') return [];
    const prefix = `${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const nl = sqlNormalised('name_nl');
    const fr = sqlNormalised('name_fr');
    const rows: Array<{ nis_code: string }> = await this.dataSource.query(
      `SELECT nis_code
       FROM (SELECT DISTINCT ON (nis_code) nis_code,
                    (${nl} = $1 OR ${fr} = $1) AS exact,
                    least(length(name_nl), length(name_fr)) AS len
             FROM municipalities
             WHERE ${nl} LIKE $2 OR ${fr} LIKE $2
             ORDER BY nis_code, reference_year DESC) m
       ORDER BY exact DESC, len, nis_code
       LIMIT $3`,
      [typed, prefix, limit],
    );
    return rows.map((r) => r.nis_code.trim());
  }
}

/** Lower case, without accents, hyphens and apostrophes as spaces, one space at most. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[-'’\s]+/g, ' ')
    .trim();
}

// The same in SQL, for every letter the municipality names use (the reference table has no others).
const ACCENTED = "-’'àâäèéêëîïôöûüç";
const PLAIN = '   aaaeeeeiioouuc';

function sqlNormalised(column: string): string {
  return `btrim(regexp_replace(translate(lower(${column}), '${ACCENTED.replace(/'/g, "''")}', '${PLAIN}'), '\\s+', ' ', 'g'))`;
}
