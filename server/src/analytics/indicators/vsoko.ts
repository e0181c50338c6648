import type { AggregateFilter } from '../aggregate.types';
import { param, type IndicatorDefinition } from '../indicator';

/** The campaign asked for, or the latest one. */
function campaign(filter: AggregateFilter, params: unknown[]): string {
  return filter.campaignYear !== undefined && filter.campaignYear !== null
    ? param(params, filter.campaignYear)
    : '(SELECT max(year) FROM vsoko_campaign)';
}

const demo = (filter: AggregateFilter) => (filter.includeDemo === false ? 'AND NOT o.is_demo' : '');
const DOMAINS = ['vsoko'];

export const vsokoIndicators: IndicatorDefinition[] = [
  {
    code: 'vsoko.high_risk_share',
    title: 'ВСОКО: доля школ в зоне высокого риска',
    unit: '%',
    description: 'Доля оценённых школ, отнесённых к зоне высокого риска (без фильтра — последняя кампания)',
    numerator: 'школы в зоне высокого риска',
    denominator: 'оценённые школы',
    kind: 'share',
    domains: DOMAINS,
    // Without a campaign year, the latest campaign is meant: a new one moves every school.
    incremental: (filter) => filter.campaignYear !== undefined,
    filters: ['campaignYear'],
    facts: (filter, params) =>
      `SELECT o.school_code, NULL::text AS municipality_code, (o.zone = 'high')::int AS num, 1 AS den
         FROM vsoko_evaluation_outcome o WHERE o.campaign_year = ${campaign(filter, params)} ${demo(filter)}`,
  },
  {
    code: 'vsoko.mean_total',
    title: 'ВСОКО: средний суммарный балл',
    unit: 'балл',
    description: 'Средняя сумма баллов четырёх блоков (максимум 49) по оценённым школам',
    numerator: 'сумма суммарных баллов',
    denominator: 'оценённые школы',
    kind: 'mean',
    domains: DOMAINS,
    // Without a campaign year, the latest campaign is meant: a new one moves every school.
    incremental: (filter) => filter.campaignYear !== undefined,
    filters: ['campaignYear'],
    facts: (filter, params) =>
      `SELECT o.school_code, NULL::text AS municipality_code, o.total AS num, 1 AS den
         FROM vsoko_evaluation_outcome o WHERE o.campaign_year = ${campaign(filter, params)} ${demo(filter)}`,
  },
  {
    code: 'vsoko.block_risk_share',
    title: 'ВСОКО: доля школ с риском по блоку',
    unit: '%',
    description: 'Доля оценённых школ, набравших по блоку меньше минимального порога (фильтр block — номер блока 1–4)',
    numerator: 'школы с баллом блока ниже порога',
    denominator: 'оценённые школы',
    kind: 'share',
    domains: DOMAINS,
    // Without a campaign year, the latest campaign is meant: a new one moves every school.
    incremental: (filter) => filter.campaignYear !== undefined,
    filters: ['campaignYear', 'block'],
    requires: ['block'],
    facts: (filter, params) =>
      `SELECT o.school_code, NULL::text AS municipality_code,
              (${param(params, filter.block)}::int = ANY(o.risky_blocks))::int AS num, 1 AS den
         FROM vsoko_evaluation_outcome o WHERE o.campaign_year = ${campaign(filter, params)} ${demo(filter)}`,
  },
];
