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
    filters: [],
    perSchool: () => `SELECT code AS school_code, 1 AS num, 1 AS den FROM school`,
  },
];
