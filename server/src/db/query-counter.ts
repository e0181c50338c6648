import type { Logger, QueryRunner } from 'typeorm';
import type { Logger as JsonLogger } from '../observability/logger';

/**
 * Counts the SQL statements the application sends, so tests can hold the
 * "no N+1" promise to a number. Errors are logged; successful queries are not.
 */
/** Marks statements every request pays once (its transaction and scope, the caller's session). */
export const INFRASTRUCTURE = '/* hub:infrastructure */';
const CONTROL = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)\b/i;

export class QueryCounter implements Logger {
  count = 0;
  private readonly recent: string[] = [];
  /** The server's JSON log; without one (the command line) messages go to the console. */
  private json: JsonLogger | undefined;

  constructor(private readonly keep = 0) {}

  useLogger(log: JsonLogger): void {
    this.json = log;
  }

  /**
   * Counts the statements of the work itself: transaction control and the
   * per-request infrastructure are a constant, not what N+1 is about.
   */
  logQuery(query: string): void {
    if (CONTROL.test(query) || query.startsWith(INFRASTRUCTURE)) return;
    this.count++;
    if (this.keep > 0) {
      this.recent.push(query);
      if (this.recent.length > this.keep) this.recent.shift();
    }
  }

  /** The last statements, newest last (only when constructed with `keep`). */
  lastQueries(): readonly string[] {
    return this.recent;
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.count++;
    const message = error instanceof Error ? error.message : error;
    // The statement's text, never its parameters (they may hold codes and hashes).
    if (this.json) this.json.warn({ sqlError: message, query }, 'SQL statement failed');
    else console.error(`SQL failed: ${message}\n  ${query}`);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (this.json) this.json.info({ migration: message }, 'migration');
    else console.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level !== 'warn') return;
    if (this.json) this.json.warn({ typeorm: message }, 'TypeORM warning');
    else console.warn(message);
  }
}
