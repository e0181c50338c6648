// First: the entities load TypeORM and with it the reflect-metadata polyfill, which the
// decorators of the resolvers below need when this index is the first thing loaded.
export { vsokoEntities } from './entities';
import type { ClassType } from 'type-graphql';
import { VsokoCampaign } from './vsoko-campaign.entity';
import { VsokoCampaignResolver } from './vsoko-campaign.resolver';
import { VsokoEvaluation } from './vsoko-evaluation.entity';
import {
  SchoolVsokoResolver,
  VsokoEvaluationConnectionResolver,
  VsokoEvaluationResolver,
} from './vsoko-evaluation.resolver';

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

/** Resolver classes of this module, for the schema. */
export const vsokoResolvers: ClassType[] = [
  VsokoCampaignResolver,
  VsokoEvaluationResolver,
  VsokoEvaluationConnectionResolver,
  SchoolVsokoResolver,
];
