import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { aggregateBenchmark } from './aggregate';
import type { BenchConfig } from './config';
import type { BenchContext } from './context';
import { dashboardBenchmark } from './dashboard';
import { DEFAULT_LIMITS } from '../../server/src/http/gateway';
import { createAccounts, freshDatabase, generateDataset } from './database';
import { ingestBenchmark } from './ingest';
import { liveBenchmark } from './live';
import { memoryBenchmark } from './memory';
import { startServer, type ServerProcess } from './processes';
import { machineLoad, table, verdictOf, type BenchReport, type Figure } from './report';
import { SOCKETS_PER_USER } from './subscribers';
import { throughputBenchmark } from './throughput';

type Benchmark = (ctx: BenchContext) => Promise<Figure[]>;

/** More requests a second than a 2-core machine answers while it also runs the load generator. */
const MAX_REQUESTS_PER_SECOND = 20_000;

/**
 * Users to spread an HTTP load over: at least two per client, and enough that none of them
 * reaches the server's per-user rate limit within a run however fast the server answers (a run
 * starts with full buckets), so that the loads measure the server, not its limiter.
 */
function httpUsers(config: BenchConfig): number {
  const { capacity, perSecond } = DEFAULT_LIMITS.requests;
  const perUser = capacity + perSecond * config.httpSeconds;
  const needed = Math.max(2 * config.connections, (MAX_REQUESTS_PER_SECOND * config.httpSeconds) / perUser);
  // A whole number per client: each user then signs the requests of one client only (see `load`).
  return Math.ceil(needed / config.connections) * config.connections;
}

/**
 * In this order: ingest first (no server running beside it), the two replicas' benchmarks, then
 * memory with a server process of its own.
 */
const BENCHMARKS: [string, Benchmark][] = [
  ['ingest', ingestBenchmark],
  ['aggregate', aggregateBenchmark],
  ['throughput', throughputBenchmark],
  ['live', liveBenchmark],
  ['dashboard', dashboardBenchmark],
  ['memory', memoryBenchmark],
];

/**
 * Runs every benchmark on a freshly generated dataset in a database of its own and returns the
 * report. A benchmark that fails gives its error as a note and no figure; the others still run.
 */
export async function runBenchmarks(
  config: BenchConfig,
  options: { adminUrl?: string; log?: (line: string) => void } = {},
): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const startedAt = new Date();
  const loadAtStart = machineLoad();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  const db = await freshDatabase(options.adminUrl);
  let servers: [ServerProcess, ServerProcess] | undefined;
  const figures: Figure[] = [];
  try {
    log(`Generating ${config.schools} schools and ${config.participants} participant rows…`);
    const generateSeconds = await generateDataset(db.url, config);
    log(`Generated in ${generateSeconds.toFixed(1)} s`);
    const users = Math.max(httpUsers(config), Math.ceil(config.subscribers / SOCKETS_PER_USER)) + 1;
    const accounts = await createAccounts(db.url, users);
    const ctx: BenchContext = {
      config,
      databaseUrl: db.url,
      workDir,
      accounts,
      log,
      servers: async () => (servers ??= await Promise.all([startServer(db.url), startServer(db.url)])),
    };
    for (const [name, benchmark] of BENCHMARKS) {
      if (config.only && !config.only.has(name)) continue;
      const started = Date.now();
      log(`— ${name}`);
      try {
        figures.push(...(await benchmark(ctx)));
      } catch (error) {
        log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
        // What the servers logged last, warnings and errors only: why a request failed is usually there.
        for (const server of servers ?? []) {
          const notable = server
            .output()
            .split('\n')
            .filter((line) => /"level":(40|50|60)/.test(line));
          if (notable.length) log(`  ${server.url} logged:\n${notable.slice(-20).join('\n')}`);
        }
        figures.push({
          benchmark: name,
          id: `${name}.error`,
          title: `${name}: failed`,
          value: Number.NaN,
          unit: '',
          note: error instanceof Error ? error.message : String(error),
        });
      }
      log(`  ${name} took ${((Date.now() - started) / 1000).toFixed(0)} s`);
      if (name === 'dashboard' && servers) {
        await Promise.all(servers.map((s) => s.stop()));
        servers = undefined;
      }
    }
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const postgres = (await client.query('SHOW server_version')).rows[0].server_version as string;
    await client.end();
    const finishedAt = new Date();
    return {
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
      config: { ...config, only: config.only ? [...config.only] : null },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
        node: process.version,
        postgres,
        loadAverage: { start: loadAtStart, end: machineLoad() },
        embeddedPostgres: db.embedded,
      },
      dataset: { schools: config.schools, participants: config.participants, generateSeconds },
      figures: figures.map((f) => ({ ...f, verdict: verdictOf(f) })),
    };
  } finally {
    if (servers) await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

export { table };
