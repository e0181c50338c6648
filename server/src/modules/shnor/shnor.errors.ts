/** Error codes of the ШНОР module (GraphQL `extensions.code`, import problems). */
export const ShnorErrorCode = {
  UNKNOWN_SCHOOL: 'SHNOR_UNKNOWN_SCHOOL',
  YEAR_OUT_OF_RANGE: 'SHNOR_YEAR_OUT_OF_RANGE',
  UNKNOWN_CATEGORY: 'SHNOR_UNKNOWN_CATEGORY',
  UNKNOWN_PROGRAMME_STATUS: 'SHNOR_UNKNOWN_PROGRAMME_STATUS',
  CURATOR_TOO_LONG: 'SHNOR_CURATOR_TOO_LONG',
} as const;

export type ShnorErrorCode = (typeof ShnorErrorCode)[keyof typeof ShnorErrorCode];
