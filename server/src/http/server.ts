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
import { type AppServices, type HubContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { depthLimitRule } from '../graphql/query-limits';
import { ImportsService, importsRouter } from '../modules/imports';
import { assignRequestId, DEFAULT_LIMITS, GraphqlGateway, type ServerLimits } from './gateway';
import { attachWebSockets } from './websocket';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  app: AppServices;
  port: number;
  host: string;
  /** The built dashboard; when missing, `/` says how to build it. */
  dashboardDir: string;
  limits?: ServerLimits;
}

export interface RunningHttpServer {
  url: string;
  port: number;
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
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(assignRequestId);
  const httpServer = http.createServer(app);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const gateway = new GraphqlGateway(options.app, limits);
  const ws = attachWebSockets(httpServer, options.schema, gateway, GRAPHQL_PATH);
  const formatOptions = { statementTimeoutMs: options.app.statementTimeoutMs };

  const apollo = new ApolloServer<HubContext>({
    schema: options.schema,
    formatError: (formatted, error) => formatError(formatted, error, formatOptions),
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimitRule(limits.maxQueryDepth)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used: without this plugin Apollo wraps no field resolver (it cost a fifth of a request).
      ApolloServerPluginCacheControlDisabled(),
      requestPlugin(gateway),
      { serverWillStart: async () => ({ drainServer: async () => ws.dispose() }) },
    ],
  });
  await apollo.start();

  app.use(
    GRAPHQL_PATH,
    express.json({ limit: MAX_BODY }),
    bodyErrors,
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        gateway.httpContext(req.headers.authorization, req.ip ?? 'unknown', String(res.locals.requestId), (close) =>
          res.once('close', close),
        ),
    }),
  );
  const imports = new ImportsService(options.app.dataSource, options.app.pubSub);
  app.use(
    '/api',
    importsRouter(() => imports, gateway),
  );
  serveDashboard(app, options.dashboardDir);
  app.use(internalError);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    close: () => (closing ??= apollo.stop()),
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
function internalError(error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (res.headersSent) return next(error);
  console.error(error);
  res
    .status(500)
    .json({ errors: [{ message: 'Внутренняя ошибка сервера', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}
