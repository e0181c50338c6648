import { regionToday, plansClock } from '../../modules/plans/clock';
import { CURRENT, riskScoresSql } from '../../modules/risk/risk-sql';
import type { IndicatorDefinition } from '../indicator';

/**
 * The early warning's share of schools at high risk: the same statement as the
 * risk radar (rules and cut-offs read from the database), so that the share and
 * the radar's counts agree at every grouping.
 */
export const riskIndicators: IndicatorDefinition[] = [
  {
    code: 'risk.high_share',
    title: 'Доля школ в зоне высокого риска (раннее предупреждение)',
    unit: '%',
    description:
      'Доля школ, у которых сумма весов сигналов раннего предупреждения (ВСОКО, ШНОР, самодиагностика, ' +
      'результаты оценочных процедур, просроченные мероприятия) достигает порога уровня «высокий риск»',
    numerator: 'школы с уровнем «высокий риск»',
    denominator: 'все школы',
    kind: 'share',
    domains: ['risk', 'vsoko', 'shnor', 'selfdiag', 'assessment', 'plan'],
    filters: [],
    daily: true,
    facts: (filter, params) => {
      const scores = riskScoresSql(
        { includeDemo: filter.includeDemo !== false, today: regionToday(plansClock()) },
        params,
      );
      return `SELECT r.school_code, NULL::text AS municipality_code, (r.level = 'high')::int AS num, 1 AS den
                FROM (${scores}) r WHERE r.period = ${CURRENT}`;
    },
  },
];
