import type { EntityManager } from 'typeorm';
import { hydrate } from '../../db/hydrate';
import type { Actor } from '../../graphql/actor';
import { CommonErrorCode, HubError } from '../../graphql/errors';
import { PaginationErrorCode, toConnection, type Page } from '../../graphql/pagination';
import { Conditions } from '../shared/sql-conditions';
import { assertAllowed } from '../users/permissions';
import { AuditEntry } from './audit-entry.entity';
import type { AuditEntryConnection, AuditLogFilter } from './audit.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the audit log (writes go through `audit()` in each service's own transaction). */
export class AuditService {
  constructor(private readonly em: EntityManager) {}

  private filtered(filter: AuditLogFilter | null | undefined): Conditions {
    const c = new Conditions();
    if (!filter) return c;
    if (filter.entity) c.add((p) => `a.entity = ${p(filter.entity)}`);
    if (filter.entityKey) c.add((p) => `a.entity_key = ${p(filter.entityKey)}`);
    if (filter.userId) {
      if (!UUID.test(filter.userId)) {
        throw new HubError(CommonErrorCode.BAD_USER_INPUT, `userId «${filter.userId}» — не идентификатор пользователя`);
      }
      c.add((p) => `a.user_id = ${p(filter.userId)}::uuid`);
    }
    if (filter.requestId) c.add((p) => `a.request_id = ${p(filter.requestId)}`);
    if (filter.from) c.add((p) => `a.at >= ${p(filter.from)}`);
    if (filter.to) c.add((p) => `a.at < ${p(filter.to)}`);
    return c;
  }

  /** Newest first; the cursor is the entry's id, so pages stay stable while entries are added. */
  async list(actor: Actor, filter: AuditLogFilter | null | undefined, page: Page): Promise<AuditEntryConnection> {
    // Row-level security shows entries to the region admin only; others are told so rather than shown nothing.
    assertAllowed(actor, { kind: 'read-audit-log' });
    const c = this.filtered(filter);
    if (page.after !== null) {
      if (!/^\d+$/.test(page.after)) {
        throw new HubError(
          PaginationErrorCode.BAD_CURSOR,
          'Курсор after не распознан: передайте endCursor из предыдущей страницы',
        );
      }
      c.add((p) => `a.id < ${p(page.after)}::bigint`);
    }
    const limit = c.param(page.first + 1);
    const rows: Record<string, unknown>[] =
      page.first === 0
        ? []
        : await this.em.query(`SELECT a.* FROM audit_log a ${c.where()} ORDER BY a.id DESC LIMIT ${limit}`, c.params);
    return {
      ...toConnection(hydrate(this.em, AuditEntry, rows), page, (e) => String(e.id)),
      totalCount: async () => {
        const count = this.filtered(filter);
        const [row] = await this.em.query(
          `SELECT count(*)::int AS count FROM audit_log a ${count.where()}`,
          count.params,
        );
        return (row as { count: number }).count;
      },
    };
  }
}
