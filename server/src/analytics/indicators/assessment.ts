import type { AggregateFilter } from '../aggregate.types';
import { param, type IndicatorDefinition } from '../indicator';

/**
 * Assessment indicators read `assessment_rollup`: one row per school for any
 * year/procedure/subject/grade filter ('*' and -1 stand for "all subjects" and
 * "all grades"), kept on every write of the school-level results.
 */
function rollupFacts(num: string, den: string) {
  return (filter: AggregateFilter, params: unknown[]) => {
    const where = [
      `subject_code = ${param(params, filter.subject ?? '*')}`,
      `grade = ${param(params, filter.grade ?? -1)}`,
    ];
    if (filter.year !== undefined && filter.year !== null) where.push(`year = ${param(params, filter.year)}`);
    if (filter.procedure) where.push(`procedure_code = ${param(params, filter.procedure)}`);
    if (filter.includeDemo === false) where.push('NOT is_demo');
    return `SELECT school_code, NULL::text AS municipality_code, ${num} AS num, ${den} AS den
              FROM assessment_rollup WHERE ${where.join(' AND ')}`;
  };
}

/** A school's rollup rows are its own. */
const always = () => true;

const FILTERS = ['year', 'procedure', 'subject', 'grade'] as const;
const DOMAINS = ['assessment'];

export const assessmentIndicators: IndicatorDefinition[] = [
  {
    code: 'assessment.share_2',
    title: 'Доля отметок «2»',
    unit: '%',
    description: 'Доля участников, получивших «2», среди участников с отметкой (ВПР, ОГЭ, ГВЭ; ЕГЭ — где есть отметка)',
    numerator: 'участники с отметкой «2»',
    denominator: 'участники, получившие отметку',
    kind: 'share',
    domains: DOMAINS,
    filters: [...FILTERS],
    incremental: always,
    facts: rollupFacts('count2', 'marked'),
  },
  {
    code: 'assessment.share_45',
    title: 'Доля отметок «4» и «5»',
    unit: '%',
    description: 'Доля участников с отметками «4» и «5» среди участников с отметкой',
    numerator: 'участники с отметками «4» и «5»',
    denominator: 'участники, получившие отметку',
    kind: 'share',
    domains: DOMAINS,
    filters: [...FILTERS],
    incremental: always,
    facts: rollupFacts('count45', 'marked'),
  },
  {
    code: 'assessment.mean_score',
    title: 'Средний тестовый балл',
    unit: 'балл',
    description: 'Средний тестовый балл участников (ЕГЭ — по 100-балльной шкале); только результаты с баллами',
    numerator: 'сумма тестовых баллов',
    denominator: 'участники с тестовым баллом',
    kind: 'mean',
    domains: DOMAINS,
    filters: [...FILTERS],
    incremental: always,
    facts: rollupFacts('score_sum', 'score_base'),
  },
  {
    code: 'assessment.below_min_share',
    title: 'Доля ниже минимального балла',
    unit: '%',
    description: 'Доля участников ЕГЭ с тестовым баллом ниже минимального по предмету и году',
    numerator: 'участники ниже минимального балла',
    denominator: 'участники с известным тестовым баллом',
    kind: 'share',
    domains: DOMAINS,
    filters: [...FILTERS],
    incremental: always,
    facts: rollupFacts('below_minimum', 'below_minimum_base'),
  },
  {
    code: 'assessment.journal_lowered_share',
    title: 'Понизили отметку по журналу',
    unit: '%',
    description: 'Доля участников, чья отметка за работу ниже отметки по журналу (сравнение ВПР с журналом)',
    numerator: 'понизили',
    denominator: 'участники со сравнением с журналом',
    kind: 'share',
    domains: DOMAINS,
    filters: [...FILTERS],
    incremental: always,
    facts: rollupFacts('journal_lowered', 'journal_base'),
  },
  {
    code: 'assessment.journal_raised_share',
    title: 'Повысили отметку по журналу',
    unit: '%',
    description: 'Доля участников, чья отметка за работу выше отметки по журналу (сравнение ВПР с журналом)',
    numerator: 'повысили',
    denominator: 'участники со сравнением с журналом',
    kind: 'share',
    domains: DOMAINS,
    filters: [...FILTERS],
    incremental: always,
    facts: rollupFacts('journal_raised', 'journal_base'),
  },
];
