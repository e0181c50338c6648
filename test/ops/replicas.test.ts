import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_ADMIN } from '../harness/global-setup';
import { createTestDatabase } from '../harness/hub';
import { RoundRobinProxy } from '../harness/proxy';

/**
 * The production topology in small: two server processes on one database
 * behind a load balancer (a local round-robin proxy with failover, in place
 * of nginx). Live updates travel through PostgreSQL's LISTEN/NOTIFY, so a
 * subscriber is served by whichever replica it reached, and survives either
 * replica going away.
 */
const mainJs = path.resolve(__dirname, '..', '..', 'server', 'dist', 'main.js');

interface Replica {
  name: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let databaseUrl: string;
let db: pg.Client;
let proxy: RoundRobinProxy;
let ports: [number, number];
const running = new Set<Replica>();
let client: Client | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function startReplica(name: string, port: number): Promise<Replica> {
  const child = spawn(process.execPath, [mainJs], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      HUB_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      HUB_SHUTDOWN_TIMEOUT_MS: '5000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const replica: Replica = { name, port, child, output: () => output, exited };
  running.add(replica);
  const deadline = Date.now() + 30_000;
  while (!output.includes('Хаб готов')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return replica;
}

async function stopReplica(replica: Replica): Promise<void> {
  replica.child.kill('SIGTERM');
  expect(await replica.exited, replica.output()).toBe(0);
  running.delete(replica);
  expect(replica.output()).toMatch(/WebSockets closed with 1012|Остановлено/);
}

let schoolNumber = 0;
async function addSchool(): Promise<void> {
  schoolNumber += 1;
  await db.query(`INSERT INTO school (code, municipality_code, full_name) VALUES ($1, 'tomsk', $2)`, [
    `sch7r${String(schoolNumber).padStart(4, '0')}`,
    `Школа реплик № ${schoolNumber} (тест)`,
  ]);
}

beforeAll(async () => {
  expect(fs.existsSync(mainJs), 'build the server first: pnpm build').toBe(true);
  databaseUrl = await createTestDatabase('seeded');
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  ports = [await freePort(), await freePort()];
  proxy = new RoundRobinProxy(ports);
  await proxy.listen();
});

afterAll(async () => {
  await client?.dispose();
  for (const replica of running) replica.child.kill('SIGKILL');
  await proxy?.close();
  await db?.end();
});

it('a subscriber keeps receiving while either replica stops, reconnecting through the balancer', async () => {
  const [a, firstB] = await Promise.all([startReplica('A', ports[0]), startReplica('B', ports[1])]);
  let b = firstB;

  const login = await fetch(`${proxy.url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
      variables: { u: TEST_ADMIN.username, p: TEST_ADMIN.password },
    }),
  });
  const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;

  const closes: number[] = [];
  client = createClient({
    url: `${proxy.url.replace(/^http/, 'ws')}graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    // The dashboard retries forever with backoff; here quickly, to keep the test short.
    retryAttempts: 20,
    retryWait: () => new Promise((r) => setTimeout(r, 200)),
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
  const received: number[] = [];
  const waiters: (() => void)[] = [];
  client.subscribe<{ aggregateUpdated: { rows: { key: string; value: number }[] } }>(
    {
      query:
        'subscription { aggregateUpdated(indicator: "schools.count", groupBy: MUNICIPALITY) { rows { key value } } }',
    },
    {
      next: (message) => {
        received.push(message.data!.aggregateUpdated.rows.find((r) => r.key === 'tomsk')!.value);
        waiters.splice(0).forEach((wake) => wake());
      },
      error: (error) => {
        throw new Error(`subscription failed: ${JSON.stringify(error)}`);
      },
      complete: () => undefined,
    },
  );
  /** Waits for a message with this value (the current result after a reconnection counts). */
  const receive = async (value: number, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!received.includes(value)) {
      if (Date.now() > deadline) throw new Error(`no update to ${value} within ${ms} ms; got ${received.join(', ')}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  };

  await new Promise<void>((wake) => waiters.push(wake));
  const start = received[0]!;
  expect(proxy.upgrades).toEqual([0]); // the subscriber's socket is on A

  // A write through replica B reaches the subscriber on A: the change feed is the database's.
  const form = new FormData();
  form.append(
    'file',
    new Blob(['Код ОО;Муниципалитет;Полное наименование\nsch7r9999;г. Томск;Школа Б (тест)\n']),
    'b.csv',
  );
  const upload = await fetch(`http://127.0.0.1:${b.port}/api/imports/schools`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(upload.status).toBe(202);
  await receive(start + 1);

  // B stops: nothing changes for a subscriber on A; the balancer sends requests to A.
  await stopReplica(b);
  await addSchool();
  await receive(start + 2);
  const viaProxy = await fetch(`${proxy.url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ schools { totalCount } }' }),
  });
  expect(((await viaProxy.json()) as any).data.schools.totalCount).toBe(299 + 2);
  expect(closes).toEqual([]);

  // B is back, then A stops: the socket closes with 1012, the client reconnects through the balancer to B.
  b = await startReplica('B', ports[1]);
  await stopReplica(a);
  expect(closes[0]).toBe(1012);
  await addSchool();
  await receive(start + 3);
  expect(proxy.upgrades.slice(1).every((backend) => backend === 1)).toBe(true);
  expect(proxy.upgrades.length).toBeGreaterThanOrEqual(2);
  await addSchool();
  await receive(start + 4);
}, 90_000);
