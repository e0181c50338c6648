import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { AggregateResponses } from '../analytics/aggregate-responses';
import { type AppServices, type HubContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { depthLimitRule } from '../graphql/query-limits';
import { ImportsService, importsRouter } from '../modules/imports';
import { observabilityPlugin } from '../observability/graphql-plugin';
import type { Logger } from '../observability/logger';
import type { HubMetrics } from '../observability/metrics';
import type { Readiness } from '../observability/readiness';
import { DEFAULT_LIMITS, GraphqlGateway, type ServerLimits } from './gateway';
import { jsonBody } from './json-body';
import { opsRouter } from './ops';
import { requestEdge } from './request-edge';
import { earlyStoredResponses, storedAggregateResponses, type StoredResponsesDeps } from './stored-responses';
import { attachWebSockets } from './websocket';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  app: AppServices;
  port: number;
  host: string;
  /** The built dashboard; when missing, `/` says how to build it. */
  dashboardDir: string;
  limits?: ServerLimits;
  metrics: HubMetrics;
  logger: Logger;
  readiness: Readiness;
  /** When set, `/metrics` wants it as a bearer token. */
  metricsToken?: string;
  /** How long in-flight requests (and imports) may take to finish once `close` is called. */
  drainMs: number;
  /** See `HubConfig.importChunkRows`. */
  importChunkRows?: number;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  /**
   * Graceful stop: readiness turns false, no new connections, WebSockets
   * closed with 1012, in-flight requests finish (cut off after `drainMs`),
   * running imports are given the same time.
   */
  close(): Promise<void>;
}

export const GRAPHQL_PATH = '/graphql';

/** The largest request body: far above any query, far below a memory problem. */
export const MAX_BODY = '1mb';

/**
 * Every request is checked before execution (who may run it, its cost) and
 * runs in its scope's transaction, which ends with the response.
 */
function requestPlugin(
  gateway: GraphqlGateway,
): ApolloServerPlugin<HubContext & { scopeClose?: (commit: boolean) => Promise<void> }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request, operationName, schema }) {
          if (!operation) return;
          gateway.checkOperation(contextValue.actor, schema, document, operation, request.variables, operationName);
        },
        async willSendResponse({ contextValue }) {
          await contextValue.scopeClose?.(true);
        },
      };
    },
  };
}

/** Body errors answered in GraphQL's shape, without express's HTML page and stack. */
function bodyErrors(error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction): void {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    res.status(413).json({
      errors: [
        {
          message: `Запрос больше ${MAX_BODY.replace('mb', ' МБ')}: разбейте его на несколько`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
    return;
  }
  if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res.status(400).json({ errors: [{ message: 'Тело запроса — не JSON', extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  next(error);
}

/** GraphQL over HTTP and graphql-ws on `/graphql`, the import API on `/api`, the dashboard on `/`, one port. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const { metrics, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(opsRouter({ readiness: options.readiness, metrics, metricsToken: options.metricsToken }));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const gateway = new GraphqlGateway(options.app, limits);
  const storedResponses = new AggregateResponses(options.app.analytics.aggregates);
  const stored: StoredResponsesDeps = {
    responses: storedResponses,
    identify: async (authorization) => (await gateway.identify(authorization)).actor,
    limit: (actor, address) => gateway.limit(actor, address),
    observe: (operationName, started) => {
      metrics.aggregateStoredResponses.inc();
      metrics.requestDuration.observe(
        { operation: metrics.operationLabel(operationName), type: 'query' },
        (performance.now() - started) / 1000,
      );
    },
  };
  // Every request gets its id and access line at the edge; a stored aggregate answer is sent
  // from there, before express (see `earlyStoredResponses`).
  const httpServer = http.createServer(requestEdge(app, logger, earlyStoredResponses(stored, GRAPHQL_PATH)));
  const ws = attachWebSockets(httpServer, options.schema, gateway, GRAPHQL_PATH, { metrics, logger });
  metrics.beforeScrape(() => metrics.websocketConnections.set(ws.connections()));
  const formatOptions = { statementTimeoutMs: options.app.statementTimeoutMs };
  // The HTTP response of a GraphQL request, for its log line. Keyed by the request info, which
  // Apollo's per-operation (shallow) copy of the context shares with the context made here.
  const responses = new WeakMap<HubContext['request'], express.Response>();

  const apollo = new ApolloServer<HubContext>({
    schema: options.schema,
    formatError: (formatted, error) => formatError(formatted, error, formatOptions),
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimitRule(limits.maxQueryDepth)],
    logger,
    // Shutdown is the composition root's (main.ts): HTTP, then the pool, then PostgreSQL.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.drainMs }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used: without this plugin Apollo wraps no field resolver (it cost a fifth of a request).
      ApolloServerPluginCacheControlDisabled(),
      requestPlugin(gateway),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, operation, response, errors }) {
              if (errors?.length || response.body.kind !== 'single') return;
              const res = responses.get(contextValue.request);
              const raw = res?.locals.rawBody as Buffer | undefined;
              storedResponses.remember(
                contextValue.actor,
                raw,
                operation,
                contextValue.request.answered,
                response.body.singleResult,
              );
            },
          };
        },
      },
      observabilityPlugin(metrics, logger, (context, operation) => {
        const res = responses.get(context.request);
        if (res) res.locals.operation = operation.name ?? `(${operation.type})`;
      }),
      { serverWillStart: async () => ({ drainServer: async () => ws.dispose() }) },
    ],
  });
  await apollo.start();

  app.use(
    GRAPHQL_PATH,
    // The body as sent, too: an aggregate-only question is answered from its stored response.
    jsonBody(MAX_BODY),
    bodyErrors,
    storedAggregateResponses(stored),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = await gateway.httpContext(
          req.headers.authorization,
          req.ip ?? 'unknown',
          String(res.locals.requestId),
          (close) => res.once('close', close),
        );
        res.locals.userId = context.actor.userId ?? undefined;
        context.request.answered = [];
        responses.set(context.request, res);
        return context;
      },
    }),
  );
  const imports = new ImportsService(options.app.dataSource, options.app.pubSub, {
    metrics,
    logger,
    chunkRows: options.importChunkRows,
  });
  app.use(
    '/api',
    importsRouter(() => imports, gateway, logger),
  );
  serveDashboard(app, options.dashboardDir);
  app.use(internalError(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  let closing: Promise<void> | undefined;
  const close = async () => {
    const deadline = Date.now() + options.drainMs;
    options.readiness.markStopping();
    // Sockets first, so their clients are already reconnecting elsewhere while requests drain here.
    await ws.closeForRestart(Math.min(2000, options.drainMs));
    await apollo.stop();
    if (!(await imports.idle(Math.max(0, deadline - Date.now())))) {
      logger.warn('an import was still running at the shutdown deadline; it is rolled back');
    }
  };
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () => (closing ??= close()),
  };
}

function serveDashboard(app: express.Express, dir: string): void {
  const index = path.join(dir, 'index.html');
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  // Client-side routes all load the same page.
  app.get(/^\/(?!graphql|api\/).*/, (_req, res) => {
    if (fs.existsSync(index)) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    } else {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Панель управления не собрана. Выполните `pnpm build` (или запустите `pnpm start`).');
    }
  });
}

/** The last handler: an unexpected failure answered without a stack or internals. */
function internalError(logger: Logger) {
  return (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction): void => {
    if (res.headersSent) return next(error);
    logger.error({ err: error, reqId: res.locals.requestId }, 'unexpected error in an HTTP request');
    res
      .status(500)
      .json({ errors: [{ message: 'Внутренняя ошибка сервера', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
