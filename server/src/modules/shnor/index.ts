// First: the entities load TypeORM and with it the reflect-metadata polyfill, which the
// decorators of the resolvers below need when this index is the first thing loaded.
export { shnorEntities } from './entities';
import type { ClassType } from 'type-graphql';
import {
  SchoolShnorResolver,
  ShnorCandidateEvidenceResolver,
  ShnorCandidateResolver,
  ShnorResolver,
} from './shnor.resolver';

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

/** Resolver classes of this module, for the schema. */
export const shnorResolvers: ClassType[] = [
  ShnorResolver,
  ShnorCandidateResolver,
  ShnorCandidateEvidenceResolver,
  SchoolShnorResolver,
];
