import { hash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { AppException, badRequest, conflict, notFound } from '../errors/app-exception.js';
import './auth.messages.js';
import { AuthRepository } from './auth.repository.js';
import { hashPassword, passwordPolicyProblem, verifyPassword } from './password.rule.js';
import type { Principal } from './principal.js';
import { SessionCache } from './session-cache.js';
import type { RegionCode, Role } from './user.entity.js';
import { UserLinksRegistry } from './user-links.registry.js';

export interface CreateUserInput {
  email: string;
  password: string;
  role: Role;
  region?: RegionCode | null;
  spaceRefs?: string[];
  preferredLanguage?: string;
}

// Verifying against a real hash when the e-mail is unknown keeps response times alike (no user enumeration).
const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$0ZL3vQmWrKXN0TLnMSk0JZ4RAcU8yH5r1u4nBR0cWxE';

// One-shot hashing: every signed-in request hashes its token, and createHash() costs several times more.
export const tokenHash = (token: string): Buffer => hash('sha256', token, 'buffer');

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly repo: AuthRepository,
    private readonly env: Environment,
    private readonly links: UserLinksRegistry,
    private readonly sessions: SessionCache,
  ) {}

  async login(email: string, password: string, kind: 'bearer' | 'cookie' = 'bearer') {
    const user = await this.repo.findUserByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || user.disabledAt) {
      throw new AppException('AUTH.INVALID_CREDENTIALS', 'The e-mail address or password is not right.', 401);
    }
    const token = randomBytes(32).toString('base64url');
    const session = await this.repo.insertSession(
      user.id,
      tokenHash(token),
      kind,
      this.env.SESSION_TTL_MINUTES,
    );
    return { accessToken: token, expiresAt: session.expiresAt, userId: user.id };
  }

  /** The caller behind a token: from the session cache while it holds the session, else from the database. */
  async authenticate(token: string): Promise<Principal | null> {
    const digest = tokenHash(token);
    const key = digest.toString('base64');
    const cached = this.sessions.get(key);
    if (cached) return cached;
    const ticket = this.sessions.ticket();
    const found = await this.repo.findSessionByTokenHash(digest);
    if (!found) return null;
    this.sessions.store(key, found.principal, found.expiresAt, ticket);
    return found.principal;
  }

  /**
   * Ends the session. This process forgets it at once; the database tells the other processes (a trigger
   * on login_sessions notifies them, see SessionRevocationListener).
   */
  async logout(principal: Principal): Promise<void> {
    await this.repo.revokeSession(principal.sessionId);
    this.sessions.evictUser(principal.userId);
  }

  async createUser(input: CreateUserInput): Promise<{ id: string }> {
    const problem = passwordPolicyProblem(input.password);
    if (problem) throw badRequest('VALIDATION.FAILED', problem, [{ field: 'password', message: problem }]);
    const region = input.region ?? null;
    if (input.role === 'regional_staff' && !region) {
      const message = 'Regional staff need a region.';
      throw badRequest('VALIDATION.FAILED', message, [{ field: 'region', message }]);
    }
    if (input.role !== 'regional_staff' && region) {
      const message = 'Only regional staff have a region.';
      throw badRequest('VALIDATION.FAILED', message, [{ field: 'region', message }]);
    }
    const spaceRefs = input.spaceRefs ?? [];
    if (spaceRefs.length > 0 && input.role !== 'coordinator') {
      const message = 'Only coordinators are linked to spaces.';
      throw badRequest('VALIDATION.FAILED', message, [{ field: 'spaceRefs', message }]);
    }
    const linker = this.links.coordinatorSpaces;
    if (spaceRefs.length > 0) {
      if (!linker)
        throw badRequest('USERS.SPACES_UNAVAILABLE', 'Spaces cannot be linked in this deployment.');
      const missing = await linker.missingRefs(spaceRefs);
      if (missing.length > 0) {
        const message = `These spaces do not exist: ${missing.join(', ')}.`;
        throw badRequest('VALIDATION.FAILED', message, [{ field: 'spaceRefs', message }]);
      }
    }
    const created = await this.repo.insertUser({
      email: input.email,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      regionCode: region,
      preferredLanguage: input.preferredLanguage,
    });
    if (!created) throw conflict('USERS.EMAIL_TAKEN', 'A user with this e-mail address already exists.');
    if (spaceRefs.length > 0 && linker) await linker.link(created.id, spaceRefs);
    return created;
  }

  /**
   * Disables or enables a user. `actor` is who asks (absent for the system): nobody may disable their own
   * account, and the last enabled admin is never disabled, since either would leave no admin to undo it.
   */
  async setDisabled(userId: string, disabled: boolean, actor?: Pick<Principal, 'userId'>): Promise<void> {
    if (disabled && actor?.userId === userId) {
      throw conflict('USERS.CANNOT_DISABLE_SELF', 'You cannot turn off your own account.');
    }
    const outcome = await this.repo.setDisabled(userId, disabled);
    // After the write, so that no lookup can cache the session again from before it.
    if (outcome === 'done') this.sessions.evictUser(userId);
    if (outcome === 'not_found') throw notFound('USERS.NOT_FOUND', 'No such user.');
    if (outcome === 'last_admin') {
      throw conflict(
        'USERS.LAST_ADMIN',
        'This is the last administrator who can sign in: add or enable another administrator first.',
      );
    }
  }

  listUsers() {
    return this.repo.listUsers();
  }

  async getUser(id: string) {
    const user = await this.repo.findUserById(id);
    if (!user) throw notFound('USERS.NOT_FOUND', 'No such user.');
    const spaceRefs =
      user.role === 'coordinator' ? ((await this.links.coordinatorSpaces?.refsOf(id)) ?? []) : [];
    return { ...user, spaceRefs };
  }

  /**
   * The first start creates the admin named by ADMIN_EMAIL/ADMIN_PASSWORD when no admin exists.
   * There is no default password: without both variables nothing is created.
   */
  async ensureFirstAdmin(): Promise<'created' | 'exists' | 'not_configured'> {
    if ((await this.repo.countAdmins()) > 0) return 'exists';
    if (!this.env.ADMIN_EMAIL || !this.env.ADMIN_PASSWORD) return 'not_configured';
    await this.createUser({ email: this.env.ADMIN_EMAIL, password: this.env.ADMIN_PASSWORD, role: 'admin' });
    this.logger.log('first administrator created');
    return 'created';
  }
}
