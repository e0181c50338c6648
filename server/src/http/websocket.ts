import type http from 'node:http';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { assertMayRun } from '../graphql/access';
import type { Actor } from '../graphql/actor';
import type { HubContext } from '../graphql/context';
import type { GraphqlGateway, ScopedContext } from './gateway';

/** Open WebSocket connections one user may hold on one server process. */
export const MAX_SOCKETS_PER_USER = 20;

interface SocketExtra extends Record<PropertyKey, unknown> {
  actor?: Actor;
  sessionId?: string | null;
  address: string;
  /** Request scopes of queries and mutations sent over the socket, by operation id. */
  scopes: Map<string, ScopedContext>;
}

/**
 * graphql-ws on the GraphQL path. A connection must carry a valid token in
 * its `connectionParams.authorization`; queries and mutations over it run in
 * a request scope like HTTP ones; subscriptions hold none.
 */
export function attachWebSockets(server: http.Server, schema: GraphQLSchema, gateway: GraphqlGateway, path: string) {
  const wsServer = new WebSocketServer({ server, path });
  const socketsPerUser = new Map<string, number>();

  return useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      onConnect: async (ctx) => {
        const extra = ctx.extra as SocketExtra & { request: http.IncomingMessage };
        extra.address = extra.request.socket.remoteAddress ?? 'unknown';
        extra.scopes = new Map();
        const authorization = ctx.connectionParams?.authorization;
        const identity = await gateway
          .identify(typeof authorization === 'string' ? authorization : null)
          .catch(() => null);
        if (!identity || identity.actor.role === null || !identity.actor.userId) return false;
        const open = socketsPerUser.get(identity.actor.userId) ?? 0;
        if (open >= MAX_SOCKETS_PER_USER) return false;
        socketsPerUser.set(identity.actor.userId, open + 1);
        extra.actor = identity.actor;
        extra.sessionId = identity.sessionId;
        return true;
      },
      onClose: (ctx) => {
        const extra = ctx.extra as SocketExtra;
        for (const scope of extra.scopes?.values() ?? []) void scope.scopeClose(false);
        const userId = extra.actor?.userId;
        if (userId) socketsPerUser.set(userId, Math.max(0, (socketsPerUser.get(userId) ?? 1) - 1));
      },
      context: async (ctx, id, _payload, args): Promise<HubContext> => {
        const extra = ctx.extra as SocketExtra;
        const actor = extra.actor!;
        const operation = getOperationAST(args.document, args.operationName);
        if (operation) assertMayRun(actor, operation);
        gateway.limit(actor, extra.address);
        const request = { address: extra.address, sessionId: extra.sessionId ?? null };
        if (operation?.operation === 'subscription') return gateway.subscriptionContext(actor, request);
        const scoped = await gateway.scopedContext(actor, request);
        extra.scopes.set(id, scoped);
        return scoped;
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
}

export { CloseCode };
