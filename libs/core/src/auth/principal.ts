import type { RegionCode, Role } from './user.entity.js';

/** Who is calling, as established by the auth guard from a bearer token or the session cookie. */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  regionCode: RegionCode | null;
  sessionId: string;
  preferredLanguage: string;
}
