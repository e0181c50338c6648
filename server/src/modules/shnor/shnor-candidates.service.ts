import type { EntityManager } from 'typeorm';
import { ProcedureCode } from '../assessments/procedure-codes';
import type { ShnorCandidate } from './shnor-candidate';
import { ShnorService } from './shnor.service';
import { groupCandidates, SHNOR_FAILURE_SHARE_THRESHOLD, ShnorRuleBranch, type FailingResultRow } from './shnor-rule';

/** A grade the year before that continues this row's grade (see `shnor-rule.ts`). */
const CONTINUES = (prev: string, cur: string, vpr: string) =>
  `(${prev}.grade IS NOT DISTINCT FROM ${cur}.grade OR (${cur}.procedure_code = ${vpr} AND ${cur}.grade = ${prev}.grade + 1))`;

const SAME_SUBJECT = (a: string, b: string) =>
  `${a}.school_code = ${b}.school_code AND ${a}.procedure_code = ${b}.procedure_code AND ${a}.subject_code = ${b}.subject_code`;

/** SQL expressions the rule's statement is built with (placeholders or subqueries). */
export interface CandidateSqlArgs {
  /** The year the rule is applied to. */
  year: string;
  /** The ЕГЭ and ВПР procedure codes. */
  ege: string;
  vpr: string;
  /** The share that counts as failing (0…1, text or numeric). */
  threshold: string;
  /** An extra condition on the results `r` (e.g. leaving demo data out). */
  where?: string;
}

/**
 * One statement over the school-level results of the year and the year before: the rows that
 * meet the threshold, kept where they make a school a candidate, labelled with the branch.
 * Exported so that the early warning applies the very same rule to every school at once.
 */
export function candidateEvidenceSql(a: CandidateSqlArgs): string {
  return `
  WITH measured AS (
    SELECT r.school_code, r.procedure_code, r.subject_code, r.grade, r.year, r.participants,
           (r.procedure_code = ${a.ege} AND r.below_minimum_count IS NOT NULL) AS by_minimum,
           CASE WHEN r.procedure_code = ${a.ege} AND r.below_minimum_count IS NOT NULL
                THEN r.below_minimum_count ELSE r.count2 END AS failed,
           CASE WHEN r.procedure_code = ${a.ege} AND r.below_minimum_count IS NOT NULL
                THEN r.participants ELSE r.count2 + r.count3 + r.count4 + r.count5 END AS out_of
      FROM assessment_result r
     WHERE r.year IN (${a.year}, ${a.year} - 1) ${a.where ? `AND ${a.where}` : ''}
  ),
  failing AS (
    SELECT * FROM measured WHERE out_of > 0 AND failed >= (${a.threshold})::numeric * out_of
  ),
  one_year AS (
    SELECT * FROM (SELECT f.*, count(*) OVER (PARTITION BY f.school_code) AS n FROM failing f WHERE f.year = ${a.year}) x
     WHERE n >= 2
  ),
  two_years AS (
    SELECT f.* FROM failing f
     WHERE EXISTS (
       SELECT 1 FROM failing o
        WHERE ${SAME_SUBJECT('o', 'f')}
          AND ((f.year = ${a.year} AND o.year = ${a.year} - 1 AND ${CONTINUES('o', 'f', a.vpr)})
            OR (f.year = ${a.year} - 1 AND o.year = ${a.year} AND ${CONTINUES('f', 'o', a.vpr)})))
  )
  SELECT branch, school_code AS "schoolCode", procedure_code AS "procedureCode", subject_code AS "subjectCode",
         grade, year, participants, failed, out_of AS "outOf",
         CASE WHEN by_minimum THEN 'below_minimum' ELSE 'mark_2' END AS measure
    FROM (SELECT '${ShnorRuleBranch.TWO_PROCEDURES_ONE_YEAR}' AS branch, school_code, procedure_code, subject_code,
                 grade, year, participants, failed, out_of, by_minimum FROM one_year
          UNION ALL
          SELECT '${ShnorRuleBranch.SAME_PROCEDURE_TWO_YEARS}', school_code, procedure_code, subject_code,
                 grade, year, participants, failed, out_of, by_minimum FROM two_years) e
   ORDER BY school_code, branch DESC, year DESC, procedure_code, subject_code, grade`;
}

const CANDIDATES_SQL = candidateEvidenceSql({ year: '$1::int', ege: '$2', vpr: '$3', threshold: '$4' });

export class ShnorCandidatesService {
  constructor(private readonly em: EntityManager) {}

  /** Schools that meet the ШНОР-candidate rule in `year`, with the evidence and their listings. */
  async candidates(year: number): Promise<ShnorCandidate[]> {
    const rows: FailingResultRow[] = await this.em.query(CANDIDATES_SQL, [
      year,
      ProcedureCode.EGE,
      ProcedureCode.VPR,
      String(SHNOR_FAILURE_SHARE_THRESHOLD),
    ]);
    const groups = groupCandidates(rows);
    if (groups.length === 0) return [];
    const codes = groups.map((g) => g.schoolCode);
    const listings = await new ShnorService(this.em).inYears(codes, [year, year + 1]);
    return groups.map((g) => {
      const found = listings.filter((l) => l.schoolCode === g.schoolCode);
      return {
        schoolCode: g.schoolCode,
        year,
        branches: g.branches,
        evidence: g.evidence.map((e) => ({ ...e, count: e.failed, share: e.failed / e.outOf })),
        listed: found.length > 0,
        listings: found,
      };
    });
  }
}
