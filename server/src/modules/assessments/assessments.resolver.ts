import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { PageArgs, parsePage } from '../../graphql/pagination';
import { pageComplexity } from '../../graphql/query-limits';
import { AssessmentResultConnection, ParticipantResultConnection } from './assessment-connections';
import { AssessmentReferenceService } from './assessment-reference.service';
import { AssessmentResult } from './assessment-result.entity';
import { AssessmentFilter, ParticipantResultFilter } from './assessments.inputs';
import { AssessmentsService } from './assessments.service';
import { EgeMinimumScore, OgeScale } from './exam-scale.entity';
import { AssessmentProcedure } from './procedure.entity';
import { AssessmentSubject } from './subject.entity';

@Resolver(() => AssessmentResult)
export class AssessmentsResolver {
  @Query(() => AssessmentResultConnection, {
    complexity: pageComplexity,
    description: 'School-level results in school, procedure, year, subject, grade order (at most 500 per page)',
  })
  assessmentResults(
    @Arg('filter', () => AssessmentFilter, { nullable: true }) filter: AssessmentFilter | null,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<AssessmentResultConnection> {
    return new AssessmentsService(ctx.em).list(filter, parsePage(pageArgs));
  }

  @Query(() => ParticipantResultConnection, {
    complexity: pageComplexity,
    description: 'Participant-level results (anonymised), in participant code order (at most 500 per page)',
  })
  participantResults(
    @Arg('filter', () => ParticipantResultFilter, { nullable: true }) filter: ParticipantResultFilter | null,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<ParticipantResultConnection> {
    return new AssessmentsService(ctx.em).participants(filter, parsePage(pageArgs));
  }

  @Query(() => [AssessmentProcedure], { description: 'Assessment procedures (reference data)' })
  async procedures(@Ctx() ctx: HubContext): Promise<AssessmentProcedure[]> {
    const list = await new AssessmentReferenceService(ctx.em).procedures();
    for (const p of list) ctx.loaders.assessmentProcedureByCode.prime(p.code, p);
    return list;
  }

  @Query(() => [AssessmentSubject], { description: 'Subjects of the assessment procedures (reference data)' })
  async subjects(@Ctx() ctx: HubContext): Promise<AssessmentSubject[]> {
    const list = await new AssessmentReferenceService(ctx.em).subjects();
    for (const s of list) ctx.loaders.assessmentSubjectByCode.prime(s.code, s);
    return list;
  }

  @Query(() => [EgeMinimumScore], { description: 'ЕГЭ minimum test scores by subject, for a year or all years' })
  egeMinimumScores(
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: HubContext,
  ): Promise<EgeMinimumScore[]> {
    return new AssessmentReferenceService(ctx.em).egeMinimumScores(year ?? null);
  }

  @Query(() => [OgeScale], { description: 'ОГЭ primary-score-to-mark scales by subject, for a year or all years' })
  ogeScales(
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: HubContext,
  ): Promise<OgeScale[]> {
    return new AssessmentReferenceService(ctx.em).ogeScales(year ?? null);
  }
}
