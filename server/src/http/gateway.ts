import { randomUUID } from 'node:crypto';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Actor } from '../graphql/actor';
import { assertMayRun, unauthenticated } from '../graphql/access';
import { createContext, createSubscriptionContext, type AppServices, type HubContext } from '../graphql/context';
import { assertWithinComplexity, DEFAULT_MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH } from '../graphql/query-limits';
import { RateLimiter } from '../graphql/rate-limit';
import { RequestScope } from '../db/request-scope';

/** What one caller may ask of one server process. */
export interface ServerLimits {
  /** Token bucket per user (per address when anonymous): a burst, then a steady rate. */
  requests: { capacity: number; perSecond: number };
  /** Estimated cost of one operation (see `query-limits.ts`). */
  maxQueryComplexity: number;
  maxQueryDepth: number;
  /** Open WebSocket connections per user. */
  maxSocketsPerUser: number;
}

/** A dashboard fires a dozen requests at once and keeps a few sockets; an analyst's script a few per second. */
export const DEFAULT_LIMITS: ServerLimits = {
  requests: { capacity: 200, perSecond: 50 },
  maxQueryComplexity: DEFAULT_MAX_QUERY_COMPLEXITY,
  maxQueryDepth: MAX_QUERY_DEPTH,
  maxSocketsPerUser: 20,
};

export const REQUEST_ID_HEADER = 'x-request-id';

/** What an id from a caller (nginx's `$request_id`, a client's trace id) may look like to be kept. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `X-Request-Id` when it is a sane token, else a fresh one: logs and audit entries join on it. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

export type ScopedContext = HubContext & { scopeClose: (commit: boolean) => Promise<void> };

/**
 * The one door into the graph for HTTP and WebSocket alike: resolves the
 * caller from the bearer token, applies the rate limit and the operation
 * limits, and opens the request's scoped transaction.
 */
export class GraphqlGateway {
  private readonly limiter: RateLimiter;

  constructor(
    readonly app: AppServices,
    readonly limits: ServerLimits = DEFAULT_LIMITS,
  ) {
    this.limiter = new RateLimiter(limits.requests.capacity, limits.requests.perSecond);
  }

  async identify(authorization: string | undefined | null): Promise<{ actor: Actor; sessionId: string | null }> {
    const identity = await this.app.auth.actorFor(authorization);
    if (!identity) throw unauthenticated('Токен недействителен, истёк или отозван: войдите снова');
    return identity;
  }

  limit(actor: Actor, address: string): void {
    if (!this.limiter.take(actor.userId ?? `address:${address}`)) {
      throw new GraphQLError('Слишком много запросов; повторите через несколько секунд', {
        extensions: { code: 'RATE_LIMITED', http: { status: 429 } },
      });
    }
  }

  /** Before execution: anonymous callers only sign in; no operation over the complexity budget. */
  checkOperation(
    actor: Actor,
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | null | undefined,
  ): void {
    assertMayRun(actor, operation);
    assertWithinComplexity(schema, document, variables, operationName, this.limits.maxQueryComplexity);
  }

  /**
   * `onFinished` is a safety net: Apollo ends the scope when it answers, even
   * when the caller has gone (an aborted request still runs to its end). Should
   * Apollo never answer, the scope is ended once its statements could no longer be running.
   */
  async httpContext(
    authorization: string | undefined,
    address: string,
    requestId: string,
    onFinished: (close: () => void) => void,
  ): Promise<ScopedContext> {
    const { actor, sessionId } = await this.identify(authorization);
    this.limit(actor, address);
    const context = await this.scopedContext(actor, { address, sessionId, requestId });
    onFinished(() => {
      setTimeout(() => void context.scopeClose(false), this.app.statementTimeoutMs + 5_000).unref();
    });
    return context;
  }

  async scopedContext(actor: Actor, request: HubContext['request']): Promise<ScopedContext> {
    const scope = await RequestScope.open(this.app.dataSource, actor, this.app.statementTimeoutMs, request.requestId);
    return { ...createContext(this.app, scope, actor, request), scopeClose: (commit) => scope.close(commit) };
  }

  subscriptionContext(actor: Actor, request: HubContext['request']): HubContext {
    return createSubscriptionContext(this.app, actor, request);
  }
}
