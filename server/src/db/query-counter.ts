import type { Logger, QueryRunner } from 'typeorm';

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

  constructor(private readonly keep = 0) {}

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
    console.error(`SQL failed: ${error instanceof Error ? error.message : error}\n  ${query}`);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    console.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') console.warn(message);
  }
}
