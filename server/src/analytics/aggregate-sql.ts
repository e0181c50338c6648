import { GroupBy, type AggregateFilter } from './aggregate.types';
import { param, type IndicatorDefinition } from './indicator';

export const REGION_KEY = 'region';
export const REGION_LABEL = 'Томская область';
const NO_CLUSTER_KEY = 'none';
const NO_CLUSTER_LABEL = 'Вне кластеров';

/**
 * One statement per aggregate: the indicator's facts (per school, or per
 * municipality or region for plan targets), restricted by the filter and
 * summed by group. Municipalities and clusters are listed even without data;
 * facts above school level count in the region and their municipality only.
 */
export function aggregateSql(
  indicator: IndicatorDefinition,
  groupBy: GroupBy,
  filter: AggregateFilter,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const facts = indicator.facts(filter, params);
  const where = ['(p.school_code IS NULL OR s.code IS NOT NULL)'];
  if (filter.includeDemo === false) where.push('s.is_demo IS NOT TRUE');
  if (filter.municipalityCodes) {
    where.push(`coalesce(s.municipality_code, p.municipality_code) = ANY(${param(params, filter.municipalityCodes)})`);
  }
  if (filter.clusterCodes) where.push(`s.cluster_code = ANY(${param(params, filter.clusterCodes)})`);
  const rows = `
    SELECT p.school_code, coalesce(s.municipality_code, p.municipality_code) AS municipality_code, s.cluster_code,
           coalesce(s.short_name, s.full_name) AS label, p.num::float8 AS num, p.den::float8 AS den
      FROM (${facts}) p LEFT JOIN school s ON s.code = p.school_code
     WHERE ${where.join(' AND ')}`;
  const totals = `coalesce(sum(x.num), 0)::float8 AS num, coalesce(sum(x.den), 0)::float8 AS den`;

  switch (groupBy) {
    case GroupBy.REGION:
      return { sql: `SELECT '${REGION_KEY}' AS key, '${REGION_LABEL}' AS label, ${totals} FROM (${rows}) x`, params };
    case GroupBy.MUNICIPALITY: {
      const only = filter.municipalityCodes ? `WHERE m.code = ANY(${param(params, filter.municipalityCodes)})` : '';
      return {
        sql: `SELECT m.code AS key, m.name AS label, ${totals}
                FROM municipality m LEFT JOIN (${rows}) x ON x.municipality_code = m.code
                ${only}
               GROUP BY m.code, m.name, m.sort_order ORDER BY m.sort_order`,
        params,
      };
    }
    case GroupBy.CLUSTER: {
      const only = filter.clusterCodes ? `WHERE c.code = ANY(${param(params, filter.clusterCodes)})` : '';
      return {
        sql: `WITH x AS (${rows} AND p.school_code IS NOT NULL)
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
      return {
        sql: `SELECT x.school_code AS key, min(x.label) AS label, ${totals}
                FROM (${rows} AND p.school_code IS NOT NULL) x
               GROUP BY x.school_code ORDER BY x.school_code`,
        params,
      };
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
