import type { ClassType } from 'type-graphql';
import { RiskLevelCutoff, RiskSignalRule } from './risk-rule.entity';
import { RiskResolver } from './risk.resolver';
import { riskSeedList } from './risk.seeds';
import type { Seed } from '../../seed/seed';

export { RiskLevel, RiskChange, riskChange } from './risk-level';
export { RiskLevelCutoff, RiskSignalRule } from './risk-rule.entity';
export { riskEvidenceSql, riskScoresSql, CURRENT, PREVIOUS } from './risk-sql';
export { RiskService, type RiskState } from './risk.service';
export { LiveRisk, RISK_DOMAINS } from './live-risk';

/** Entity classes of this module, for the data source. */
export const riskEntities: ClassType[] = [RiskSignalRule, RiskLevelCutoff];

/** Resolver classes of this module, for the schema. */
export const riskResolvers: ClassType[] = [RiskResolver];

/** Reference seeds of this module: the default rules and cut-offs. */
export const riskSeeds: Seed[] = riskSeedList;
