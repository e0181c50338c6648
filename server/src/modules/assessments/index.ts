// First: the entities load TypeORM and with it the reflect-metadata polyfill, which the
// decorators of the resolvers below need when this index is the first thing loaded.
export { assessmentEntities } from './entities';
import type { ClassType } from 'type-graphql';
import {
  AssessmentResultConnectionResolver,
  AssessmentResultFieldsResolver,
  ParticipantResultConnectionResolver,
  ParticipantResultFieldsResolver,
} from './assessment-result.resolver';
import { AssessmentsResolver } from './assessments.resolver';
import { EgeMinimumScore, OgeScale } from './exam-scale.entity';
import { AssessmentProcedure } from './procedure.entity';
import {
  AssessmentProcedureResolver,
  AssessmentSubjectResolver,
  EgeMinimumScoreResolver,
  OgeScaleResolver,
  SchoolAssessmentsResolver,
} from './reference.resolver';
import { AssessmentSubject } from './subject.entity';

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
