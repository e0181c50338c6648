import type { DataSource } from 'typeorm';
import { ANONYMOUS, SYSTEM, type Actor } from '../../graphql/actor';
import { INFRASTRUCTURE } from '../../db/query-counter';
import { HubError } from '../../graphql/errors';
import type { Logger } from '../../observability/logger';
import { audit } from '../audit/audit';
import type { OidcVerifier } from './oidc';
import { provisionAccount } from './oidc-accounts';
import { generatePassword, hashPassword, verifyPassword } from './password';
import {
  hashRefreshToken,
  newRefreshToken,
  REFRESH_TOKEN_TTL_DAYS,
  ACCESS_TOKEN_TTL_SECONDS,
  type TokenService,
} from './tokens';
import { AppUser, LoginAttempt, RefreshToken } from './user.entity';
import { AuthErrorCode } from './users.errors';

/** Failed attempts allowed within the window, per username and per address. */
const THROTTLE = { windowMinutes: 15, perUsername: 5, perAddress: 30 };
/** How long a resolved session is trusted before the database is asked again (revocation delay). */
const SESSION_CACHE_MS = 5_000;
/** Sessions remembered at most; beyond, the cache starts afresh (memory stays bounded). */
const SESSION_CACHE_LIMIT = 10_000;

export interface Session {
  /** The refresh token's row: what logout revokes. */
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: AppUser;
}

interface CachedActor {
  actor: Actor | null;
  at: number;
}

/**
 * Sign-in and sessions: argon2id-checked passwords, throttled failures,
 * short-lived access tokens bound to a session that logout revokes, and
 * rotating refresh tokens.
 */
export class AuthService {
  private readonly sessions = new Map<string, CachedActor>();
  /** A real hash of a random password: checking an unknown user costs what checking a known one does. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    /** An external identity provider whose tokens are accepted too; null: the hub's own only. */
    private readonly oidc: { verifier: OidcVerifier; issuer: string } | null = null,
    private readonly logger?: Logger,
  ) {}

  async login(
    usernameInput: string,
    password: string,
    address: string,
    requestId: string | null = null,
  ): Promise<Session> {
    const username = usernameInput.trim().toLowerCase();
    await this.checkThrottle(username, address);
    const user = await this.dataSource.manager.findOneBy(AppUser, { username });
    // The hash is checked even for an unknown user, so timing does not tell which names exist.
    const hash = user?.passwordHash ?? (await (this.dummyHash ??= hashPassword(generatePassword())));
    const ok = (await verifyPassword(hash, password)) && user !== null && !user.disabled;
    await this.dataSource.manager.insert(LoginAttempt, { username, address, succeeded: ok });
    if (!ok || !user) throw new HubError(AuthErrorCode.BAD_CREDENTIALS, 'Неверное имя пользователя или пароль');
    await this.dataSource.manager.update(AppUser, user.id, { lastLoginAt: new Date() });
    const session = await this.startSession(user);
    await audit(this.dataSource.manager, {
      actor: { ...SYSTEM, userId: user.id, displayName: user.displayName },
      action: 'login',
      entity: 'session',
      key: session.sessionId,
      before: null,
      after: { username: user.username, address },
      requestId,
    });
    return session;
  }

  async refresh(token: string): Promise<Session> {
    const found = await this.dataSource.manager.findOne(RefreshToken, {
      where: { tokenHash: hashRefreshToken(token) },
      relations: { user: true },
    });
    if (!found || found.revokedAt || found.expiresAt < new Date() || !found.user || found.user.disabled) {
      throw new HubError(AuthErrorCode.BAD_REFRESH_TOKEN, 'Сеанс завершён или недействителен; войдите снова');
    }
    // Rotation: a refresh token works once; the session continues under a new one.
    await this.dataSource.manager.update(RefreshToken, found.id, { revokedAt: new Date() });
    this.sessions.delete(found.id);
    return this.startSession(found.user);
  }

  /** Ends the session of the refresh token, or of the access token's session. */
  async logout(
    refreshToken: string | null,
    sessionId: string | null,
    actor: Actor,
    requestId: string | null = null,
  ): Promise<boolean> {
    const where = refreshToken ? { tokenHash: hashRefreshToken(refreshToken) } : sessionId ? { id: sessionId } : null;
    if (!where) return false;
    const found = await this.dataSource.manager.findOneBy(RefreshToken, where);
    if (!found || found.revokedAt) return false;
    await this.dataSource.manager.update(RefreshToken, found.id, { revokedAt: new Date() });
    this.sessions.delete(found.id);
    await audit(this.dataSource.manager, {
      actor,
      action: 'logout',
      entity: 'session',
      key: found.id,
      before: null,
      after: null,
      requestId,
    });
    return true;
  }

  /**
   * The actor behind an `Authorization: Bearer …` value; anonymous when absent,
   * null when invalid. The hub's own tokens carry a session; a provider's
   * token (when one is configured) is checked on every use and has none.
   */
  async actorFor(authorization: string | undefined | null): Promise<{ actor: Actor; sessionId: string | null } | null> {
    if (!authorization) return { actor: ANONYMOUS, sessionId: null };
    const token = authorization.replace(/^Bearer\s+/i, '');
    const claims = await this.tokens.verifyAccess(token);
    if (claims) {
      const actor = await this.sessionActor(claims.sub, claims.sid);
      return actor ? { actor, sessionId: claims.sid } : null;
    }
    const actor = this.oidc ? await this.providerActor(token, this.oidc) : null;
    return actor ? { actor, sessionId: null } : null;
  }

  /** A provider's token: verified every time; its account brought up to date at most every SESSION_CACHE_MS. */
  private async providerActor(token: string, oidc: { verifier: OidcVerifier; issuer: string }): Promise<Actor | null> {
    const identity = await oidc.verifier.verify(token);
    if (!identity) return null;
    const key = `oidc:${hashRefreshToken(token)}`;
    const cached = this.sessions.get(key);
    if (cached && Date.now() - cached.at < SESSION_CACHE_MS) return cached.actor;
    const actor = await provisionAccount(this.dataSource, identity, oidc.issuer).catch((error: unknown) => {
      // Claims naming a municipality or school the hub does not know: refused, and worth an operator's look.
      this.logger?.warn(
        { username: identity.username, reason: (error as Error).message },
        'identity provider token refused: its claims name an unknown municipality or school',
      );
      return null;
    });
    if (this.sessions.size > SESSION_CACHE_LIMIT) this.sessions.clear();
    this.sessions.set(key, { actor, at: Date.now() });
    return actor;
  }

  /**
   * The actor of a session while it lasts: null once it is revoked or expired,
   * or its user disabled (seen within SESSION_CACHE_MS). Long-lived sockets ask again.
   */
  async sessionActor(userId: string, sessionId: string): Promise<Actor | null> {
    const cached = this.sessions.get(sessionId);
    if (cached && Date.now() - cached.at < SESSION_CACHE_MS) {
      return cached.actor && cached.actor.userId === userId ? cached.actor : null;
    }
    const actor = await this.loadActor(userId, sessionId);
    if (this.sessions.size > SESSION_CACHE_LIMIT) this.sessions.clear();
    this.sessions.set(sessionId, { actor, at: Date.now() });
    return actor;
  }

  private async loadActor(userId: string, sessionId: string): Promise<Actor | null> {
    const [row] = await this.dataSource.query(
      `${INFRASTRUCTURE} SELECT u.id, u.username, u.display_name, u.role, u.municipality_code, u.school_code,
              coalesce(array_agg(a.school_code ORDER BY a.school_code) FILTER (WHERE a.school_code IS NOT NULL), '{}') AS assigned
         FROM refresh_token t JOIN app_user u ON u.id = t.user_id
         LEFT JOIN user_school_assignment a ON a.user_id = u.id
        WHERE t.id = $1 AND u.id = $2 AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT u.disabled
        GROUP BY u.id`,
      [sessionId, userId],
    );
    if (!row) return null;
    return {
      userId: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      municipalityCode: row.municipality_code,
      schoolCodes: row.school_code ? [row.school_code] : row.assigned,
    };
  }

  private async startSession(user: AppUser): Promise<Session> {
    const refreshToken = newRefreshToken();
    const expiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const session = await this.dataSource.manager.save(
      Object.assign(new RefreshToken(), { userId: user.id, tokenHash: hashRefreshToken(refreshToken), expiresAt }),
    );
    const accessToken = await this.tokens.signAccess({ sub: user.id, sid: session.id });
    // At sign-in the caller is still anonymous and may not read assignments: they travel with the user.
    const assigned: { school_code: string }[] = await this.dataSource.query(
      'SELECT school_code FROM user_school_assignment WHERE user_id = $1 ORDER BY school_code',
      [user.id],
    );
    user.assignedSchoolCodes = assigned.map((r) => r.school_code);
    return { sessionId: session.id, accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user };
  }

  private async checkThrottle(username: string, address: string): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE username = $1)::int AS by_user, count(*) FILTER (WHERE address = $2)::int AS by_address
         FROM login_attempt
        WHERE NOT succeeded AND at > now() - make_interval(mins => $3) AND (username = $1 OR address = $2)`,
      [username, address, THROTTLE.windowMinutes],
    );
    if (row.by_user >= THROTTLE.perUsername || row.by_address >= THROTTLE.perAddress) {
      throw new HubError(
        AuthErrorCode.THROTTLED,
        `Слишком много неудачных попыток входа. Повторите через ${THROTTLE.windowMinutes} минут или обратитесь к администратору.`,
      );
    }
  }
}
