import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Actor } from '../graphql/actor';
import { INFRASTRUCTURE } from './query-counter';

/** The database role requests run as: it owns no table and has no BYPASSRLS. */
export const APP_ROLE = 'hub_app';

/**
 * One transaction per request, run as the application role with the caller's
 * scope in transaction-local settings, so PostgreSQL's row-level security
 * decides which school rows exist for this request — whatever the query shape.
 */
export class RequestScope {
  private closed = false;

  private constructor(private readonly runner: QueryRunner) {
    // Resolvers run concurrently, but one connection runs one statement at a
    // time: queue them here rather than pile them onto the client.
    const query = runner.query.bind(runner);
    let queue: Promise<unknown> = Promise.resolve();
    runner.query = ((...args: Parameters<QueryRunner['query']>) => {
      const run = queue.then(() => query(...args));
      queue = run.catch(() => undefined);
      return run;
    }) as QueryRunner['query'];
  }

  get em(): EntityManager {
    return this.runner.manager;
  }

  /** `requestId` goes to the setting `hub.request_id`, which audit entries written in the scope record. */
  static async open(
    dataSource: DataSource,
    actor: Actor,
    statementTimeoutMs: number,
    requestId: string | null = null,
  ): Promise<RequestScope> {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(
        `${INFRASTRUCTURE} SELECT set_config('role', '${APP_ROLE}', true),
                set_config('hub.user_id', $1, true),
                set_config('hub.role', $2, true),
                set_config('hub.municipality', $3, true),
                set_config('hub.schools', $4, true),
                set_config('statement_timeout', $5, true),
                set_config('hub.request_id', $6, true)`,
        [
          actor.userId ?? '',
          actor.role ?? '',
          actor.municipalityCode ?? '',
          actor.schoolCodes.join(','),
          String(statementTimeoutMs),
          requestId ?? '',
        ],
      );
    } catch (error) {
      await runner.release();
      throw error;
    }
    return new RequestScope(runner);
  }

  /** Commits (or rolls back) and returns the connection to the pool; safe to call twice. */
  async close(commit: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.runner.isTransactionActive) {
        if (commit) await this.runner.commitTransaction();
        else await this.runner.rollbackTransaction();
      }
    } catch {
      // A failed commit (e.g. after a statement timeout) leaves nothing to undo.
    } finally {
      await this.runner.release();
    }
  }
}
