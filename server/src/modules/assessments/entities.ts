import type { ClassType } from 'type-graphql';
import { AssessmentResult } from './assessment-result.entity';
import { EgeMinimumScore, OgeScale } from './exam-scale.entity';
import { ParticipantResult } from './participant-result.entity';
import { AssessmentProcedure, AssessmentProcedureAlias } from './procedure.entity';
import { AssessmentSubject, AssessmentSubjectAlias } from './subject.entity';

/**
 * Entity classes of this module, for the data source. Apart from index.ts, so that registering
 * the entities loads neither the resolvers nor the services.
 */
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
