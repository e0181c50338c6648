import type { ClassType } from 'type-graphql';
import { RiskLevelCutoff, RiskSignalRule } from './risk-rule.entity';

/**
 * Entity classes of this module, for the data source. Apart from index.ts, so that registering
 * the entities loads neither the resolvers nor the services.
 */
export const riskEntities: ClassType[] = [RiskSignalRule, RiskLevelCutoff];
