import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { startHub, type Hub, type HubOptions } from '../../server/src/app';
import { QueryCounter } from '../../server/src/db/query-counter';
import { createLogger } from '../../server/src/observability/logger';
import { GraphqlClient, type GqlResult, type Subscription } from './client';
import { TEST_ADMIN, TEMPLATES } from './global-setup';

export type { GqlResult, Subscription } from './client';

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
  /** The signed-in region admin every `gql`/`subscribe` above goes through. */
  admin: GraphqlClient;
  /** A client without a token. */
  anonymous: GraphqlClient;
  /** Signs in and returns a client for that user. */
  signIn(username: string, password: string): Promise<GraphqlClient>;
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
  options: {
    template?: keyof typeof TEMPLATES;
    seedDemo?: boolean;
    databaseUrl?: string;
    /** Server settings a test needs other than the defaults (limits, statement timeout). */
    server?: Pick<
      HubOptions,
      'limits' | 'statementTimeoutMs' | 'oidc' | 'logger' | 'metricsToken' | 'shutdownTimeoutMs'
    >;
  } = {},
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
    // A line per request would drown the test output: warnings and errors only, unless LOG_LEVEL says otherwise.
    logger: createLogger({ level: process.env.LOG_LEVEL || 'warn' }),
    ...options.server,
  });
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const endpoint = `${hub.url}graphql`;
  const clients: GraphqlClient[] = [];
  const signIn = async (username: string, password: string) => {
    const result = await new GraphqlClient(endpoint, null).gqlOk<{ login: { accessToken: string } }>(
      'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
      { u: username, p: password },
    );
    const client = new GraphqlClient(endpoint, result.login.accessToken);
    clients.push(client);
    return client;
  };
  const admin = await signIn(TEST_ADMIN.username, TEST_ADMIN.password);
  const anonymous = new GraphqlClient(endpoint, null);
  clients.push(anonymous);

  return {
    hub,
    url: hub.url,
    databaseUrl: url,
    queries,
    admin,
    anonymous,
    signIn,
    gql: (query, variables) => admin.gql(query, variables),
    gqlOk: (query, variables) => admin.gqlOk(query, variables),
    subscribe: (query, variables) => admin.subscribe(query, variables),
    async sql<R extends Record<string, any>>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as R[];
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await pool.end();
      await hub.close();
    },
  };
}
