import type { DataSource, EntityManager } from 'typeorm';
import { createClusterLoaders } from '../modules/clusters';
import { createMunicipalityLoaders } from '../modules/municipalities';
import { createSchoolLoaders } from '../modules/schools';

function createLoaders(em: EntityManager) {
  return {
    ...createMunicipalityLoaders(em),
    ...createClusterLoaders(em),
    ...createSchoolLoaders(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What every resolver gets: the database and this request's DataLoaders. */
export interface HubContext {
  em: EntityManager;
  loaders: Loaders;
}

/** A fresh context per HTTP request or WebSocket operation, so loaders cache per request only. */
export function createContext(dataSource: DataSource): HubContext {
  const em = dataSource.manager;
  return { em, loaders: createLoaders(em) };
}
