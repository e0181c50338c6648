import type { DataSource } from 'typeorm';
import { SYSTEM, type Actor } from '../../graphql/actor';
import { audit } from '../audit/audit';
import type { OidcIdentity } from './oidc';

interface StoredAccount {
  id: string;
  role: string;
  municipality_code: string | null;
  school_code: string | null;
  display_name: string;
  disabled: boolean;
}

/** How often a provider's user's «last login» is moved forward at most. */
const LAST_SEEN_STEP = "interval '10 minutes'";

/**
 * The hub account of a person the identity provider vouches for: created on
 * first sight, brought in line with the token's role and scope when they
 * change (both audited), refused when an admin disabled it. It has no usable
 * password; it exists so that audit entries, imports, rate limits and
 * `user list` / `user disable` treat provider users like local ones.
 */
export async function provisionAccount(
  dataSource: DataSource,
  identity: OidcIdentity,
  issuer: string,
): Promise<Actor | null> {
  return dataSource.transaction(async (em) => {
    const [stored]: StoredAccount[] = await em.query(
      `SELECT id, role, municipality_code, school_code, display_name, disabled FROM app_user WHERE username = $1 FOR UPDATE`,
      [identity.username],
    );
    if (stored?.disabled) return null;
    const assigned: string[] = stored
      ? (
          await em.query('SELECT school_code FROM user_school_assignment WHERE user_id = $1 ORDER BY school_code', [
            stored.id,
          ])
        ).map((r: { school_code: string }) => r.school_code)
      : [];
    const before = stored && {
      role: stored.role,
      displayName: stored.display_name,
      municipalityCode: stored.municipality_code,
      schoolCode: stored.school_code,
      assignedSchools: assigned,
    };
    const after = {
      role: identity.role,
      displayName: identity.displayName,
      municipalityCode: identity.municipalityCode,
      schoolCode: identity.schoolCode,
      assignedSchools: identity.assignedSchools,
    };
    let id = stored?.id;
    if (!id) {
      // '!' is no argon2 hash: no password ever matches it.
      const [row] = await em.query(
        `INSERT INTO app_user (username, password_hash, role, municipality_code, school_code, display_name, last_login_at)
         VALUES ($1, '!', $2, $3, $4, $5, now()) RETURNING id`,
        [identity.username, identity.role, identity.municipalityCode, identity.schoolCode, identity.displayName],
      );
      id = row.id as string;
    } else {
      await em.query(
        `UPDATE app_user SET role = $2, municipality_code = $3, school_code = $4, display_name = $5,
                last_login_at = CASE WHEN last_login_at IS NULL OR last_login_at < now() - ${LAST_SEEN_STEP}
                                     THEN now() ELSE last_login_at END
          WHERE id = $1`,
        [id, identity.role, identity.municipalityCode, identity.schoolCode, identity.displayName],
      );
    }
    if (JSON.stringify(before?.assignedSchools ?? []) !== JSON.stringify(identity.assignedSchools)) {
      await em.query('DELETE FROM user_school_assignment WHERE user_id = $1', [id]);
      await em.query('INSERT INTO user_school_assignment (user_id, school_code) SELECT $1, unnest($2::text[])', [
        id,
        identity.assignedSchools,
      ]);
    }
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await audit(em, {
        actor: { ...SYSTEM, displayName: `поставщик входа (${issuer})` },
        action: stored ? 'user.update' : 'user.add',
        entity: 'app_user',
        key: identity.username,
        before,
        after,
      });
    }
    return {
      userId: id,
      username: identity.username,
      displayName: identity.displayName,
      role: identity.role,
      municipalityCode: identity.municipalityCode,
      schoolCodes: identity.schoolCode ? [identity.schoolCode] : identity.assignedSchools,
    };
  });
}
