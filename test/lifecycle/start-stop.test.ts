import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphqlClient } from '../harness/client';

const repoRoot = path.resolve(__dirname, '..', '..');
const mainJs = path.join(repoRoot, 'server', 'dist', 'main.js');

let dataDir: string;
let port: number;
let pgPort: number;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL processes whose command line names this test's data folder. */
function postgresProcesses(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmd.includes('postgres') && cmd.includes(dataDir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function startProduct(): Promise<Started> {
  const child = spawn(process.execPath, [mainJs], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      HUB_DATA_DIR: dataDir,
      PORT: String(port),
      HUB_EMBEDDED_PG_PORT: String(pgPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Хаб готов')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The product did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output, exited };
}

async function post(body: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: body, variables }),
  });
  return response.json();
}

/** Signs in with the demo admin account the first start wrote down, and queries. */
async function adminToken(): Promise<string> {
  const accounts = fs.readFileSync(path.join(dataDir, 'demo-accounts.txt'), 'utf8');
  const [, password] = /^demo-admin\s+(\S+)/m.exec(accounts)!;
  const login = await post('mutation ($p: String!) { login(username: "demo-admin", password: $p) { accessToken } }', {
    p: password,
  });
  return login.data.login.accessToken;
}

async function query(body: string): Promise<any> {
  return post(body, {}, await adminToken());
}

beforeAll(async () => {
  expect(fs.existsSync(mainJs), 'build the server first: pnpm build').toBe(true);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-lifecycle-'));
  fs.chmodSync(dataDir, 0o755);
  port = await freePort();
  pgPort = await freePort();
});

afterAll(() => {
  for (const pid of postgresProcesses()) process.kill(pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the main command with the embedded PostgreSQL', () => {
  it('starts, seeds, serves, and on SIGTERM leaves no PostgreSQL behind', async () => {
    const run = await startProduct();
    expect(run.output()).toMatch(/Загружено: reference:territory@1/);
    expect(run.output()).toMatch(/Загружено: demo:schools@1/);
    expect(run.output()).toContain(`http://localhost:${port}/`);
    // The accounts are printed once, as plain text, and kept in their file (mode 600);
    // no JSON log line carries a password.
    expect(run.output()).toContain(path.join(dataDir, 'demo-accounts.txt'));
    expect(fs.statSync(path.join(dataDir, 'demo-accounts.txt')).mode & 0o777).toBe(0o600);
    const [, adminPassword] = /^demo-admin\s+(\S{16})/m.exec(
      fs.readFileSync(path.join(dataDir, 'demo-accounts.txt'), 'utf8'),
    )!;
    const lines = run.output().split('\n');
    expect(lines.some((line) => line.startsWith('demo-admin') && line.includes(adminPassword!))).toBe(true);
    const logLines = lines.filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes(adminPassword!))).toEqual([]);
    const anonymous = await post('{ schools { totalCount } }');
    expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const data = await query('{ municipalities { code schoolCount } schools { totalCount } }');
    expect(data.data.municipalities).toHaveLength(20);
    expect(data.data.schools.totalCount).toBe(299);
    expect(postgresProcesses().length).toBeGreaterThan(0);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(postgresProcesses()).toEqual([]);
  });

  it('keeps the data on restart and seeds nothing twice; Ctrl-C (SIGINT) stops everything too', async () => {
    const run = await startProduct();
    expect(run.output()).not.toMatch(/Загружено/);
    expect(run.output()).not.toMatch(/demo-admin/);
    const data = await query('{ schools { totalCount } }');
    expect(data.data.schools.totalCount).toBe(299);

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(postgresProcesses()).toEqual([]);
  });

  it('shows a school added by `hub import schools` to a live subscriber within a second', async () => {
    const run = await startProduct();
    const client = new GraphqlClient(`http://127.0.0.1:${port}/graphql`, await adminToken());
    const live = client.subscribe<{ aggregateUpdated: { rows: { key: string; value: number }[] } }>(
      'subscription { aggregateUpdated(indicator: "schools.count", groupBy: MUNICIPALITY) { rows { key value } } }',
    );
    const tomsk = (m: any) => m.data.aggregateUpdated.rows.find((r: { key: string }) => r.key === 'tomsk').value;
    const before = tomsk(await live.next());
    const file = path.join(dataDir, 'one-school.csv');
    fs.writeFileSync(file, 'Код ОО;Муниципалитет;Полное наименование\nsch701999;г. Томск;Школа № 1999 (тест)\n');
    const imported = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const cli = spawn(
        process.execPath,
        [path.join(repoRoot, 'server', 'dist', 'cli', 'hub.js'), 'import', 'schools', file],
        {
          env: { ...process.env, DATABASE_URL: '', HUB_DATA_DIR: dataDir, HUB_EMBEDDED_PG_PORT: String(pgPort) },
        },
      );
      let out = '';
      cli.stdout.on('data', (c) => (out += c));
      cli.stderr.on('data', (c) => (out += c));
      cli.on('exit', (code) => resolve({ code, out }));
    });
    expect(imported.code, imported.out).toBe(0);
    const committed = Date.now();
    const update = await live.next(1000);
    expect(Date.now() - committed).toBeLessThan(1000);
    expect(tomsk(update)).toBe(before + 1);
    await client.close();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(postgresProcesses()).toEqual([]);
  });

  it('after a crash (SIGKILL) the next start takes over the orphaned PostgreSQL and stops it at the end', async () => {
    const crashed = await startProduct();
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    expect(postgresProcesses().length).toBeGreaterThan(0);

    const run = await startProduct();
    // 299 seeded, plus the school imported above: nothing lost in the crash.
    expect((await query('{ schools { totalCount } }')).data.schools.totalCount).toBe(300);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(postgresProcesses()).toEqual([]);
  });

  it('refuses a bad setting with a message that names the variable', async () => {
    const child = spawn(process.execPath, [mainJs], {
      env: { ...process.env, PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr!.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/PORT/);
  });
});
