import type { EntityManager } from 'typeorm';
import type { Actor } from '../../graphql/actor';

/** A change as a service records it. */
export interface AuditChange {
  actor: Actor;
  /** The mutation or command: `recordVsokoEvaluation`, `import`, `user.add`… */
  action: string;
  /** The table (or domain object) changed: `vsoko_evaluation`. */
  entity: string;
  /** Its natural key: `sch700001/2024`. */
  key: string;
  /** Domain rows as plain values (Maps become objects); null when created / removed. */
  before: unknown;
  after: unknown;
  /** Defaults to the request's id (the transaction setting `hub.request_id`). */
  requestId?: string | null;
}

/** Maps and Sets as JSON objects and arrays; undefined dropped. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value, replacer);
}

/**
 * Appends an entry to the audit log on `em`: call it inside the transaction
 * of the change, so both commit or neither does. No RETURNING: requests may
 * write entries but only a region admin reads them.
 */
export async function audit(em: EntityManager, change: AuditChange): Promise<void> {
  await em.query(
    `INSERT INTO audit_log (user_id, user_name, request_id, action, entity, entity_key, before, after)
     VALUES ($1, $2, coalesce($3, nullif(current_setting('hub.request_id', true), '')), $4, $5, $6, $7::jsonb, $8::jsonb)`,
    [
      change.actor.userId,
      change.actor.displayName,
      change.requestId ?? null,
      change.action,
      change.entity,
      change.key,
      json(change.before),
      json(change.after),
    ],
  );
}
