import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { listComplexity } from '../../graphql/query-limits';
import { School } from '../schools/school.entity';
import { AssessmentResult } from './assessment-result.entity';
import { AssessmentFilter } from './assessments.inputs';
import { EgeMinimumScore, OgeScale } from './exam-scale.entity';
import { AssessmentProcedure } from './procedure.entity';
import { AssessmentSubject } from './subject.entity';

@Resolver(() => AssessmentProcedure)
export class AssessmentProcedureResolver {
  @FieldResolver(() => [String], { description: 'Spellings of the name that imports recognise' })
  aliases(@Root() procedure: AssessmentProcedure, @Ctx() ctx: HubContext): Promise<string[]> {
    return ctx.loaders.procedureAliases.load(procedure.code);
  }
}

@Resolver(() => AssessmentSubject)
export class AssessmentSubjectResolver {
  @FieldResolver(() => [String], { description: 'Spellings of the name that imports recognise' })
  aliases(@Root() subject: AssessmentSubject, @Ctx() ctx: HubContext): Promise<string[]> {
    return ctx.loaders.subjectAliases.load(subject.code);
  }
}

async function subjectOf(ctx: HubContext, code: string): Promise<AssessmentSubject> {
  const subject = await ctx.loaders.assessmentSubjectByCode.load(code);
  if (!subject) throw new Error(`Missing subject ${code}`);
  return subject;
}

@Resolver(() => EgeMinimumScore)
export class EgeMinimumScoreResolver {
  @FieldResolver(() => AssessmentSubject)
  subject(@Root() row: EgeMinimumScore, @Ctx() ctx: HubContext): Promise<AssessmentSubject> {
    return subjectOf(ctx, row.subjectCode);
  }
}

@Resolver(() => OgeScale)
export class OgeScaleResolver {
  @FieldResolver(() => AssessmentSubject)
  subject(@Root() row: OgeScale, @Ctx() ctx: HubContext): Promise<AssessmentSubject> {
    return subjectOf(ctx, row.subjectCode);
  }
}

/** `School.assessmentResults`: the assessments module owns the data, so the field lives here. */
@Resolver(() => School)
export class SchoolAssessmentsResolver {
  @FieldResolver(() => [AssessmentResult], {
    complexity: listComplexity(50),
    description: "The school's results matching the filter, in procedure, year, subject, grade order",
  })
  assessmentResults(
    @Root() school: School,
    @Arg('filter', () => AssessmentFilter, { nullable: true }) filter: AssessmentFilter | null,
    @Ctx() ctx: HubContext,
  ): Promise<AssessmentResult[]> {
    return ctx.loaders.assessmentResultsBySchool.load({ schoolCode: school.code, filter: filter ?? null });
  }
}
