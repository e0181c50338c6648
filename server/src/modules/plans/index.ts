import type { ClassType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { Seed } from '../../seed/seed';

/** Entity classes of this module, for the data source. */
export const planEntities: ClassType[] = [];

/** Resolver classes of this module, for the schema. */
export const planResolvers: ClassType[] = [];

/** This module's per-request DataLoaders. */
export function createPlansLoaders(_em: EntityManager) {
  return {};
}

/** Reference and demo seeds of this module, in the order they run. */
export const planSeeds: Seed[] = [];
