import type { ClassType } from 'type-graphql';
import {
  VsokoBlock,
  VsokoDocument,
  VsokoPassportItem,
  VsokoScheduleStage,
  VsokoZoneRule,
} from './vsoko-campaign-parts.entity';
import { VsokoCampaign, VsokoCampaignSchool } from './vsoko-campaign.entity';
import { VsokoBlockScore, VsokoDocumentLink, VsokoEvaluation } from './vsoko-evaluation.entity';

/**
 * Entity classes of this module, for the data source. Apart from index.ts, so that registering
 * the entities loads neither the resolvers nor the services.
 */
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
