import path from 'node:path';
import { createClient, type Client as WsClient } from 'graphql-ws';
import pg from 'pg';
import { inject } from 'vitest';
import WebSocket from 'ws';
import { startHub, type Hub } from '../../server/src/app';
import { QueryCounter } from '../../server/src/db/query-counter';
import { TEMPLATES } from './global-setup';

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Subscription<T = Record<string, any>> {
  /** The next message (waits up to `timeoutMs`). */
  next(timeoutMs?: number): Promise<GqlResult<T>>;
  /** Messages received and not yet taken with `next`. */
  pending(): number;
  close(): Promise<void>;
}

export interface TestHub {
  hub: Hub;
  url: string;
  databaseUrl: string;
  /** Counts the SQL statements the server sends. */
  queries: QueryCounter;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  /** Like `gql`, but fails the test on any GraphQL error. */
  gqlOk<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  subscribe<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Subscription<T>;
  /** Direct SQL on the same database (not counted), for factories and assertions. */
  sql<R extends Record<string, any> = Record<string, any>>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

const dashboardDir = path.resolve(__dirname, '..', '..', 'dashboard', 'dist');

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database cloned from a template (migrated; `seeded` also has reference and demo data). */
export async function createTestDatabase(template: keyof typeof TEMPLATES = 'seeded'): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATES[template]}`);
  await admin.end();
  return databaseUrl(adminUrl, name);
}

/**
 * The real server on a free port against its own fresh database, or against
 * `databaseUrl` (a second replica of another test hub).
 */
export async function startTestHub(
  options: { template?: keyof typeof TEMPLATES; seedDemo?: boolean; databaseUrl?: string } = {},
): Promise<TestHub> {
  const url = options.databaseUrl ?? (await createTestDatabase(options.template));
  const queries = new QueryCounter();
  const hub = await startHub({
    databaseUrl: url,
    port: 0,
    host: '127.0.0.1',
    dashboardDir,
    seedDemo: options.seedDemo ?? true,
    queryLogger: queries,
  });
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const wsClients: WsClient[] = [];
  const endpoint = `${hub.url}graphql`;

  const gql = async <T>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResult<T>;
  };

  return {
    hub,
    url: hub.url,
    databaseUrl: url,
    queries,
    gql,
    async gqlOk<T>(query: string, variables?: Record<string, unknown>) {
      const result = await gql<T>(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    subscribe<T>(query: string, variables?: Record<string, unknown>): Subscription<T> {
      const client = createClient({ url: endpoint.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
      wsClients.push(client);
      const received: GqlResult<T>[] = [];
      const waiters: ((r: GqlResult<T>) => void)[] = [];
      const push = (message: GqlResult<T>) => {
        const waiter = waiters.shift();
        if (waiter) waiter(message);
        else received.push(message);
      };
      const dispose = client.subscribe<T>(
        { query, variables },
        {
          next: (message) => push(message as GqlResult<T>),
          error: (error) => push({ errors: [{ message: String((error as Error).message ?? error) }] }),
          complete: () => undefined,
        },
      );
      return {
        next(timeoutMs = 5000) {
          const ready = received.shift();
          if (ready) return Promise.resolve(ready);
          return new Promise((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`No subscription message within ${timeoutMs} ms`)),
              timeoutMs,
            );
            waiters.push((message) => {
              clearTimeout(timer);
              resolve(message);
            });
          });
        },
        pending: () => received.length,
        async close() {
          dispose();
          await client.dispose();
        },
      };
    },
    async sql<R extends Record<string, any>>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as R[];
    },
    async close() {
      await Promise.all(wsClients.map((c) => c.dispose()));
      await pool.end();
      await hub.close();
    },
  };
}
