import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { assertMayRun } from '../graphql/access';
import { type AppServices, type HubContext } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { ImportsService, importsRouter } from '../modules/imports';
import { GraphqlGateway } from './gateway';
import { attachWebSockets } from './websocket';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  app: AppServices;
  port: number;
  host: string;
  /** The built dashboard; when missing, `/` says how to build it. */
  dashboardDir: string;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const GRAPHQL_PATH = '/graphql';

/** Every request runs in its scope's transaction; it ends with the response. */
const requestScopePlugin: ApolloServerPlugin<HubContext & { scopeClose?: (commit: boolean) => Promise<void> }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (operation) assertMayRun(contextValue.actor, operation);
      },
      async willSendResponse({ contextValue }) {
        await contextValue.scopeClose?.(true);
      },
    };
  },
};

/** GraphQL over HTTP and graphql-ws on `/graphql`, the import API on `/api`, the dashboard on `/`, one port. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);
  const gateway = new GraphqlGateway(options.app);
  const ws = attachWebSockets(httpServer, options.schema, gateway, GRAPHQL_PATH);

  const apollo = new ApolloServer<HubContext>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      requestScopePlugin,
      { serverWillStart: async () => ({ drainServer: async () => ws.dispose() }) },
    ],
  });
  await apollo.start();

  app.use(
    GRAPHQL_PATH,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        gateway.httpContext(req.headers.authorization, req.ip ?? 'unknown', (close) => res.once('close', close)),
    }),
  );
  const imports = new ImportsService(options.app.dataSource, options.app.pubSub);
  app.use(
    '/api',
    importsRouter(() => imports, gateway),
  );
  serveDashboard(app, options.dashboardDir);

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
