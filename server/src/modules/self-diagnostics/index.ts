// First: the entities load TypeORM and with it the reflect-metadata polyfill, which the
// decorators of the resolvers below need when this index is the first thing loaded.
export { selfDiagnosticEntities } from './entities';
import type { ClassType } from 'type-graphql';
import { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import { SelfDiagnosticResult, SelfDiagnosticRound } from './self-diagnostic-result.entity';
import {
  SchoolSelfDiagnosticsResolver,
  SelfDiagnosticResultConnectionResolver,
  SelfDiagnosticResultResolver,
  SelfDiagnosticRoundResolver,
} from './self-diagnostics.resolver';

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

/** Resolver classes of this module, for the schema. */
export const selfDiagnosticResolvers: ClassType[] = [
  SelfDiagnosticResultResolver,
  SelfDiagnosticRoundResolver,
  SelfDiagnosticResultConnectionResolver,
  SchoolSelfDiagnosticsResolver,
];
