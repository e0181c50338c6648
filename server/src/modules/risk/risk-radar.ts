import { GroupBy } from '../../analytics/aggregate.types';
import { REGION_KEY, REGION_LABEL } from '../../analytics/grouping';
import { HubError } from '../../graphql/errors';
import { decodeCursor, pageSize, toConnection } from '../../graphql/pagination';
import { RISK_LEVEL_ORDER, RiskLevel } from './risk-level';
import type { RiskState } from './risk.service';
import { compareRisk } from './risk.service';
import type { RiskGroupCounts, RiskRadarFilter, RiskSchoolConnection, SchoolRisk } from './risk.types';
import { RiskErrorCode } from './risk.errors';

/** The canonical form of a filter: same meaning, same key. */
export function normalizeRiskFilter(filter: RiskRadarFilter | null | undefined): RiskRadarFilter {
  const out: RiskRadarFilter = {};
  for (const [key, value] of Object.entries(filter ?? {}) as [keyof RiskRadarFilter, unknown][]) {
    if (value === null || value === undefined) continue;
    (out as Record<string, unknown>)[key] = Array.isArray(value) ? [...value].sort() : value;
  }
  return out;
}

function matches(school: SchoolRisk, filter: RiskRadarFilter): boolean {
  if (filter.municipalityCodes && !filter.municipalityCodes.includes(school.municipalityCode)) return false;
  if (filter.clusterCodes && !filter.clusterCodes.includes(school.clusterCode ?? 'none')) return false;
  if (filter.levels && !filter.levels.includes(school.level)) return false;
  if (filter.signalCodes && !school.signals.some((s) => filter.signalCodes!.includes(s.code))) return false;
  return true;
}

const cursorKey = (s: SchoolRisk) => `${RISK_LEVEL_ORDER.indexOf(s.level)}|${s.score}|${s.schoolCode}`;

function afterCursor(cursor: string): (s: SchoolRisk) => boolean {
  const [rank, score, code] = cursor.split('|');
  const level = RISK_LEVEL_ORDER[Number(rank)];
  if (level === undefined || code === undefined || !Number.isFinite(Number(score))) {
    throw new HubError(
      RiskErrorCode.BAD_CURSOR,
      'Курсор after не распознан: передайте endCursor из предыдущей страницы',
    );
  }
  const probe = { level, score: Number(score), schoolCode: code } as SchoolRisk;
  return (s) => compareRisk(probe, s) < 0;
}

/**
 * A page of schools with signals, highest level and score first. `visible`:
 * the schools the caller's row-level security shows (null: all).
 */
export function schoolPage(
  state: RiskState,
  filter: RiskRadarFilter,
  visible: ReadonlySet<string> | null,
  first: number | null | undefined,
  after: string | null | undefined,
): RiskSchoolConnection {
  const size = pageSize(first);
  const decoded = decodeCursor(after);
  const all = state.schools.filter((s) => (visible === null || visible.has(s.schoolCode)) && matches(s, filter));
  const rows = decoded === null ? all : all.filter(afterCursor(decoded));
  const page = toConnection(rows.slice(0, size + 1), { first: size, after: decoded }, cursorKey);
  return { ...page, totalCount: all.length, version: state.version, computedAt: state.computedAt };
}

/** Counts per level by region, municipality or cluster, over every school (not scoped). */
export function groupCounts(state: RiskState, filter: RiskRadarFilter, groupBy: GroupBy): RiskGroupCounts {
  const groups: { key: string; label: string }[] =
    groupBy === GroupBy.REGION
      ? [{ key: REGION_KEY, label: REGION_LABEL }]
      : groupBy === GroupBy.MUNICIPALITY
        ? state.municipalities
            .filter((m) => !filter.municipalityCodes || filter.municipalityCodes.includes(m.code))
            .map((m) => ({ key: m.code, label: m.name }))
        : state.clusters
            .filter((c) => !filter.clusterCodes || filter.clusterCodes.includes(c.code))
            .map((c) => ({ key: c.code, label: c.name }));
  const keyOf = (s: SchoolRisk) =>
    groupBy === GroupBy.REGION
      ? REGION_KEY
      : groupBy === GroupBy.MUNICIPALITY
        ? s.municipalityCode
        : (s.clusterCode ?? 'none');
  const counts = new Map<string, Map<RiskLevel, number>>();
  for (const school of state.schools) {
    if (!matches(school, filter)) continue;
    const key = keyOf(school);
    const byLevel = counts.get(key) ?? new Map<RiskLevel, number>();
    byLevel.set(school.level, (byLevel.get(school.level) ?? 0) + 1);
    counts.set(key, byLevel);
  }
  if (groupBy === GroupBy.CLUSTER && counts.has('none')) groups.push({ key: 'none', label: 'Вне кластеров' });
  return {
    groupBy,
    version: state.version,
    computedAt: state.computedAt,
    rows: groups.map((g) => {
      const byLevel = counts.get(g.key) ?? new Map<RiskLevel, number>();
      const schoolCount = [...byLevel.values()].reduce((a, b) => a + b, 0);
      const high = byLevel.get(RiskLevel.HIGH) ?? 0;
      return {
        key: g.key,
        label: g.label,
        schoolCount,
        counts: RISK_LEVEL_ORDER.map((level) => ({
          level,
          title: state.levelTitles.get(level) ?? level,
          count: byLevel.get(level) ?? 0,
        })),
        highShare: schoolCount > 0 ? (100 * high) / schoolCount : null,
      };
    }),
  };
}
