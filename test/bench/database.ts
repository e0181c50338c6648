import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../../server/src/db/data-source';
import { startEmbeddedDatabase } from '../../server/src/db/embedded';
import { Role } from '../../server/src/modules/users/role';
import { UsersService } from '../../server/src/modules/users/users.service';
import type { BenchConfig } from './config';
import { runCli } from './processes';

export interface BenchDatabase {
  url: string;
  /** Whether PostgreSQL runs on this machine (its backends then compete for the same two cores). */
  embedded: boolean;
  drop(): Promise<void>;
}

/**
 * A database of its own: a new one next to `adminUrl` (or `DATABASE_URL`) when given, else an
 * embedded PostgreSQL in a temporary folder on a port of its own, removed afterwards.
 */
export async function freshDatabase(adminUrl = process.env.DATABASE_URL): Promise<BenchDatabase> {
  const name = `hub_bench_${Date.now().toString(36)}`;
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      embedded: false,
      drop: async () => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-pg-'));
  fs.chmodSync(dataDir, 0o755);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const db = await startEmbeddedDatabase({ dataDir, port, ifRunning: 'attach' });
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  return {
    url: db.url(name),
    embedded: true,
    drop: async () => {
      await db.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `hub generate`: migrations, reference data and the synthetic national dataset, through COPY. */
export async function generateDataset(databaseUrl: string, config: BenchConfig): Promise<number> {
  const args = ['generate', '--schools', String(config.schools), '--participants', String(config.participants)];
  // With the region's labelled demo data too (ВСОКО, self-diagnostics, plans): the dashboard's
  // overview opens on indicators that only the demo data fill.
  const run = await runCli([...args, '--seed', String(config.seed)], {
    DATABASE_URL: databaseUrl,
    HUB_DEMO_DATA: 'true',
  });
  if (run.code !== 0) throw new Error(`hub generate failed:\n${run.output}`);
  // Fresh statistics and visibility map for every table the benchmarks read.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('VACUUM ANALYZE');
  await client.end();
  return run.seconds;
}

export interface Account {
  username: string;
  password: string;
}

/**
 * Region admins for the benchmarks, made as `hub user add` makes them. Several, because limits
 * are per user (50 requests per second, 20 sockets): each benchmark client is its own person.
 */
export async function createAccounts(databaseUrl: string, count: number): Promise<Account[]> {
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 2 });
  await dataSource.initialize();
  try {
    const users = new UsersService(dataSource.manager);
    const accounts: Account[] = [];
    for (let i = 1; i <= count; i++) {
      const account = { username: `bench-admin-${i}`, password: `bench-password-${i}-${Math.random().toString(36)}` };
      await users.create({ ...account, role: Role.REGION_ADMIN, displayName: `Нагрузочный тест ${i}` });
      accounts.push(account);
    }
    return accounts;
  } finally {
    await dataSource.destroy();
  }
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: Record<string, unknown>;
}

/** Signs in over HTTP; the whole answer, as the dashboard keeps it. */
export async function signIn(endpoint: string, account: Account): Promise<SignedIn> {
  for (;;) {
    const response = await signInOnce(endpoint, account);
    // Sign-ins are counted by address, like any anonymous request: past the burst, a few wait for the refill.
    if (response !== 'RATE_LIMITED') return response;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function signInOnce(endpoint: string, account: Account): Promise<SignedIn | 'RATE_LIMITED'> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) {
        accessToken refreshToken expiresIn
        user { id username displayName role municipalityCode schoolCode assignedSchools } } }`,
      variables: { u: account.username, p: account.password },
    }),
  });
  const body = (await response.json()) as {
    data?: { login: SignedIn };
    errors?: { extensions?: { code?: string } }[];
  };
  if (body.errors?.[0]?.extensions?.code === 'RATE_LIMITED') return 'RATE_LIMITED';
  if (!body.data?.login) throw new Error(`Sign-in failed: ${JSON.stringify(body.errors)}`);
  return body.data.login;
}

/** Posts a GraphQL operation and fails on any error. */
export async function gqlOk<T>(endpoint: string, token: string, query: string, variables?: object): Promise<T> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
