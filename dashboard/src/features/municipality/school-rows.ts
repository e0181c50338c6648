import type { MunicipalitySchoolsQuery } from '../../generated/graphql';
import type { Column } from '../../shared/components/DataTable.vue';
import { formatValue } from '../../shared/format';
import type { Period } from '../../shared/periods';

type SchoolNode = MunicipalitySchoolsQuery['schools']['edges'][number]['node'];

/** One school across the four domains, flat, as the table sorts and exports it. */
export interface SchoolRow {
  code: string;
  name: string;
  type: string;
  cluster: string;
  isDemo: boolean;
  zone: string | null;
  zoneCode: string | null;
  zoneRank: number | null;
  shnor: string | null;
  shnorYear: number | null;
  selfdiag: string | null;
  selfdiagLevel: string | null;
  selfdiagRank: number | null;
  vprShare2: number | null;
  egeMean: number | null;
  [key: string]: unknown;
}

const ZONE_RANK: Record<string, number> = { LOW: 1, MODERATE: 2, HIGH: 3 };
const LEVEL_RANK: Record<string, number> = { BELOW_BASE: 0, BASE: 1, MEDIUM: 2, HIGH: 3 };
const SHNOR_TITLES: Record<string, string> = { SHNOR: 'ШНОР', SHNSU: 'ШНСУ', SHNOR_AND_SHNSU: 'ШНОР и ШНСУ' };

export function schoolRow(
  school: SchoolNode,
  latestRound: Period | undefined,
  vpr: Map<string, number | null>,
  ege: Map<string, number | null>,
): SchoolRow {
  const results = school.selfDiagnostics;
  const latest = latestRound?.filter;
  const inLatest = results.find((r) => r.year === latest?.year && r.round === latest?.round);
  const shown = inLatest ?? results[0];
  const selfdiag = shown
    ? inLatest
      ? shown.levelTitle
      : `${shown.levelTitle} (${shown.year}, этап ${shown.round})`
    : null;
  return {
    code: school.code,
    name: school.displayName,
    type: school.type ?? '',
    cluster: school.cluster?.shortName ?? '',
    isDemo: school.isDemo,
    zone: school.vsoko?.zone ? `${school.vsoko.zone.title} (${school.vsoko.year})` : null,
    zoneCode: school.vsoko?.zone?.code ?? null,
    zoneRank: school.vsoko?.zone ? (ZONE_RANK[school.vsoko.zone.code] ?? null) : null,
    shnor: school.shnor
      ? `${SHNOR_TITLES[school.shnor.category] ?? school.shnor.category}, ${school.shnor.year}`
      : null,
    shnorYear: school.shnor?.year ?? null,
    selfdiag,
    selfdiagLevel: shown?.level ?? null,
    selfdiagRank: shown ? (LEVEL_RANK[shown.level] ?? null) : null,
    vprShare2: vpr.get(school.code) ?? null,
    egeMean: ege.get(school.code) ?? null,
  };
}

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function schoolColumns(periods: { vpr?: Period; ege?: Period; round?: Period }): Column<SchoolRow>[] {
  return [
    { key: 'name', header: 'Школа', value: (r) => r.name },
    { key: 'code', header: 'Код ОО', value: (r) => r.code },
    { key: 'cluster', header: 'Кластер', value: (r) => r.cluster },
    { key: 'zone', header: 'ВСОКО: зона риска', value: (r) => r.zone, sortValue: (r) => r.zoneRank },
    { key: 'shnor', header: 'ШНОР / ШНСУ', value: (r) => r.shnor, sortValue: (r) => r.shnorYear },
    {
      key: 'selfdiag',
      header: `Самодиагностика${periods.round ? ` (${periods.round.label})` : ''}`,
      value: (r) => r.selfdiag,
      sortValue: (r) => r.selfdiagRank,
    },
    {
      key: 'vprShare2',
      header: `ВПР ${periods.vpr?.label ?? ''}, доля «2»`.replace('  ', ' '),
      value: (r) => round2(r.vprShare2),
      format: (r) => formatValue(r.vprShare2, '%'),
      numeric: true,
    },
    {
      key: 'egeMean',
      header: `ЕГЭ ${periods.ege?.label ?? ''}, средний балл`.replace('  ', ' '),
      value: (r) => round2(r.egeMean),
      format: (r) => formatValue(r.egeMean, 'балл'),
      numeric: true,
    },
  ];
}
