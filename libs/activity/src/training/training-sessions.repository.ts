import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../../../core/src/index.js';

export interface StoredSession {
  id: string;
  spaceId: string;
  ref: string;
  date: string;
  title: string;
  theme: string;
  format: string;
  durationHours: number;
  participants: number;
  newParticipants: number;
  language: string | null;
  animatorRefs: string[];
  version: number;
}

export type SessionValues = Omit<StoredSession, 'id' | 'spaceId' | 'version' | 'animatorRefs'>;

const SELECT = `t.id, t.space_id, t.ref, t.date::text AS date, t.title, t.theme, t.format, t.duration_hours,
  t.participants, t.new_participants, t.language, t.version,
  coalesce((SELECT array_agg(a.ref ORDER BY a.ref) FROM training_session_animators tsa
            JOIN animators a ON a.id = tsa.animator_id WHERE tsa.session_id = t.id), '{}') AS animator_refs`;

const toSession = (r: Record<string, unknown>): StoredSession => ({
  id: r.id as string,
  spaceId: r.space_id as string,
  ref: r.ref as string,
  date: r.date as string,
  title: r.title as string,
  theme: r.theme as string,
  format: r.format as string,
  durationHours: Number(r.duration_hours),
  participants: r.participants as number,
  newParticipants: r.new_participants as number,
  language: (r.language as string | null) ?? null,
  animatorRefs: r.animator_refs as string[],
  version: r.version as number,
});

/** All SQL of training sessions. */
@Injectable()
export class TrainingSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async list(spaceId: string, from: string | undefined, to: string | undefined): Promise<StoredSession[]> {
    const rows = await this.dataSource.query(
      `SELECT ${SELECT} FROM training_sessions t
       WHERE t.space_id = $1 AND ($2::date IS NULL OR t.date >= $2) AND ($3::date IS NULL OR t.date <= $3)
       ORDER BY t.date, t.ref`,
      [spaceId, from ?? null, to ?? null],
    );
    return rows.map(toSession);
  }

  async find(spaceId: string, ref: string, manager: EntityManager = this.dataSource.manager) {
    const rows = await manager.query(
      `SELECT ${SELECT} FROM training_sessions t WHERE t.space_id = $1 AND t.ref = $2`,
      [spaceId, ref],
    );
    return rows.length ? toSession(rows[0]) : null;
  }

  /** Refs of `refs` that are not animators assigned (at any time) to the space. */
  async unknownAnimators(spaceId: string, refs: string[]): Promise<string[]> {
    const rows: Array<{ ref: string }> = await this.dataSource.query(
      `SELECT r.ref FROM unnest($2::text[]) AS r(ref)
       WHERE NOT EXISTS (SELECT 1 FROM animators a JOIN animator_assignments aa ON aa.animator_id = a.id
                         WHERE a.ref = r.ref AND aa.space_id = $1)`,
      [spaceId, refs],
    );
    return rows.map((r) => r.ref);
  }

  /** Null when the ref is already used at this space. */
  async insert(manager: EntityManager, spaceId: string, v: SessionValues): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO training_sessions (space_id, ref, date, title, theme, format, duration_hours, participants,
         new_participants, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (space_id, ref) DO NOTHING RETURNING id`,
      [
        spaceId,
        v.ref,
        v.date,
        v.title,
        v.theme,
        v.format,
        v.durationHours,
        v.participants,
        v.newParticipants,
        v.language,
      ],
    );
    return rows.length ? rows[0].id : null;
  }

  async update(manager: EntityManager, id: string, version: number, v: SessionValues): Promise<boolean> {
    const result = await manager.query(
      `UPDATE training_sessions SET date = $3, title = $4, theme = $5, format = $6, duration_hours = $7,
         participants = $8, new_participants = $9, language = $10, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id`,
      [
        id,
        version,
        v.date,
        v.title,
        v.theme,
        v.format,
        v.durationHours,
        v.participants,
        v.newParticipants,
        v.language,
      ],
    );
    return returnedRows(result).length > 0;
  }

  async setAnimators(
    manager: EntityManager,
    sessionId: string,
    spaceId: string,
    refs: string[],
  ): Promise<void> {
    await manager.query(`DELETE FROM training_session_animators WHERE session_id = $1`, [sessionId]);
    await manager.query(
      `INSERT INTO training_session_animators (session_id, animator_id)
       SELECT DISTINCT $1::uuid, a.id FROM animators a JOIN animator_assignments aa ON aa.animator_id = a.id
       WHERE a.ref = ANY($3::text[]) AND aa.space_id = $2`,
      [sessionId, spaceId, refs],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM training_sessions WHERE id = $1`, [id]);
  }
}
