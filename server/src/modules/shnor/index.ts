import type { ClassType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { Seed } from '../../seed/seed';

/** Entity classes of this module, for the data source. */
export const shnorEntities: ClassType[] = [];

/** Resolver classes of this module, for the schema. */
export const shnorResolvers: ClassType[] = [];

/** This module's per-request DataLoaders. */
export function createShnorLoaders(_em: EntityManager) {
  return {};
}

/** Reference and demo seeds of this module, in the order they run. */
export const shnorSeeds: Seed[] = [];
