import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { createHubPubSub, type HubPubSub } from '../realtime/topics';
import { assessmentResolvers } from '../modules/assessments';
import { auditResolvers } from '../modules/audit';
import { ClustersResolver, SchoolClusterResolver } from '../modules/clusters';
import { AggregateResolver } from '../analytics/aggregate.resolver';
import { importResolvers } from '../modules/imports';
import { userResolvers } from '../modules/users';
import { MunicipalitiesResolver, SchoolMunicipalityResolver } from '../modules/municipalities';
import {
  ClusterSchoolsResolver,
  MunicipalitySchoolsResolver,
  SchoolConnectionResolver,
  SchoolsResolver,
} from '../modules/schools';
import { planResolvers } from '../modules/plans';
import { riskResolvers } from '../modules/risk';
import { selfDiagnosticResolvers } from '../modules/self-diagnostics';
import { shnorResolvers } from '../modules/shnor';
import { vsokoResolvers } from '../modules/vsoko';

const resolvers = [
  MunicipalitiesResolver,
  SchoolMunicipalityResolver,
  ClustersResolver,
  SchoolClusterResolver,
  SchoolsResolver,
  SchoolConnectionResolver,
  MunicipalitySchoolsResolver,
  ClusterSchoolsResolver,
  ...assessmentResolvers,
  ...vsokoResolvers,
  ...selfDiagnosticResolvers,
  ...shnorResolvers,
  ...planResolvers,
  ...importResolvers,
  ...userResolvers,
  ...auditResolvers,
  ...riskResolvers,
  AggregateResolver,
] as const;

/**
 * The executable schema. Input validation is done by the services (class-validator
 * off): they own the rules and give the Russian messages.
 */
export function buildHubSchema(pubSub: HubPubSub = createHubPubSub()): Promise<GraphQLSchema> {
  // Subscriptions build their own streams from the context; type-graphql still asks for a PubSub.
  return buildSchema({ resolvers: [...resolvers], validate: false, pubSub: pubSub as unknown as PubSub });
}

/** The SDL as committed in `schema/schema.graphql`: sorted, so diffs show real changes only. */
export function printHubSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
