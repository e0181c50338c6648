import { Field, InputType } from 'type-graphql';
import type { Conditions } from './sql-conditions';

/**
 * The conditions every school-level list shares: which schools, by code,
 * municipality or cluster, and whether demo data counts. Each domain's filter
 * extends it with its own (year, round, zone…).
 */
@InputType()
export abstract class SchoolSetFilter {
  @Field(() => [String], { nullable: true })
  schoolCodes?: string[] | null;

  @Field(() => [String], { nullable: true })
  municipalityCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Cluster codes: K1…K5' })
  clusterCodes?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: demo data only; false: real data only' })
  isDemo?: boolean | null;
}

/**
 * Adds the school-set conditions for rows aliased `row` (with `school_code` and
 * `is_demo` columns) joined to the school table aliased `school`.
 */
export function addSchoolSetConditions(c: Conditions, filter: SchoolSetFilter, row: string, school = 's'): void {
  if (filter.schoolCodes) c.add((p) => `${row}.school_code = ANY(${p(filter.schoolCodes)})`);
  if (filter.municipalityCodes) c.add((p) => `${school}.municipality_code = ANY(${p(filter.municipalityCodes)})`);
  if (filter.clusterCodes) c.add((p) => `${school}.cluster_code = ANY(${p(filter.clusterCodes)})`);
  if (filter.isDemo !== null && filter.isDemo !== undefined) c.add((p) => `${row}.is_demo = ${p(filter.isDemo)}`);
}
