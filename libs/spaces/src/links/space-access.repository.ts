import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal, ScopeDecision } from '../../../core/src/index.js';

/** All SQL behind "may this caller touch this space" and the coordinator–space links. */
@Injectable()
export class SpaceAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One query: does the space exist, and does the caller cover it (directly, or through its parent)? */
  async decide(principal: Principal, ref: string): Promise<ScopeDecision> {
    const rows: Array<{ region_code: string; linked: boolean }> = await this.dataSource.query(
      `SELECT s.region_code,
              EXISTS (SELECT 1 FROM coordinator_spaces cs
                      WHERE cs.user_id = $2 AND (cs.space_id = s.id OR cs.space_id = s.parent_id)) AS linked
       FROM spaces s WHERE s.ref = $1`,
      [ref, principal.userId],
    );
    if (rows.length === 0) return 'not_found';
    const [space] = rows;
    if (principal.role === 'admin') return 'allow';
    if (principal.role === 'regional_staff')
      return space.region_code === principal.regionCode ? 'allow' : 'deny';
    return space.linked ? 'allow' : 'deny';
  }

  async missingRefs(refs: string[]): Promise<string[]> {
    const rows: Array<{ ref: string }> = await this.dataSource.query(
      `SELECT r.ref FROM unnest($1::text[]) AS r(ref) WHERE NOT EXISTS (SELECT 1 FROM spaces s WHERE s.ref = r.ref)`,
      [refs],
    );
    return rows.map((r) => r.ref);
  }

  /** Replaces nothing: adds the links that are missing. */
  async link(userId: string, refs: string[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO coordinator_spaces (user_id, space_id)
       SELECT $1, s.id FROM spaces s WHERE s.ref = ANY($2::text[]) ON CONFLICT DO NOTHING`,
      [userId, refs],
    );
  }

  /** Makes the user's links exactly `refs`. */
  async replaceLinks(userId: string, refs: string[]): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `DELETE FROM coordinator_spaces cs USING spaces s
         WHERE cs.user_id = $1 AND cs.space_id = s.id AND NOT (s.ref = ANY($2::text[]))`,
        [userId, refs],
      );
      await m.query(
        `INSERT INTO coordinator_spaces (user_id, space_id)
         SELECT $1, s.id FROM spaces s WHERE s.ref = ANY($2::text[]) ON CONFLICT DO NOTHING`,
        [userId, refs],
      );
    });
  }

  async refsOf(userId: string): Promise<string[]> {
    const rows: Array<{ ref: string }> = await this.dataSource.query(
      `SELECT s.ref FROM coordinator_spaces cs JOIN spaces s ON s.id = cs.space_id WHERE cs.user_id = $1 ORDER BY s.ref`,
      [userId],
    );
    return rows.map((r) => r.ref);
  }
}
