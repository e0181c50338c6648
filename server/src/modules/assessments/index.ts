import type { ClassType } from 'type-graphql';
import type { Seed } from '../../seed/seed';
import {
  AssessmentResultConnectionResolver,
  AssessmentResultFieldsResolver,
  ParticipantResultConnectionResolver,
  ParticipantResultFieldsResolver,
} from './assessment-result.resolver';
import { AssessmentResult } from './assessment-result.entity';
import { AssessmentsResolver } from './assessments.resolver';
import { assessmentSeedList } from './assessments.seeds';
import { EgeMinimumScore, OgeScale } from './exam-scale.entity';
import { ParticipantResult } from './participant-result.entity';
import { AssessmentProcedure, AssessmentProcedureAlias } from './procedure.entity';
import {
  AssessmentProcedureResolver,
  AssessmentSubjectResolver,
  EgeMinimumScoreResolver,
  OgeScaleResolver,
  SchoolAssessmentsResolver,
} from './reference.resolver';
import { AssessmentSubject, AssessmentSubjectAlias } from './subject.entity';

export { createAssessmentsLoaders } from './assessments.loader';

// What other modules and the import use.
export { AssessmentResult, AssessmentResultSource } from './assessment-result.entity';
export { ParticipantResult } from './participant-result.entity';
export { AssessmentProcedure, AssessmentSubject, EgeMinimumScore, OgeScale };
export { AssessmentFilter, ParticipantResultFilter } from './assessments.inputs';
export { AssessmentErrorCode, AssessmentWriteErrorCode } from './assessments.errors';
export { ProcedureCode } from './procedure-codes';
export {
  AssessmentNameMatcher,
  normalizeAssessmentName,
  procedureMatcher,
  subjectMatcher,
  type AssessmentNameMatch,
} from './assessment-name';
export * from './assessment-validation';
export * from './assessment-rows';
export * from './assessment-figures';
export { AssessmentReferenceService } from './assessment-reference.service';
export { AssessmentsService } from './assessments.service';
export { AssessmentWritesService, type WriteOptions, type WriteReport } from './assessment-writes.service';
export { recomputeSchoolResults, type RecomputeReport, type RecomputeScope } from './school-result-derivation';

/** Entity classes of this module, for the data source. */
export const assessmentEntities: ClassType[] = [
  AssessmentProcedure,
  AssessmentProcedureAlias,
  AssessmentSubject,
  AssessmentSubjectAlias,
  EgeMinimumScore,
  OgeScale,
  AssessmentResult,
  ParticipantResult,
];

/** Resolver classes of this module, for the schema. */
export const assessmentResolvers: ClassType[] = [
  AssessmentsResolver,
  AssessmentResultFieldsResolver,
  ParticipantResultFieldsResolver,
  AssessmentResultConnectionResolver,
  ParticipantResultConnectionResolver,
  AssessmentProcedureResolver,
  AssessmentSubjectResolver,
  EgeMinimumScoreResolver,
  OgeScaleResolver,
  SchoolAssessmentsResolver,
];

/** Reference and demo seeds of this module, in the order they run. */
export const assessmentSeeds: Seed[] = assessmentSeedList;
