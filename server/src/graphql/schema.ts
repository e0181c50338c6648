import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { assessmentResolvers } from '../modules/assessments';
import { ClustersResolver, SchoolClusterResolver } from '../modules/clusters';
import { MunicipalitiesResolver, SchoolMunicipalityResolver } from '../modules/municipalities';
import {
  ClusterSchoolsResolver,
  MunicipalitySchoolsResolver,
  SchoolConnectionResolver,
  SchoolsResolver,
} from '../modules/schools';
import { planResolvers } from '../modules/plans';
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
] as const;

/**
 * The executable schema. Input validation is done by the services (class-validator
 * off): they own the rules and give the Russian messages.
 */
export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...resolvers], validate: false });
}

/** The SDL as committed in `schema/schema.graphql`: sorted, so diffs show real changes only. */
export function printHubSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
