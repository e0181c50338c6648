import type { BenchConfig } from './config';
import type { Account } from './database';
import type { ServerProcess } from './processes';

/** What every benchmark gets from the runner. */
export interface BenchContext {
  config: BenchConfig;
  databaseUrl: string;
  /** A temporary folder for generated files. */
  workDir: string;
  /** Region admins: two per HTTP connection (limits are per user), enough for the sockets' per-user limit, and one for the dashboard. */
  accounts: Account[];
  /** Two replicas of the server on the same database (started by the runner for the benchmarks that need them). */
  servers: () => Promise<[ServerProcess, ServerProcess]>;
  log(line: string): void;
}
