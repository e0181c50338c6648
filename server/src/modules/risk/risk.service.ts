import type { DataSource } from 'typeorm';
import { plansClock, regionToday } from '../plans/clock';
import { explainEvidence, summarize, type EvidenceRow, type ExplainedEvidence } from './risk-explain';
import { RiskLevel, riskChange } from './risk-level';
import { CURRENT, riskScoresSql } from './risk-sql';
import type { RiskSignal, SchoolRisk } from './risk.types';

const CACHE_LIMIT = 8;

/** The whole region's risk picture at one data version: computed once, shared by every caller. */
export interface RiskState {
  version: number;
  computedAt: Date;
  /** Every school of the evaluation, highest level and score first. */
  schools: SchoolRisk[];
  bySchool: ReadonlyMap<string, SchoolRisk>;
  levelTitles: ReadonlyMap<RiskLevel, string>;
  municipalities: { code: string; name: string }[];
  clusters: { code: string; name: string }[];
}

interface ScoreRow {
  school_code: string;
  period: number;
  score: number;
  level: RiskLevel;
  evidence: EvidenceRow[];
}

interface SchoolRow {
  code: string;
  name: string;
  municipality_code: string;
  municipality_name: string;
  cluster_code: string | null;
  cluster_name: string | null;
  is_demo: boolean;
}

/** Highest level first, then highest score, then code: the radar's order (and its cursor). */
export function compareRisk(a: SchoolRisk, b: SchoolRisk): number {
  return (
    RISK_RANK[b.level] - RISK_RANK[a.level] ||
    b.score - a.score ||
    (a.schoolCode < b.schoolCode ? -1 : a.schoolCode > b.schoolCode ? 1 : 0)
  );
}

const RISK_RANK: Record<RiskLevel, number> = {
  [RiskLevel.NONE]: 0,
  [RiskLevel.ATTENTION]: 1,
  [RiskLevel.RISK]: 2,
  [RiskLevel.HIGH]: 3,
};

/**
 * The early warning: every school's signals, score and level, now and a year
 * earlier, computed set-wise as the owner (the region's figures that signals
 * compare with must be the whole region's, whoever asks) and cached per
 * change-feed version, day in Tomsk and demo switch. Callers scope the result:
 * school rows only for schools their row-level security shows.
 */
export class RiskService {
  private readonly cache = new Map<string, { version: number; state: Promise<RiskState> }>();

  constructor(private readonly dataSource: DataSource) {}

  async state(includeDemo = true): Promise<RiskState> {
    const version = await this.currentVersion();
    // Overdue moves with the calendar: a cached picture serves its day only.
    const key = `${includeDemo}@${regionToday(plansClock())}`;
    const cached = this.cache.get(key);
    if (cached && cached.version === version) return cached.state;
    const state = this.compute(includeDemo, version);
    this.cache.delete(key);
    this.cache.set(key, { version, state });
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    state.catch(() => this.cache.delete(key));
    return state;
  }

  /** A committed change with version `v`: pictures computed at `v` or before may lack it. */
  changed(version: number): void {
    for (const [key, entry] of this.cache) if (entry.version <= version) this.cache.delete(key);
  }

  private async currentVersion(): Promise<number> {
    const [row] = await this.dataSource.query('SELECT last_value::float8 AS v FROM hub_change_seq');
    return row.v;
  }

  private compute(includeDemo: boolean, version: number): Promise<RiskState> {
    // One snapshot for the rules, the scores and the names.
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const params: unknown[] = [];
      const sql = riskScoresSql({ includeDemo, today: regionToday(plansClock()) }, params, true);
      const scores: ScoreRow[] = await em.query(sql, params);
      // One after another: a transaction is one connection.
      const rules = await em.query(`SELECT code, title, domain, weight FROM risk_signal_rule ORDER BY position`);
      const levels = await em.query(`SELECT level::text AS level, title FROM risk_level ORDER BY min_score`);
      const schools = await em.query(
        `SELECT s.code, coalesce(s.short_name, s.full_name) AS name, s.municipality_code,
                m.name AS municipality_name, s.cluster_code, c.short_name || ' · ' || c.name AS cluster_name, s.is_demo
           FROM school s JOIN municipality m ON m.code = s.municipality_code
           LEFT JOIN cluster c ON c.code = s.cluster_code`,
      );
      const procedures = await em.query(`SELECT code, short_name AS name FROM assessment_procedure`);
      const subjects = await em.query(`SELECT code, name FROM assessment_subject`);
      const municipalities = await em.query(`SELECT code, name FROM municipality ORDER BY sort_order`);
      const clusters = await em.query(
        `SELECT code, short_name || ' · ' || name AS name FROM cluster ORDER BY position`,
      );
      const names = {
        procedures: new Map<string, string>(procedures.map((p: any) => [p.code, p.name])),
        subjects: new Map<string, string>(subjects.map((s: any) => [s.code, s.name])),
      };
      const ruleOf = new Map<string, { code: string; title: string; domain: string; weight: number }>(
        rules.map((r: any) => [r.code, r]),
      );
      const levelTitles = new Map<RiskLevel, string>(levels.map((l: any) => [l.level, l.title]));
      const order = new Map<string, number>(rules.map((r: any, i: number) => [r.code, i]));
      const schoolOf = new Map<string, SchoolRow>(schools.map((s: SchoolRow) => [s.code, s]));
      const previous = new Map<string, ScoreRow>();
      for (const row of scores) if (row.period !== CURRENT) previous.set(row.school_code, row);

      const result: SchoolRisk[] = [];
      for (const row of scores) {
        if (row.period !== CURRENT) continue;
        const school = schoolOf.get(row.school_code);
        if (!school) continue;
        const before = previous.get(row.school_code);
        result.push({
          schoolCode: school.code,
          schoolName: school.name,
          municipalityCode: school.municipality_code,
          municipalityName: school.municipality_name,
          clusterCode: school.cluster_code,
          clusterName: school.cluster_name,
          isDemo: school.is_demo,
          level: row.level,
          levelTitle: levelTitles.get(row.level) ?? row.level,
          score: row.score,
          previousLevel: before?.level ?? RiskLevel.NONE,
          previousScore: before?.score ?? 0,
          change: riskChange(before?.level ?? RiskLevel.NONE, row.level),
          previousSignalCodes: [...new Set((before?.evidence ?? []).map((e) => e.rule))].sort(
            (a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
          ),
          signals: signalsOf(row.evidence, ruleOf, order, names),
        });
      }
      result.sort(compareRisk);
      return {
        version,
        computedAt: new Date(),
        schools: result,
        bySchool: new Map(result.map((s) => [s.schoolCode, s])),
        levelTitles,
        municipalities,
        clusters,
      };
    });
  }
}

function signalsOf(
  evidence: readonly EvidenceRow[],
  ruleOf: ReadonlyMap<string, { code: string; title: string; domain: string; weight: number }>,
  order: ReadonlyMap<string, number>,
  names: Parameters<typeof explainEvidence>[1],
): RiskSignal[] {
  const byRule = new Map<string, ExplainedEvidence[]>();
  for (const row of evidence) {
    const list = byRule.get(row.rule) ?? [];
    list.push(explainEvidence(row, names));
    byRule.set(row.rule, list);
  }
  return [...byRule.entries()]
    .sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
    .map(([code, items]) => {
      const rule = ruleOf.get(code)!;
      return {
        code,
        title: rule.title,
        domain: items[0]!.source.domain,
        weight: rule.weight,
        explanation: summarize(items),
        source: items[0]!.source,
        date: new Date(Math.max(...items.map((i) => i.date.getTime()))),
        evidence: items,
      };
    });
}
