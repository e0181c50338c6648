/**
 * Codes of the procedures whose rules the code knows: ЕГЭ minimum scores, ОГЭ mark scales,
 * and the ВПР cohort that moves up a grade each year. Other procedures are plain data.
 */
export const ProcedureCode = {
  VPR: 'VPR',
  OGE: 'OGE',
  EGE: 'EGE',
  GVE: 'GVE',
  REGIONAL_DIAGNOSTICS: 'REGIONAL_DIAGNOSTICS',
  FUNCTIONAL_LITERACY: 'FUNCTIONAL_LITERACY',
} as const;
