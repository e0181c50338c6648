import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { listComplexity } from '../../graphql/query-limits';
import { School } from '../schools/school.entity';
import { MunicipalitiesService } from './municipalities.service';
import { Municipality } from './municipality.entity';

@Resolver(() => Municipality)
export class MunicipalitiesResolver {
  @Query(() => [Municipality], {
    complexity: listComplexity(20),
    description: 'The 20 municipalities: city districts first, then districts',
  })
  async municipalities(@Ctx() ctx: HubContext): Promise<Municipality[]> {
    const list = await new MunicipalitiesService(ctx.em).list();
    for (const m of list) ctx.loaders.municipalityByCode.prime(m.code, m);
    return list;
  }

  @Query(() => Municipality, { nullable: true })
  municipality(@Arg('code', () => String) code: string, @Ctx() ctx: HubContext): Promise<Municipality | null> {
    return ctx.loaders.municipalityByCode.load(code);
  }

  @Query(() => Municipality, {
    nullable: true,
    description:
      'Finds a municipality by a name as source files write it («г.Томск», «Вехнекетский район»…): ' +
      'case, quotes, whitespace and ё/е do not matter. Null when nothing matches.',
  })
  async municipalityByName(
    @Arg('name', () => String) name: string,
    @Ctx() ctx: HubContext,
  ): Promise<Municipality | null> {
    return (await new MunicipalitiesService(ctx.em).byName(name)).municipality;
  }

  @FieldResolver(() => [String], { description: 'Spellings of the name that imports recognise' })
  aliases(@Root() municipality: Municipality, @Ctx() ctx: HubContext): Promise<string[]> {
    return ctx.loaders.aliasesByMunicipality.load(municipality.code);
  }
}

/** `School.municipality`: the municipality module owns the data, so the field lives here. */
@Resolver(() => School)
export class SchoolMunicipalityResolver {
  @FieldResolver(() => Municipality)
  async municipality(@Root() school: School, @Ctx() ctx: HubContext): Promise<Municipality> {
    const municipality = await ctx.loaders.municipalityByCode.load(school.municipalityCode);
    if (!municipality) throw new Error(`School ${school.code} names a missing municipality`);
    return municipality;
  }
}
