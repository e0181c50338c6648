import { GraphQLError } from 'graphql';
import type { Actor } from '../graphql/actor';
import { unauthenticated } from '../graphql/access';
import { createContext, createSubscriptionContext, type AppServices, type HubContext } from '../graphql/context';
import { RateLimiter } from '../graphql/rate-limit';
import { RequestScope } from '../db/request-scope';

/** Requests per user: a burst of 200, then 50 per second (dashboards fire a dozen at once). */
const REQUESTS = { capacity: 200, perSecond: 50 };

export type ScopedContext = HubContext & { scopeClose: (commit: boolean) => Promise<void> };

/**
 * The one door into the graph for HTTP and WebSocket alike: resolves the
 * caller from the bearer token, applies the rate limit, and opens the
 * request's scoped transaction.
 */
export class GraphqlGateway {
  private readonly limiter = new RateLimiter(REQUESTS.capacity, REQUESTS.perSecond);

  constructor(readonly app: AppServices) {}

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

  /** `onFinished` ends the scope if the response goes out some other way than Apollo's (an aborted request). */
  async httpContext(
    authorization: string | undefined,
    address: string,
    onFinished: (close: () => void) => void,
  ): Promise<ScopedContext> {
    const { actor, sessionId } = await this.identify(authorization);
    this.limit(actor, address);
    const context = await this.scopedContext(actor, { address, sessionId });
    onFinished(() => void context.scopeClose(false));
    return context;
  }

  async scopedContext(actor: Actor, request: HubContext['request']): Promise<ScopedContext> {
    const scope = await RequestScope.open(this.app.dataSource, actor, this.app.statementTimeoutMs);
    return { ...createContext(this.app, scope, actor, request), scopeClose: (commit) => scope.close(commit) };
  }

  subscriptionContext(actor: Actor, request: HubContext['request']): HubContext {
    return createSubscriptionContext(this.app, actor, request);
  }
}
