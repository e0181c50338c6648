import type { AnsweredAggregate } from '../analytics/aggregate-responses';
import type { DataSource, EntityManager } from 'typeorm';
import type { AggregateService, LiveAggregates } from '../analytics';
import type { RequestScope } from '../db/request-scope';
import type { SchoolScopes } from '../db/school-scopes';
import { createAssessmentsLoaders } from '../modules/assessments';
import { createClusterLoaders } from '../modules/clusters';
import { createMunicipalityLoaders } from '../modules/municipalities';
import { createPlansLoaders } from '../modules/plans';
import type { LiveRisk, RiskService } from '../modules/risk';
import { createSchoolLoaders } from '../modules/schools';
import { createSelfDiagnosticsLoaders } from '../modules/self-diagnostics';
import { createShnorLoaders } from '../modules/shnor';
import type { AuthService } from '../modules/users/auth.service';
import { createVsokoLoaders } from '../modules/vsoko';
import type { HubPubSub } from '../realtime/topics';
import type { Actor } from './actor';

function createLoaders(em: EntityManager) {
  return {
    ...createMunicipalityLoaders(em),
    ...createClusterLoaders(em),
    ...createSchoolLoaders(em),
    ...createAssessmentsLoaders(em),
    ...createVsokoLoaders(em),
    ...createSelfDiagnosticsLoaders(em),
    ...createShnorLoaders(em),
    ...createPlansLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What lives as long as the server: shared by every request's context. */
export interface AppServices {
  /** The owner's connections: for work beyond a request's scope (imports, aggregates, sign-in). */
  dataSource: DataSource;
  pubSub: HubPubSub;
  analytics: { aggregates: AggregateService; live: LiveAggregates };
  /** The early warning: the region's risk picture per data version, and its live subscriptions. */
  risk: { service: RiskService; live: LiveRisk };
  auth: AuthService;
  /** Which schools a caller sees, for results computed as the owner (aggregates by school). */
  schoolScopes: SchoolScopes;
  /** statement_timeout of each request's transaction. */
  statementTimeoutMs: number;
}

export interface RequestInfo {
  /** The caller's address, for throttling sign-in attempts. */
  address: string;
  /** The session of the access token, for logout. */
  sessionId: string | null;
  /** Generated per request (returned in `x-request-id`); the audit log records it. */
  requestId: string;
  /** Over HTTP: the aggregate answers given, so that an aggregate-only response can be stored. */
  answered?: AnsweredAggregate[];
}

/** What every resolver gets: the request's scoped database, its DataLoaders, and who is asking. */
export interface HubContext extends AppServices {
  /** The request's transaction, under row-level security for `actor`. */
  em: EntityManager;
  loaders: Loaders;
  actor: Actor;
  request: RequestInfo;
}

/** A context over a request scope: loaders cache for this request only. */
export function createContext(app: AppServices, scope: RequestScope, actor: Actor, request: RequestInfo): HubContext {
  return { ...app, em: scope.em, loaders: createLoaders(scope.em), actor, request };
}

/**
 * Subscriptions live long and share computations, so they hold no request
 * transaction: their payloads come from services that apply the scope
 * themselves, and touching `em` there is a programming error.
 */
export function createSubscriptionContext(app: AppServices, actor: Actor, request: RequestInfo): HubContext {
  const em = new Proxy({} as EntityManager, {
    get() {
      throw new Error('Subscription payloads must not read through the request database');
    },
  });
  return { ...app, em, loaders: createLoaders(em), actor, request };
}
