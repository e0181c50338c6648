import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { PageArgs, parsePage } from '../../graphql/pagination';
import { listComplexity, pageComplexity } from '../../graphql/query-limits';
import { School } from '../schools/school.entity';
import { judgeDocumentLink } from './document-link';
import { assessVsoko, type VsokoAssessment } from './vsoko-assessment';
import { VsokoCampaign } from './vsoko-campaign.entity';
import type { VsokoCampaignRules } from './vsoko-campaigns.service';
import { VsokoEvaluation } from './vsoko-evaluation.entity';
import { VsokoEvaluationsService } from './vsoko-evaluations.service';
import { RecordVsokoEvaluationInput, VsokoEvaluationFilter } from './vsoko.inputs';
import {
  VsokoBlockResult,
  VsokoEvaluationConnection,
  VsokoEvaluationDocument,
  VsokoPassport,
  VsokoZone,
} from './vsoko.types';
import { VsokoPassportItemKind } from './vsoko-zone';

interface Assessed {
  rules: VsokoCampaignRules;
  assessment: VsokoAssessment;
}

/** Each evaluation object is assessed once per request, whichever fields ask. */
const assessedEvaluations = new WeakMap<VsokoEvaluation, Promise<Assessed>>();

function assess(evaluation: VsokoEvaluation, ctx: HubContext): Promise<Assessed> {
  let assessed = assessedEvaluations.get(evaluation);
  if (!assessed) {
    assessed = ctx.loaders.vsokoCampaignRules.load(evaluation.campaignYear).then((rules) => {
      if (!rules) throw new Error(`ВСОКО campaign ${evaluation.campaignYear} vanished while being read`);
      return { rules, assessment: assessVsoko(rules.blocks, rules.zoneRules, evaluation.scores) };
    });
    assessedEvaluations.set(evaluation, assessed);
  }
  return assessed;
}

function documentsOf(evaluation: VsokoEvaluation, rules: VsokoCampaignRules): VsokoEvaluationDocument[] {
  return rules.documents.map((d) => {
    const url = evaluation.links.get(d.code) ?? null;
    const verdict = judgeDocumentLink(url);
    return {
      code: d.code,
      title: d.title,
      optional: d.optional,
      url,
      provided: verdict.provided,
      notProvidedReason: verdict.provided ? null : verdict.reason,
    };
  });
}

@Resolver(() => VsokoEvaluation)
export class VsokoEvaluationResolver {
  @Query(() => VsokoEvaluationConnection, {
    complexity: pageComplexity,
    description: 'ВСОКО evaluations, newest campaign first, then by school code (at most 500 per page)',
  })
  vsokoEvaluations(
    @Arg('filter', () => VsokoEvaluationFilter, { nullable: true }) filter: VsokoEvaluationFilter | null,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<VsokoEvaluationConnection> {
    return new VsokoEvaluationsService(ctx.em).list(filter, parsePage(pageArgs));
  }

  @Mutation(() => VsokoEvaluation, {
    description: 'Records a school’s evaluation in a campaign (again: updates it). Invalid input changes nothing.',
  })
  recordVsokoEvaluation(
    @Arg('input', () => RecordVsokoEvaluationInput) input: RecordVsokoEvaluationInput,
    @Ctx() ctx: HubContext,
  ): Promise<VsokoEvaluation> {
    const { schoolCode, ...draft } = input;
    return new VsokoEvaluationsService(ctx.em).record(schoolCode, draft, ctx.actor);
  }

  @FieldResolver(() => School)
  async school(@Root() evaluation: VsokoEvaluation, @Ctx() ctx: HubContext): Promise<School> {
    const school = evaluation.school ?? (await ctx.loaders.schoolByCode.load(evaluation.schoolCode));
    if (!school) throw new Error(`Evaluation names a missing school ${evaluation.schoolCode}`);
    return school;
  }

  @FieldResolver(() => VsokoCampaign)
  async campaign(@Root() evaluation: VsokoEvaluation, @Ctx() ctx: HubContext): Promise<VsokoCampaign> {
    return (await assess(evaluation, ctx)).rules.campaign;
  }

  @FieldResolver(() => [VsokoBlockResult], {
    complexity: listComplexity(4),
    description: 'Every block of the campaign with its score and risk',
  })
  async blocks(@Root() evaluation: VsokoEvaluation, @Ctx() ctx: HubContext): Promise<VsokoBlockResult[]> {
    return (await assess(evaluation, ctx)).assessment.blocks;
  }

  @FieldResolver(() => Int, { description: 'Sum of the block scores' })
  async total(@Root() evaluation: VsokoEvaluation, @Ctx() ctx: HubContext): Promise<number> {
    return (await assess(evaluation, ctx)).assessment.total;
  }

  @FieldResolver(() => Int, { description: 'Blocks scored below their threshold' })
  async riskyBlockCount(@Root() evaluation: VsokoEvaluation, @Ctx() ctx: HubContext): Promise<number> {
    return (await assess(evaluation, ctx)).assessment.riskyBlockCount;
  }

  @FieldResolver(() => [VsokoBlockResult], {
    complexity: listComplexity(4),
    description: 'Рисковый профиль: the risky blocks with their named risks and indicators',
  })
  async riskProfile(@Root() evaluation: VsokoEvaluation, @Ctx() ctx: HubContext): Promise<VsokoBlockResult[]> {
    return (await assess(evaluation, ctx)).assessment.riskProfile;
  }

  @FieldResolver(() => VsokoZone, {
    nullable: true,
    description: 'The zone by the campaign’s rule; null only if the rule leaves this count uncovered',
  })
  async zone(@Root() evaluation: VsokoEvaluation, @Ctx() ctx: HubContext): Promise<VsokoZone | null> {
    const zone = (await assess(evaluation, ctx)).assessment.zone;
    return zone && { code: zone.zone, title: zone.title };
  }

  @FieldResolver(() => VsokoPassport)
  async passport(@Root() evaluation: VsokoEvaluation, @Ctx() ctx: HubContext): Promise<VsokoPassport> {
    const { rules } = await assess(evaluation, ctx);
    const marked = evaluation.managementPositions && new Set(evaluation.managementPositions);
    return {
      managementPositions: marked
        ? rules.passportItems.filter((i) => i.kind === VsokoPassportItemKind.POSITION && marked.has(i.code))
        : null,
      teacherCount: evaluation.teacherCount,
      studentCount: evaluation.studentCount,
    };
  }

  @FieldResolver(() => [VsokoEvaluationDocument], {
    complexity: listComplexity(6),
    description: 'One entry per document of the campaign list',
  })
  async documents(@Root() evaluation: VsokoEvaluation, @Ctx() ctx: HubContext): Promise<VsokoEvaluationDocument[]> {
    return documentsOf(evaluation, (await assess(evaluation, ctx)).rules);
  }

  @FieldResolver(() => Int, { description: 'Documents whose link counts as provided' })
  async providedDocumentCount(@Root() evaluation: VsokoEvaluation, @Ctx() ctx: HubContext): Promise<number> {
    return documentsOf(evaluation, (await assess(evaluation, ctx)).rules).filter((d) => d.provided).length;
  }
}

@Resolver(() => VsokoEvaluationConnection)
export class VsokoEvaluationConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: VsokoEvaluationConnection): number | Promise<number> {
    return typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount;
  }
}

/** `School.vsoko` and `School.vsokoHistory`: this module owns the data, so the fields live here. */
@Resolver(() => School)
export class SchoolVsokoResolver {
  @FieldResolver(() => VsokoEvaluation, {
    nullable: true,
    description: 'The school’s ВСОКО evaluation in the campaign of `year`, or its latest when no year is given',
  })
  async vsoko(
    @Root() school: School,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: HubContext,
  ): Promise<VsokoEvaluation | null> {
    const evaluation = await ctx.loaders.vsokoEvaluationBySchool.load({ schoolCode: school.code, year: year ?? null });
    if (evaluation) evaluation.school ??= school;
    return evaluation;
  }

  @FieldResolver(() => [VsokoEvaluation], {
    complexity: listComplexity(3),
    description: 'Every ВСОКО evaluation of the school, newest first',
  })
  async vsokoHistory(@Root() school: School, @Ctx() ctx: HubContext): Promise<VsokoEvaluation[]> {
    const history = await ctx.loaders.vsokoHistoryBySchool.load(school.code);
    for (const evaluation of history) evaluation.school ??= school;
    return history;
  }
}
