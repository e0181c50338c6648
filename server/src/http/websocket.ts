import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  getOperationAST,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Actor } from '../graphql/actor';
import type { HubContext } from '../graphql/context';
import { errorCode, formatError, unexpectedError, type FormatOptions } from '../graphql/errors';
import { depthLimitRule } from '../graphql/query-limits';
import type { Logger } from '../observability/logger';
import type { HubMetrics } from '../observability/metrics';
import type { GraphqlGateway, ScopedContext } from './gateway';

/**
 * WebSocket close code 1012 "Service Restart": graphql-ws clients (the
 * dashboard's retries forever) reconnect, through the load balancer, to a
 * replica that is still up, and subscribe again.
 */
export const SERVICE_RESTART = 1012;

export interface Observe {
  metrics: HubMetrics;
  logger: Logger;
}

export interface AttachedWebSockets {
  /** Open sockets now. */
  connections(): number;
  /** Shutdown: refuse new sockets, close open ones with 1012 and wait for them (forcibly after `waitMs`). */
  closeForRestart(waitMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

/** How often an open socket's session is checked: a logout or a disabled account closes it within this. */
export const SOCKET_SESSION_CHECK_MS = 15_000;

interface SocketExtra extends Record<PropertyKey, unknown> {
  socket: WebSocket;
  request: http.IncomingMessage;
  actor?: Actor;
  /** The hub's session; null with an identity provider's token, which is checked again instead. */
  sessionId?: string | null;
  authorization?: string;
  address: string;
  /** Request scopes of queries and mutations sent over the socket, by operation id. */
  scopes: Map<string, ScopedContext>;
  sessionCheck?: NodeJS.Timeout;
}

/** Errors as HTTP answers them (formatError), as graphql-ws needs them (GraphQLError objects). */
function clientErrors(errors: readonly unknown[], options: FormatOptions, observe?: Observe): GraphQLError[] {
  return errors.map((error) => {
    observe?.metrics.errors.inc({ code: errorCode(error) });
    const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(String((error as Error)?.message));
    const formatted = formatError(graphqlError.toJSON(), graphqlError, options);
    return new GraphQLError(formatted.message, { extensions: formatted.extensions });
  });
}

/**
 * graphql-ws on the GraphQL path. A connection must carry a valid token in
 * its `connectionParams.authorization`; each operation is checked like an HTTP
 * one (session still valid, rate limit, depth, complexity) and refused with an
 * error message for that operation, the socket staying open; queries and
 * mutations run in a request scope like HTTP ones; subscriptions hold none.
 */
export function attachWebSockets(
  server: http.Server,
  schema: GraphQLSchema,
  gateway: GraphqlGateway,
  path: string,
  observe?: Observe,
): AttachedWebSockets {
  const wsServer = new WebSocketServer({ server, path });
  let restarting = false;
  const socketsPerUser = new Map<string, number>();
  const formatOptions: FormatOptions = { statementTimeoutMs: gateway.app.statementTimeoutMs };
  const rules = [...specifiedRules, depthLimitRule(gateway.limits.maxQueryDepth)];

  /** The socket's actor now: null (and the socket closed) once its session has ended or its token expired. */
  const currentActor = async (extra: SocketExtra): Promise<Actor | null> => {
    const userId = extra.actor?.userId;
    const actor = !userId
      ? null
      : extra.sessionId
        ? await gateway.app.auth.sessionActor(userId, extra.sessionId)
        : ((await gateway.app.auth.actorFor(extra.authorization))?.actor ?? null);
    if (!actor || actor.userId !== userId) {
      extra.socket.close(CloseCode.Forbidden, 'Сеанс завершён: войдите снова');
      return null;
    }
    extra.actor = actor;
    return actor;
  };

  const served = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const extra = ctx.extra as SocketExtra;
        extra.address = extra.request.socket.remoteAddress ?? 'unknown';
        extra.scopes = new Map();
        if (restarting) {
          extra.socket.close(SERVICE_RESTART, 'Service restart');
          return false;
        }
        const authorization = ctx.connectionParams?.authorization;
        const identity = await gateway
          .identify(typeof authorization === 'string' ? authorization : null)
          .catch(() => null);
        if (!identity || identity.actor.role === null || !identity.actor.userId) return false;
        const open = socketsPerUser.get(identity.actor.userId) ?? 0;
        if (open >= gateway.limits.maxSocketsPerUser) return false;
        socketsPerUser.set(identity.actor.userId, open + 1);
        extra.actor = identity.actor;
        extra.sessionId = identity.sessionId;
        extra.authorization = authorization as string;
        extra.sessionCheck = setInterval(
          () => void currentActor(extra).catch(() => undefined),
          SOCKET_SESSION_CHECK_MS,
        );
        extra.sessionCheck.unref();
        return true;
      },
      onClose: (ctx) => {
        const extra = ctx.extra as SocketExtra;
        clearInterval(extra.sessionCheck);
        for (const scope of extra.scopes?.values() ?? []) void scope.scopeClose(false);
        const userId = extra.actor?.userId;
        if (userId) socketsPerUser.set(userId, Math.max(0, (socketsPerUser.get(userId) ?? 1) - 1));
      },
      onSubscribe: async (ctx, _id, payload) => {
        const extra = ctx.extra as SocketExtra;
        try {
          const actor = await currentActor(extra);
          if (!actor) return clientErrors([new GraphQLError('Сеанс завершён: войдите снова')], formatOptions, observe);
          gateway.limit(actor, extra.address);
          let document: DocumentNode;
          try {
            document = parse(payload.query);
          } catch (error) {
            return clientErrors([error], formatOptions, observe);
          }
          const invalid = validate(schema, document, rules);
          if (invalid.length > 0) return clientErrors(invalid, formatOptions, observe);
          const operation = getOperationAST(document, payload.operationName);
          if (!operation) {
            return clientErrors([new GraphQLError('Не удалось определить операцию')], formatOptions, observe);
          }
          const variables = payload.variables ?? undefined;
          gateway.checkOperation(actor, schema, document, operation, variables, payload.operationName);
          return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
        } catch (error) {
          return clientErrors([error], formatOptions, observe);
        }
      },
      context: async (ctx, id, _payload, args): Promise<HubContext> => {
        const extra = ctx.extra as SocketExtra;
        const actor = extra.actor!;
        const operation = getOperationAST(args.document, args.operationName);
        const request = { address: extra.address, sessionId: extra.sessionId ?? null, requestId: randomUUID() };
        if (operation?.operation === 'subscription') return gateway.subscriptionContext(actor, request);
        const scoped = await gateway.scopedContext(actor, request);
        extra.scopes.set(id, scoped);
        return scoped;
      },
      // Execution errors leave as they do over HTTP: no SQL, no stack.
      onNext: (ctx, _id, payload, _args, result) => {
        const { errors } = result as ExecutionResult;
        if (!errors?.length) return undefined;
        for (const error of errors) {
          observe?.metrics.errors.inc({ code: errorCode(error) });
          const unexpected = unexpectedError(error);
          if (unexpected) {
            const userId = (ctx.extra as SocketExtra).actor?.userId ?? undefined;
            observe?.logger.error(
              { err: unexpected, userId, operation: payload.operationName ?? undefined, path: error.path?.join('.') },
              'unexpected error in a WebSocket operation',
            );
          }
        }
        return { ...result, errors: errors.map((e) => formatError(e.toJSON(), e, formatOptions)) };
      },
      onComplete: async (ctx, id) => {
        const extra = ctx.extra as SocketExtra;
        await extra.scopes.get(id)?.scopeClose(true);
        extra.scopes.delete(id);
      },
      onError: async (ctx, id) => {
        const extra = ctx.extra as SocketExtra;
        await extra.scopes.get(id)?.scopeClose(false);
        extra.scopes.delete(id);
      },
    },
    wsServer,
  );

  return {
    connections: () => wsServer.clients.size,
    async closeForRestart(waitMs = 2000) {
      restarting = true;
      const open = [...wsServer.clients];
      const closed = open.map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === socket.CLOSED) return resolve();
            socket.once('close', () => resolve());
            socket.close(SERVICE_RESTART, 'Service restart');
          }),
      );
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
      await Promise.race([Promise.all(closed), late]);
      clearTimeout(timer);
      // A client that never answered the close frame loses its socket here.
      for (const socket of open) if (socket.readyState !== socket.CLOSED) socket.terminate();
      if (open.length > 0)
        observe?.logger.info({ sockets: open.length }, 'WebSockets closed with 1012 (service restart)');
    },
    dispose: async () => {
      await served.dispose();
    },
  };
}

export { CloseCode };
