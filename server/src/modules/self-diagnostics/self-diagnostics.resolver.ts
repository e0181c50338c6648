import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { PageArgs, parsePage } from '../../graphql/pagination';
import { listComplexity, pageComplexity } from '../../graphql/query-limits';
import { School } from '../schools/school.entity';
import { SelfDiagnosticDirection } from './self-diagnostic-direction.entity';
import { LEVEL_TITLES } from './self-diagnostic-level';
import { SelfDiagnosticResult, SelfDiagnosticRound } from './self-diagnostic-result.entity';
import { SelfDiagnosticFilter, SubmitSelfDiagnosticInput } from './self-diagnostics.inputs';
import { SelfDiagnosticsService, type SelfDiagnosticRoundSummary } from './self-diagnostics.service';
import { SelfDiagnosticDirectionScore, SelfDiagnosticResultConnection } from './self-diagnostics.types';

@Resolver(() => SelfDiagnosticResult)
export class SelfDiagnosticResultResolver {
  @Query(() => SelfDiagnosticResultConnection, {
    complexity: pageComplexity,
    description: 'Self-diagnostic results, newest round first, then by school code (at most 500 per page)',
  })
  selfDiagnosticResults(
    @Arg('filter', () => SelfDiagnosticFilter, { nullable: true }) filter: SelfDiagnosticFilter | null,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<SelfDiagnosticResultConnection> {
    return new SelfDiagnosticsService(ctx.em).list(filter, parsePage(pageArgs));
  }

  @Query(() => [SelfDiagnosticDirection], {
    description: 'The seven magistral directions and the key condition, in model order',
  })
  async selfDiagnosticDirections(@Ctx() ctx: HubContext): Promise<SelfDiagnosticDirection[]> {
    return ctx.loaders.selfDiagnosticDirections.load('all');
  }

  @Query(() => [SelfDiagnosticRound], { description: 'Self-diagnostic rounds, newest first' })
  selfDiagnosticRounds(@Ctx() ctx: HubContext): Promise<SelfDiagnosticRoundSummary[]> {
    return new SelfDiagnosticsService(ctx.em).rounds();
  }

  @Mutation(() => SelfDiagnosticResult, {
    description: 'Records a school’s result in a round (again: replaces it). Invalid input changes nothing.',
  })
  submitSelfDiagnostic(
    @Arg('input', () => SubmitSelfDiagnosticInput) input: SubmitSelfDiagnosticInput,
    @Ctx() ctx: HubContext,
  ): Promise<SelfDiagnosticResult> {
    const { schoolCode, ...draft } = input;
    return new SelfDiagnosticsService(ctx.em).submit(schoolCode, draft, ctx.actor);
  }

  @FieldResolver(() => School)
  async school(@Root() result: SelfDiagnosticResult, @Ctx() ctx: HubContext): Promise<School> {
    const school = result.school ?? (await ctx.loaders.schoolByCode.load(result.schoolCode));
    if (!school) throw new Error(`Self-diagnostic result names a missing school ${result.schoolCode}`);
    return school;
  }

  @FieldResolver(() => [SelfDiagnosticDirectionScore], {
    complexity: listComplexity(8),
    description: 'One entry per direction, in model order; score null where the source gave none',
  })
  async scores(@Root() result: SelfDiagnosticResult, @Ctx() ctx: HubContext): Promise<SelfDiagnosticDirectionScore[]> {
    const directions = await ctx.loaders.selfDiagnosticDirections.load('all');
    return directions.map((direction) => ({ direction, score: result.scores.get(direction.code) ?? null }));
  }

  @FieldResolver(() => String, { description: 'The level in Russian: «ниже базового», «базовый»…' })
  levelTitle(@Root() result: SelfDiagnosticResult): string {
    return LEVEL_TITLES[result.level];
  }
}

@Resolver(() => SelfDiagnosticRound)
export class SelfDiagnosticRoundResolver {
  @FieldResolver(() => Int, { description: 'Results recorded in the round (demo ones included)' })
  resultCount(@Root() round: SelfDiagnosticRoundSummary): number {
    return round.resultCount;
  }
}

@Resolver(() => SelfDiagnosticResultConnection)
export class SelfDiagnosticResultConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: SelfDiagnosticResultConnection): number | Promise<number> {
    return typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount;
  }
}

/** `School.selfDiagnostics`: this module owns the data, so the field lives here. */
@Resolver(() => School)
export class SchoolSelfDiagnosticsResolver {
  @FieldResolver(() => [SelfDiagnosticResult], {
    complexity: listComplexity(4),
    description: 'The school’s self-diagnostic results, newest first; optionally of one year and/or round',
  })
  async selfDiagnostics(
    @Root() school: School,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Arg('round', () => Int, { nullable: true }) round: number | null,
    @Ctx() ctx: HubContext,
  ): Promise<SelfDiagnosticResult[]> {
    const results = await ctx.loaders.selfDiagnosticsBySchool.load({
      schoolCode: school.code,
      year: year ?? null,
      round: round ?? null,
    });
    for (const result of results) result.school ??= school;
    return results;
  }
}
