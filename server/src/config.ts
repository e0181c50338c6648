import path from 'node:path';
import type { OidcConfig } from './modules/users/oidc';

/** Settings come only from the environment; each is validated here and named in errors. */
export interface HubConfig {
  /** HTTP port for GraphQL, WebSockets and the dashboard. */
  port: number;
  host: string;
  /** External PostgreSQL; when unset, an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its files. */
  dataDir: string;
  /** Port of the embedded PostgreSQL. */
  embeddedPgPort: number;
  /** Whether the first start generates the labelled demo data. */
  seedDemo: boolean;
  /** Folder with the built dashboard, served at `/`. */
  dashboardDir: string;
  /** statement_timeout of each request's transaction: a heavy ad-hoc query is cancelled, others keep being served. */
  statementTimeoutMs: number;
  /** Secret for signing access tokens; when unset, one is generated and kept in the database. */
  jwtSecret: string | undefined;
  /** Estimated cost one GraphQL operation may have (see `graphql/query-limits.ts`). */
  maxQueryComplexity: number;
  /** An external identity provider whose tokens are accepted too; undefined: the hub's own only. */
  oidc: OidcConfig | undefined;
  /** pino level of the JSON logs on standard output. */
  logLevel: LogLevel;
  /** When set, `/metrics` answers only requests with `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** The whole shutdown after SIGTERM fits in this: in-flight requests first, then sockets, LISTEN, pool, PostgreSQL. */
  shutdownTimeoutMs: number;
  /** Most rows per chunk of a large import written while the file is still being read (see `openChunkedStager`). */
  importChunkRows: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Above `docker stop`'s 10 s default on purpose: compose gives the servers `stop_grace_period: 20s`. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * The complexity budget of one GraphQL operation, in estimated values returned
 * (see `graphql/query-limits.ts`): 300 schools with their four domains cost
 * about 140 000; a list of schools nested in a list of schools costs millions.
 */
export const DEFAULT_MAX_QUERY_COMPLEXITY = 400_000;

/** A chunk of a participant file: large enough that per-chunk statements cost little, small enough to start early. */
export const DEFAULT_IMPORT_CHUNK_ROWS = 100_000;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const repoRoot = path.resolve(__dirname, '..', '..');

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `expected an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function urlVar(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'expected a postgres:// URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `expected a postgres:// URL, got the protocol "${url.protocol}"`);
  }
  return raw;
}

function secretVar(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32) throw new ConfigError(name, 'expected at least 32 characters');
  return raw;
}

function logLevelVar(env: NodeJS.ProcessEnv, name: string): LogLevel {
  const raw = env[name];
  if (raw === undefined || raw === '') return 'info';
  const level = raw.toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level))
    throw new ConfigError(name, `expected one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

function tokenVar(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  // Compared as a bearer token: guessable or header-breaking values are refused.
  if (raw.length < 16 || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new ConfigError(name, 'expected at least 16 printable characters without spaces');
  }
  return raw;
}

function oidcVars(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const jwksUrl = env.HUB_OIDC_JWKS_URL || undefined;
  const issuer = env.HUB_OIDC_ISSUER || undefined;
  if (!jwksUrl && !issuer) return undefined;
  if (!jwksUrl) throw new ConfigError('HUB_OIDC_JWKS_URL', 'required with HUB_OIDC_ISSUER');
  if (!issuer) throw new ConfigError('HUB_OIDC_ISSUER', 'required with HUB_OIDC_JWKS_URL');
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw new ConfigError('HUB_OIDC_JWKS_URL', 'expected an https:// URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError('HUB_OIDC_JWKS_URL', `expected an https:// URL, got "${jwksUrl}"`);
  }
  return {
    jwksUrl,
    issuer,
    audience: env.HUB_OIDC_AUDIENCE || undefined,
    claims: {
      role: env.HUB_OIDC_ROLE_CLAIM || 'hub_role',
      municipality: env.HUB_OIDC_MUNICIPALITY_CLAIM || 'hub_municipality',
      schools: env.HUB_OIDC_SCHOOLS_CLAIM || 'hub_schools',
    },
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  return {
    port: intVar(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: urlVar(env, 'DATABASE_URL'),
    dataDir: path.resolve(env.HUB_DATA_DIR || path.join(repoRoot, '.data')),
    embeddedPgPort: intVar(env, 'HUB_EMBEDDED_PG_PORT', 54329, 1, 65535),
    seedDemo: boolVar(env, 'HUB_DEMO_DATA', true),
    dashboardDir: path.resolve(env.HUB_DASHBOARD_DIR || path.join(repoRoot, 'dashboard', 'dist')),
    statementTimeoutMs: intVar(env, 'HUB_STATEMENT_TIMEOUT_MS', 5000, 100, 600_000),
    jwtSecret: secretVar(env, 'HUB_JWT_SECRET'),
    maxQueryComplexity: intVar(env, 'HUB_MAX_QUERY_COMPLEXITY', DEFAULT_MAX_QUERY_COMPLEXITY, 100, 100_000_000),
    oidc: oidcVars(env),
    logLevel: logLevelVar(env, 'LOG_LEVEL'),
    metricsToken: tokenVar(env, 'HUB_METRICS_TOKEN'),
    shutdownTimeoutMs: intVar(env, 'HUB_SHUTDOWN_TIMEOUT_MS', DEFAULT_SHUTDOWN_TIMEOUT_MS, 1000, 600_000),
    importChunkRows: intVar(env, 'HUB_IMPORT_CHUNK_ROWS', DEFAULT_IMPORT_CHUNK_ROWS, 1, 10_000_000),
  };
}
