/**
 * The ШНОР-candidate rule (product brief §3, «ШНОР / ШНСУ»: "a sourced risk rule worth offering as
 * candidates for ШНОР: at least 30 % of participants below the minimum (mark «2») in two or more
 * procedures in one year, or in the same procedure two years running"). A share equal to the
 * threshold counts.
 */
export const SHNOR_FAILURE_SHARE_THRESHOLD = 0.3;

/**
 * How the rule reads the results:
 * - "a procedure" is one school-level result row: procedure × subject × grade (ВПР in maths in
 *   grade 5 and in grade 6 are two procedures);
 * - "below the minimum" is the share of «2» among participants with a mark, and for ЕГЭ rows
 *   derived from participants the share below the year's minimum test score;
 * - "the same procedure two years running" is the same procedure and subject in the year and the
 *   year before; the grade must be the same, except for ВПР, where the class that moved up a grade
 *   (grade − 1 the year before) counts as well — ВПР follows a cohort through grades 4–8, so a
 *   class failing twice is the same children, while the same grade failing twice is the same
 *   teaching. ОГЭ and ЕГЭ are held in one grade, so the exception does not arise.
 */
export enum ShnorRuleBranch {
  TWO_PROCEDURES_ONE_YEAR = 'two_procedures_one_year',
  SAME_PROCEDURE_TWO_YEARS = 'same_procedure_two_years',
}

export enum ShnorFailureMeasure {
  MARK_2 = 'mark_2',
  BELOW_MINIMUM = 'below_minimum',
}

/** One result row that meets the threshold, as the candidates query returns it. */
export interface FailingResultRow {
  branch: ShnorRuleBranch;
  schoolCode: string;
  procedureCode: string;
  subjectCode: string;
  grade: number | null;
  year: number;
  participants: number;
  failed: number;
  outOf: number;
  measure: ShnorFailureMeasure;
}

export interface CandidateGroup {
  schoolCode: string;
  branches: ShnorRuleBranch[];
  evidence: FailingResultRow[];
}

/** Groups evidence rows by school, in the order the rows come (school code order). */
export function groupCandidates(rows: readonly FailingResultRow[]): CandidateGroup[] {
  const bySchool = new Map<string, CandidateGroup>();
  for (const row of rows) {
    const group = bySchool.get(row.schoolCode) ?? { schoolCode: row.schoolCode, branches: [], evidence: [] };
    if (!group.branches.includes(row.branch)) group.branches.push(row.branch);
    group.evidence.push(row);
    bySchool.set(row.schoolCode, group);
  }
  return [...bySchool.values()];
}
