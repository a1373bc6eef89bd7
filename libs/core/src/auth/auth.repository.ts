import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from './principal.js';
import type { RegionCode, Role } from './user.entity.js';

export interface StoredUser {
  id: string;
  email: string;
  passwordHash: string;
  role: Role;
  regionCode: RegionCode | null;
  disabledAt: Date | null;
  preferredLanguage: string;
}

export interface NewUser {
  email: string;
  passwordHash: string;
  role: Role;
  regionCode: RegionCode | null;
  preferredLanguage?: string;
}

/** All SQL of users and login sessions. */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findUserByEmail(email: string): Promise<StoredUser | null> {
    const rows = await this.db.query(
      `SELECT id, email, password_hash AS "passwordHash", role, trim(region_code) AS "regionCode",
              disabled_at AS "disabledAt", preferred_language AS "preferredLanguage"
         FROM users WHERE email = $1`,
      [email.toLowerCase()],
    );
    return rows[0] ?? null;
  }

  async countAdmins(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
    return row.n;
  }

  /** Inserts the user; returns null when the e-mail address is taken. */
  async insertUser(user: NewUser): Promise<{ id: string } | null> {
    const rows = await this.db.query(
      `INSERT INTO users (email, password_hash, role, region_code, preferred_language)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [
        user.email.toLowerCase(),
        user.passwordHash,
        user.role,
        user.regionCode,
        user.preferredLanguage ?? 'nl',
      ],
    );
    return rows[0] ?? null;
  }

  async insertSession(userId: string, tokenHash: Buffer, kind: 'bearer' | 'cookie', ttlMinutes: number) {
    const [row] = await this.db.query(
      `INSERT INTO login_sessions (user_id, token_hash, kind, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4)) RETURNING id, expires_at AS "expiresAt"`,
      [userId, tokenHash, kind, ttlMinutes],
    );
    return row as { id: string; expiresAt: Date };
  }

  /**
   * The principal behind a token and when its session ends, only while the session is live and the user
   * enabled.
   */
  async findSessionByTokenHash(tokenHash: Buffer): Promise<{ principal: Principal; expiresAt: Date } | null> {
    const rows: Array<Principal & { expiresAt: Date }> = await this.db.query(
      `SELECT u.id AS "userId", u.email, u.role, trim(u.region_code) AS "regionCode", s.id AS "sessionId",
              u.preferred_language AS "preferredLanguage", s.expires_at AS "expiresAt"
         FROM login_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    if (rows.length === 0) return null;
    const { expiresAt, ...principal } = rows[0];
    return { principal, expiresAt };
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE login_sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
    ]);
  }

  /**
   * Disables (or enables) the user and revokes every session. Never disables the last enabled admin:
   * disabling locks the enabled admins' rows first, so two admins disabling each other at the same time
   * are taken one after the other, and the second finds itself the last.
   */
  async setDisabled(userId: string, disabled: boolean): Promise<'done' | 'not_found' | 'last_admin'> {
    if (!disabled) return (await this.writeDisabled(this.db.manager, userId, false)) ? 'done' : 'not_found';
    return this.db.transaction(async (m) => {
      const admins: Array<{ id: string }> = await m.query(
        `SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY id FOR UPDATE`,
      );
      if (admins.length === 1 && admins[0].id === userId) return 'last_admin';
      return (await this.writeDisabled(m, userId, true)) ? 'done' : 'not_found';
    });
  }

  /** One statement: the user's flag, and when disabling, every session revoked. False if no such user. */
  private async writeDisabled(m: EntityManager, userId: string, disabled: boolean): Promise<boolean> {
    const rows = await m.query(
      `WITH u AS (
         UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END,
                          updated_at = now(), version = version + 1
          WHERE id = $1 RETURNING id)
       , s AS (UPDATE login_sessions SET revoked_at = now()
                WHERE $2 AND user_id IN (SELECT id FROM u) AND revoked_at IS NULL)
       SELECT id FROM u`,
      [userId, disabled],
    );
    return rows.length > 0;
  }

  async listUsers(): Promise<Array<Omit<StoredUser, 'passwordHash'> & { createdAt: Date }>> {
    return this.db.query(
      `SELECT id, email, role, trim(region_code) AS "regionCode", disabled_at AS "disabledAt",
              preferred_language AS "preferredLanguage", created_at AS "createdAt"
         FROM users ORDER BY email`,
    );
  }

  async findUserById(id: string): Promise<(Omit<StoredUser, 'passwordHash'> & { createdAt: Date }) | null> {
    const rows = await this.db.query(
      `SELECT id, email, role, trim(region_code) AS "regionCode", disabled_at AS "disabledAt",
              preferred_language AS "preferredLanguage", created_at AS "createdAt"
         FROM users WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
