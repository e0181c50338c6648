import type { ClassType } from 'type-graphql';
import type { Seed } from '../../seed/seed';
import { ShnorListing } from './shnor-listing.entity';
import {
  SchoolShnorResolver,
  ShnorCandidateEvidenceResolver,
  ShnorCandidateResolver,
  ShnorResolver,
} from './shnor.resolver';
import { shnorSeedList } from './shnor.seeds';

export { createShnorLoaders } from './shnor.loader';

// What other modules and the `shnor-list` import use.
export { ShnorCategory, ShnorListing, ShnorProgrammeStatus } from './shnor-listing.entity';
export { ShnorErrorCode } from './shnor.errors';
export {
  CATEGORY_LABELS,
  PROGRAMME_STATUS_LABELS,
  parseShnorCategory,
  parseShnorProgrammeStatus,
} from './shnor-labels';
export * from './shnor-validation';
export * from './shnor-rule';
export { ShnorService, type ShnorListingRow } from './shnor.service';
export { ShnorCandidatesService, candidateEvidenceSql } from './shnor-candidates.service';

/** Entity classes of this module, for the data source. */
export const shnorEntities: ClassType[] = [ShnorListing];

/** Resolver classes of this module, for the schema. */
export const shnorResolvers: ClassType[] = [
  ShnorResolver,
  ShnorCandidateResolver,
  ShnorCandidateEvidenceResolver,
  SchoolShnorResolver,
];

/** Reference and demo seeds of this module, in the order they run. */
export const shnorSeeds: Seed[] = shnorSeedList;
