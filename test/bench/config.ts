/**
 * What `pnpm bench` measures and at what size. Two profiles: `full` (national scale, the figures
 * compared with their targets) and `smoke` (tiny, inside the test command, so the benchmark
 * cannot rot). Every size can be changed by an environment variable named next to it.
 */
export interface BenchConfig {
  profile: 'full' | 'smoke';
  /** Synthetic schools and participant rows of the generated dataset (`hub generate`). */
  schools: number;
  participants: number;
  seed: number;
  /** Each figure is the median of this many runs. */
  runs: number;
  /** Rows of the participant file imported by the ingest benchmark. */
  ingestRows: number;
  /** Concurrent HTTP clients of the aggregate and throughput benchmarks, and seconds per run. */
  connections: number;
  httpSeconds: number;
  /** graphql-ws subscribers of the live and memory benchmarks, and the writes of the live one. */
  subscribers: number;
  writes: number;
  writesPerSecond: number;
  /** Rows of the import during which live messages are counted. */
  liveImportRows: number;
  /** Benchmarks to run (all by default): ingest, aggregate, live, throughput, memory, dashboard. */
  only: Set<string> | null;
}

export const BENCHMARKS = ['ingest', 'aggregate', 'live', 'throughput', 'memory', 'dashboard'] as const;

const PROFILES: Record<BenchConfig['profile'], Omit<BenchConfig, 'profile' | 'only'>> = {
  full: {
    schools: 40_000,
    participants: 20_000_000,
    seed: 1,
    runs: 5,
    ingestRows: 1_000_000,
    connections: 50,
    httpSeconds: 8,
    subscribers: 1000,
    writes: 200,
    writesPerSecond: 10,
    liveImportRows: 1_000_000,
  },
  smoke: {
    schools: 200,
    participants: 5_000,
    seed: 1,
    runs: 2,
    ingestRows: 2_000,
    connections: 10,
    httpSeconds: 1,
    subscribers: 10,
    writes: 10,
    writesPerSecond: 10,
    liveImportRows: 2_000,
  },
};

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value > 0) || !Number.isFinite(value)) throw new Error(`${name}: a positive number expected, got "${raw}"`);
  return value;
}

/** The profile (`BENCH_PROFILE`, full by default) with any size overridden by `BENCH_*` variables. */
export function benchConfig(env: NodeJS.ProcessEnv = process.env, profile?: BenchConfig['profile']): BenchConfig {
  const name = profile ?? ((env.BENCH_PROFILE ?? 'full') as BenchConfig['profile']);
  const base = PROFILES[name];
  if (!base) throw new Error(`BENCH_PROFILE: full or smoke, got "${name}"`);
  const only = env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(',').map((s) => s.trim())) : null;
  for (const b of only ?? []) {
    if (!(BENCHMARKS as readonly string[]).includes(b)) throw new Error(`BENCH_ONLY: unknown benchmark "${b}"`);
  }
  const runs = Math.round(positive(env, 'BENCH_RUNS', base.runs));
  if (runs < 5 && name === 'full') throw new Error('BENCH_RUNS: at least 5 runs per figure');
  return {
    profile: name,
    schools: Math.round(positive(env, 'BENCH_SCHOOLS', base.schools)),
    participants: Math.round(positive(env, 'BENCH_PARTICIPANTS', base.participants)),
    seed: Math.round(positive(env, 'BENCH_SEED', base.seed)),
    runs,
    ingestRows: Math.round(positive(env, 'BENCH_INGEST_ROWS', base.ingestRows)),
    connections: Math.round(positive(env, 'BENCH_CONNECTIONS', base.connections)),
    httpSeconds: positive(env, 'BENCH_HTTP_SECONDS', base.httpSeconds),
    subscribers: Math.round(positive(env, 'BENCH_SUBSCRIBERS', base.subscribers)),
    writes: Math.round(positive(env, 'BENCH_WRITES', base.writes)),
    writesPerSecond: positive(env, 'BENCH_WRITES_PER_SECOND', base.writesPerSecond),
    liveImportRows: Math.round(positive(env, 'BENCH_LIVE_IMPORT_ROWS', base.liveImportRows)),
    only,
  };
}
