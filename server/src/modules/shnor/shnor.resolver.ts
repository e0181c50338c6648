import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { listComplexity } from '../../graphql/query-limits';
import { AssessmentProcedure } from '../assessments/procedure.entity';
import { AssessmentSubject } from '../assessments/subject.entity';
import { School } from '../schools/school.entity';
import { ShnorCandidate, ShnorCandidateEvidence } from './shnor-candidate';
import { ShnorCandidatesService } from './shnor-candidates.service';
import { ShnorListing } from './shnor-listing.entity';
import { SetShnorListingInput } from './shnor.inputs';
import { ShnorService } from './shnor.service';

async function schoolOf(ctx: HubContext, code: string): Promise<School> {
  const school = await ctx.loaders.schoolByCode.load(code);
  if (!school) throw new Error(`Missing school ${code}`);
  return school;
}

@Resolver(() => ShnorListing)
export class ShnorResolver {
  @Query(() => [ShnorListing], {
    complexity: listComplexity(200),
    description: 'The ШНОР/ШНСУ list of a year (all years when omitted)',
  })
  shnorListings(
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: HubContext,
  ): Promise<ShnorListing[]> {
    return new ShnorService(ctx.em).listings(year ?? null);
  }

  @Query(() => [ShnorCandidate], {
    complexity: listComplexity(100),
    description:
      'Schools with ≥ 30 % «2» (or below the ЕГЭ minimum) in two or more procedures of the year, ' +
      'or in the same procedure that year and the year before; with the results that show it',
  })
  shnorCandidates(@Arg('year', () => Int) year: number, @Ctx() ctx: HubContext): Promise<ShnorCandidate[]> {
    return new ShnorCandidatesService(ctx.em).candidates(year);
  }

  @Mutation(() => ShnorListing, {
    nullable: true,
    description: 'Puts a school on the list of a year or updates its listing; no category takes it off (null)',
  })
  setShnorListing(
    @Arg('input', () => SetShnorListingInput) input: SetShnorListingInput,
    @Ctx() ctx: HubContext,
  ): Promise<ShnorListing | null> {
    return new ShnorService(ctx.em).setListing(input, ctx.actor);
  }

  @FieldResolver(() => School)
  school(@Root() listing: ShnorListing, @Ctx() ctx: HubContext): Promise<School> {
    return schoolOf(ctx, listing.schoolCode);
  }
}

@Resolver(() => ShnorCandidate)
export class ShnorCandidateResolver {
  @FieldResolver(() => School)
  school(@Root() candidate: ShnorCandidate, @Ctx() ctx: HubContext): Promise<School> {
    return schoolOf(ctx, candidate.schoolCode);
  }
}

@Resolver(() => ShnorCandidateEvidence)
export class ShnorCandidateEvidenceResolver {
  @FieldResolver(() => AssessmentProcedure)
  async procedure(@Root() e: ShnorCandidateEvidence, @Ctx() ctx: HubContext): Promise<AssessmentProcedure> {
    const procedure = await ctx.loaders.assessmentProcedureByCode.load(e.procedureCode);
    if (!procedure) throw new Error(`Missing procedure ${e.procedureCode}`);
    return procedure;
  }

  @FieldResolver(() => AssessmentSubject)
  async subject(@Root() e: ShnorCandidateEvidence, @Ctx() ctx: HubContext): Promise<AssessmentSubject> {
    const subject = await ctx.loaders.assessmentSubjectByCode.load(e.subjectCode);
    if (!subject) throw new Error(`Missing subject ${e.subjectCode}`);
    return subject;
  }
}

/** `School.shnor`: the ШНОР module owns the data, so the field lives here. */
@Resolver(() => School)
export class SchoolShnorResolver {
  @FieldResolver(() => ShnorListing, {
    nullable: true,
    description: 'The ШНОР/ШНСУ listing of the year, or the most recent one when no year is given; null if not listed',
  })
  shnor(
    @Root() school: School,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: HubContext,
  ): Promise<ShnorListing | null> {
    return ctx.loaders.shnorListingBySchool.load({ schoolCode: school.code, year: year ?? null });
  }
}
