import type { DataSource, EntityManager } from 'typeorm';
import type { AggregateService, LiveAggregates } from '../analytics';
import type { HubPubSub } from '../realtime/topics';
import { createAssessmentsLoaders } from '../modules/assessments';
import { createClusterLoaders } from '../modules/clusters';
import { createMunicipalityLoaders } from '../modules/municipalities';
import { createPlansLoaders } from '../modules/plans';
import { createSchoolLoaders } from '../modules/schools';
import { createSelfDiagnosticsLoaders } from '../modules/self-diagnostics';
import { createShnorLoaders } from '../modules/shnor';
import { createVsokoLoaders } from '../modules/vsoko';
import type { Actor } from './actor';
import { ANONYMOUS } from './actor';

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

/** What every resolver gets: the database, this request's DataLoaders, and who is asking. */
export interface HubContext {
  em: EntityManager;
  loaders: Loaders;
  actor: Actor;
  /** For work beyond one request's statements (imports run their own transactions). */
  dataSource: DataSource;
  pubSub: HubPubSub;
  analytics: { aggregates: AggregateService; live: LiveAggregates };
}

/** What lives as long as the server: shared by every request's context. */
export interface AppServices {
  dataSource: DataSource;
  pubSub: HubPubSub;
  analytics: { aggregates: AggregateService; live: LiveAggregates };
}

/** A fresh context per HTTP request or WebSocket operation, so loaders cache per request only. */
export function createContext(app: AppServices): HubContext {
  const em = app.dataSource.manager;
  return { ...app, em, loaders: createLoaders(em), actor: ANONYMOUS };
}
