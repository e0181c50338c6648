import { describe, expect, it } from 'vitest';
import {
  groupCandidates,
  SHNOR_FAILURE_SHARE_THRESHOLD,
  ShnorFailureMeasure,
  ShnorRuleBranch,
  type FailingResultRow,
} from './shnor-rule';

const row = (schoolCode: string, branch: ShnorRuleBranch, subjectCode: string): FailingResultRow => ({
  branch,
  schoolCode,
  procedureCode: 'VPR',
  subjectCode,
  grade: 5,
  year: 2024,
  participants: 10,
  failed: 3,
  outOf: 10,
  measure: ShnorFailureMeasure.MARK_2,
});

describe('the ШНОР-candidate rule', () => {
  it('uses the sourced 30 % threshold', () => {
    expect(SHNOR_FAILURE_SHARE_THRESHOLD).toBe(0.3);
  });

  it('groups evidence by school, listing each branch once', () => {
    const groups = groupCandidates([
      row('a', ShnorRuleBranch.TWO_PROCEDURES_ONE_YEAR, 'RUSSIAN'),
      row('a', ShnorRuleBranch.TWO_PROCEDURES_ONE_YEAR, 'MATHEMATICS'),
      row('a', ShnorRuleBranch.SAME_PROCEDURE_TWO_YEARS, 'RUSSIAN'),
      row('b', ShnorRuleBranch.SAME_PROCEDURE_TWO_YEARS, 'HISTORY'),
    ]);
    expect(groups.map((g) => [g.schoolCode, g.branches, g.evidence.length])).toEqual([
      ['a', [ShnorRuleBranch.TWO_PROCEDURES_ONE_YEAR, ShnorRuleBranch.SAME_PROCEDURE_TWO_YEARS], 3],
      ['b', [ShnorRuleBranch.SAME_PROCEDURE_TWO_YEARS], 1],
    ]);
  });
});
