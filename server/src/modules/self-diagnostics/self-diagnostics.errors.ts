import type { FieldProblem } from '../../graphql/errors';

/** Error codes of the self-diagnostics module (`extensions.code`, and `code` of each problem). */
export const SelfDiagnosticErrorCode = {
  UNKNOWN_SCHOOL: 'SELFDIAG_UNKNOWN_SCHOOL',
  BAD_YEAR: 'SELFDIAG_BAD_YEAR',
  BAD_ROUND: 'SELFDIAG_BAD_ROUND',
  UNKNOWN_DIRECTION: 'SELFDIAG_UNKNOWN_DIRECTION',
  DUPLICATE_DIRECTION: 'SELFDIAG_DUPLICATE_DIRECTION',
  BAD_SCORE: 'SELFDIAG_BAD_SCORE',
  BAD_TOTAL: 'SELFDIAG_BAD_TOTAL',
  TOTAL_MISMATCH: 'SELFDIAG_TOTAL_MISMATCH',
  UNKNOWN_LEVEL: 'SELFDIAG_UNKNOWN_LEVEL',
} as const;

export type SelfDiagnosticErrorCode = (typeof SelfDiagnosticErrorCode)[keyof typeof SelfDiagnosticErrorCode];

export interface SelfDiagnosticProblem extends FieldProblem {
  code: SelfDiagnosticErrorCode;
}
