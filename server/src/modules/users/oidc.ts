import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { Role } from './role';

/** An external identity provider whose access tokens the hub accepts next to its own. */
export interface OidcConfig {
  /** Where the provider publishes its signing keys. */
  jwksUrl: string;
  /** The `iss` its tokens must carry. */
  issuer: string;
  /** The `aud` they must carry, when set. */
  audience?: string;
  /** Which claims carry the hub role, the municipality code and the school codes. */
  claims: { role: string; municipality: string; schools: string };
}

/** Who a provider's token says the caller is, in the hub's terms. */
export interface OidcIdentity {
  /** `oidc:<sub>`: the account the hub keeps for the person (never usable with a password). */
  username: string;
  displayName: string;
  role: Role;
  municipalityCode: string | null;
  schoolCode: string | null;
  assignedSchools: string[];
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

function codes(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return [...new Set(list.map(text).filter((c): c is string => c !== null))].sort();
}

/**
 * The hub identity of verified claims, or null when they do not name a role
 * with the scope it needs (a municipal officer without a municipality…):
 * such a token is refused rather than given a guessed scope.
 */
export function identityFromClaims(payload: JWTPayload, claims: OidcConfig['claims']): OidcIdentity | null {
  const subject = text(payload.sub);
  const roleText = text(payload[claims.role])?.toLowerCase();
  const role = Object.values(Role).find((r) => r === roleText);
  if (!subject || !role) return null;
  const municipalityCode = text(payload[claims.municipality]);
  const schools = codes(payload[claims.schools]);
  const identity: OidcIdentity = {
    username: `oidc:${subject.toLowerCase()}`,
    displayName: text(payload.name) ?? text(payload.preferred_username) ?? subject,
    role,
    municipalityCode: role === Role.MUNICIPAL_OFFICER ? municipalityCode : null,
    schoolCode: role === Role.SCHOOL_COORDINATOR ? (schools[0] ?? null) : null,
    assignedSchools: role === Role.EXPERT || role === Role.CURATOR ? schools : [],
  };
  if (role === Role.MUNICIPAL_OFFICER && !identity.municipalityCode) return null;
  if (role === Role.SCHOOL_COORDINATOR && schools.length !== 1) return null;
  if ((role === Role.EXPERT || role === Role.CURATOR) && schools.length === 0) return null;
  return identity;
}

/** Verifies a provider's tokens against its published keys (fetched and cached by jose). */
export class OidcVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: OidcConfig) {
    this.keys = createRemoteJWKSet(new URL(config.jwksUrl));
  }

  /** The identity of a valid token; null for an invalid, expired or foreign one, or one without a usable role. */
  async verify(token: string): Promise<OidcIdentity | null> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        // Asymmetric only: a provider's token is never checked with a shared secret.
        algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
      });
      return identityFromClaims(payload, this.config.claims);
    } catch {
      return null;
    }
  }
}
