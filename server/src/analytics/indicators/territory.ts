import type { IndicatorDefinition } from '../indicator';

export const territoryIndicators: IndicatorDefinition[] = [
  {
    code: 'schools.count',
    title: 'Число школ',
    unit: 'школ',
    description: 'Общеобразовательные организации в реестре хаба',
    numerator: 'школы',
    denominator: 'школы',
    kind: 'count',
    domains: ['school'],
    incremental: () => true,
    filters: [],
    facts: () => `SELECT code AS school_code, NULL::text AS municipality_code, 1 AS num, 1 AS den FROM school`,
  },
];
