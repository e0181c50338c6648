import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { it } from 'vitest';
import { startEmbeddedDatabase } from '../../server/src/db/embedded';
import { writeParticipantFile } from '../harness/participant-file';

/**
 * `pnpm bench:import`: a deterministic 1,000,000-row participant file imported through the
 * real command line (`hub import participant-results <file>`) into a fresh database (the
 * embedded PostgreSQL in a temporary folder, or a new database next to `DATABASE_URL`), twice:
 * the first run writes everything, the second finds nothing to change. Prints rows per second
 * end to end (the whole command, start to exit) and the command's peak memory (VmHWM).
 */

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const hubJs = path.resolve(__dirname, '..', '..', 'server', 'dist', 'cli', 'hub.js');

interface Run {
  code: number | null;
  seconds: number;
  peakRssMb: number;
  /** CPU seconds of the command, and of the PostgreSQL backends serving it (when PostgreSQL runs here). */
  cpu: { command: number; database: number | null };
  stdout: string;
}

/** Peak resident memory of a running process so far, from the kernel's own high-water mark. */
function peakRssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of a process so far; null once it is gone or elsewhere. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Runs the command and samples, every 100 ms: its peak memory and CPU, and the CPU of the
 * database backends it opened (application_name `hub-import`). Other work on a shared
 * machine slows the wall clock; the CPU seconds say what the import itself costs.
 */
async function runHub(args: string[], databaseUrl: string): Promise<Run> {
  const monitor = new pg.Client({ connectionString: databaseUrl });
  await monitor.connect();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [hubJs, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let peak = 0;
  let commandCpu = 0;
  const backendCpu = new Map<number, number | null>();
  let sampling = false;
  const sample = async () => {
    peak = Math.max(peak, peakRssKb(child.pid!));
    commandCpu = cpuSeconds(child.pid!) ?? commandCpu;
    if (sampling) return;
    sampling = true;
    try {
      const { rows } = await monitor.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'hub-import'`);
      for (const { pid } of rows as { pid: number }[]) {
        const cpu = cpuSeconds(pid);
        backendCpu.set(pid, cpu ?? backendCpu.get(pid) ?? null);
      }
    } finally {
      sampling = false;
    }
  };
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stdout += c));
  // Not more often: on two cores the sampling itself (a query and /proc reads) would slow the import.
  const sampler = setInterval(() => void sample().catch(() => undefined), 100);
  // The last sample is taken as the command writes its report, just before it exits.
  child.stdout.on('data', () => void sample().catch(() => undefined));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await monitor.end();
  const measured = [...backendCpu.values()];
  const database = measured.length > 0 && measured.every((c) => c !== null) ? sum(measured as number[]) : null;
  return { code, seconds, peakRssMb: peak / 1024, cpu: { command: commandCpu, database }, stdout };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const admin = new URL(external);
    const name = `hub_bench_${Date.now().toString(36)}`;
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: admin.toString() });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-pg-'));
  fs.chmodSync(dataDir, 0o755);
  const port = Number(process.env.HUB_EMBEDDED_PG_PORT ?? 20000 + Math.floor(Math.random() * 20000));
  const db = await startEmbeddedDatabase({ dataDir, port, ifRunning: 'attach' });
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE hub_bench`);
  await admin.end();
  return {
    url: db.url('hub_bench'),
    drop: async () => {
      await db.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function report(label: string, run: Run): void {
  const job = /(\d+) мс\)/.exec(run.stdout)?.[1];
  const counts = /Прочитано:.*$/m.exec(run.stdout)?.[0] ?? run.stdout;
  const database = run.cpu.database === null ? 'not measured' : `${run.cpu.database.toFixed(1)} s`;
  console.log(
    `${label}: exit ${run.code}; ${run.seconds.toFixed(2)} s end to end → ` +
      `${Math.round(ROWS / run.seconds).toLocaleString('en')} rows/s; import job ${job} ms; ` +
      `peak RSS ${run.peakRssMb.toFixed(0)} MB; CPU: command ${run.cpu.command.toFixed(1)} s, ` +
      `PostgreSQL ${database}; load average ${os.loadavg()[0]!.toFixed(1)}\n  ${counts}`,
  );
}

it(
  `imports ${ROWS.toLocaleString('en')} participant rows through the command line`,
  async () => {
    if (!fs.existsSync(hubJs)) throw new Error('Build the server first: pnpm --filter @hub/server build');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
    const db = await freshDatabase();
    try {
      const prepared = await runHub(['seed'], db.url);
      if (prepared.code !== 0) throw new Error(prepared.stdout);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const schools = (await client.query('SELECT code FROM school ORDER BY code')).rows.map((r) => r.code as string);
      const file = path.join(dir, 'participants.csv');
      const generated = Date.now();
      await writeParticipantFile(file, ROWS, schools);
      const size = fs.statSync(file).size;
      console.log(
        `File: ${ROWS.toLocaleString('en')} rows, ${(size / 1024 / 1024).toFixed(1)} MB, ` +
          `${schools.length} schools, generated in ${Date.now() - generated} ms; ${os.cpus().length} CPUs`,
      );

      const first = await runHub(['import', 'participant-results', file], db.url);
      report('First import (all new)', first);
      if (first.code !== 0) throw new Error(first.stdout);
      const second = await runHub(['import', 'participant-results', file], db.url);
      report('Second import (unchanged)', second);

      const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM participant_result WHERE NOT is_demo')).rows;
      console.log(`Real participant rows stored: ${n}`);
      await client.end();
    } finally {
      await db.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  30 * 60_000,
);
