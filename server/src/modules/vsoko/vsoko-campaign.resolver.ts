import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { PageArgs, parsePage, toConnection } from '../../graphql/pagination';
import { listComplexity, pageComplexity } from '../../graphql/query-limits';
import { SchoolConnection } from '../schools/school-connection';
import {
  VsokoBlock,
  VsokoDocument,
  VsokoPassportItem,
  VsokoScheduleStage,
  VsokoZoneRule,
} from './vsoko-campaign-parts.entity';
import { VsokoCampaign } from './vsoko-campaign.entity';
import { VsokoCampaignsService, type VsokoCampaignRules } from './vsoko-campaigns.service';

async function rulesOf(campaign: VsokoCampaign, ctx: HubContext): Promise<VsokoCampaignRules> {
  const rules = await ctx.loaders.vsokoCampaignRules.load(campaign.year);
  if (!rules) throw new Error(`ВСОКО campaign ${campaign.year} vanished while being read`);
  return rules;
}

@Resolver(() => VsokoCampaign)
export class VsokoCampaignResolver {
  @Query(() => [VsokoCampaign], {
    complexity: listComplexity(3),
    description: 'ВСОКО monitoring campaigns, newest first',
  })
  vsokoCampaigns(@Ctx() ctx: HubContext): Promise<VsokoCampaign[]> {
    return new VsokoCampaignsService(ctx.em).list();
  }

  @Query(() => VsokoCampaign, { nullable: true, description: 'A campaign by its year' })
  async vsokoCampaign(@Arg('year', () => Int) year: number, @Ctx() ctx: HubContext): Promise<VsokoCampaign | null> {
    return (await ctx.loaders.vsokoCampaignRules.load(year))?.campaign ?? null;
  }

  @FieldResolver(() => [VsokoBlock], { description: 'Scored blocks in number order' })
  async blocks(@Root() campaign: VsokoCampaign, @Ctx() ctx: HubContext): Promise<VsokoBlock[]> {
    return (await rulesOf(campaign, ctx)).blocks;
  }

  @FieldResolver(() => Int, { description: 'Sum of the block maxima' })
  async maxTotal(@Root() campaign: VsokoCampaign, @Ctx() ctx: HubContext): Promise<number> {
    return (await rulesOf(campaign, ctx)).blocks.reduce((sum, b) => sum + b.maxScore, 0);
  }

  @FieldResolver(() => [VsokoDocument], { description: 'Documents a participant links to, in list order' })
  async documents(@Root() campaign: VsokoCampaign, @Ctx() ctx: HubContext): Promise<VsokoDocument[]> {
    return (await rulesOf(campaign, ctx)).documents;
  }

  @FieldResolver(() => [VsokoPassportItem], { description: 'Items of the participant passport, in order' })
  async passportItems(@Root() campaign: VsokoCampaign, @Ctx() ctx: HubContext): Promise<VsokoPassportItem[]> {
    return (await rulesOf(campaign, ctx)).passportItems;
  }

  @FieldResolver(() => [VsokoScheduleStage], { description: 'План-график' })
  async schedule(@Root() campaign: VsokoCampaign, @Ctx() ctx: HubContext): Promise<VsokoScheduleStage[]> {
    return (await rulesOf(campaign, ctx)).schedule;
  }

  @FieldResolver(() => [VsokoZoneRule], {
    description: 'Zone by the number of risky blocks, lowest range first (editable data)',
  })
  async zoneRules(@Root() campaign: VsokoCampaign, @Ctx() ctx: HubContext): Promise<VsokoZoneRule[]> {
    return (await rulesOf(campaign, ctx)).zoneRules;
  }

  @FieldResolver(() => Int, { description: 'Schools in the sample' })
  sampleSize(@Root() campaign: VsokoCampaign, @Ctx() ctx: HubContext): Promise<number> {
    return ctx.loaders.vsokoSampleSize.load(campaign.year);
  }

  @FieldResolver(() => SchoolConnection, {
    complexity: pageComplexity,
    description: 'The sample schools in code order',
  })
  async sampleSchools(
    @Root() campaign: VsokoCampaign,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<SchoolConnection> {
    const page = parsePage(pageArgs);
    const rows = page.first === 0 ? [] : await ctx.loaders.vsokoSamplePage.load({ year: campaign.year, page });
    return {
      ...toConnection(rows, page, (s) => s.code),
      totalCount: () => ctx.loaders.vsokoSampleSize.load(campaign.year),
    };
  }

  @FieldResolver(() => Int, { description: 'Evaluations recorded so far (demo ones included)' })
  evaluationCount(@Root() campaign: VsokoCampaign, @Ctx() ctx: HubContext): Promise<number> {
    return ctx.loaders.vsokoEvaluationCount.load(campaign.year);
  }
}
