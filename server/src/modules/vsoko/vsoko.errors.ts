import type { FieldProblem } from '../../graphql/errors';

/** Error codes of the ВСОКО module (`extensions.code`, and `code` of each reported problem). */
export const VsokoErrorCode = {
  UNKNOWN_SCHOOL: 'VSOKO_UNKNOWN_SCHOOL',
  UNKNOWN_CAMPAIGN: 'VSOKO_UNKNOWN_CAMPAIGN',
  SCHOOL_NOT_IN_SAMPLE: 'VSOKO_SCHOOL_NOT_IN_SAMPLE',
  UNKNOWN_BLOCK: 'VSOKO_UNKNOWN_BLOCK',
  DUPLICATE_BLOCK: 'VSOKO_DUPLICATE_BLOCK',
  MISSING_BLOCK: 'VSOKO_MISSING_BLOCK',
  SCORE_NOT_INTEGER: 'VSOKO_SCORE_NOT_INTEGER',
  SCORE_NEGATIVE: 'VSOKO_SCORE_NEGATIVE',
  SCORE_ABOVE_MAX: 'VSOKO_SCORE_ABOVE_MAX',
  BAD_COUNT: 'VSOKO_BAD_COUNT',
  UNKNOWN_PASSPORT_ITEM: 'VSOKO_UNKNOWN_PASSPORT_ITEM',
  NOT_A_POSITION: 'VSOKO_NOT_A_POSITION',
  UNKNOWN_DOCUMENT: 'VSOKO_UNKNOWN_DOCUMENT',
  DUPLICATE_DOCUMENT: 'VSOKO_DUPLICATE_DOCUMENT',
} as const;

export type VsokoErrorCode = (typeof VsokoErrorCode)[keyof typeof VsokoErrorCode];

/** A broken rule with its code, so an import can report and count problems by kind. */
export interface VsokoProblem extends FieldProblem {
  code: VsokoErrorCode;
}
