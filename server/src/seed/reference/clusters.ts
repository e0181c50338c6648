import { Locality } from '../../modules/shared/locality';
import type { Cluster } from '../../modules/clusters/cluster.entity';

/**
 * The default ВСОКО clustering (BRIEF §2) as data. Order matters: the first
 * matching rule wins, so «Труднодоступные» comes first (no year-round road,
 * whatever the size or locality).
 */
export const DEFAULT_CLUSTERS: Cluster[] = [
  {
    code: 'K5',
    shortName: 'К5',
    name: 'Труднодоступные',
    position: 1,
    locality: null,
    yearRoundRoad: false,
    studentsAtLeast: null,
    studentsBelow: null,
    distanceOverKm: null,
    distanceAtMostKm: null,
  },
  {
    code: 'K1',
    shortName: 'К1',
    name: 'Городские крупные',
    position: 2,
    locality: Locality.URBAN,
    yearRoundRoad: null,
    studentsAtLeast: 700,
    studentsBelow: null,
    distanceOverKm: null,
    distanceAtMostKm: null,
  },
  {
    code: 'K2',
    shortName: 'К2',
    name: 'Городские',
    position: 3,
    locality: Locality.URBAN,
    yearRoundRoad: null,
    studentsAtLeast: null,
    studentsBelow: 700,
    distanceOverKm: null,
    distanceAtMostKm: null,
  },
  {
    code: 'K3',
    shortName: 'К3',
    name: 'Сельские пригородные',
    position: 4,
    locality: Locality.RURAL,
    yearRoundRoad: true,
    studentsAtLeast: null,
    studentsBelow: null,
    distanceOverKm: null,
    distanceAtMostKm: 100,
  },
  {
    code: 'K4',
    shortName: 'К4',
    name: 'Сельские удалённые',
    position: 5,
    locality: Locality.RURAL,
    yearRoundRoad: true,
    studentsAtLeast: null,
    studentsBelow: null,
    distanceOverKm: 100,
    distanceAtMostKm: null,
  },
];
