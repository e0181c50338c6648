import type { AggregateFilter } from '../aggregate.types';
import { param, type IndicatorDefinition } from '../indicator';

/**
 * The round asked for: both given; a year and its latest round; a round of the
 * latest year that has it; or, with neither, the latest round of all.
 */
function round(filter: AggregateFilter, params: unknown[]): string {
  const year = filter.year ?? null;
  const number = filter.round ?? null;
  const y = param(params, year);
  const r = param(params, number);
  return `(SELECT year, round FROM self_diagnostic_result
            WHERE (${y}::int IS NULL OR year = ${y}::int) AND (${r}::int IS NULL OR round = ${r}::int)
            ORDER BY year DESC, round DESC LIMIT 1)`;
}

const DOMAINS = ['selfdiag'];

export const selfDiagnosticIndicators: IndicatorDefinition[] = [
  {
    code: 'selfdiag.coverage',
    title: 'Самодиагностика: охват',
    unit: '%',
    description:
      'Доля школ, прошедших самодиагностику «Школы Минпросвещения России» в этапе (без фильтров — последний этап)',
    numerator: 'школы с результатом этапа',
    denominator: 'все школы',
    kind: 'share',
    domains: [...DOMAINS, 'school'],
    // Without both, the latest round is meant: a new one moves every school.
    incremental: (filter) => filter.year !== undefined && filter.round !== undefined,
    filters: ['year', 'round'],
    facts: (filter, params) => {
      const demo = filter.includeDemo === false ? 'AND NOT r.is_demo' : '';
      return `SELECT s.code AS school_code, NULL::text AS municipality_code,
                     EXISTS (SELECT 1 FROM self_diagnostic_result r, ${round(filter, params)} k
                              WHERE r.school_code = s.code AND r.year = k.year AND r.round = k.round ${demo})::int AS num,
                     1 AS den
                FROM school s`;
    },
  },
  {
    code: 'selfdiag.below_base_share',
    title: 'Самодиагностика: доля «ниже базового»',
    unit: '%',
    description:
      'Доля школ с уровнем «ниже базового» среди прошедших самодиагностику в этапе (без фильтров — последний этап)',
    numerator: 'школы с уровнем «ниже базового»',
    denominator: 'школы с результатом этапа',
    kind: 'share',
    domains: DOMAINS,
    // Without both, the latest round is meant: a new one moves every school.
    incremental: (filter) => filter.year !== undefined && filter.round !== undefined,
    filters: ['year', 'round'],
    facts: (filter, params) => {
      const demo = filter.includeDemo === false ? 'AND NOT r.is_demo' : '';
      return `SELECT r.school_code, NULL::text AS municipality_code, (r.level = 'below_base')::int AS num, 1 AS den
                FROM self_diagnostic_result r, ${round(filter, params)} k
               WHERE r.year = k.year AND r.round = k.round ${demo}`;
    },
  },
];
