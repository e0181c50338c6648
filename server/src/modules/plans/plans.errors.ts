import type { FieldProblem } from '../../graphql/errors';

/** Error codes of the plans module (GraphQL `extensions.code`, and per problem). */
export const PlansErrorCode = {
  ACTIVITY_NOT_FOUND: 'PLANS_ACTIVITY_NOT_FOUND',
  BAD_STATUS: 'PLANS_BAD_STATUS',
  BAD_EVIDENCE_URL: 'PLANS_BAD_EVIDENCE_URL',
  COMMENT_TOO_LONG: 'PLANS_COMMENT_TOO_LONG',
  TARGET_INCOMPLETE: 'PLANS_TARGET_INCOMPLETE',
  TARGET_LEVEL_MISMATCH: 'PLANS_TARGET_LEVEL_MISMATCH',
  UNKNOWN_MUNICIPALITY: 'PLANS_UNKNOWN_MUNICIPALITY',
  UNKNOWN_SCHOOL: 'PLANS_UNKNOWN_SCHOOL',
  SCHOOL_NOT_IN_MUNICIPALITY: 'PLANS_SCHOOL_NOT_IN_MUNICIPALITY',
} as const;

export type PlansErrorCodeValue = (typeof PlansErrorCode)[keyof typeof PlansErrorCode];

/** A broken rule with its own code, so an import can report each one per line and column. */
export interface PlanProblem extends FieldProblem {
  code: PlansErrorCodeValue;
}
