import { param } from '../../analytics/indicator';
import { ProcedureCode } from '../assessments/procedure-codes';
import { candidateEvidenceSql } from '../shnor/shnor-candidates.service';

/** What the evaluation is asked for. */
export interface RiskSqlOptions {
  /** Demo schools and demo data count too. */
  includeDemo: boolean;
  /** Today in Tomsk (ISO date): deadlines before it are overdue. */
  today: string;
}

/**
 * Periods. Period 0 is now: the latest data of each domain, deadlines as of
 * today. Period 1 is "a year earlier", the picture the change is measured
 * against: the ВСОКО campaign before the latest, the ШНОР list before the
 * latest, the same self-diagnostic round of the year before, each procedure's
 * results of the year before its latest (and the ШНОР-candidate rule for that
 * year), plan deadlines as of the same day a year ago with the statuses then
 * recorded (from the progress history). A domain with no earlier data reuses
 * its current data in period 1: a domain that only began to be measured is not
 * a change of the school's risk.
 */
export const CURRENT = 0;
export const PREVIOUS = 1;

const rule = (code: string, name: string, cast = 'numeric') =>
  `(SELECT (params->>'${name}')::${cast} FROM risk_signal_rule WHERE code = '${code}')`;

/**
 * Evidence rows: (period, school_code, rule_code, source_key, at, facts) —
 * one per result, listing or activity that makes a rule fire for a school.
 * Every school at once, set-wise: one statement whatever the number of schools.
 */
export function riskEvidenceSql(options: RiskSqlOptions, params: unknown[]): string {
  const demo = param(params, options.includeDemo);
  const today = param(params, options.today);
  const ege = param(params, ProcedureCode.EGE);
  const vpr = param(params, ProcedureCode.VPR);
  const real = (alias: string) => `(${demo}::boolean OR NOT ${alias}.is_demo)`;
  // The ШНОР rule's own statement, for the year of each period.
  const candidates = (period: number) =>
    candidateEvidenceSql({
      year: `(SELECT y FROM cand_year WHERE period = ${period})`,
      ege,
      vpr,
      threshold: rule('shnor_candidate', 'failureShare'),
      where: real('r'),
    });
  return `
  WITH
  vsoko_latest AS (SELECT max(campaign_year) AS y FROM vsoko_evaluation e WHERE ${real('e')}),
  vsoko_year AS (
    SELECT ${CURRENT} AS period, y FROM vsoko_latest
    UNION ALL
    SELECT ${PREVIOUS}, coalesce((SELECT max(campaign_year) FROM vsoko_evaluation e
                                   WHERE e.campaign_year < l.y AND ${real('e')}), l.y) FROM vsoko_latest l),
  vsoko AS (
    SELECT v.period, o.school_code,
           CASE o.zone WHEN 'high' THEN 'vsoko_zone_high' ELSE 'vsoko_zone_moderate' END AS rule_code,
           o.campaign_year::text AS source_key, e.recorded_at AS at,
           jsonb_build_object('year', o.campaign_year, 'zone', o.zone, 'blocks',
             (SELECT coalesce(jsonb_agg(jsonb_build_object('number', b.number, 'name', b.name, 'risk', b.risk,
                       'score', s.score, 'threshold', b.threshold, 'max', b.max_score) ORDER BY b.number), '[]')
                FROM vsoko_block_score s JOIN vsoko_block b ON b.campaign_year = s.campaign_year AND b.number = s.block_number
               WHERE s.school_code = o.school_code AND s.campaign_year = o.campaign_year
                 AND b.number = ANY(o.risky_blocks))) AS facts
      FROM vsoko_year v
      JOIN vsoko_evaluation_outcome o ON o.campaign_year = v.y AND o.zone IN ('high', 'moderate')
      JOIN vsoko_evaluation e ON e.school_code = o.school_code AND e.campaign_year = o.campaign_year
     WHERE ${real('o')}),
  shnor_latest AS (SELECT max(year) AS y FROM shnor_listing l WHERE ${real('l')}),
  shnor_year AS (
    SELECT ${CURRENT} AS period, y FROM shnor_latest
    UNION ALL
    SELECT ${PREVIOUS}, coalesce((SELECT max(year) FROM shnor_listing l WHERE l.year < s.y AND ${real('l')}), s.y)
      FROM shnor_latest s),
  shnor AS (
    SELECT y.period, l.school_code, 'shnor_listed' AS rule_code, l.year::text AS source_key, l.updated_at AS at,
           jsonb_build_object('year', l.year, 'category', l.category, 'status', l.programme_status,
                              'curator', l.curator) AS facts
      FROM shnor_year y JOIN shnor_listing l ON l.year = y.y WHERE ${real('l')}),
  results_latest AS (SELECT max(year) AS y FROM assessment_result r WHERE ${real('r')}),
  cand_year AS (
    SELECT ${CURRENT} AS period, y FROM results_latest
    UNION ALL
    SELECT ${PREVIOUS}, CASE WHEN EXISTS (SELECT 1 FROM assessment_result r WHERE r.year = l.y - 1 AND ${real('r')})
                             THEN l.y - 1 ELSE l.y END FROM results_latest l),
  candidates AS (
    SELECT ${CURRENT} AS period, c.* FROM (${candidates(CURRENT)}) c
    UNION ALL
    SELECT ${PREVIOUS}, c.* FROM (${candidates(PREVIOUS)}) c),
  candidate AS (
    SELECT c.period, c."schoolCode" AS school_code, 'shnor_candidate' AS rule_code,
           concat_ws('/', c."procedureCode", c.year, c."subjectCode", c.grade) AS source_key,
           make_timestamptz(c.year, 12, 31, 0, 0, 0, 'Asia/Tomsk') AS at,
           jsonb_build_object('branch', c.branch, 'procedure', c."procedureCode", 'subject', c."subjectCode",
                              'grade', c.grade, 'year', c.year, 'participants', c.participants, 'failed', c.failed,
                              'outOf', c."outOf", 'measure', c.measure, 'threshold', ${rule('shnor_candidate', 'failureShare')},
                              'ruleYear', (SELECT y FROM cand_year WHERE cand_year.period = c.period)) AS facts
      FROM candidates c),
  round_latest AS (
    SELECT year, round FROM self_diagnostic_result r WHERE ${real('r')} ORDER BY year DESC, round DESC LIMIT 1),
  round_of AS (
    SELECT ${CURRENT} AS period, year, round FROM round_latest
    UNION ALL
    SELECT ${PREVIOUS}, CASE WHEN p.ok THEN l.year - 1 ELSE l.year END, l.round
      FROM round_latest l CROSS JOIN LATERAL (
        SELECT EXISTS (SELECT 1 FROM self_diagnostic_result r
                        WHERE r.year = l.year - 1 AND r.round = l.round AND ${real('r')}) AS ok) p),
  selfdiag AS (
    SELECT k.period, r.school_code, 'selfdiag_below_base' AS rule_code, r.year || '/' || r.round AS source_key,
           r.recorded_at AS at, jsonb_build_object('year', r.year, 'round', r.round, 'total', r.total) AS facts
      FROM round_of k JOIN self_diagnostic_result r ON r.year = k.year AND r.round = k.round
     WHERE r.level = 'below_base' AND ${real('r')}),
  procedure_latest AS (
    SELECT procedure_code, max(year) AS y FROM assessment_result r WHERE ${real('r')} GROUP BY procedure_code),
  procedure_year AS (
    SELECT ${CURRENT} AS period, procedure_code, y FROM procedure_latest
    UNION ALL
    SELECT ${PREVIOUS}, p.procedure_code,
           CASE WHEN EXISTS (SELECT 1 FROM assessment_result r
                              WHERE r.procedure_code = p.procedure_code AND r.year = p.y - 1 AND ${real('r')})
                THEN p.y - 1 ELSE p.y END
      FROM procedure_latest p),
  measured AS (
    SELECT k.period, r.school_code, r.procedure_code, r.year, r.subject_code, r.grade, r.participants, r.updated_at,
           (r.procedure_code = ${ege} AND r.below_minimum_count IS NOT NULL) AS by_minimum,
           CASE WHEN r.procedure_code = ${ege} AND r.below_minimum_count IS NOT NULL
                THEN r.below_minimum_count ELSE r.count2 END AS failed,
           CASE WHEN r.procedure_code = ${ege} AND r.below_minimum_count IS NOT NULL
                THEN r.participants ELSE r.count2 + r.count3 + r.count4 + r.count5 END AS out_of,
           r.journal_lowered, r.journal_raised,
           r.journal_lowered + r.journal_confirmed + r.journal_raised AS journal_base
      FROM procedure_year k JOIN assessment_result r ON r.procedure_code = k.procedure_code AND r.year = k.y
     WHERE ${real('r')}),
  region AS (
    SELECT period, procedure_code, year, subject_code, coalesce(grade, 0) AS grade,
           sum(failed)::numeric AS failed, sum(out_of)::numeric AS out_of,
           sum(journal_lowered)::numeric AS lowered, sum(journal_raised)::numeric AS raised,
           sum(journal_base)::numeric AS journal_base
      FROM measured GROUP BY 1, 2, 3, 4, 5),
  compared AS (
    SELECT m.*, g.failed AS region_failed, g.out_of AS region_out_of, g.lowered AS region_lowered,
           g.raised AS region_raised, g.journal_base AS region_journal_base,
           concat_ws('/', m.procedure_code, m.year, m.subject_code, m.grade) AS source_key
      FROM measured m
      JOIN region g ON g.period = m.period AND g.procedure_code = m.procedure_code AND g.year = m.year
                   AND g.subject_code = m.subject_code AND g.grade = coalesce(m.grade, 0)),
  share2 AS (
    SELECT c.period, c.school_code, 'assessment_share_2' AS rule_code, c.source_key, c.updated_at AS at,
           jsonb_build_object('procedure', c.procedure_code, 'subject', c.subject_code, 'grade', c.grade, 'year', c.year,
                              'participants', c.participants, 'failed', c.failed, 'outOf', c.out_of,
                              'byMinimum', c.by_minimum, 'regionFailed', c.region_failed, 'regionOutOf', c.region_out_of,
                              'ratio', ${rule('assessment_share_2', 'ratio')},
                              'minShare', ${rule('assessment_share_2', 'minShare')}) AS facts
      FROM compared c
     WHERE c.out_of > 0
       AND c.participants >= ${rule('assessment_share_2', 'minParticipants')}
       AND c.failed >= ${rule('assessment_share_2', 'minShare')} * c.out_of
       AND c.failed * c.region_out_of >= ${rule('assessment_share_2', 'ratio')} * c.region_failed * c.out_of),
  journal AS (
    SELECT c.period, c.school_code, j.code AS rule_code, c.source_key, c.updated_at AS at,
           jsonb_build_object('procedure', c.procedure_code, 'subject', c.subject_code, 'grade', c.grade, 'year', c.year,
                              'participants', c.participants, 'count', j.count, 'regionCount', j.region_count,
                              'regionBase', c.region_journal_base,
                              'share', (SELECT (params->>'share')::numeric FROM risk_signal_rule WHERE code = j.code)) AS facts
      FROM compared c
      CROSS JOIN LATERAL (VALUES ('journal_lowered', c.journal_lowered, c.region_lowered),
                                 ('journal_raised', c.journal_raised, c.region_raised)) j(code, count, region_count)
     WHERE c.journal_base > 0 AND j.count IS NOT NULL
       AND c.participants >= (SELECT (params->>'minParticipants')::numeric FROM risk_signal_rule WHERE code = j.code)
       AND j.count >= (SELECT (params->>'share')::numeric FROM risk_signal_rule WHERE code = j.code) * c.journal_base),
  overdue_now AS (
    SELECT ${CURRENT} AS period, p.school_code, a.id AS activity_id, p.status::text AS status
      FROM activity_progress p JOIN plan_activity a ON a.id = p.activity_id
     WHERE p.school_code IS NOT NULL AND p.status <> 'done' AND a.deadline_end < ${today}::date AND ${real('p')}),
  overdue_then AS (
    SELECT ${PREVIOUS} AS period, p.school_code, a.id AS activity_id, h.status::text AS status
      FROM activity_progress p JOIN plan_activity a ON a.id = p.activity_id
      CROSS JOIN LATERAL (
        SELECT c.status FROM activity_progress_change c
         WHERE c.activity_id = p.activity_id AND c.target_key = p.target_key
           AND c.recorded_at < ((${today}::date - interval '1 year')::timestamp AT TIME ZONE 'Asia/Tomsk')
         ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1) h
     WHERE p.school_code IS NOT NULL AND h.status <> 'done'
       AND a.deadline_end < (${today}::date - interval '1 year')::date AND ${real('p')}),
  overdue AS (
    SELECT o.period, o.school_code, 'plan_overdue' AS rule_code, a.plan_code || ':' || a.number AS source_key,
           a.deadline_end::timestamp AT TIME ZONE 'Asia/Tomsk' AS at,
           jsonb_build_object('plan', a.plan_code, 'planTitle', pl.title, 'number', a.number, 'title', a.title,
                              'deadline', a.deadline_text, 'deadlineEnd', a.deadline_end, 'status', o.status) AS facts
      FROM (SELECT x.*, count(*) OVER (PARTITION BY x.period, x.school_code) AS n
              FROM (SELECT * FROM overdue_now UNION ALL SELECT * FROM overdue_then) x) o
      JOIN plan_activity a ON a.id = o.activity_id JOIN plan pl ON pl.code = a.plan_code
     WHERE o.n >= ${rule('plan_overdue', 'minCount')})
  SELECT e.* FROM (
    SELECT * FROM vsoko UNION ALL SELECT * FROM shnor UNION ALL SELECT * FROM candidate
    UNION ALL SELECT * FROM selfdiag UNION ALL SELECT * FROM share2 UNION ALL SELECT * FROM journal
    UNION ALL SELECT * FROM overdue) e
  JOIN risk_signal_rule r ON r.code = e.rule_code AND r.enabled
  JOIN school s ON s.code = e.school_code AND ${real('s')}`;
}

/**
 * Per school and period: the score (the sum of the weights of the rules that
 * fire, each rule once however much evidence it has) and the level its score
 * reaches by the stored cut-offs. Every school in the evaluation is listed,
 * those without signals with score 0. `withEvidence` adds the evidence rows
 * as a JSON array (`evidence`), for the service; indicators need only levels.
 */
export function riskScoresSql(options: RiskSqlOptions, params: unknown[], withEvidence = false): string {
  const evidence = riskEvidenceSql(options, params);
  // Evidence grouped once and joined (a subquery per school would scan it once per school).
  const grouped = withEvidence
    ? `,
  grouped AS (
    SELECT period, school_code,
           jsonb_agg(jsonb_build_object('rule', rule_code, 'key', source_key, 'at', at, 'facts', facts)
                     ORDER BY rule_code, source_key) AS items
      FROM evidence GROUP BY period, school_code)`
    : '';
  return `
  WITH evidence AS MATERIALIZED (${evidence}),
  fired AS (SELECT DISTINCT period, school_code, rule_code FROM evidence),
  scored AS (
    SELECT s.code AS school_code, p.period, coalesce(sum(r.weight), 0)::int AS score
      FROM school s CROSS JOIN (VALUES (${CURRENT}), (${PREVIOUS})) p(period)
      LEFT JOIN fired f ON f.school_code = s.code AND f.period = p.period
      LEFT JOIN risk_signal_rule r ON r.code = f.rule_code
     WHERE ${param(params, options.includeDemo)}::boolean OR NOT s.is_demo
     GROUP BY s.code, p.period)${grouped}
  SELECT sc.school_code, sc.period, sc.score,
         coalesce((SELECT l.level::text FROM risk_level l WHERE l.min_score <= sc.score
                    ORDER BY l.min_score DESC LIMIT 1), 'none') AS level${withEvidence ? `, coalesce(g.items, '[]') AS evidence` : ''}
    FROM scored sc${withEvidence ? ' LEFT JOIN grouped g ON g.school_code = sc.school_code AND g.period = sc.period' : ''}`;
}
