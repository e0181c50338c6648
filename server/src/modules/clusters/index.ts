export { Cluster } from './cluster.entity';
export { describeClusterRule, type ClusterRule } from './cluster-rule';
export { ClustersService } from './clusters.service';
export { createClusterLoaders } from './clusters.loader';
export { ClustersResolver, SchoolClusterResolver } from './clusters.resolver';
