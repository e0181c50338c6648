import type { DataSource } from 'typeorm';
import { INFRASTRUCTURE } from '../db/query-counter';
import type { ChangeFeed } from '../realtime/change-feed';

export interface CheckResult {
  ok: boolean;
  /** What is wrong, for the operator reading the body of a 503. */
  error?: string;
}

export interface ReadinessReport {
  ready: boolean;
  /** Set once SIGTERM has arrived: the load balancer should send nothing new here. */
  shuttingDown?: true;
  checks: {
    database: CheckResult;
    migrations: CheckResult & { pending?: string[] };
    changeFeed: CheckResult;
  };
}

/** A check that hangs (a black-holed network) must not hang the probe. */
export const READINESS_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`нет ответа за ${ms} мс`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** TypeORM's own rule for a migration's name (the name the `migrations` table records). */
function migrationName(migration: object): string {
  return (migration as { name?: string }).name || migration.constructor.name;
}

/**
 * Whether this replica should get traffic: the database answers through the
 * pool, every migration this code knows is applied (a newer database is fine:
 * replicas of the next version migrate first), and the change feed's LISTEN
 * connection is up — without it, subscribers here would miss updates.
 */
export class Readiness {
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: ChangeFeed,
    private readonly timeoutMs = READINESS_TIMEOUT_MS,
  ) {}

  markStopping(): void {
    this.stopping = true;
  }

  async check(): Promise<ReadinessReport> {
    const checks: ReadinessReport['checks'] = {
      database: { ok: true },
      migrations: { ok: true },
      changeFeed: this.feed.connected
        ? { ok: true }
        : { ok: false, error: 'соединение LISTEN с PostgreSQL потеряно; идёт переподключение' },
    };
    try {
      const rows: { name: string }[] = await withTimeout(
        this.dataSource.query(`${INFRASTRUCTURE} SELECT name FROM migrations`),
        this.timeoutMs,
      );
      const applied = new Set(rows.map((r) => r.name));
      const pending = this.dataSource.migrations.map(migrationName).filter((name) => !applied.has(name));
      if (pending.length > 0) {
        checks.migrations = { ok: false, error: 'не применены миграции: выполните `hub migrate`', pending };
      }
    } catch (error) {
      const message = `база данных недоступна: ${(error as Error).message}`;
      checks.database = { ok: false, error: message };
      checks.migrations = { ok: false, error: 'не проверены: база данных недоступна' };
    }
    const ready = !this.stopping && Object.values(checks).every((c) => c.ok);
    return { ready, ...(this.stopping && { shuttingDown: true as const }), checks };
  }
}
