import { GroupBy, type AggregateFilter } from './aggregate.types';
import type { FactSet } from './fact-set';

export const REGION_KEY = 'region';
export const REGION_LABEL = 'Томская область';
const NO_CLUSTER_KEY = 'none';
const NO_CLUSTER_LABEL = 'Вне кластеров';

export interface GroupSum {
  key: string;
  label: string;
  num: number;
  den: number;
}

/**
 * Sums a question's facts by group. A school's facts count when the filter
 * keeps the school (municipality, cluster, demo); facts above school level
 * count in the region and in their municipality only. Every municipality and
 * cluster is listed, with zeros where it has no facts; schools are listed
 * where they have facts.
 */
export function groupFacts(facts: FactSet, groupBy: GroupBy, filter: AggregateFilter): GroupSum[] {
  const { schools, municipalities, clusters } = facts.positions;
  const municipalityCodes = filter.municipalityCodes ? new Set(filter.municipalityCodes) : null;
  const clusterCodes = filter.clusterCodes ? new Set(filter.clusterCodes) : null;
  const withoutDemo = filter.includeDemo === false;
  const kept = (i: number): boolean => {
    const school = schools[i]!;
    if (withoutDemo && school.isDemo) return false;
    if (municipalityCodes && !municipalityCodes.has(school.municipalityCode)) return false;
    if (clusterCodes && (school.clusterCode === null || !clusterCodes.has(school.clusterCode))) return false;
    return true;
  };
  // A fact above school level has no cluster: a cluster filter leaves it out.
  const areas = clusterCodes
    ? []
    : facts.areas.filter(
        (a) => !municipalityCodes || (a.municipalityCode !== null && municipalityCodes.has(a.municipalityCode)),
      );
  const { num, den, present } = facts;

  switch (groupBy) {
    case GroupBy.REGION: {
      let n = 0;
      let d = 0;
      for (let i = 0; i < schools.length; i++) {
        if (present[i] && kept(i)) {
          n += num[i]!;
          d += den[i]!;
        }
      }
      for (const a of areas) {
        n += a.num;
        d += a.den;
      }
      return [{ key: REGION_KEY, label: REGION_LABEL, num: n, den: d }];
    }
    case GroupBy.MUNICIPALITY: {
      const listed = municipalityCodes ? municipalities.filter((m) => municipalityCodes.has(m.key)) : municipalities;
      const sums = new Map(listed.map((m) => [m.key, { key: m.key, label: m.label, num: 0, den: 0 }]));
      for (let i = 0; i < schools.length; i++) {
        if (!present[i] || !kept(i)) continue;
        const sum = sums.get(schools[i]!.municipalityCode);
        if (!sum) continue;
        sum.num += num[i]!;
        sum.den += den[i]!;
      }
      for (const a of areas) {
        const sum = a.municipalityCode === null ? undefined : sums.get(a.municipalityCode);
        if (!sum) continue;
        sum.num += a.num;
        sum.den += a.den;
      }
      return [...sums.values()];
    }
    case GroupBy.CLUSTER: {
      const listed = clusterCodes ? clusters.filter((c) => clusterCodes.has(c.key)) : clusters;
      const sums = new Map(listed.map((c) => [c.key, { key: c.key, label: c.label, num: 0, den: 0 }]));
      const outside = { key: NO_CLUSTER_KEY, label: NO_CLUSTER_LABEL, num: 0, den: 0 };
      let outsideCount = 0;
      for (let i = 0; i < schools.length; i++) {
        if (!present[i] || !kept(i)) continue;
        const cluster = schools[i]!.clusterCode;
        const sum = cluster === null ? outside : sums.get(cluster);
        if (!sum) continue;
        if (cluster === null) outsideCount++;
        sum.num += num[i]!;
        sum.den += den[i]!;
      }
      const rows = [...sums.values()];
      if (outsideCount > 0) rows.push(outside);
      return rows;
    }
    case GroupBy.SCHOOL: {
      const rows: GroupSum[] = [];
      for (let i = 0; i < schools.length; i++) {
        if (!present[i] || !kept(i)) continue;
        const school = schools[i]!;
        rows.push({ key: school.code, label: school.label, num: num[i]!, den: den[i]! });
      }
      return rows;
    }
  }
}
