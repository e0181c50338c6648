import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { listComplexity } from '../../graphql/query-limits';
import { School } from '../schools/school.entity';
import { Cluster } from './cluster.entity';
import { describeClusterRule } from './cluster-rule';
import { ClustersService } from './clusters.service';

@Resolver(() => Cluster)
export class ClustersResolver {
  @Query(() => [Cluster], { complexity: listComplexity(6), description: 'Clusters in the order their rules are tried' })
  async clusters(@Ctx() ctx: HubContext): Promise<Cluster[]> {
    const list = await new ClustersService(ctx.em).list();
    for (const c of list) ctx.loaders.clusterByCode.prime(c.code, c);
    return list;
  }

  @FieldResolver(() => String, { description: 'The rule in words, e.g. «Городские; не менее 700 обучающихся»' })
  description(@Root() cluster: Cluster): string {
    return describeClusterRule(cluster);
  }
}

/** `School.cluster`: derived by the cluster rules; null when no rule matches (e.g. size unknown). */
@Resolver(() => School)
export class SchoolClusterResolver {
  @FieldResolver(() => Cluster, { nullable: true })
  cluster(@Root() school: School, @Ctx() ctx: HubContext): Promise<Cluster | null> | null {
    return school.clusterCode === null ? null : ctx.loaders.clusterByCode.load(school.clusterCode);
  }
}
