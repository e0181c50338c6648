import type { RiskRadarLiveSubscription } from '../../generated/graphql';

type Radar = RiskRadarLiveSubscription['riskRadarUpdated'];
type Connection = Extract<Radar, { edges: unknown }>;

/** A school's risk picture as the page shows it. */
export type SchoolRiskRow = Connection['edges'][number]['node'];
export type RiskSignalCell = SchoolRiskRow['signals'][number];

/** The schools of a radar message (a message by group has none). */
export function radarSchools(radar: Radar | undefined): { rows: SchoolRiskRow[]; total: number } {
  if (!radar || !('edges' in radar)) return { rows: [], total: 0 };
  return { rows: radar.edges.map((e) => e.node), total: radar.totalCount };
}
