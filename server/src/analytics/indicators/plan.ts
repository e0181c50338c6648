import type { AggregateFilter } from '../aggregate.types';
import { param, type IndicatorDefinition } from '../indicator';

/**
 * Plan indicators count progress targets: a school's target belongs to the
 * school, a municipality's to the municipality, a regional one to the region.
 * "Today" is the date in Tomsk, as everywhere in the plans.
 */
function targets(filter: AggregateFilter, params: unknown[], num: string): string {
  const plan = filter.plan ? `AND a.plan_code = ${param(params, filter.plan)}` : '';
  const demo = filter.includeDemo === false ? 'AND NOT p.is_demo' : '';
  return `SELECT p.school_code, CASE WHEN p.school_code IS NULL THEN p.municipality_code END AS municipality_code,
                 ${num} AS num, 1 AS den
            FROM activity_progress p JOIN plan_activity a ON a.id = p.activity_id
           WHERE true ${plan} ${demo}`;
}

const OVERDUE = `(p.status <> 'done' AND a.deadline_end < (now() AT TIME ZONE 'Asia/Tomsk')::date)`;

export const planIndicators: IndicatorDefinition[] = [
  {
    code: 'plan.done_share',
    title: 'Планы: доля выполненного',
    unit: '%',
    description:
      'Доля выполненных целей мероприятий (регион, муниципалитет или школа) по планам; фильтр plan — код плана',
    numerator: 'выполненные цели мероприятий',
    denominator: 'все цели мероприятий с отметками о ходе',
    kind: 'share',
    domains: ['plan'],
    // A municipality's or the region's target names no school: such a change reloads everything.
    incremental: () => true,
    filters: ['plan'],
    facts: (filter, params) => targets(filter, params, `(p.status = 'done')::int`),
  },
  {
    code: 'plan.overdue_count',
    title: 'Планы: просрочено',
    unit: 'целей',
    description: 'Цели мероприятий, срок которых прошёл, а работа не выполнена (на сегодня по томскому времени)',
    numerator: 'просроченные цели',
    denominator: 'просроченные цели',
    kind: 'count',
    domains: ['plan'],
    // A municipality's or the region's target names no school: such a change reloads everything.
    incremental: () => true,
    filters: ['plan'],
    daily: true,
    facts: (filter, params) => targets(filter, params, `${OVERDUE}::int`),
  },
];
