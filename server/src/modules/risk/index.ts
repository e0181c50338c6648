// First: the entities load TypeORM and with it the reflect-metadata polyfill, which the
// decorators of the resolvers below need when this index is the first thing loaded.
export { riskEntities } from './entities';
import type { ClassType } from 'type-graphql';
import { RiskResolver } from './risk.resolver';

export { RiskLevel, RiskChange, riskChange } from './risk-level';
export { RiskLevelCutoff, RiskSignalRule } from './risk-rule.entity';
export { riskEvidenceSql, riskScoresSql, CURRENT, PREVIOUS } from './risk-sql';
export { RiskService, type RiskState } from './risk.service';
export { LiveRisk, RISK_DOMAINS } from './live-risk';

/** Resolver classes of this module, for the schema. */
export const riskResolvers: ClassType[] = [RiskResolver];
