import type { ClassType } from 'type-graphql';
import type { Seed } from '../../seed/seed';
import { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import { SelfDiagnosticResult, SelfDiagnosticRound, SelfDiagnosticScore } from './self-diagnostic-result.entity';
import {
  SchoolSelfDiagnosticsResolver,
  SelfDiagnosticResultConnectionResolver,
  SelfDiagnosticResultResolver,
  SelfDiagnosticRoundResolver,
} from './self-diagnostics.resolver';
import { selfDiagnosticSeedList } from './self-diagnostics.seeds';

export { createSelfDiagnosticsLoaders } from './self-diagnostics.loader';
export { SelfDiagnosticLevel, SelfDiagnosticDirectionKind, LEVEL_TITLES } from './self-diagnostic-level';
export {
  parseSelfDiagnosticLevel,
  unknownLevelProblem,
  validateSelfDiagnostic,
  storedTotal,
  scoreField,
  type SelfDiagnosticDraft,
  type SelfDiagnosticValidationContext,
} from './self-diagnostics.validation';
export { SelfDiagnosticErrorCode, type SelfDiagnosticProblem } from './self-diagnostics.errors';
export { SelfDiagnosticsService } from './self-diagnostics.service';
export { SelfDiagnosticResult, SelfDiagnosticDirection, SelfDiagnosticRound };

/** Entity classes of this module, for the data source. */
export const selfDiagnosticEntities: ClassType[] = [
  SelfDiagnosticDirection,
  SelfDiagnosticRound,
  SelfDiagnosticResult,
  SelfDiagnosticScore,
];

/** Resolver classes of this module, for the schema. */
export const selfDiagnosticResolvers: ClassType[] = [
  SelfDiagnosticResultResolver,
  SelfDiagnosticRoundResolver,
  SelfDiagnosticResultConnectionResolver,
  SchoolSelfDiagnosticsResolver,
];

/** Reference and demo seeds of this module, in the order they run. */
export const selfDiagnosticSeeds: Seed[] = selfDiagnosticSeedList;
