import { GroupBy, type AggregateFilter } from './aggregate.types';
import { param, type IndicatorDefinition } from './indicator';

export const REGION_KEY = 'region';
export const REGION_LABEL = 'Томская область';
const NO_CLUSTER_KEY = 'none';
const NO_CLUSTER_LABEL = 'Вне кластеров';

/**
 * One statement per aggregate: the indicator's per-school numerators and
 * denominators, restricted to the schools the filter admits, summed by group.
 * Municipalities and clusters are listed even when they have no data.
 */
export function aggregateSql(
  indicator: IndicatorDefinition,
  groupBy: GroupBy,
  filter: AggregateFilter,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const perSchool = indicator.perSchool(filter, params);
  const where: string[] = [];
  if (filter.includeDemo === false) where.push('NOT s.is_demo');
  if (filter.municipalityCodes) where.push(`s.municipality_code = ANY(${param(params, filter.municipalityCodes)})`);
  if (filter.clusterCodes) where.push(`s.cluster_code = ANY(${param(params, filter.clusterCodes)})`);
  const schools = `
    SELECT s.code, s.municipality_code, s.cluster_code, coalesce(s.short_name, s.full_name) AS label,
           sum(p.num)::float8 AS num, sum(p.den)::float8 AS den
      FROM (${perSchool}) p JOIN school s ON s.code = p.school_code
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     GROUP BY s.code`;
  const totals = `coalesce(sum(x.num), 0)::float8 AS num, coalesce(sum(x.den), 0)::float8 AS den`;

  switch (groupBy) {
    case GroupBy.REGION:
      return {
        sql: `SELECT '${REGION_KEY}' AS key, '${REGION_LABEL}' AS label, ${totals} FROM (${schools}) x`,
        params,
      };
    case GroupBy.MUNICIPALITY: {
      const only = filter.municipalityCodes ? `WHERE m.code = ANY(${param(params, filter.municipalityCodes)})` : '';
      return {
        sql: `SELECT m.code AS key, m.name AS label, ${totals}
                FROM municipality m LEFT JOIN (${schools}) x ON x.municipality_code = m.code
                ${only}
               GROUP BY m.code, m.name, m.sort_order ORDER BY m.sort_order`,
        params,
      };
    }
    case GroupBy.CLUSTER: {
      const only = filter.clusterCodes ? `WHERE c.code = ANY(${param(params, filter.clusterCodes)})` : '';
      return {
        sql: `WITH x AS (${schools})
              SELECT key, label, num, den FROM (
                SELECT c.code AS key, c.short_name || ' · ' || c.name AS label, ${totals}, c.position
                  FROM cluster c LEFT JOIN x ON x.cluster_code = c.code ${only}
                 GROUP BY c.code, c.short_name, c.name, c.position
                UNION ALL
                SELECT '${NO_CLUSTER_KEY}', '${NO_CLUSTER_LABEL}', ${totals}, 1000000
                  FROM x WHERE x.cluster_code IS NULL HAVING count(*) > 0
              ) g ORDER BY position`,
        params,
      };
    }
    case GroupBy.SCHOOL:
      return { sql: `SELECT x.code AS key, x.label, x.num, x.den FROM (${schools}) x ORDER BY x.code`, params };
  }
}

export function valueOf(indicator: IndicatorDefinition, num: number, den: number): number | null {
  switch (indicator.kind) {
    case 'count':
      return num;
    case 'share':
      return den > 0 ? (100 * num) / den : null;
    case 'mean':
      return den > 0 ? num / den : null;
  }
}
