import type { SchoolCardQuery } from '../../generated/graphql';

export type AssessmentRow = NonNullable<SchoolCardQuery['school']>['assessmentResults'][number];

/** What a procedure's chart shows, and how that figure is made. */
export interface Measure {
  title: string;
  unit: '%' | 'балл';
  lowerIsBetter: boolean;
  definition: string;
  /** The figure of a group of rows (all grades of one subject in one year); null when they carry none. */
  value(rows: AssessmentRow[]): number | null;
  /** How many people stand behind the figure. */
  base(rows: AssessmentRow[]): number;
}

const sum = (rows: AssessmentRow[], f: (r: AssessmentRow) => number | null) =>
  rows.reduce((total, r) => total + (f(r) ?? 0), 0);

const share2: Measure = {
  title: 'Доля «2»',
  unit: '%',
  lowerIsBetter: true,
  definition: 'Получившие «2» среди получивших отметку, по всем классам предмета за год (сумма «2» / сумма отметок).',
  value(rows) {
    const marked = sum(rows, (r) => r.marked);
    return marked > 0 ? (100 * sum(rows, (r) => r.count2)) / marked : null;
  },
  base: (rows) => sum(rows, (r) => r.marked),
};

const meanMark: Measure = {
  title: 'Средняя отметка',
  unit: 'балл',
  lowerIsBetter: false,
  definition: 'Средняя отметка (2–5) по всем получившим отметку, взвешенная по числу участников с отметкой.',
  value(rows) {
    const withMean = rows.filter((r) => r.meanMark !== null && r.marked > 0);
    const marked = sum(withMean, (r) => r.marked);
    return marked > 0 ? sum(withMean, (r) => r.meanMark! * r.marked) / marked : null;
  },
  base: (rows) => sum(rows, (r) => r.marked),
};

const meanTestScore: Measure = {
  title: 'Средний тестовый балл',
  unit: 'балл',
  lowerIsBetter: false,
  definition:
    'Средний тестовый балл ЕГЭ (0–100) по результатам участников; базовая математика оценивается отметкой и показана в таблице отдельно.',
  value(rows) {
    const withMean = rows.filter((r) => r.meanTestScore !== null && r.participants > 0);
    const people = sum(withMean, (r) => r.participants);
    return people > 0 ? sum(withMean, (r) => r.meanTestScore! * r.participants) / people : null;
  },
  base: (rows) => sum(rows, (r) => r.participants),
};

/** ВПР and the rest: the share of «2»; ОГЭ: the mean mark; ЕГЭ: the mean test score. */
export function measureFor(procedure: string): Measure {
  if (procedure === 'OGE') return meanMark;
  if (procedure === 'EGE') return meanTestScore;
  return share2;
}

export interface SubjectSeries {
  code: string;
  name: string;
  /** The procedure's measure says nothing here (ЕГЭ base maths has marks, not test scores): the mean mark instead. */
  fallback: Measure | null;
  /** Per year: the figure, the people behind it, and the grades it covers. */
  points: Map<number, { value: number | null; base: number; grades: number[] }>;
}

export interface ProcedureSeries {
  procedure: string;
  measure: Measure;
  years: number[];
  subjects: SubjectSeries[];
}

/** One series per subject across years, for one procedure, with the measure that fits it. */
export function procedureSeries(rows: AssessmentRow[], procedure: string): ProcedureSeries {
  const measure = measureFor(procedure);
  const mine = rows.filter((r) => r.procedureCode === procedure);
  const years = [...new Set(mine.map((r) => r.year))].sort((a, b) => a - b);
  const bySubject = new Map<string, AssessmentRow[]>();
  for (const row of mine) bySubject.set(row.subjectCode, [...(bySubject.get(row.subjectCode) ?? []), row]);
  const subjects: SubjectSeries[] = [...bySubject.entries()].map(([code, subjectRows]) => {
    const own = subjectRows.some((r) => measure.value([r]) !== null);
    const used = own || measure === meanMark ? measure : meanMark;
    const points = new Map<number, { value: number | null; base: number; grades: number[] }>();
    for (const year of years) {
      const group = subjectRows.filter((r) => r.year === year);
      if (group.length === 0) continue;
      const grades = [...new Set(group.map((r) => r.grade).filter((g): g is number => g !== null))].sort(
        (a, b) => a - b,
      );
      points.set(year, { value: used.value(group), base: used.base(group), grades });
    }
    return { code, name: subjectRows[0]!.subject.name, fallback: used === measure ? null : used, points };
  });
  // Subjects with the most data first; then alphabetically, as a table reader expects.
  subjects.sort(
    (a, b) =>
      Number(Boolean(a.fallback)) - Number(Boolean(b.fallback)) ||
      b.points.size - a.points.size ||
      a.name.localeCompare(b.name, 'ru'),
  );
  return { procedure, measure, years, subjects };
}

/** Procedures in the order officials name them, only those with results. */
export function proceduresOf(rows: AssessmentRow[]): string[] {
  const order = ['VPR', 'OGE', 'EGE', 'GVE', 'REGIONAL_DIAGNOSTICS', 'FUNCTIONAL_LITERACY'];
  const present = new Set(rows.map((r) => r.procedureCode));
  return [...order.filter((p) => present.has(p)), ...[...present].filter((p) => !order.includes(p)).sort()];
}
