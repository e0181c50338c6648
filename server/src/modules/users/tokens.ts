import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_DAYS = 30;
const ISSUER = 'tomsk-edu-hub';
/** Verified tokens remembered at most (a dashboard sends its token with every request). */
const VERIFIED_CACHE_LIMIT = 10_000;

export interface AccessClaims {
  /** The user's id. */
  sub: string;
  /** The session (refresh token) id: a logout revokes it, and with it this token. */
  sid: string;
}

/** Short-lived signed access tokens (HS256) and opaque refresh tokens stored as hashes. */
export class TokenService {
  private readonly key: Uint8Array;
  /** Tokens already verified, with their claims and expiry (ms): a signature is checked once, not per request. */
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  signAccess(claims: AccessClaims): Promise<string> {
    return new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
      .sign(this.key);
  }

  /** The claims of a valid token, or null for a forged, expired or malformed one. */
  async verifyAccess(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAt) return known.claims;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || payload.exp === undefined) return null;
      const claims = { sub: payload.sub, sid: payload.sid };
      if (this.verified.size >= VERIFIED_CACHE_LIMIT) this.verified.clear();
      this.verified.set(token, { claims, expiresAt: payload.exp * 1000 });
      return claims;
    } catch {
      this.verified.delete(token);
      return null;
    }
  }
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
