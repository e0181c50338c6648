import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS } from './config';
import { createDataSource } from './db/data-source';
import { migrate } from './db/migrate';
import type { QueryCounter } from './db/query-counter';
import { buildHubSchema } from './graphql/schema';
import { startHttpServer } from './http/server';
import { AggregateService, LiveAggregates } from './analytics';
import type { AppServices } from './graphql/context';
import { SchoolScopes } from './db/school-scopes';
import { ensureJwtSecret } from './db/secrets';
import { DEFAULT_LIMITS, type ServerLimits } from './http/gateway';
import { AuthService, TokenService } from './modules/users';
import { OidcVerifier, type OidcConfig } from './modules/users/oidc';
import { LiveRisk, RiskService } from './modules/risk';
import { createLogger, type Logger } from './observability/logger';
import { createMetrics, type HubMetrics } from './observability/metrics';
import { Readiness } from './observability/readiness';
import { ChangeFeed } from './realtime/change-feed';
import { createHubPubSub, type HubPubSub } from './realtime/topics';
import { runSeeds, type SeedReport } from './seed/run-seeds';

export interface HubOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  dashboardDir: string;
  /** Generate the labelled demo data on the first start. */
  seedDemo: boolean;
  /** Replaces the default query logger (tests count statements with it). */
  queryLogger?: QueryCounter;
  /** statement_timeout of request transactions; 5 s by default. */
  statementTimeoutMs?: number;
  /** Signing secret of access tokens; by default one kept in the database, shared by replicas. */
  jwtSecret?: string;
  /** Rate limit, query depth and complexity, sockets per user; `DEFAULT_LIMITS` for what is not given. */
  limits?: Partial<ServerLimits>;
  /** Accept an identity provider's access tokens too. */
  oidc?: OidcConfig;
  /** JSON log of the server; standard output at `info` by default. */
  logger?: Logger;
  /** When set, `/metrics` wants it as a bearer token. */
  metricsToken?: string;
  /** See `HubConfig.importChunkRows`. */
  importChunkRows?: number;
  /** `close()` finishes within this (15 s by default): in-flight requests get all of it but a reserve for the rest. */
  shutdownTimeoutMs?: number;
}

/** The part of the shutdown deadline kept for what follows the requests: sockets, LISTEN, pool, PostgreSQL. */
export function drainTime(shutdownTimeoutMs: number): number {
  return shutdownTimeoutMs - Math.min(3000, Math.floor(shutdownTimeoutMs / 3));
}

export interface Hub {
  url: string;
  port: number;
  dataSource: DataSource;
  pubSub: HubPubSub;
  feed: ChangeFeed;
  app: AppServices;
  seeds: SeedReport;
  metrics: HubMetrics;
  readiness: Readiness;
  logger: Logger;
  close(): Promise<void>;
}

/** The pg pool under TypeORM's postgres driver, for the pool gauges. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The server against a database: migrations, seeds, then HTTP. Used by
 * `main.ts` and by the tests, which start it against their own database.
 */
export async function startHub(options: HubOptions): Promise<Hub> {
  const logger = options.logger ?? createLogger();
  const metrics = createMetrics();
  const dataSource = createDataSource({ url: options.databaseUrl, logger: options.queryLogger, log: logger });
  await dataSource.initialize();
  let feed: ChangeFeed | undefined;
  try {
    await migrate(dataSource);
    const seeds = await runSeeds(dataSource, { demo: options.seedDemo });
    const pubSub = createHubPubSub();
    feed = new ChangeFeed(options.databaseUrl, logger);
    await feed.start();
    const listening = feed;
    listening.on('change', (change) => metrics.notifications.inc({ domain: change.domain }));
    const aggregates = new AggregateService(dataSource, metrics, listening);
    const schoolScopes = new SchoolScopes(dataSource);
    const risk = new RiskService(dataSource);
    const tokens = new TokenService(options.jwtSecret ?? (await ensureJwtSecret(dataSource)));
    const live = new LiveAggregates(aggregates, listening, { metrics, logger });
    const pool = (dataSource.driver as unknown as { master: PoolCounts }).master;
    metrics.beforeScrape(() => {
      metrics.activeSubscriptions.set(live.subscriberCount);
      metrics.poolConnections.set({ state: 'total' }, pool.totalCount);
      metrics.poolConnections.set({ state: 'idle' }, pool.idleCount);
      metrics.poolConnections.set({ state: 'waiting' }, pool.waitingCount);
    });
    const app: AppServices = {
      dataSource,
      pubSub,
      analytics: { aggregates, live },
      risk: { service: risk, live: new LiveRisk(risk, schoolScopes, listening, logger) },
      auth: new AuthService(
        dataSource,
        tokens,
        options.oidc ? { verifier: new OidcVerifier(options.oidc), issuer: options.oidc.issuer } : null,
        logger,
      ),
      schoolScopes,
      statementTimeoutMs: options.statementTimeoutMs ?? 5000,
    };
    const schema = await buildHubSchema(pubSub);
    const readiness = new Readiness(dataSource, listening);
    const http = await startHttpServer({
      schema,
      app,
      port: options.port,
      host: options.host ?? '0.0.0.0',
      dashboardDir: options.dashboardDir,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      metrics,
      logger,
      readiness,
      metricsToken: options.metricsToken,
      importChunkRows: options.importChunkRows,
      drainMs: drainTime(options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS),
    });
    let closing: Promise<void> | undefined;
    return {
      url: http.url,
      port: http.port,
      dataSource,
      pubSub,
      feed: listening,
      app,
      seeds,
      metrics,
      readiness,
      logger,
      close: () =>
        (closing ??= (async () => {
          await http.close();
          app.analytics.live.stop();
          await app.risk.live.stop();
          await listening.stop();
          await dataSource.destroy();
        })()),
    };
  } catch (error) {
    await feed?.stop();
    await dataSource.destroy();
    throw error;
  }
}
