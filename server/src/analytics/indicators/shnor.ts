import { param, type IndicatorDefinition } from '../indicator';

export const shnorIndicators: IndicatorDefinition[] = [
  {
    code: 'shnor.count',
    title: 'Школы ШНОР/ШНСУ',
    unit: 'школ',
    description: 'Школы в списке ШНОР/ШНСУ года (без фильтра — последний список)',
    numerator: 'школы в списке',
    denominator: 'школы в списке',
    kind: 'count',
    domains: ['shnor'],
    // Without a year, the latest list is meant: a new one moves every school.
    incremental: (filter) => filter.year !== undefined,
    filters: ['year'],
    facts: (filter, params) => {
      const year =
        filter.year !== undefined && filter.year !== null
          ? param(params, filter.year)
          : '(SELECT max(year) FROM shnor_listing)';
      const demo = filter.includeDemo === false ? 'AND NOT l.is_demo' : '';
      return `SELECT l.school_code, NULL::text AS municipality_code, 1 AS num, 1 AS den
                FROM shnor_listing l WHERE l.year = ${year} ${demo}`;
    },
  },
];
