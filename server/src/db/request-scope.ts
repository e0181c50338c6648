import { escapeLiteral } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Actor } from '../graphql/actor';
import { INFRASTRUCTURE } from './query-counter';

/** The database role requests run as: it owns no table and has no BYPASSRLS. */
export const APP_ROLE = 'hub_app';

/** The transaction state TypeORM keeps on a query runner (public at run time, not in its types). */
type RunnerState = { isTransactionActive: boolean; transactionDepth: number };

/**
 * One transaction per request, run as the application role with the caller's
 * scope in transaction-local settings, so PostgreSQL's row-level security
 * decides which school rows exist for this request — whatever the query shape.
 *
 * The transaction begins with the request's first statement, not before: a request
 * that reads nothing through it (sign-in, a cached aggregate) takes no connection
 * from the pool. Such requests use the owner's connections instead, and holding an
 * idle scoped connection while waiting for another is how a full pool deadlocked.
 */
export class RequestScope {
  private closed = false;
  /** BEGIN and the settings, once the first statement asks for them. */
  private begun: Promise<unknown> | undefined;
  private readonly raw: QueryRunner['query'];

  private constructor(
    private readonly runner: QueryRunner,
    /** START TRANSACTION and the settings, in one round trip. */
    setup: string,
  ) {
    this.raw = runner.query.bind(runner);
    // TypeORM sees the transaction from the start, so nothing in the request opens one of its own
    // (its own `transaction()` calls become savepoints, which begin this one first).
    Object.assign(runner as unknown as RunnerState, { isTransactionActive: true, transactionDepth: 1 });
    // Resolvers run concurrently, but one connection runs one statement at a
    // time: queue them here rather than pile them onto the client.
    let queue: Promise<unknown> = Promise.resolve();
    runner.query = ((...args: Parameters<QueryRunner['query']>) => {
      this.begun ??= this.raw(setup);
      const begun = this.begun;
      const run = queue.then(() => begun).then(() => this.raw(...args));
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
    // Literals rather than parameters: two statements go in one simple query, so a request
    // pays one round trip, not two, before its first statement.
    const settings: [string, string][] = [
      ['hub.user_id', actor.userId ?? ''],
      ['hub.role', actor.role ?? ''],
      ['hub.municipality', actor.municipalityCode ?? ''],
      ['hub.schools', actor.schoolCodes.join(',')],
      ['statement_timeout', String(statementTimeoutMs)],
      ['hub.request_id', requestId ?? ''],
    ];
    const setup =
      `START TRANSACTION; ${INFRASTRUCTURE} SELECT set_config('role', '${APP_ROLE}', true)` +
      settings.map(([name, value]) => `, set_config('${name}', ${escapeLiteral(value)}, true)`).join('');
    return new RequestScope(dataSource.createQueryRunner(), setup);
  }

  /** Commits (or rolls back) and returns the connection to the pool; safe to call twice. */
  async close(commit: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      const state = this.runner as unknown as RunnerState;
      if (this.begun && state.isTransactionActive) {
        await this.begun;
        // Statements still queued run first: COMMIT goes through the same queue.
        await this.runner.query(commit ? 'COMMIT' : 'ROLLBACK');
      }
      Object.assign(state, { isTransactionActive: false, transactionDepth: 0 });
    } catch {
      // A failed commit (e.g. after a statement timeout) leaves nothing to undo.
    } finally {
      await this.runner.release();
    }
  }
}
