import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { PageArgs, parsePage, toConnection } from '../../graphql/pagination';
import { pageComplexity } from '../../graphql/query-limits';
import { Cluster } from '../clusters/cluster.entity';
import { Municipality } from '../municipalities/municipality.entity';
import { SchoolConnection } from './school-connection';
import { School } from './school.entity';
import { SchoolFilter } from './schools.inputs';
import { SchoolsService } from './schools.service';

@Resolver(() => School)
export class SchoolsResolver {
  @Query(() => SchoolConnection, {
    complexity: pageComplexity,
    description: 'Schools in code order, a page at a time (at most 500 per page)',
  })
  schools(
    @Arg('filter', () => SchoolFilter, { nullable: true }) filter: SchoolFilter | null,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<SchoolConnection> {
    return new SchoolsService(ctx.em).list(filter, parsePage(pageArgs));
  }

  @Query(() => School, { nullable: true, description: 'A school by its code, e.g. `sch700001`' })
  school(@Arg('code', () => String) code: string, @Ctx() ctx: HubContext): Promise<School | null> {
    return new SchoolsService(ctx.em).byCode(code);
  }

  @FieldResolver(() => String, { description: 'The short name where there is one, else the full name' })
  displayName(@Root() school: School): string {
    return school.shortName ?? school.fullName;
  }
}

@Resolver(() => SchoolConnection)
export class SchoolConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: SchoolConnection): number | Promise<number> {
    return typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount;
  }
}

/** Fields on `Municipality` and `Cluster` whose data are schools. */
@Resolver(() => Municipality)
export class MunicipalitySchoolsResolver {
  @FieldResolver(() => Int, { description: 'Schools in the municipality, demo ones included' })
  schoolCount(@Root() municipality: Municipality, @Ctx() ctx: HubContext): Promise<number> {
    return ctx.loaders.schoolCountByMunicipality.load(municipality.code);
  }

  @FieldResolver(() => SchoolConnection, { complexity: pageComplexity })
  async schools(
    @Root() municipality: Municipality,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<SchoolConnection> {
    const page = parsePage(pageArgs);
    const rows =
      page.first === 0
        ? []
        : await ctx.loaders.schoolPageByMunicipality.load({ municipalityCode: municipality.code, page });
    return {
      ...toConnection(rows, page, (s) => s.code),
      totalCount: () => ctx.loaders.schoolCountByMunicipality.load(municipality.code),
    };
  }
}

@Resolver(() => Cluster)
export class ClusterSchoolsResolver {
  @FieldResolver(() => Int)
  schoolCount(@Root() cluster: Cluster, @Ctx() ctx: HubContext): Promise<number> {
    return ctx.loaders.schoolCountByCluster.load(cluster.code);
  }
}
