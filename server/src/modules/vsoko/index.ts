import type { ClassType } from 'type-graphql';
import type { Seed } from '../../seed/seed';
import {
  VsokoBlock,
  VsokoDocument,
  VsokoPassportItem,
  VsokoScheduleStage,
  VsokoZoneRule,
} from './vsoko-campaign-parts.entity';
import { VsokoCampaign, VsokoCampaignSchool } from './vsoko-campaign.entity';
import { VsokoCampaignResolver } from './vsoko-campaign.resolver';
import { VsokoBlockScore, VsokoDocumentLink, VsokoEvaluation } from './vsoko-evaluation.entity';
import {
  SchoolVsokoResolver,
  VsokoEvaluationConnectionResolver,
  VsokoEvaluationResolver,
} from './vsoko-evaluation.resolver';
import { vsokoSeedList } from './vsoko.seeds';

export { createVsokoLoaders } from './vsoko.loader';
export { judgeDocumentLink, isDocumentProvided, DOCUMENT_EXTENSIONS, type DocumentLinkVerdict } from './document-link';
export { assessVsoko, isBlockRisky, zoneFor, checkZoneRules, type VsokoAssessment } from './vsoko-assessment';
export {
  validateVsokoEvaluation,
  validateBlockScore,
  validateBlockScores,
  validatePassport,
  validateDocumentLinks,
  blockField,
  documentField,
  type VsokoEvaluationDraft,
  type VsokoValidationContext,
} from './vsoko.validation';
export { mergeVsokoEvaluation } from './vsoko-merge';
export { VsokoErrorCode, type VsokoProblem } from './vsoko.errors';
export { VsokoEvaluationsService } from './vsoko-evaluations.service';
export { VsokoCampaignsService, type VsokoCampaignRules } from './vsoko-campaigns.service';
export { VsokoZoneCode, VsokoPassportItemKind } from './vsoko-zone';
export { VsokoEvaluation, VsokoCampaign };

/** Entity classes of this module, for the data source. */
export const vsokoEntities: ClassType[] = [
  VsokoCampaign,
  VsokoCampaignSchool,
  VsokoBlock,
  VsokoDocument,
  VsokoPassportItem,
  VsokoScheduleStage,
  VsokoZoneRule,
  VsokoEvaluation,
  VsokoBlockScore,
  VsokoDocumentLink,
];

/** Resolver classes of this module, for the schema. */
export const vsokoResolvers: ClassType[] = [
  VsokoCampaignResolver,
  VsokoEvaluationResolver,
  VsokoEvaluationConnectionResolver,
  SchoolVsokoResolver,
];

/** Reference and demo seeds of this module, in the order they run. */
export const vsokoSeeds: Seed[] = vsokoSeedList;
