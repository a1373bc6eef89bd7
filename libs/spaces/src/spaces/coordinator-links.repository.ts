import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * The coordinator–space links as one transaction of the admin's change (with its audit entry), which
 * SpaceAccessRepository.replaceLinks, running its own transaction, cannot join.
 */
@Injectable()
export class CoordinatorLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Locks the user, so that two changes of one user's links happen one after the other. */
  async lockUser(m: EntityManager, userId: string): Promise<{ id: string; role: string } | null> {
    const rows: Array<{ id: string; role: string }> = await m.query(
      `SELECT id, role FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async refsOf(m: EntityManager, userId: string): Promise<string[]> {
    const rows: Array<{ ref: string }> = await m.query(
      `SELECT s.ref FROM coordinator_spaces cs JOIN spaces s ON s.id = cs.space_id WHERE cs.user_id = $1 ORDER BY s.ref`,
      [userId],
    );
    return rows.map((row) => row.ref);
  }

  /** Makes the user's links exactly `refs`. */
  async replace(m: EntityManager, userId: string, refs: string[]): Promise<void> {
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
  }
}
