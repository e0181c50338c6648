/** Error codes of the early-warning module (GraphQL `extensions.code`). */
export const RiskErrorCode = {
  UNKNOWN_SCHOOL: 'RISK_UNKNOWN_SCHOOL',
  UNKNOWN_RULE: 'RISK_UNKNOWN_RULE',
  BAD_RULE: 'RISK_BAD_RULE',
  BAD_CUTOFFS: 'RISK_BAD_CUTOFFS',
  BAD_CURSOR: 'BAD_CURSOR',
} as const;

export type RiskErrorCode = (typeof RiskErrorCode)[keyof typeof RiskErrorCode];
