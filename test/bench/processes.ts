import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const hubJs = path.join(repoRoot, 'server', 'dist', 'cli', 'hub.js');
export const mainJs = path.join(repoRoot, 'server', 'dist', 'main.js');

/** A field of /proc/<pid>/status in MB (VmRSS: now; VmHWM: the peak so far); 0 once the process is gone. */
export function procMemoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface CliRun {
  code: number | null;
  seconds: number;
  /** The command's peak resident memory (the kernel's high-water mark, sampled every 20 ms). */
  peakRssMb: number;
  output: string;
}

/** The built `hub` command line, run as an operator would, with its wall time and peak memory. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
  options: { input?: string; nodeArgs?: string[] } = {},
): Promise<CliRun> {
  if (!fs.existsSync(hubJs)) throw new Error('Build the server first: pnpm --filter @hub/server build');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), hubJs, ...args], {
    env: { ...process.env, HUB_DEMO_DATA: 'false', ...env },
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  let output = '';
  let peak = 0;
  const sample = () => (peak = Math.max(peak, procMemoryMb(child.pid!, 'VmHWM')));
  child.stdout!.on('data', (c) => {
    output += c;
    sample();
  });
  child.stderr!.on('data', (c) => (output += c));
  const sampler = setInterval(sample, 20);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  return { code, seconds: Number(process.hrtime.bigint() - started) / 1e9, peakRssMb: peak, output };
}

export interface ServerProcess {
  url: string;
  endpoint: string;
  pid: number;
  rssMb(): number;
  /** The last lines the server wrote (its log), for a failed benchmark's report. */
  output(): string;
  stop(): Promise<void>;
}

/** `node server/dist/main.js` on a free port against `databaseUrl`, resolved once it says it is ready. */
/** Characters of a server's output kept for error messages. */
const OUTPUT_TAIL = 64 * 1024;

export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  // BENCH_CPU_PROF_DIR: every server writes a CPU profile there when it stops (for Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF_DIR;
  const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, mainJs], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      HUB_DEMO_DATA: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let ready = false;
  // Only the output's tail is kept: a server logs a line per request, and a string growing by
  // megabytes in this process (rescanned on every chunk) would slow the load generator itself.
  const keep = (chunk: string) => {
    output = (output + chunk).slice(-OUTPUT_TAIL);
  };
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start in 120 s:\n${output}`)), 120_000);
    child.stdout!.on('data', (c: string) => {
      keep(c);
      if (!ready && output.includes('Хаб готов')) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', keep);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited (${code}) before it was ready:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    endpoint: `${url}graphql`,
    pid: child.pid!,
    rssMb: () => procMemoryMb(child.pid!, 'VmRSS'),
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
