import type { ClassType } from 'type-graphql';
import { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import { SelfDiagnosticResult, SelfDiagnosticRound, SelfDiagnosticScore } from './self-diagnostic-result.entity';

/**
 * Entity classes of this module, for the data source. Apart from index.ts, so that registering
 * the entities loads neither the resolvers nor the services.
 */
export const selfDiagnosticEntities: ClassType[] = [
  SelfDiagnosticDirection,
  SelfDiagnosticRound,
  SelfDiagnosticResult,
  SelfDiagnosticScore,
];
