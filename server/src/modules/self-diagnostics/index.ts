import type { ClassType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { Seed } from '../../seed/seed';

/** Entity classes of this module, for the data source. */
export const selfDiagnosticEntities: ClassType[] = [];

/** Resolver classes of this module, for the schema. */
export const selfDiagnosticResolvers: ClassType[] = [];

/** This module's per-request DataLoaders. */
export function createSelfDiagnosticsLoaders(_em: EntityManager) {
  return {};
}

/** Reference and demo seeds of this module, in the order they run. */
export const selfDiagnosticSeeds: Seed[] = [];
